/**
 * The interchange fields by name in the user's language, for the mapping selects and the preview.
 * Literal t() calls, so the i18n lint sees every key.
 */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { InterchangeField } from '../../io/interchangeColumns'

export function useFieldLabels(): ComputedRef<Record<InterchangeField, string>> {
  const { t } = useI18n()
  return computed(() => ({
    region: t('import.fields.region'),
    parent: t('import.fields.parent'),
    level: t('import.fields.level'),
    indicator: t('import.fields.indicator'),
    category: t('import.fields.category'),
    unit: t('import.fields.unit'),
    period: t('import.fields.period'),
    target: t('import.fields.target'),
    target_period: t('import.fields.target_period'),
    actual: t('import.fields.actual'),
    yoy: t('import.fields.yoy'),
    rank: t('import.fields.rank'),
    better: t('import.fields.better'),
    source: t('import.fields.source'),
    quote: t('import.fields.quote'),
  }))
}
