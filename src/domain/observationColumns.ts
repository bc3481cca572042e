/**
 * A dataset's observations as columns of small numbers, for filtering and sorting the data table.
 *
 * A row's subject, indicator and period are strings and objects; asking "is this row in 经济发展?"
 * 360,000 times through maps of strings costs tens of milliseconds per question. Numbered once
 * (subject 17, indicator 3, period 9) the same questions become typed-array reads, and a filter
 * over the whole table takes a few milliseconds. Made once per dataset index and kept with it.
 */
import type { Indicator, Observation, Subject } from './model'
import type { DatasetIndex } from './datasetIndex'

export interface ObservationColumns {
  /** Subjects and indicators by number (their order in the index). */
  subjects: readonly Subject[]
  indicators: readonly Indicator[]
  /** The distinct period keys by number. */
  periodKeys: readonly string[]
  /** Per position in `index.observations`: the number of its subject, indicator and period; -1 when it does not resolve. */
  subjectNo: Int32Array
  indicatorNo: Int32Array
  periodNo: Int32Array
  /** Positions of the rows a table can show (subject and indicator resolve), ascending. */
  named: Uint32Array
  /** Positions of the rows with at least one quote, ascending: the only rows a search reads text of. */
  quoted: Uint32Array
}

function numbering<T>(items: Iterable<[string, T]>): { list: T[]; numberOf: Map<string, number> } {
  const list: T[] = []
  const numberOf = new Map<string, number>()
  for (const [id, item] of items) {
    numberOf.set(id, list.length)
    list.push(item)
  }
  return { list, numberOf }
}

function buildColumns(index: DatasetIndex): ObservationColumns {
  const observations = index.observations
  const n = observations.length
  const subjects = numbering(index.subjects)
  const indicators = numbering(index.indicators)
  const periods = new Map<string, number>()
  const periodKeys: string[] = []
  const subjectNo = new Int32Array(n)
  const indicatorNo = new Int32Array(n)
  const periodNo = new Int32Array(n)
  const named = new Uint32Array(n)
  const quoted: number[] = []
  let namedCount = 0
  for (let p = 0; p < n; p++) {
    const o = observations[p] as Observation
    const s = subjects.numberOf.get(o.subjectId) ?? -1
    const i = indicators.numberOf.get(o.indicatorId) ?? -1
    const key = index.periodKeys[p] as string
    let k = periods.get(key)
    if (k === undefined) {
      k = periodKeys.length
      periods.set(key, k)
      periodKeys.push(key)
    }
    subjectNo[p] = s
    indicatorNo[p] = i
    periodNo[p] = k
    if (s !== -1 && i !== -1) named[namedCount++] = p
    if (o.evidence.length > 0) quoted.push(p)
  }
  return {
    subjects: subjects.list,
    indicators: indicators.list,
    periodKeys,
    subjectNo,
    indicatorNo,
    periodNo,
    named: namedCount === n ? named : named.slice(0, namedCount),
    quoted: Uint32Array.from(quoted),
  }
}

const cache = new WeakMap<DatasetIndex, ObservationColumns>()

export function observationColumns(index: DatasetIndex): ObservationColumns {
  let columns = cache.get(index)
  if (!columns) {
    columns = buildColumns(index)
    cache.set(index, columns)
  }
  return columns
}
