/**
 * The words every row of the data table shows (category names, "完成值" before a quote, "未注明来源"),
 * translated once per language instead of once per row: a row scrolled into view then only looks
 * them up, which keeps scrolling through a large table smooth.
 */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { CATEGORIES, EVIDENCE_FIELDS, type CategoryId, type EvidenceField } from '../domain/model'

export interface ObservationRowLabels {
  categories: Readonly<Record<CategoryId, string>>
  quoteFor: Readonly<Record<EvidenceField, string>>
  noSource: string
  sourceDetails: string
}

export function useObservationRowLabels(): ComputedRef<ObservationRowLabels> {
  const { t } = useI18n()
  return computed(() => ({
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, t(`categories.${c}`)])) as Record<CategoryId, string>,
    quoteFor: Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, t(`dataView.quoteFor.${f}`)])) as Record<EvidenceField, string>,
    noSource: t('dataView.noSource'),
    sourceDetails: t('dataView.sourceDetails'),
  }))
}
