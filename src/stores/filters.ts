import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'

/** The region, period and indicator chosen by the user, shared by every view and kept in the URL. */
export const useFiltersStore = defineStore('filters', () => {
  /** A subject id; the region and everything below it. null = all regions. */
  const regionId = ref<string | null>(null)
  /** A canonical period key ("2023-01..2023-10"); null = all periods. */
  const periodKey = ref<string | null>(null)
  /** The indicator the single-indicator views (targets, growth, explorer) show; null = their default. */
  const indicatorId = ref<string | null>(null)

  function reset(): void {
    regionId.value = null
    periodKey.value = null
    indicatorId.value = null
  }

  return { regionId, periodKey, indicatorId, reset }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFiltersStore, import.meta.hot))
