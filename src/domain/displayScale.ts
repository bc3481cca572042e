/**
 * The scale a chart axis shows a set of figures in: 亿元 for large sums, 万元 for smaller ones,
 * 万平方米 for large areas (zh); CNY million, m² (en). One scale per chart, chosen from its largest
 * figure, so every bar in the chart reads in the same unit.
 */
import type { LocaleCode } from './model'
import { unitInfo } from './units'

export interface DisplayScale {
  /** Divide a base-unit value by this to get the number the axis shows. */
  factor: number
  /** The unit as the axis caption says it: "亿元", "万平方米", "CNY million", "%". */
  caption: string
}

export function displayScale(unit: string, values: readonly number[], locale: LocaleCode): DisplayScale {
  const info = unitInfo(unit)
  const top = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs))
  const scalable = info.family === 'currency' || info.family === 'area'
  if (locale === 'zh-CN') {
    if (scalable && top >= 1e8) return { factor: 1e8, caption: `亿${info.zh}` }
    if (scalable && top >= 1e4) return { factor: 1e4, caption: `万${info.zh}` }
    return { factor: 1, caption: info.zh }
  }
  const currency = info.family === 'currency' ? (unit === 'USD' ? 'US$' : 'CNY') : null
  if (currency !== null && top >= 1e9) return { factor: 1e9, caption: `${currency} billion` }
  if (currency !== null && top >= 1e6) return { factor: 1e6, caption: `${currency} million` }
  if (currency !== null) return { factor: 1, caption: currency }
  // 个 has no English noun ("5 neighbourhoods" names its own); the axis still needs a word.
  return { factor: 1, caption: info.en.other === '' ? 'count' : info.en.other }
}
