/**
 * The one place numbers become text. Chinese follows report conventions (4.32亿元, 300余件,
 * 3.6个百分点); English reads naturally (CNY 432 million, 300+ cases, 3.6 pp).
 */
import type { LocaleCode, Qualifier } from './model'
import { unitInfo } from './units'

export interface QuantityFormatOptions {
  qualifier?: Qualifier | null
  /** Upper bound of a range, in base units. */
  upper?: number | null
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export interface NumberFormatShape {
  minDecimals?: number
  maxDecimals?: number
  /** Thousands separators ("6,580"); Chinese report figures go without, counts of rows with. */
  grouping: boolean
}

// Making an Intl.NumberFormat costs far more than using one (the data table formats thousands of
// figures while scrolling; `toLocaleString` makes one per call): one per language and shape, made on
// first use. Shared by every formatter of numbers, the bulletin's included.
const numberFormats = new Map<string, Intl.NumberFormat>()

export function cachedNumberFormat(locale: LocaleCode, shape: NumberFormatShape): Intl.NumberFormat {
  const key = `${locale}:${shape.minDecimals ?? ''}:${shape.maxDecimals ?? ''}:${shape.grouping}`
  let numberFormat = numberFormats.get(key)
  if (!numberFormat) {
    numberFormat = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
      ...(shape.minDecimals === undefined ? {} : { minimumFractionDigits: shape.minDecimals }),
      ...(shape.maxDecimals === undefined ? {} : { maximumFractionDigits: shape.maxDecimals }),
      useGrouping: shape.grouping,
    })
    numberFormats.set(key, numberFormat)
  }
  return numberFormat
}

/** Up to `maxDecimals` decimals, trailing zeros dropped: 4.3200 → "4.32", 1.00 → "1". */
export function trimDecimals(value: number, maxDecimals: number, locale: LocaleCode): string {
  // Chinese reports write 6580平方米, not 6,580平方米.
  return cachedNumberFormat(locale, { minDecimals: 0, maxDecimals, grouping: locale !== 'zh-CN' }).format(value)
}

/**
 * A count of rows or items with thousands separators in both languages ("6,000 行", "6,000 rows"),
 * as `toLocaleString` writes it: the loading message and the data view's counts are written on every
 * progress step and filter pass.
 */
export function formatCount(value: number, locale: LocaleCode): string {
  return cachedNumberFormat(locale, { grouping: true }).format(value)
}

/** Chinese magnitude for large figures: 亿 from 1e8, 万 from 1e4 (only where the unit takes one). */
function zhScaled(value: number, allowMagnitude: boolean): string {
  const abs = Math.abs(value)
  if (allowMagnitude && abs >= 1e8) return `${trimDecimals(value / 1e8, 2, 'zh-CN')}亿`
  if (allowMagnitude && abs >= 1e4) return `${trimDecimals(value / 1e4, 2, 'zh-CN')}万`
  return trimDecimals(value, 2, 'zh-CN')
}

function enScaled(value: number): string {
  const abs = Math.abs(value)
  if (abs >= 1e9) return `${trimDecimals(value / 1e9, 2, 'en')} billion`
  if (abs >= 1e6) return `${trimDecimals(value / 1e6, 2, 'en')} million`
  return trimDecimals(value, 2, 'en')
}

/** Units whose Chinese figures take 万/亿 (money, areas); counts of 300 stay 300. */
function takesMagnitude(unit: string): boolean {
  const family = unitInfo(unit).family
  return family === 'currency' || family === 'area' || family === 'count'
}

function zhQuantity(value: number, unit: string, opts: QuantityFormatOptions): string {
  const info = unitInfo(unit)
  if (info.family === 'rank') return formatRank(value, 'zh-CN')
  const number = zhScaled(value, takesMagnitude(unit))
  const suffix = info.zh
  switch (opts.qualifier) {
    case 'more-than':
      return `${number}余${suffix}`
    case 'about':
      return `约${number}${suffix}`
    case 'nearly':
      return `近${number}${suffix}`
    case 'over':
      return `超过${number}${suffix}`
    case 'range':
      return opts.upper == null
        ? `${number}${suffix}`
        : `${number}${suffix}至${zhScaled(opts.upper, takesMagnitude(unit))}${suffix}`
    default:
      return `${number}${suffix}`
  }
}

/** English figure split around the number, so a qualifier mark can sit on the number itself. */
interface EnParts {
  before: string
  number: string
  after: string
}

function enParts(value: number, unit: string): EnParts {
  const info = unitInfo(unit)
  switch (info.family) {
    case 'percent':
      return { before: '', number: trimDecimals(value, 2, 'en'), after: '%' }
    case 'points':
      return { before: '', number: trimDecimals(value, 2, 'en'), after: ' pp' }
    case 'currency':
      return unit === 'USD'
        ? { before: 'US$', number: enScaled(value), after: '' }
        : { before: 'CNY ', number: enScaled(value), after: '' }
    case 'area':
      return { before: '', number: trimDecimals(value, 2, 'en'), after: ` ${info.en.other}` }
    default: {
      const noun = value === 1 ? info.en.one : info.en.other
      return { before: '', number: enScaled(value), after: noun === '' ? '' : ` ${noun}` }
    }
  }
}

function joinParts(p: EnParts): string {
  return `${p.before}${p.number}${p.after}`
}

function enQuantity(value: number, unit: string, opts: QuantityFormatOptions): string {
  if (unitInfo(unit).family === 'rank') return formatRank(value, 'en')
  const parts = enParts(value, unit)
  switch (opts.qualifier) {
    case 'more-than':
      // "300+ cases", "CNY 1 billion+": the plus sits on the number.
      return joinParts({ ...parts, number: `${parts.number}+` })
    case 'about':
      return `≈ ${joinParts(parts)}`
    case 'nearly':
      return `nearly ${joinParts(parts)}`
    case 'over':
      return `over ${joinParts(parts)}`
    case 'range':
      return opts.upper == null ? joinParts(parts) : `${joinParts(parts)} – ${joinParts(enParts(opts.upper, unit))}`
    default:
      return joinParts(parts)
  }
}

/** A figure with its unit and qualifier, in base units: (432000000, 'CNY') → "4.32亿元" / "CNY 432 million". */
export function formatQuantity(
  value: number,
  unit: string,
  locale: LocaleCode,
  opts: QuantityFormatOptions = {},
): string {
  if (!Number.isFinite(value)) return '—'
  return locale === 'zh-CN' ? zhQuantity(value, unit, opts) : enQuantity(value, unit, opts)
}

/** A percent value (completion rate, growth): one decimal, "86.9%". */
export function formatPercent(value: number, locale: LocaleCode, decimals = 1): string {
  if (!Number.isFinite(value)) return '—'
  return `${trimDecimals(value, decimals, locale)}%`
}

/** YoY growth with its sign: "+43.7%", "−3.2%". */
export function formatGrowth(value: number, locale: LocaleCode): string {
  if (!Number.isFinite(value)) return '—'
  const sign = value > 0 ? '+' : value < 0 ? '−' : ''
  return `${sign}${trimDecimals(Math.abs(value), 1, locale)}%`
}

/** A difference of two percentages, in percentage points: "+3.6个百分点" / "+3.6 pp". */
export function formatPoints(value: number, locale: LocaleCode, decimals = 1): string {
  if (!Number.isFinite(value)) return '—'
  const rounded = Number(value.toFixed(decimals))
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±'
  const n = trimDecimals(Math.abs(rounded), decimals, locale)
  return locale === 'zh-CN' ? `${sign}${n}个百分点` : `${sign}${n} pp`
}

/** A rank: 第一 … 第十, then 第11; "1st", "2nd", "11th", "23rd". */
export function formatRank(rank: number, locale: LocaleCode): string {
  if (!Number.isInteger(rank) || rank < 1) return '—'
  if (locale === 'zh-CN') return rank <= 10 ? `第${ZH_DIGITS[rank]}` : `第${rank}`
  const mod100 = rank % 100
  const mod10 = rank % 10
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th'
  return `${rank}${suffix}`
}

/** The short marker for a qualifier, for tight places such as table cells and chart labels. */
export function qualifierMark(qualifier: Qualifier | null): string {
  switch (qualifier) {
    case 'more-than':
      return '+'
    case 'about':
      return '≈'
    case 'nearly':
      return '≲'
    case 'over':
      return '>'
    case 'range':
      return '–'
    default:
      return ''
  }
}
