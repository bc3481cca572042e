import { computed } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'
import { observationsInScope } from '../domain/scope'

/** The observations of the chosen region (and below) and period, recomputed only when those change. */
export function useScopedObservations() {
  const datasetStore = useDatasetStore()
  const filters = useFiltersStore()
  return computed(() =>
    observationsInScope(datasetStore.dataset, datasetStore.index, {
      regionId: filters.regionId,
      periodKey: filters.periodKey,
    }),
  )
}
