import { watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { useFiltersStore } from '../stores/filters'
import { useDatasetStore } from '../stores/dataset'
import { useSettingsStore, isThemeName } from '../stores/settings'
import { parsePeriod, periodKey } from '../domain/period'
import { isLocale, setLocale } from '../i18n'

/** What the URL holds besides the view (the route path): every value a shared link must restore. */
interface UrlState {
  region: string | null
  period: string | null
  indicator: string | null
  lang: string
  theme: string
}

function single(value: LocationQuery[string] | undefined): string | null {
  return typeof value === 'string' ? value : null
}

/**
 * Keeps the navigation state in the URL (#/targets?region=jingkou&indicator=…&period=…&lang=en&theme=dark),
 * so any view is a shareable link, a reload shows the same thing and back/forward work.
 * Values from a link are checked against the dataset and ignored when unknown, never trusted.
 * Filter changes push a history entry (back undoes them); the language and theme replace it.
 */
export function useUrlStateSync(): void {
  const route = useRoute()
  const router = useRouter()
  const filters = useFiltersStore()
  const settings = useSettingsStore()
  const datasetStore = useDatasetStore()
  const { locale } = useI18n()

  function applyQuery(query: LocationQuery): void {
    const index = datasetStore.index
    // While a ?data= link is still loading, its region and indicator are taken as given: they may
    // exist only in the linked data. Once it has loaded (or failed), unknown values are dropped.
    const data = single(query.data)
    const awaitingData = data !== null && datasetStore.settledUrlParam !== data
    const region = single(query.region)
    filters.regionId = region !== null && (awaitingData || index.subjects.has(region)) ? region : null
    const period = single(query.period)
    const parsed = period === null ? null : parsePeriod(period)
    filters.periodKey = parsed === null ? null : periodKey(parsed)
    const indicator = single(query.indicator)
    filters.indicatorId = indicator !== null && (awaitingData || index.indicators.has(indicator)) ? indicator : null
    const lang = single(query.lang)
    if (isLocale(lang) && lang !== locale.value) setLocale(lang)
    const theme = single(query.theme)
    if (isThemeName(theme)) settings.theme = theme
  }

  function currentState(): UrlState {
    return {
      region: filters.regionId,
      period: filters.periodKey,
      indicator: filters.indicatorId,
      lang: locale.value,
      theme: settings.theme,
    }
  }

  watch(() => route.query, applyQuery, { immediate: true })
  // A new dataset may no longer hold the region or indicator a link named.
  watch([() => datasetStore.index, () => datasetStore.settledUrlParam], () => applyQuery(route.query))

  function writeQuery(state: UrlState, previous: UrlState | undefined): void {
    const query: LocationQuery = { ...route.query }
    for (const [key, value] of Object.entries(state)) {
      if (value === null) delete query[key]
      else query[key] = value
    }
    const same = Object.keys(state).every((key) => (route.query[key] ?? null) === (query[key] ?? null))
    if (same) return
    const filtersChanged =
      previous !== undefined &&
      (state.region !== previous.region || state.period !== previous.period || state.indicator !== previous.indicator)
    void (filtersChanged ? router.push({ query }) : router.replace({ query }))
  }

  // Only after the first navigation: before it, route.query is still empty and writing it would
  // erase the link's own query. Immediate, so the URL names the language and theme from the start.
  // The link's own query is applied first: the query watcher may not have run yet at this point.
  void router.isReady().then(() => {
    applyQuery(route.query)
    watch(currentState, writeQuery, { immediate: true })
  })
}
