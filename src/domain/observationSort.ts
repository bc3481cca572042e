/**
 * Sorting the data table's rows by a column, fast enough for 360,000 rows.
 *
 * Comparing rows one pair at a time (a collator call per comparison of two names, a period parse
 * per comparison of two periods) costs millions of calls on a large table. Instead, each column's
 * order is worked out once per dataset and language as a whole number per row: its rank in that
 * column ("the 17th name", "the 3rd smallest actual"). Sorting packs (rank, position) into one
 * number per row and lets the typed array's native numeric sort do the rest, once per column and
 * direction for the whole table (sortOrder); the rows a filter lets through are then put in that
 * order by one pass over it (inOrder), with no sort at all.
 *
 * The order is the one users know from the table: names by the collator of the language shown
 * (pinyin for Chinese), periods by their end and then the longer span first, figures numerically;
 * a missing figure sorts last in both directions, never as "the smallest"; ties keep dataset order.
 */
import type { LocaleCode, LocalizedText, Observation } from './model'
import type { DatasetIndex } from './datasetIndex'
import { completionRate } from './progress'
import { observationColumns } from './observationColumns'

export type SortKey = 'region' | 'indicator' | 'period' | 'actual' | 'target' | 'completion' | 'yoy' | 'rank'
export type SortDirection = 'asc' | 'desc'

/** A row without a value in the sorted column. */
export const NO_VALUE = -1

/** One collator for every name sort: creating one is far dearer than using it. */
const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true })

/** Each value's rank among the distinct values (0 = smallest), NO_VALUE for NaN (a missing figure). */
function ranksOfNumbers(values: Float64Array): Int32Array {
  let present = 0
  for (const v of values) if (!Number.isNaN(v)) present++
  const sorted = new Float64Array(present)
  let at = 0
  for (const v of values) if (!Number.isNaN(v)) sorted[at++] = v
  sorted.sort()
  // The distinct values, in place at the front of `sorted`.
  let distinct = 0
  for (let i = 0; i < sorted.length; i++) if (distinct === 0 || sorted[distinct - 1] !== sorted[i]) sorted[distinct++] = sorted[i] as number
  const ranks = new Int32Array(values.length)
  for (let p = 0; p < values.length; p++) {
    const v = values[p] as number
    if (Number.isNaN(v)) {
      ranks[p] = NO_VALUE
      continue
    }
    let lo = 0
    let hi = distinct - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sorted[mid] as number) < v) lo = mid + 1
      else hi = mid
    }
    ranks[p] = lo
  }
  return ranks
}

/** The rank of each item by its name in the language shown; items with the same name share a rank. */
function ranksOfNames(names: readonly string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => collator.compare(names[a] as string, names[b] as string))
  const ranks = new Int32Array(names.length)
  let rank = -1
  let previous: string | null = null
  for (const i of order) {
    const name = names[i] as string
    if (previous === null || collator.compare(previous, name) !== 0) rank++
    ranks[i] = rank
    previous = name
  }
  return ranks
}

function numericColumn(observations: readonly Observation[], value: (o: Observation) => number | null): Float64Array {
  const values = new Float64Array(observations.length)
  for (let p = 0; p < observations.length; p++) values[p] = value(observations[p] as Observation) ?? Number.NaN
  return values
}

/** Months since year 0 of a period's end, then of its start: the order `comparePeriods` gives. */
function periodOrder(o: Observation): number {
  const { start, end } = o.period
  return (end.year * 12 + end.month) * 100_000 + (start.year * 12 + start.month)
}

function computeRanks(index: DatasetIndex, key: SortKey, nameOf: (text: LocalizedText) => string): Int32Array {
  const observations = index.observations
  switch (key) {
    case 'region':
    case 'indicator': {
      const columns = observationColumns(index)
      const byName = ranksOfNames((key === 'region' ? columns.subjects : columns.indicators).map((item) => nameOf(item.name)))
      const numbers = key === 'region' ? columns.subjectNo : columns.indicatorNo
      return numbers.map((no) => (no === -1 ? NO_VALUE : (byName[no] as number)))
    }
    case 'period':
      return ranksOfNumbers(numericColumn(observations, periodOrder))
    case 'actual':
      return ranksOfNumbers(numericColumn(observations, (o) => o.actual))
    case 'target':
      return ranksOfNumbers(numericColumn(observations, (o) => o.target))
    case 'completion':
      return ranksOfNumbers(
        numericColumn(observations, (o) => (o.actual === null || o.target === null ? null : completionRate(o.actual, o.target))),
      )
    case 'yoy':
      return ranksOfNumbers(numericColumn(observations, (o) => o.yoy))
    case 'rank':
      return ranksOfNumbers(numericColumn(observations, (o) => o.rank))
  }
}

const rankCache = new WeakMap<DatasetIndex, Map<string, Int32Array>>()

/**
 * Each observation's rank in a column, by position in `index.observations` (NO_VALUE where it has
 * none). Made once per dataset, column and language, so changing the direction or a filter re-sorts
 * without recomputing it.
 */
export function sortRanks(index: DatasetIndex, key: SortKey, locale: LocaleCode): Int32Array {
  let byKey = rankCache.get(index)
  if (!byKey) {
    byKey = new Map()
    rankCache.set(index, byKey)
  }
  // Names sort differently per language; figures and periods do not.
  const cacheKey = key === 'region' || key === 'indicator' ? `${key}:${locale}` : key
  let ranks = byKey.get(cacheKey)
  if (!ranks) {
    ranks = computeRanks(index, key, (text) => (locale === 'zh-CN' ? text.zh : text.en))
    byKey.set(cacheKey, ranks)
  }
  return ranks
}

/**
 * The positions ordered by their ranks: ascending or descending, missing values last either way,
 * ties in the order given (dataset order). Returns a new array.
 */
export function sortPositions(positions: Uint32Array, ranks: Int32Array, direction: SortDirection): Uint32Array {
  const n = positions.length
  const rankOf = new Int32Array(n)
  let highest = 0
  for (let i = 0; i < n; i++) {
    const rank = ranks[positions[i] as number] as number
    rankOf[i] = rank
    if (rank > highest) highest = rank
  }
  const missing = highest + 1
  // (rank, order given) packed into one exact double, rank × n + i, so the native numeric sort of a
  // Float64Array does the work. The largest, (highest + 2) × n, is far below 2^53 for any table.
  const packed = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const rank = rankOf[i] as number
    const ordered = rank === NO_VALUE ? missing : direction === 'asc' ? rank : highest - rank
    packed[i] = ordered * n + i
  }
  packed.sort()
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const value = packed[i] as number
    out[i] = positions[value - Math.floor(value / n) * n] as number
  }
  return out
}

const orderCache = new WeakMap<DatasetIndex, Map<string, Uint32Array>>()

/**
 * Every position of `index.observations` in a column's order, made once per dataset, column,
 * language and direction: a filter or a return to an earlier sort then costs one pass (inOrder).
 */
export function sortOrder(index: DatasetIndex, key: SortKey, locale: LocaleCode, direction: SortDirection): Uint32Array {
  let byKey = orderCache.get(index)
  if (!byKey) {
    byKey = new Map()
    orderCache.set(index, byKey)
  }
  const cacheKey = `${key}:${locale}:${direction}`
  let order = byKey.get(cacheKey)
  if (!order) {
    const all = new Uint32Array(index.observations.length)
    for (let p = 0; p < all.length; p++) all[p] = p
    order = sortPositions(all, sortRanks(index, key, locale), direction)
    byKey.set(cacheKey, order)
  }
  return order
}

/** The positions given (any subset of the table's, e.g. a filter's), in the order of `order`. */
export function inOrder(positions: Uint32Array, order: Uint32Array): Uint32Array {
  if (positions.length === order.length) return order
  const wanted = new Uint8Array(order.length)
  for (let i = 0; i < positions.length; i++) wanted[positions[i] as number] = 1
  const out = new Uint32Array(positions.length)
  let count = 0
  for (let i = 0; i < order.length; i++) {
    const p = order[i] as number
    if (wanted[p] === 1) out[count++] = p
  }
  return out
}
