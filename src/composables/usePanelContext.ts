import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'
import { useLocaleFormat } from './useLocaleFormat'
import { useChartStyle } from './useChartStyle'
import type { PanelContext } from '../panels/panelModel'

export interface ScopeOverride {
  regionId: string | null
  periodKey: string | null
  indicatorId: string | null
}

/**
 * Everything a panel builder needs, reactive: the dataset, the filters (or a slide's own scope),
 * translations bound to the current language, and the chart style.
 */
export function usePanelContext(
  scope?: () => ScopeOverride,
  styleOverride?: () => PanelContext['style'],
): ComputedRef<PanelContext> {
  const { t, locale } = useI18n()
  const format = useLocaleFormat()
  const datasetStore = useDatasetStore()
  const filters = useFiltersStore()
  const style = useChartStyle()
  return computed(() => {
    const chosen = scope?.() ?? { regionId: filters.regionId, periodKey: filters.periodKey, indicatorId: filters.indicatorId }
    // Read so the context (and every panel) is rebuilt when the language changes.
    void locale.value
    return {
      dataset: datasetStore.dataset,
      index: datasetStore.index,
      ...chosen,
      t: (key, params) => (params === undefined ? t(key) : t(key, params)),
      format,
      style: styleOverride?.() ?? style.value,
    }
  })
}
