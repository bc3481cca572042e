/**
 * Reporting periods: the spans of whole months that figures are cumulated over ("1-10月",
 * "上半年", "今年以来"). Parsing, a canonical key for storage and URLs, and display in both locales.
 */
// A leaf module with no imports of its own: the one place that knows how to copy a string in V8.
import { detachedString } from '../io/detachedString'
import { parseChineseNumeral } from './chineseNumber'
import type { LocaleCode, Period, YearMonth } from './model'

/** What a relative phrase needs to become a real span: the report's year and, for year-to-date, its date. */
export interface PeriodContext {
  year: number
  asOf?: YearMonth
}

const MIN_YEAR = 1900
const MAX_YEAR = 2200
// Period texts are short labels; refusing long input keeps every path below trivially cheap.
const MAX_INPUT = 64

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const ZH_QUARTERS = ['一', '二', '三', '四']


function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
}

function isMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12
}

/** Months since year 0, so that spans and comparisons need no special case at a year boundary. */
function ordinal(ym: YearMonth): number {
  return ym.year * 12 + (ym.month - 1)
}

function span(startYear: number, startMonth: number, endYear: number, endMonth: number): Period | null {
  const p: Period = { start: { year: startYear, month: startMonth }, end: { year: endYear, month: endMonth } }
  return isValidPeriod(p) ? p : null
}

function wholeYear(year: number): Period | null {
  return span(year, 1, year, 12)
}

export function isValidPeriod(p: Period): boolean {
  return (
    isYear(p.start.year) &&
    isYear(p.end.year) &&
    isMonth(p.start.month) &&
    isMonth(p.end.month) &&
    ordinal(p.start) <= ordinal(p.end)
  )
}

/** Arabic (1..12) or Chinese (一..十二) month/quarter numbers; anything else is NaN. */
function smallNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text)
  // Chinese month and quarter numbers (一 … 十二) read by the one numeral parser the app has.
  if (/^[一二两三四五六七八九十]{1,3}$/.test(text)) return parseChineseNumeral(text) ?? Number.NaN
  return Number.NaN
}

/** Full-width digits and punctuation, as typed in Chinese IMEs and Excel, read as their ASCII forms. */
function normalize(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0)
    else if (ch === '—' || ch === '–' || ch === '－' || ch === '−') out += '-'
    else if (ch === '～' || ch === '〜') out += '~'
    else if (!/\s/.test(ch)) out += ch
  }
  return out
}

const RANGE_SEP = '(?:-|~|至|到|—)'
const NUM = '(\\d{1,2}|十[一二]?|[一二两三四五六七八九])'

// Every pattern is anchored and free of nested quantifiers, so matching stays linear.
const RE_YEAR = /^(\d{4})(?:年度?)?$/
const RE_YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/
const RE_KEY_SPAN = /^(\d{4})[-/.](\d{1,2})(?:\.\.|-|~|至|到)(\d{4})[-/.](\d{1,2})$/
const RE_ZH_CROSS = new RegExp(`^(\\d{4})年${NUM}月份?${RANGE_SEP}(\\d{4})年${NUM}月份?$`)
const RE_MONTHS = new RegExp(`^${NUM}月?份?${RANGE_SEP}${NUM}月份?$`)
const RE_MONTH = new RegExp(`^${NUM}月份?$`)
const RE_UNTIL = new RegExp(`^截[至止]到?${NUM}月(?:底|末|份)?$`)
const RE_QUARTER = /^(?:第?([一二三四1-4])季度|Q([1-4]))$/i
const RE_FIRST_QUARTERS = /^前([一二两三1-3])(?:个)?季度$/
const RE_EN_YEAR_FIRST = /^(\d{4})-?(Q[1-4]|H[12])$/i
const RE_EN_YEAR_LAST = /^(Q[1-4]|H[12])(\d{4})$/i
const RE_EN_MONTH = /^([A-Za-z]{3})(\d{4})$/
const RE_EN_MONTHS = /^([A-Za-z]{3})-([A-Za-z]{3})(\d{4})$/
const RE_EN_CROSS = /^([A-Za-z]{3})(\d{4})-([A-Za-z]{3})(\d{4})$/

const YEAR_TO_DATE = new Set(['今年以来', '年初以来', '年初至今', '今年来', '截至目前', '截止目前', '截至当前', '目前'])
const WHOLE_YEAR = new Set(['', '全年', '全年度', '年度'])

function enMonth(name: string): number {
  const index = EN_MONTHS.findIndex((m) => m.toLowerCase() === name.toLowerCase())
  return index + 1
}

/** Quarter or half written in English ("Q1", "H2") as a span of `year`. */
function enPart(part: string, year: number): Period | null {
  const n = Number(part.slice(1))
  if (part[0]?.toUpperCase() === 'Q') return span(year, n * 3 - 2, year, n * 3)
  return n === 1 ? span(year, 1, year, 6) : span(year, 7, year, 12)
}

/** The part after an optional "2023年": months, quarters, halves, year-to-date. Needs a year. */
function parseWithinYear(rest: string, year: number | null, ctx: PeriodContext | undefined): Period | null {
  if (YEAR_TO_DATE.has(rest)) {
    // Year-to-date depends on when the report was written, which only the caller knows.
    const asOf = ctx?.asOf
    if (!asOf) return null
    if (year !== null && year !== asOf.year) return null
    return span(asOf.year, 1, asOf.year, asOf.month)
  }
  if (year === null) return null
  if (WHOLE_YEAR.has(rest)) return wholeYear(year)
  if (rest === '上半年') return span(year, 1, year, 6)
  if (rest === '下半年') return span(year, 7, year, 12)

  let m = RE_MONTHS.exec(rest)
  if (m) return span(year, smallNumber(m[1] ?? ''), year, smallNumber(m[2] ?? ''))
  m = RE_MONTH.exec(rest)
  if (m) {
    const month = smallNumber(m[1] ?? '')
    return span(year, month, year, month)
  }
  m = RE_UNTIL.exec(rest)
  if (m) return span(year, 1, year, smallNumber(m[1] ?? ''))
  m = RE_QUARTER.exec(rest)
  if (m) {
    const q = smallNumber(m[1] ?? m[2] ?? '')
    return span(year, q * 3 - 2, year, q * 3)
  }
  m = RE_FIRST_QUARTERS.exec(rest)
  if (m) return span(year, 1, year, smallNumber(m[1] ?? '') * 3)
  return null
}

/**
 * Reads a period as written in a table or a report: canonical keys ("2023", "2023-06",
 * "2023-01..2023-10"), Chinese phrases ("2023年1-10月", "截至7月底", "上半年", "前三季度",
 * "今年以来") and the English labels `formatPeriod` writes ("Jan–Oct 2023", "H1 2023").
 * Phrases without a year take `ctx.year`; year-to-date phrases need `ctx.asOf`. Null when the text
 * is not a period or names an impossible one (month 13, a span that ends before it starts).
 */
export function parsePeriod(text: string, ctx?: PeriodContext): Period | null {
  if (typeof text !== 'string' || text.length > MAX_INPUT) return null
  // Without a context the answer depends on the text alone: a table's dozen period texts, read for
  // each of its 360,000 rows when a dataset is validated, are parsed once each.
  if (ctx !== undefined) return readPeriod(text, ctx)
  let known = PARSED.get(text)
  if (known === undefined) {
    known = readPeriod(text)
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear()
    // Kept as a copy: a text cut from a file shares the file's characters (a V8 sliced string),
    // and a key in this cache, which lives as long as the page, would keep the whole file.
    PARSED.set(detachedString(text), known)
  }
  // A copy: callers own what they get, and the cache must not see their changes.
  return known === null ? null : { start: { ...known.start }, end: { ...known.end } }
}

const PARSED = new Map<string, Period | null>()
const PARSED_LIMIT = 1000

function readPeriod(text: string, ctx?: PeriodContext): Period | null {
  const s = normalize(text)
  if (s === '') return null
  const ctxYear = ctx && isYear(ctx.year) ? ctx.year : null

  let m = RE_YEAR.exec(s)
  if (m) return wholeYear(Number(m[1]))
  m = RE_YEAR_MONTH.exec(s)
  if (m) return span(Number(m[1]), Number(m[2]), Number(m[1]), Number(m[2]))
  m = RE_KEY_SPAN.exec(s)
  if (m) return span(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]))
  m = RE_ZH_CROSS.exec(s)
  if (m) return span(Number(m[1]), smallNumber(m[2] ?? ''), Number(m[3]), smallNumber(m[4] ?? ''))

  m = RE_EN_YEAR_FIRST.exec(s)
  if (m) return enPart(m[2] ?? '', Number(m[1]))
  m = RE_EN_YEAR_LAST.exec(s)
  if (m) return enPart(m[1] ?? '', Number(m[2]))
  m = RE_EN_MONTH.exec(s)
  if (m) return span(Number(m[2]), enMonth(m[1] ?? ''), Number(m[2]), enMonth(m[1] ?? ''))
  m = RE_EN_MONTHS.exec(s)
  if (m) return span(Number(m[3]), enMonth(m[1] ?? ''), Number(m[3]), enMonth(m[2] ?? ''))
  m = RE_EN_CROSS.exec(s)
  if (m) return span(Number(m[2]), enMonth(m[1] ?? ''), Number(m[4]), enMonth(m[3] ?? ''))

  const prefixed = /^(\d{4})年(.*)$/.exec(s)
  if (prefixed) return parseWithinYear(prefixed[2] ?? '', Number(prefixed[1]), ctx)
  if (YEAR_TO_DATE.has(s)) return parseWithinYear(s, null, ctx)
  const thisYear = /^(?:今年|本年度?)(.*)$/.exec(s)
  if (thisYear) return parseWithinYear(thisYear[1] ?? '', ctxYear, ctx)
  return parseWithinYear(s, ctxYear, ctx)
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

function monthKey(ym: YearMonth): string {
  return `${ym.year}-${pad2(ym.month)}`
}

function isWholeYear(p: Period): boolean {
  return p.start.year === p.end.year && p.start.month === 1 && p.end.month === 12
}

function isSingleMonth(p: Period): boolean {
  return ordinal(p.start) === ordinal(p.end)
}

/** Canonical text for storage, URLs and map keys; `parsePeriod` reads it back. */
export function periodKey(p: Period): string {
  if (isWholeYear(p)) return String(p.start.year)
  if (isSingleMonth(p)) return monthKey(p.start)
  return `${monthKey(p.start)}..${monthKey(p.end)}`
}

/** Named parts of a year that reports say by name rather than by months. */
function namedPart(p: Period): { zh: string; en: string } | null {
  if (p.start.year !== p.end.year) return null
  const { month: a } = p.start
  const { month: b } = p.end
  if (a === 1 && b === 6) return { zh: '上半年', en: 'H1' }
  if (a === 7 && b === 12) return { zh: '下半年', en: 'H2' }
  if (b - a === 2 && a % 3 === 1) {
    const q = (a - 1) / 3
    return { zh: `${ZH_QUARTERS[q] ?? ''}季度`, en: `Q${q + 1}` }
  }
  return null
}

function enMonthName(month: number): string {
  return EN_MONTHS[month - 1] ?? String(month)
}

export function formatPeriod(p: Period, locale: LocaleCode): string {
  const zh = locale === 'zh-CN'
  const y = p.start.year
  if (isWholeYear(p)) return zh ? `${y}年` : String(y)
  if (isSingleMonth(p)) return zh ? `${y}年${p.start.month}月` : `${enMonthName(p.start.month)} ${y}`
  const named = namedPart(p)
  if (named) return zh ? `${y}年${named.zh}` : `${named.en} ${y}`
  if (p.start.year === p.end.year) {
    return zh
      ? `${y}年${p.start.month}-${p.end.month}月`
      : `${enMonthName(p.start.month)}–${enMonthName(p.end.month)} ${y}`
  }
  return zh
    ? `${y}年${p.start.month}月-${p.end.year}年${p.end.month}月`
    : `${enMonthName(p.start.month)} ${y}–${enMonthName(p.end.month)} ${p.end.year}`
}

/** Number of calendar months in the period, both ends included; 0 for a period that ends before it starts. */
export function monthCount(p: Period): number {
  return Math.max(0, ordinal(p.end) - ordinal(p.start) + 1)
}

/** The calendar year a cumulative figure belongs to: annual targets are set per calendar year. */
export function yearOf(p: Period): Period {
  return { start: { year: p.end.year, month: 1 }, end: { year: p.end.year, month: 12 } }
}

/** Later-ending periods sort after earlier ones; for the same end, the longer (earlier-starting) span first. */
export function comparePeriods(a: Period, b: Period): number {
  return ordinal(a.end) - ordinal(b.end) || ordinal(a.start) - ordinal(b.start)
}
