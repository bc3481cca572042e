import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'

/** The region and period chosen in the header, shared by every view. */
export const useFiltersStore = defineStore('filters', () => {
  /** A subject id; the region and everything below it. null = all regions. */
  const regionId = ref<string | null>(null)
  /** A canonical period key ("2023-01..2023-10"); null = all periods. */
  const periodKey = ref<string | null>(null)

  function reset(): void {
    regionId.value = null
    periodKey.value = null
  }

  return { regionId, periodKey, reset }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFiltersStore, import.meta.hot))
