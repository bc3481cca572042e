/**
 * Number and name formatting as written bulletins (通报) want it, which differs on purpose from the
 * dashboard's `domain/format.ts` in a few places (format.ts is left unchanged; its tables and cards
 * want its rules):
 *
 * - Money in Chinese: 亿元 with exactly two decimals ("4.30亿元", not format.ts's "4.3亿元"), 万元 with
 *   up to two; and a figure can take the scale of a reference ("还需月均完成0.33亿元" next to a plan
 *   in 亿元, where format.ts would say 3250万元).
 * - Computed rates (完成率, gaps in 个百分点) with exactly one decimal ("100.0%"), so a column of
 *   them reads evenly; stated percentages (YoY, a stated rate) as the source gives them, to at most
 *   one decimal ("179%", "43.7%"), since adding ".0" would claim a precision the source lacks.
 * - Gaps and growth without a sign: the words (超/落后, 增长/下降) carry it.
 * - Ranks in English as words up to tenth ("ranking first"), as report English writes them.
 * - English sums between a thousand and a million in whole yuan.
 * - Periods as the sentence opens: "1-10月", "In January–October".
 */
import { cachedNumberFormat, formatQuantity, formatRank } from '../domain/format'
import type { LocaleCode, Period, Qualifier } from '../domain/model'
import { formatPeriod, monthCount } from '../domain/period'
import { unitInfo } from '../domain/units'

export interface ReportQuantityOptions {
  qualifier?: Qualifier | null
  upper?: number | null
  /**
   * Chinese money only: write the figure in the magnitude this value would take (亿 or 万), so
   * that a monthly amount sits in the same unit as the plan it serves.
   */
  scaleOf?: number | null
}

function numberFormat(locale: LocaleCode, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  // Chinese reports write 6580平方米 and 3250万元 without grouping.
  return cachedNumberFormat(locale, { minDecimals, maxDecimals, grouping: locale !== 'zh-CN' })
}

/** The value a printed number stands for after rounding to `decimals`, as the reader sees it. */
export function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals))
}

function zhMoneyNumber(value: number, magnitude: number): string {
  if (magnitude >= 1e8) return `${numberFormat('zh-CN', 2, 2).format(value / 1e8)}亿`
  if (magnitude >= 1e4) return `${numberFormat('zh-CN', 0, 2).format(value / 1e4)}万`
  return numberFormat('zh-CN', 0, 2).format(value)
}

/** A figure split around its number, so that 余 or "+" can sit on the number itself. */
interface Parts {
  before: string
  number: string
  after: string
}

function joinParts(p: Parts): string {
  return `${p.before}${p.number}${p.after}`
}

/** Qualifiers worded as `domain/format.ts` words them: 300余件, 约…, 近…, 超过…, …至…; 300+, ≈, nearly, over. */
function qualify(p: Parts, upper: Parts | null, qualifier: Qualifier | null | undefined, locale: LocaleCode): string {
  const zh = locale === 'zh-CN'
  switch (qualifier) {
    case 'more-than':
      return joinParts({ ...p, number: `${p.number}${zh ? '余' : '+'}` })
    case 'about':
      return `${zh ? '约' : '≈ '}${joinParts(p)}`
    case 'nearly':
      return `${zh ? '近' : 'nearly '}${joinParts(p)}`
    case 'over':
      return `${zh ? '超过' : 'over '}${joinParts(p)}`
    case 'range':
      return upper === null ? joinParts(p) : `${joinParts(p)}${zh ? '至' : ' – '}${joinParts(upper)}`
    default:
      return joinParts(p)
  }
}

/** A stated or projected quantity with unit and qualifier: "4.32亿元", "300余件", "CNY 432 million". */
export function reportQuantity(
  value: number,
  unit: string,
  locale: LocaleCode,
  opts: ReportQuantityOptions = {},
): string {
  if (!Number.isFinite(value)) return '—'
  const upper = opts.upper ?? null
  const family = unitInfo(unit).family
  if (locale === 'zh-CN' && family === 'currency') {
    const magnitude = Math.max(Math.abs(value), Math.abs(opts.scaleOf ?? 0), Math.abs(upper ?? 0))
    const suffix = unitInfo(unit).zh
    const parts = (v: number): Parts => ({ before: '', number: zhMoneyNumber(v, magnitude), after: suffix })
    return qualify(parts(value), upper === null ? null : parts(upper), opts.qualifier, locale)
  }
  if (family === 'percent') {
    const parts = (v: number): Parts => ({ before: '', number: numberFormat(locale, 0, 1).format(v), after: '%' })
    return qualify(parts(value), upper === null ? null : parts(upper), opts.qualifier, locale)
  }
  // English sums under a million read in whole yuan ("CNY 333,333 a month", not "333,333.33");
  // small sums such as a fee of CNY 12.50 keep their cents.
  const whole = (v: number): number => (locale === 'en' && family === 'currency' && Math.abs(v) >= 1e3 && Math.abs(v) < 1e6 ? Math.round(v) : v)
  return formatQuantity(whole(value), unit, locale, { qualifier: opts.qualifier ?? null, upper: upper === null ? null : whole(upper) })
}

/** A computed percentage (完成率), exactly one decimal: "86.9%", "100.0%". */
export function derivedPercent(value: number, locale: LocaleCode): string {
  if (!Number.isFinite(value)) return '—'
  return `${numberFormat(locale, 1, 1).format(value)}%`
}

/** A stated percentage (YoY, a stated rate), at most one decimal: "43.7%", "179%". */
export function statedPercent(value: number, locale: LocaleCode): string {
  if (!Number.isFinite(value)) return '—'
  return `${numberFormat(locale, 0, 1).format(value)}%`
}

/** The size of a gap in percentage points, one decimal, no sign: "3.6个百分点", "3.6 percentage points". */
export function pointsText(value: number, locale: LocaleCode): string {
  if (!Number.isFinite(value)) return '—'
  const n = numberFormat(locale, 1, 1).format(Math.abs(value))
  return locale === 'zh-CN' ? `${n}个百分点` : `${n} percentage points`
}

const EN_RANK_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']

/** 第一 … 第十, 第11; "first" … "tenth", "11th". */
export function rankText(rank: number, locale: LocaleCode): string {
  if (locale === 'en' && Number.isInteger(rank) && rank >= 1 && rank <= 10) return EN_RANK_WORDS[rank - 1] ?? ''
  return formatRank(rank, locale)
}

const EN_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const ZH_ORDINALS = ['一', '二', '三', '四']
const EN_ORDINALS = ['first', 'second', 'third', 'fourth']

function monthName(month: number): string {
  return EN_MONTH_NAMES[month - 1] ?? String(month)
}

/**
 * The period as a bulletin opens with it: "1-10月" / "January–October". Within the year a report
 * is about, the year goes without saying; `includeYear` adds it ("2023年1-10月"). A whole year
 * always names its year; spans across years fall back to `formatPeriod`.
 */
export function periodPhrase(period: Period, locale: LocaleCode, includeYear = false): string {
  const zh = locale === 'zh-CN'
  const { start, end } = period
  const year = start.year
  if (start.year !== end.year) return formatPeriod(period, locale)
  if (start.month === 1 && end.month === 12) return zh ? `${year}年` : String(year)
  const zhYear = includeYear ? `${year}年` : ''
  const enYear = includeYear ? ` ${year}` : ''
  const enOfYear = includeYear ? ` of ${year}` : ''
  if (monthCount(period) === 1) return zh ? `${zhYear}${start.month}月` : `${monthName(start.month)}${enYear}`
  if (start.month === 1 && end.month === 6) return zh ? `${zhYear}上半年` : `the first half${enOfYear}`
  if (start.month === 7 && end.month === 12) return zh ? `${zhYear}下半年` : `the second half${enOfYear}`
  if (start.month === 1 && end.month === 9) return zh ? `${zhYear}前三季度` : `the first three quarters${enOfYear}`
  if (end.month - start.month === 2 && start.month % 3 === 1) {
    const q = (start.month - 1) / 3
    return zh ? `${zhYear}${ZH_ORDINALS[q] ?? ''}季度` : `the ${EN_ORDINALS[q] ?? ''} quarter${enOfYear}`
  }
  return zh ? `${zhYear}${start.month}-${end.month}月` : `${monthName(start.month)}–${monthName(end.month)}${enYear}`
}

/**
 * An English indicator name inside a sentence: "Project investment" → "project investment", while
 * "IPO …" and "12345 hotline …" stay as they are.
 */
export function inlineName(name: string): string {
  const first = name.charAt(0)
  const second = name.charAt(1)
  if (first === '' || first.toLowerCase() === first) return name
  if (second !== '' && second.toUpperCase() === second && second.toLowerCase() !== second) return name
  return first.toLowerCase() + name.slice(1)
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

/** Names as a report lists them: "甲、乙、丙" / "A, B and C". */
export function nameList(names: readonly string[], locale: LocaleCode): string {
  if (locale === 'zh-CN') return names.join('、')
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
}
