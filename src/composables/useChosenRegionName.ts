import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'
import { useLocaleFormat } from './useLocaleFormat'

/** The chosen region's name in the current language, or "all regions" (as regionLabel in panels). */
export function useChosenRegionName() {
  const { t } = useI18n()
  const format = useLocaleFormat()
  const datasetStore = useDatasetStore()
  const filters = useFiltersStore()
  return computed(() => {
    const subject = filters.regionId === null ? null : datasetStore.index.subjects.get(filters.regionId)
    return subject ? format.name(subject.name) : t('filters.allRegions')
  })
}
