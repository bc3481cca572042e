import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { LocaleCode, LocalizedText, Qualifier } from '../domain/model'
import { formatCount, formatGrowth, formatPercent, formatPoints, formatQuantity, formatRank } from '../domain/format'
import { formatPeriod } from '../domain/period'
import type { Period } from '../domain/model'

/** The pure formatters of `domain/format.ts`, bound to the language the user has chosen. */
export function useLocaleFormat() {
  const { locale } = useI18n()
  const current = computed<LocaleCode>(() => (locale.value === 'en' ? 'en' : 'zh-CN'))

  return {
    locale: current,
    name: (text: LocalizedText): string => (current.value === 'zh-CN' ? text.zh : text.en),
    quantity: (value: number, unit: string, qualifier: Qualifier | null = null, upper: number | null = null): string =>
      formatQuantity(value, unit, current.value, { qualifier, upper }),
    percent: (value: number): string => formatPercent(value, current.value),
    growth: (value: number): string => formatGrowth(value, current.value),
    points: (value: number): string => formatPoints(value, current.value),
    rank: (value: number): string => formatRank(value, current.value),
    count: (value: number): string => formatCount(value, current.value),
    period: (period: Period): string => formatPeriod(period, current.value),
  }
}
