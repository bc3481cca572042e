import { computed, type Ref } from 'vue'
import type { Indicator } from '../domain/model'
import { useFiltersStore } from '../stores/filters'

/** The indicator a view draws: the shared choice when the view can draw it, else its first option. */
export function useIndicatorChoice(options: Ref<readonly Indicator[]>) {
  const filters = useFiltersStore()
  return computed<string | null>(() => {
    const chosen = filters.indicatorId
    if (chosen !== null && options.value.some((i) => i.id === chosen)) return chosen
    return options.value[0]?.id ?? null
  })
}
