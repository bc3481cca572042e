import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useFiltersStore } from '../stores/filters'
import { useDatasetStore } from '../stores/dataset'
import { parsePeriod, periodKey } from '../domain/period'

/**
 * Keeps the header's region and period in the URL (?region=dashikou&period=2023-01..2023-10), so a
 * link or a reload shows the same selection. Unknown values in a link are ignored, not trusted.
 */
export function useFilterQuerySync(): void {
  const route = useRoute()
  const router = useRouter()
  const filters = useFiltersStore()
  const datasetStore = useDatasetStore()

  watch(
    () => [route.query.region, route.query.period] as const,
    ([region, period]) => {
      filters.regionId = typeof region === 'string' && datasetStore.index.subjects.has(region) ? region : null
      const parsed = typeof period === 'string' ? parsePeriod(period) : null
      filters.periodKey = parsed === null ? null : periodKey(parsed)
    },
    { immediate: true },
  )

  watch(
    () => [filters.regionId, filters.periodKey] as const,
    ([region, period]) => {
      if ((route.query.region ?? null) === region && (route.query.period ?? null) === period) return
      const query = { ...route.query }
      delete query.region
      delete query.period
      if (region !== null) query.region = region
      if (period !== null) query.period = period
      void router.replace({ query })
    },
  )
}
