import { onScopeDispose, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { useFiltersStore } from '../stores/filters'
import { useDatasetStore } from '../stores/dataset'
import { useSettingsStore, isThemeName } from '../stores/settings'
import { parsePeriod, periodKey } from '../domain/period'
import { isLocale, setLocale } from '../i18n'
import { afterNextReady } from './renderReadiness'

/** What the URL holds besides the view (the route path): every value a shared link must restore. */
interface UrlState {
  region: string | null
  period: string | null
  indicator: string | null
  lang: string
  theme: string
}

/** The longest a URL write waits for the change to be drawn. */
const WRITE_FALLBACK_MS = 1000

export interface UrlStateSync {
  /** The route is at the URL this composable wrote last: it mirrors a change already drawn. */
  isOwnWrite(fullPath: string): boolean
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
export function useUrlStateSync(): UrlStateSync {
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

  /** The route's query with the state's values written in (null: the key removed). */
  function queryWith(base: LocationQuery, state: UrlState): LocationQuery {
    const query: LocationQuery = { ...base }
    for (const [key, value] of Object.entries(state)) {
      if (value === null) delete query[key]
      else query[key] = value
    }
    return query
  }

  let lastWritten: string | null = null
  function writeQuery(state: UrlState, previous: UrlState | undefined): void {
    const query = queryWith(route.query, state)
    const same = Object.keys(state).every((key) => (route.query[key] ?? null) === (query[key] ?? null))
    if (same) return
    lastWritten = router.resolve({ query }).fullPath
    const filtersChanged =
      previous !== undefined &&
      (state.region !== previous.region || state.period !== previous.period || state.indicator !== previous.indicator)
    void (filtersChanged ? router.push({ query }) : router.replace({ query }))
  }

  // The URL is written once the change has been drawn (the ready mark), not before: writing it is a
  // navigation (history.pushState, the route's watchers), some 40 ms of a filter change's ~190 ms
  // with the CPU throttled 4× (npm run bench, 360,000 rows). An idle callback was tried and came
  // sooner, while the browser waited for the frame that shows the change. A burst of changes (arrow
  // keys down a picker) is one history entry, from the state before it to the state after it.
  let pending: { state: UrlState; previous: UrlState | undefined } | null = null
  let fallback: ReturnType<typeof setTimeout> | null = null
  function flushWrite(): void {
    if (fallback !== null) clearTimeout(fallback)
    fallback = null
    const write = pending
    pending = null
    if (write) writeQuery(write.state, write.previous)
  }
  function scheduleWrite(state: UrlState, previous: UrlState | undefined): void {
    const scheduled = pending !== null
    pending = { state, previous: pending ? pending.previous : previous }
    if (scheduled) return
    afterNextReady(flushWrite)
    // Should no mark come (a view that draws nothing new, a hidden tab), the write is not lost.
    fallback = setTimeout(flushWrite, WRITE_FALLBACK_MS)
  }
  // A navigation that starts before the write: a link to another view built from the route's query
  // (the view tabs), which does not have the change yet, carries the state the reader sees. Anything
  // else brings its own state, which the write must not then overwrite: back and forward, a link to
  // the same view, an address typed or pasted with other values.
  const removeGuard = router.beforeEach((to, from) => {
    if (pending === null) return true
    const state = pending.state
    pending = null
    const stale = Object.keys(state).every((key) => (to.query[key] ?? null) === (from.query[key] ?? null))
    if (to.path === from.path || !stale) return true
    return { path: to.path, query: queryWith(to.query, state), hash: to.hash }
  })
  onScopeDispose(removeGuard)

  // Only after the first navigation: before it, route.query is still empty and writing it would
  // erase the link's own query. Immediate, so the URL names the language and theme from the start.
  // The link's own query is applied first: the query watcher may not have run yet at this point.
  void router.isReady().then(() => {
    applyQuery(route.query)
    // The first write names the language and theme at once (replace, nothing to draw first).
    writeQuery(currentState(), undefined)
    watch(currentState, scheduleWrite)
  })
  return { isOwnWrite: (fullPath) => fullPath === lastWritten }
}
