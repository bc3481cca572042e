/**
 * Reading one cell of the interchange table: figures with units, magnitudes and qualifiers, and the
 * small vocabularies (level, category, direction). Pure functions with no knowledge of rows, so
 * each rule can be tested on its own; the mapper turns their failures into row-level issues.
 *
 * Figures reuse the domain's number reader (`parseQuantity`), so a cell reads the way a quote in a
 * report does: "4.32" with unit 亿元 is 432,000,000 yuan, and so is "4.32亿元" or "4.32亿" in any
 * row; "300余" is 300 with the qualifier more-than; "75%至80%" is a range.
 */
import { parseQuantity } from '../domain/chineseNumber'
import {
  CATEGORIES,
  SUBJECT_LEVELS,
  type CategoryId,
  type Direction,
  type IndicatorKind,
  type Qualifier,
  type SubjectLevel,
} from '../domain/model'
import type { ParsedUnit } from '../domain/units'

/** Cells that mean "no value" in Chinese and English tables. */
const BLANK_MARKS = new Set(['', '-', '—', '–', '--', '/', '\\', '无', '空', '暂无', 'n/a', 'na', 'null', 'none', '#n/a'])

/** ASCII characters a blank mark can start with (any case); other ASCII starts a value. */
const BLANK_ASCII_STARTS = new Set([...BLANK_MARKS].filter((m) => m.charCodeAt(0) < 128).flatMap((m) => [m[0], m[0]?.toUpperCase()]))

export function isBlankCell(text: string): boolean {
  // Called for most cells of every row: decide the common cases without allocating.
  if (text === '') return true
  const c = text.charCodeAt(0)
  // A digit, or a CJK character other than the first of 无/空/暂无: a value (most cells of a table).
  if ((c >= 48 && c <= 57) || (c >= 0x4e00 && c !== 0x65e0 && c !== 0x7a7a && c !== 0x6682)) return false
  const t = text.length > 6 ? text : text.trim()
  if (t.length > 6) return false
  // "street", "higher", "%": lower-casing ASCII keeps it ASCII, so no blank mark can match.
  if (t !== '' && t.charCodeAt(0) < 128 && !BLANK_ASCII_STARTS.has(t[0])) return false
  return BLANK_MARKS.has(t.toLowerCase())
}

export type CellResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'finite' | 'unitMismatch' | 'enum' | 'integer' | 'rankMin'; params: Record<string, string | number> }

export interface Figure {
  value: number
  upper: number | null
  qualifier: Qualifier | null
}

/** Removes float noise from a product such as 4.32 × 1e8 (432000000.00000006). */
function clean(value: number): number {
  return Number(value.toPrecision(15))
}

/**
 * A magnitude word written in the cell itself ("4.32亿", "1.5千", "近万"): then the cell, not the
 * unit column, gives the scale. 千 and 百 count only after an Arabic digit, because in "三千" they
 * are part of a numeral that the unit column still scales.
 */
const MAGNITUDE_IN_CELL = /[万亿]|\d\s*[余多]?\s*[千百](?!分之)/

/** Most significant digits a plain decimal may have for its double to print back as written. */
const EXACT_DIGITS = 15

/**
 * A cell that is a plain decimal ("3.42", "12", "0.50": ASCII digits, at most one point between
 * digits, no sign, no spaces) of at most 15 digits, as a number; null for anything else.
 */
function plainDecimal(text: string): number | null {
  let digits = 0
  let point = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
    else if (c === 46 && point < 0 && i > 0) point = i
    else return null
  }
  if (digits === 0 || digits > EXACT_DIGITS || point === text.length - 1) return null
  return Number(text)
}

/** Exact powers of ten as doubles (10^22 is the last one a double holds exactly). */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, p) => Number(`1e${p}`))
/** The exponent of a factor that is an exact power of ten, for the factors units have. */
const EXPONENT_OF_FACTOR = new Map<number, number>(POWERS_OF_TEN.map((power, p) => [power, p]))

/**
 * What `parseFigure` gives for a plain decimal ("3.42" 亿元, "98.6" %), or null when the cell
 * needs the full reading. Such a number reads as written (no magnitude word, unit or qualifier to
 * find), so `parseFigure` gives clean(Number(text) × factor). Most cells of a table are like this:
 * the import reads them here instead of looking each up in a cache of cells already read.
 *
 * With a factor of 10^p (every unit's), the value is worked out without `clean`, whose toPrecision
 * and parse back cost a microsecond a cell: the cell's digits as an integer M (15 digits at most,
 * so exact) with f digits after the point make the exact product M × 10^(p−f), which has M's
 * significant digits. The double product is within two roundings (2.3e-16 relative) of it, less
 * than half a step of the 15th digit (5e-16 relative at least), so `clean` gives back exactly the
 * double nearest that product; so does M × 10^(p−f) computed here: a product of exact integers
 * below 2^53 is exact, and a quotient of exact integers is rounded once, to the nearest double.
 */
export function parsePlainFigure(text: string, unit: ParsedUnit): CellResult<Figure> | null {
  const value = plainFigureValue(text, unit.factor)
  return Number.isNaN(value) ? null : { ok: true, value: { value, upper: null, qualifier: null } }
}

/**
 * The value of `parsePlainFigure` alone, or NaN for a cell left to the full reader (which is also
 * where a factor no unit has, such as Infinity times a cell of 0, ends up): for the import's
 * mapper, which reads a few figures in each of hundreds of thousands of rows and needs no result
 * objects for them.
 */
export function plainFigureValue(text: string, factor: number): number {
  let mantissa = 0
  let digits = 0
  let point = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48)
      digits++
    } else if (c === 46 && point < 0 && i > 0) point = i
    else return Number.NaN
  }
  if (digits === 0 || digits > EXACT_DIGITS || point === text.length - 1) return Number.NaN
  const fraction = point < 0 ? 0 : text.length - point - 1
  const p = EXPONENT_OF_FACTOR.get(factor)
  if (p === undefined) return clean(Number(text) * factor)
  if (p < fraction) return mantissa / (POWERS_OF_TEN[fraction - p] as number)
  const value = mantissa * (POWERS_OF_TEN[p - fraction] as number)
  // Above 2^53 the product is rounded: `clean` decides then, as `parseFigure` does.
  return value > Number.MAX_SAFE_INTEGER ? clean(Number(text) * factor) : value
}

const PERCENT: ParsedUnit = { unit: '%', factor: 1 }

/** What `parseGrowth` gives for a plain decimal ("12.8" is a growth of 12.8 %), or null. */
export function parsePlainGrowth(text: string): CellResult<Figure> | null {
  return parsePlainFigure(text, PERCENT)
}

/**
 * A figure in base units. `unit` is the row's unit (from the unit column or the column header);
 * a cell may write its own unit or magnitude, which then must agree with it in base unit.
 */
export function parseFigure(text: string, unit: ParsedUnit): CellResult<Figure> {
  // "1，234" with a full-width comma is a thousands separator inside a single cell.
  const cell = text.trim().replace(/(\d)[，,](?=\d{3}(?:\D|$))/g, '$1,')
  const q = parseQuantity(cell)
  if (q === null || !Number.isFinite(q.value)) return { ok: false, code: 'finite', params: { value: text } }
  if (q.unit !== null && q.unit !== unit.unit) {
    // "43.7%" in a count column, "5亿元" in a column of 亩: the cell contradicts the row's unit.
    return { ok: false, code: 'unitMismatch', params: { value: text, unit: q.unit, expected: unit.unit } }
  }
  // The cell wrote its scale (a magnitude word or the unit itself): parseQuantity applied it already.
  const selfScaled = q.unit !== null || MAGNITUDE_IN_CELL.test(cell)
  const factor = selfScaled ? 1 : unit.factor
  return {
    ok: true,
    value: {
      value: clean(q.value * factor),
      upper: q.upper === null ? null : clean(q.upper * factor),
      qualifier: q.qualifier,
    },
  }
}

/** Words that give a YoY figure its sign ("下降3.2%" is −3.2). */
const FALL_WORDS = ['同比下降', '同比减少', '下降', '减少', '回落', '下滑']
const RISE_WORDS = ['同比增长', '增长', '增加', '上升', '提高']

/** YoY growth in %: "43.7%", "43.7", "-3.2%", "下降3.2%". The % is optional; another unit is an error. */
export function parseGrowth(text: string): CellResult<Figure> {
  let cell = text.trim()
  let sign = 1
  const fall = FALL_WORDS.find((w) => cell.startsWith(w))
  const rise = fall ? undefined : RISE_WORDS.find((w) => cell.startsWith(w))
  if (fall) {
    sign = -1
    cell = cell.slice(fall.length)
  } else if (rise) {
    cell = cell.slice(rise.length)
  }
  const figure = parseFigure(cell, { unit: '%', factor: 1 })
  if (!figure.ok) return { ...figure, params: { ...figure.params, value: text } }
  return { ok: true, value: { ...figure.value, value: sign * figure.value.value } }
}

/** What `parseRank` gives for a plain whole number of 1 or more ("2", "15"), or null for the full reading. */
export function parsePlainRank(text: string): CellResult<number> | null {
  const value = plainRankValue(text)
  return Number.isNaN(value) ? null : { ok: true, value }
}

/** The value of `parsePlainRank` alone, or NaN where it gives null. */
export function plainRankValue(text: string): number {
  const value = plainDecimal(text)
  return value !== null && Number.isInteger(value) && value >= 1 && !text.includes('.') ? value : Number.NaN
}

/** A rank: "1", "第1", "第一", "第2名". */
export function parseRank(text: string): CellResult<number> {
  const q = parseQuantity(text.trim())
  if (q === null || (q.unit !== null && q.unit !== 'rank') || q.qualifier !== null) {
    return { ok: false, code: 'finite', params: { value: text } }
  }
  if (!Number.isInteger(q.value)) return { ok: false, code: 'integer', params: { value: text } }
  if (q.value < 1) return { ok: false, code: 'rankMin', params: { value: text } }
  return { ok: true, value: q.value }
}

const LEVEL_WORDS: ReadonlyMap<string, SubjectLevel> = new Map([
  ['市', 'city'],
  ['地级市', 'city'],
  ['区', 'district'],
  ['县', 'district'],
  ['县级市', 'district'],
  ['区县', 'district'],
  ['街道', 'street'],
  ['街', 'street'],
  ['镇', 'town'],
  ['乡', 'town'],
  ['乡镇', 'town'],
  ['社区', 'community'],
  ['村', 'village'],
  ['行政村', 'village'],
  ['单位', 'org'],
  ['部门', 'org'],
  ['企业', 'org'],
  ['机构', 'org'],
  ['组织', 'org'],
  ['项目', 'project'],
  ['subdistrict', 'street'],
  ['county', 'district'],
  ['organisation', 'org'],
  ['organization', 'org'],
])

export function parseLevel(text: string): CellResult<SubjectLevel> {
  const word = text.trim().toLowerCase()
  const known = (SUBJECT_LEVELS as readonly string[]).includes(word) ? (word as SubjectLevel) : LEVEL_WORDS.get(word)
  if (known) return { ok: true, value: known }
  return { ok: false, code: 'enum', params: { value: text, allowed: SUBJECT_LEVELS.join(', ') } }
}

/** The level a name implies by its ending: 大市口街道 → street, 武桥村 → village. Organisations otherwise. */
export function inferLevel(name: string): SubjectLevel {
  if (/(街道|街道办事处)$/.test(name)) return 'street'
  if (/社区$/.test(name)) return 'community'
  if (/村$/.test(name)) return 'village'
  if (/[镇乡]$/.test(name)) return 'town'
  if (/[区县]$/.test(name) || /县级市$/.test(name)) return 'district'
  if (/市$/.test(name)) return 'city'
  if (/项目$/.test(name)) return 'project'
  return 'org'
}

const CATEGORY_WORDS: ReadonlyMap<string, CategoryId> = new Map([
  ['经济发展', 'economy'],
  ['经济', 'economy'],
  ['经济运行', 'economy'],
  ['项目建设', 'projects'],
  ['项目', 'projects'],
  ['重点项目', 'projects'],
  ['民生保障', 'livelihood'],
  ['民生', 'livelihood'],
  ['民生实事', 'livelihood'],
  ['社会治理', 'governance'],
  ['治理', 'governance'],
  ['基层治理', 'governance'],
  ['社区建设', 'community'],
  ['社区', 'community'],
  ['社区服务', 'community'],
  ['金融', 'finance'],
  ['财政金融', 'finance'],
  ['财政', 'finance'],
])

export function parseCategory(text: string): CellResult<CategoryId> {
  const word = text.trim().toLowerCase()
  const known = (CATEGORIES as readonly string[]).includes(word) ? (word as CategoryId) : CATEGORY_WORDS.get(word)
  if (known) return { ok: true, value: known }
  return {
    ok: false,
    code: 'enum',
    params: { value: text, allowed: `${CATEGORIES.join(', ')}, 经济发展, 项目建设, 民生保障, 社会治理, 社区建设, 金融` },
  }
}

const DIRECTION_WORDS: ReadonlyMap<string, Direction> = new Map([
  ['higher', 'higher'],
  ['high', 'higher'],
  ['up', 'higher'],
  ['+', 'higher'],
  ['高', 'higher'],
  ['越高越好', 'higher'],
  ['越大越好', 'higher'],
  ['正向', 'higher'],
  ['正向指标', 'higher'],
  ['lower', 'lower'],
  ['low', 'lower'],
  ['down', 'lower'],
  ['-', 'lower'],
  ['低', 'lower'],
  ['越低越好', 'lower'],
  ['越小越好', 'lower'],
  ['逆向', 'lower'],
  ['负向', 'lower'],
  ['逆向指标', 'lower'],
  ['负向指标', 'lower'],
])

export function parseDirection(text: string): CellResult<Direction> {
  const known = DIRECTION_WORDS.get(text.trim().toLowerCase())
  if (known) return { ok: true, value: known }
  return { ok: false, code: 'enum', params: { value: text, allowed: 'higher, lower, 正向, 逆向' } }
}

/**
 * The kind of an indicator from its base unit and name. Percentages split by what the name says:
 * a growth (增长, 增幅, 同比), a share (占比, 比重), construction progress (进度), otherwise a rate.
 */
export function inferKind(unit: string, name: string): IndicatorKind {
  if (unit === 'CNY' || unit === 'USD') return 'amount'
  if (unit === 'm2' || unit === 'km2' || unit === 'mu') return 'area'
  if (unit === 'rank') return 'rank'
  if (unit === '%' || unit === 'pp') {
    if (/增长|增幅|增速|同比|环比/.test(name) || unit === 'pp') return 'growth'
    if (/占比|比重|比例|份额/.test(name)) return 'share'
    if (/进度/.test(name)) return 'progress'
    return 'rate'
  }
  return 'count'
}
