/**
 * The unit catalogue: base units, how they are written in Chinese and English, and how a written
 * unit such as "亿元" or "万平方米" maps onto a base unit and a factor.
 */

export type UnitFamily = 'currency' | 'area' | 'percent' | 'points' | 'rank' | 'count' | 'duration'

export interface UnitInfo {
  id: string
  family: UnitFamily
  /** How the unit follows a number in Chinese: 4.32亿元, 300件. */
  zh: string
  /** English: singular and plural nouns, or a symbol written after the number. */
  en: { one: string; other: string }
}

const CATALOGUE: UnitInfo[] = [
  { id: 'CNY', family: 'currency', zh: '元', en: { one: 'yuan', other: 'yuan' } },
  { id: 'USD', family: 'currency', zh: '美元', en: { one: 'US dollar', other: 'US dollars' } },
  { id: 'm2', family: 'area', zh: '平方米', en: { one: 'm²', other: 'm²' } },
  { id: 'km2', family: 'area', zh: '平方公里', en: { one: 'km²', other: 'km²' } },
  { id: 'mu', family: 'area', zh: '亩', en: { one: 'mu', other: 'mu' } },
  { id: '%', family: 'percent', zh: '%', en: { one: '%', other: '%' } },
  { id: 'pp', family: 'points', zh: '个百分点', en: { one: 'percentage point', other: 'percentage points' } },
  { id: 'rank', family: 'rank', zh: '位', en: { one: 'place', other: 'place' } },
  // Measure words (量词). English nouns are the plain reading in these reports.
  { id: '件', family: 'count', zh: '件', en: { one: 'case', other: 'cases' } },
  { id: '个', family: 'count', zh: '个', en: { one: '', other: '' } },
  { id: '场', family: 'count', zh: '场', en: { one: 'event', other: 'events' } },
  { id: '场次', family: 'count', zh: '场次', en: { one: 'session', other: 'sessions' } },
  { id: '次', family: 'count', zh: '次', en: { one: 'time', other: 'times' } },
  { id: '人', family: 'count', zh: '人', en: { one: 'person', other: 'people' } },
  { id: '人次', family: 'count', zh: '人次', en: { one: 'attendance', other: 'attendances' } },
  // 位 counts people ("3位专家"); only after 第 ("第2位") is it a rank, which the number parser decides.
  { id: '位', family: 'count', zh: '位', en: { one: 'person', other: 'people' } },
  { id: '名', family: 'count', zh: '名', en: { one: 'person', other: 'people' } },
  { id: '户', family: 'count', zh: '户', en: { one: 'household', other: 'households' } },
  { id: '辆', family: 'count', zh: '辆', en: { one: 'vehicle', other: 'vehicles' } },
  { id: '家', family: 'count', zh: '家', en: { one: 'business', other: 'businesses' } },
  { id: '处', family: 'count', zh: '处', en: { one: 'site', other: 'sites' } },
  { id: '条', family: 'count', zh: '条', en: { one: 'item', other: 'items' } },
  { id: '张', family: 'count', zh: '张', en: { one: 'card', other: 'cards' } },
  { id: '项', family: 'count', zh: '项', en: { one: 'item', other: 'items' } },
  { id: '幢', family: 'count', zh: '幢', en: { one: 'building', other: 'buildings' } },
  { id: '支', family: 'count', zh: '支', en: { one: 'team', other: 'teams' } },
  { id: '年', family: 'duration', zh: '年', en: { one: 'year', other: 'years' } },
]

const BY_ID = new Map(CATALOGUE.map((u) => [u.id, u]))

/** Catalogue entry for a base unit id, or a generic count unit for a measure word we do not know. */
export function unitInfo(id: string): UnitInfo {
  return BY_ID.get(id) ?? { id, family: 'count', zh: id, en: { one: id, other: id } }
}

export function isKnownUnit(id: string): boolean {
  return BY_ID.has(id)
}

/** Magnitude words that may precede a unit: 4.32亿元, 7.85万平方米, 5000万美元. */
export const MAGNITUDES: Record<string, number> = {
  千: 1e3,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  万亿: 1e12,
}

/** Written forms of base units, longest first so that "平方公里" wins over "平方". */
const WRITTEN: Array<[string, string]> = [
  ['个百分点', 'pp'],
  ['百分点', 'pp'],
  ['平方公里', 'km2'],
  ['平方千米', 'km2'],
  ['平方米', 'm2'],
  ['平米', 'm2'],
  ['㎡', 'm2'],
  ['m²', 'm2'],
  ['m2', 'm2'],
  ['人民币', 'CNY'],
  ['美元', 'USD'],
  ['元', 'CNY'],
  ['亩', 'mu'],
  ['%', '%'],
  ['％', '%'],
  ['pp', 'pp'],
  ['名次', 'rank'],
  ['位', 'rank'],
  ['场次', '场次'],
  ...CATALOGUE.filter((u) => u.family === 'count' || u.family === 'duration').map(
    (u): [string, string] => [u.id, u.id],
  ),
]

export interface ParsedUnit {
  unit: string
  /** Multiply a number written with this unit by `factor` to get base units. */
  factor: number
}

/**
 * Reads a unit as written in a table header or cell: "亿元" → CNY × 1e8, "万平方米" → m2 × 1e4,
 * "%" → %, "件" → 件. Unknown measure words are kept as their own unit. Empty text gives null.
 */
export function parseUnit(written: string): ParsedUnit | null {
  const text = written.trim()
  if (text === '') return null
  for (const [magnitude, factor] of Object.entries(MAGNITUDES).sort((a, b) => b[0].length - a[0].length)) {
    if (text.startsWith(magnitude) && text.length > magnitude.length) {
      const rest = parseUnit(text.slice(magnitude.length))
      if (rest && rest.unit !== '%' && rest.unit !== 'pp') return { unit: rest.unit, factor: factor * rest.factor }
    }
  }
  for (const [form, unit] of WRITTEN) if (text === form) return { unit, factor: 1 }
  if (text.length <= 3) return { unit: text, factor: 1 }
  return null
}

/** Measure words the number parser recognises after a number (kept beside the catalogue so both stay in step). */
export const MEASURE_WORDS: string[] = CATALOGUE.filter((u) => u.family === 'count' || u.family === 'duration')
  .map((u) => u.id)
  .sort((a, b) => b.length - a.length)

/**
 * Every written unit form with its base unit, longest first, for scanners that must find where a
 * unit ends inside running text ("3.6个百分点" must not stop at "个").
 */
export const UNIT_FORMS: ReadonlyArray<readonly [written: string, unit: string]> = [...WRITTEN].sort(
  (a, b) => b[0].length - a[0].length,
)
