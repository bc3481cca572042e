/**
 * Observations as columns, for the trip from the import worker to the page.
 *
 * Posting 360,000 observation objects makes the page rebuild every one of them by structured clone
 * on its own thread: 7.8 s of main-thread work with the CPU throttled 4× (npm run bench, before
 * this file). As columns, the numbers travel in typed arrays that are *transferred* (moved, not
 * copied), every distinct string (regions, quotes) travels once inside one long string and the ids
 * inside another. The page
 * then builds the objects itself, in slices between which it can paint, and every row shares the
 * same string and period objects (what `shareRepeatedValues` would otherwise have to do after).
 *
 * Nulls: numbers are NaN, references are -1. Validated observations hold only finite numbers, so
 * NaN is free to mean "none"; `encodeObservations` refuses a NaN it is given rather than turn it
 * into a null.
 */
import {
  EVIDENCE_FIELDS,
  QUALIFIERS,
  type Evidence,
  type EvidenceField,
  type Observation,
  type Period,
  type Qualifier,
} from '../domain/model'

export interface ObservationColumns {
  count: number
  /** Every distinct string, concatenated; string k is `strings.slice(stringEnds[k - 1] ?? 0, stringEnds[k])`. */
  strings: string
  stringEnds: Uint32Array
  /** Distinct periods, four numbers each: start year, start month, end year, end month. */
  periods: Int32Array
  /**
   * Every observation's id, concatenated: observation i's is `ids.slice(idEnds[i - 1] ?? 0, idEnds[i])`.
   * Apart from the other strings because each is used once: the page cuts it where it builds the
   * row, with no table of 360,000 strings in between.
   */
  ids: string
  idEnds: Uint32Array
  /** Per observation: index of a string, of a period, or -1 for null. */
  subject: Uint32Array
  indicator: Uint32Array
  document: Int32Array
  rankScope: Int32Array
  period: Uint32Array
  targetPeriod: Int32Array
  /** Per observation: the value, or NaN for null. */
  actual: Float64Array
  actualUpper: Float64Array
  target: Float64Array
  yoy: Float64Array
  rank: Float64Array
  /** Index into `QUALIFIERS`, or -1. */
  qualifier: Int8Array
  /** Observation i's evidence is entries `evidenceEnds[i - 1] ?? 0` up to `evidenceEnds[i]`. */
  evidenceEnds: Uint32Array
  /** Per evidence entry: index into `EVIDENCE_FIELDS`, and the quote's string index. */
  evidenceField: Uint8Array
  evidenceQuote: Uint32Array
}

/**
 * Collects strings and hands out their indexes: `indexOf` gives each distinct string one index.
 */
class StringTable {
  private readonly indexes = new Map<string, number>()
  private readonly parts: string[] = []
  private readonly ends: number[] = []
  private length = 0

  indexOf(value: string): number {
    let index = this.indexes.get(value)
    if (index === undefined) {
      index = this.append(value)
      this.indexes.set(value, index)
    }
    return index
  }

  private append(value: string): number {
    const index = this.parts.length
    this.parts.push(value)
    this.length += value.length
    this.ends.push(this.length)
    return index
  }

  finish(): { strings: string; stringEnds: Uint32Array } {
    return { strings: this.parts.join(''), stringEnds: Uint32Array.from(this.ends) }
  }
}

/**
 * `StringTable.indexOf` for one column whose rows repeat the value of the row before (rows come
 * grouped by region, indicator and document): that value's index is kept and compared first, which
 * costs less than looking the string up again.
 */
class RepeatedColumn {
  private last: string | null = null
  private lastIndex = -1

  constructor(private readonly strings: StringTable) {}

  indexOf(value: string): number {
    if (value !== this.last) {
      this.lastIndex = this.strings.indexOf(value)
      this.last = value
    }
    return this.lastIndex
  }
}

const QUALIFIER_INDEX = new Map<Qualifier, number>(QUALIFIERS.map((q, i) => [q, i]))
const EVIDENCE_INDEX = new Map<EvidenceField, number>(EVIDENCE_FIELDS.map((f, i) => [f, i]))

function numberOrNaN(value: number | null, field: string, row: number): number {
  if (value === null) return Number.NaN
  if (Number.isNaN(value)) throw new TypeError(`observation ${row}: ${field} is NaN, which the columns use for null`)
  return value
}

/** Indexes of distinct periods (by value), with their four numbers each. */
class PeriodTable {
  /** By object first: the rows of a table share a few period objects, so their key is made once per object. */
  private readonly byObject = new Map<Period, number>()
  private readonly byKey = new Map<string, number>()
  readonly numbers: number[] = []

  indexOf(p: Period): number {
    let index = this.byObject.get(p)
    if (index === undefined) {
      // Two objects with the same dates are one period: found by their key.
      const key = `${p.start.year}-${p.start.month}-${p.end.year}-${p.end.month}`
      index = this.byKey.get(key)
      if (index === undefined) {
        index = this.numbers.length / 4
        this.byKey.set(key, index)
        this.numbers.push(p.start.year, p.start.month, p.end.year, p.end.month)
      }
      this.byObject.set(p, index)
    }
    return index
  }
}

export function encodeObservations(observations: readonly Observation[]): ObservationColumns {
  const count = observations.length
  const strings = new StringTable()
  const subjects = new RepeatedColumn(strings)
  const indicators = new RepeatedColumn(strings)
  const documents = new RepeatedColumn(strings)
  const rankScopes = new RepeatedColumn(strings)
  const periods = new PeriodTable()
  const ids: string[] = new Array<string>(count)
  const idEnds = new Uint32Array(count)
  let idLength = 0
  const columns = {
    subject: new Uint32Array(count),
    indicator: new Uint32Array(count),
    document: new Int32Array(count),
    rankScope: new Int32Array(count),
    period: new Uint32Array(count),
    targetPeriod: new Int32Array(count),
    actual: new Float64Array(count),
    actualUpper: new Float64Array(count),
    target: new Float64Array(count),
    yoy: new Float64Array(count),
    rank: new Float64Array(count),
    qualifier: new Int8Array(count),
    evidenceEnds: new Uint32Array(count),
  }
  const evidenceField: number[] = []
  const evidenceQuote: number[] = []
  for (let i = 0; i < count; i++) {
    const o = observations[i] as Observation
    ids[i] = o.id
    idLength += o.id.length
    idEnds[i] = idLength
    columns.subject[i] = subjects.indexOf(o.subjectId)
    columns.indicator[i] = indicators.indexOf(o.indicatorId)
    columns.document[i] = o.documentId === null ? -1 : documents.indexOf(o.documentId)
    columns.rankScope[i] = o.rankScopeId === null ? -1 : rankScopes.indexOf(o.rankScopeId)
    columns.period[i] = periods.indexOf(o.period)
    columns.targetPeriod[i] = o.targetPeriod === null ? -1 : periods.indexOf(o.targetPeriod)
    columns.actual[i] = numberOrNaN(o.actual, 'actual', i)
    columns.actualUpper[i] = numberOrNaN(o.actualUpper, 'actualUpper', i)
    columns.target[i] = numberOrNaN(o.target, 'target', i)
    columns.yoy[i] = numberOrNaN(o.yoy, 'yoy', i)
    columns.rank[i] = numberOrNaN(o.rank, 'rank', i)
    columns.qualifier[i] = o.qualifier === null ? -1 : (QUALIFIER_INDEX.get(o.qualifier) ?? -1)
    const evidence = o.evidence
    for (let e = 0; e < evidence.length; e++) {
      const entry = evidence[e] as Evidence
      evidenceField.push(EVIDENCE_INDEX.get(entry.field) ?? 0)
      evidenceQuote.push(strings.indexOf(entry.quote))
    }
    columns.evidenceEnds[i] = evidenceField.length
  }
  return {
    count,
    ids: ids.join(''),
    idEnds,
    ...strings.finish(),
    periods: Int32Array.from(periods.numbers),
    ...columns,
    evidenceField: Uint8Array.from(evidenceField),
    evidenceQuote: Uint32Array.from(evidenceQuote),
  }
}

/** The buffers to list in `postMessage(message, transfer)`: moved to the receiver, not copied. */
export function transferablesOf(columns: ObservationColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  for (const value of Object.values(columns)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer)
  }
  return [...buffers]
}

/**
 * The evidence of every row that has none (a generated or bare table: all of them): one frozen array
 * instead of 360,000 empty ones for the page's garbage collector to trace. Nothing adds evidence to
 * a dataset's rows (they are replaced whole); were anything to try, it would throw, not spread.
 */
const NO_EVIDENCE = Object.freeze([]) as unknown as Evidence[]

/** Builds observations back from columns, a slice at a time, sharing strings and periods between rows. */
export class ObservationDecoder {
  private readonly texts: string[]
  private readonly periodObjects: Period[]

  constructor(private readonly columns: ObservationColumns) {
    const { strings, stringEnds, periods } = columns
    this.texts = new Array<string>(stringEnds.length)
    let start = 0
    for (let k = 0; k < stringEnds.length; k++) {
      const end = stringEnds[k] as number
      this.texts[k] = strings.slice(start, end)
      start = end
    }
    this.periodObjects = []
    for (let p = 0; p + 3 < periods.length; p += 4) {
      this.periodObjects.push({
        start: { year: periods[p] as number, month: periods[p + 1] as number },
        end: { year: periods[p + 2] as number, month: periods[p + 3] as number },
      })
    }
  }

  get count(): number {
    return this.columns.count
  }

  /** Observations `from` (inclusive) to `to` (exclusive), appended to `into`. */
  decode(from: number, to: number, into: Observation[]): void {
    const c = this.columns
    const text = this.texts
    const periods = this.periodObjects
    const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value)
    const refOrNull = (index: number): string | null => (index < 0 ? null : (text[index] as string))
    const end = Math.min(to, c.count)
    for (let i = from; i < end; i++) {
      const firstEvidence = i === 0 ? 0 : (c.evidenceEnds[i - 1] as number)
      const endEvidence = c.evidenceEnds[i] as number
      let evidence = NO_EVIDENCE
      if (endEvidence > firstEvidence) {
        evidence = []
        for (let e = firstEvidence; e < endEvidence; e++) {
          evidence.push({
            field: EVIDENCE_FIELDS[c.evidenceField[e] as number] as EvidenceField,
            quote: text[c.evidenceQuote[e] as number] as string,
          })
        }
      }
      const qualifier = c.qualifier[i] as number
      const targetPeriod = c.targetPeriod[i] as number
      into.push({
        id: c.ids.slice(i === 0 ? 0 : (c.idEnds[i - 1] as number), c.idEnds[i] as number),
        subjectId: text[c.subject[i] as number] as string,
        indicatorId: text[c.indicator[i] as number] as string,
        period: periods[c.period[i] as number] as Period,
        actual: orNull(c.actual[i] as number),
        actualUpper: orNull(c.actualUpper[i] as number),
        qualifier: qualifier < 0 ? null : (QUALIFIERS[qualifier] as Qualifier),
        target: orNull(c.target[i] as number),
        targetPeriod: targetPeriod < 0 ? null : (periods[targetPeriod] as Period),
        yoy: orNull(c.yoy[i] as number),
        rank: orNull(c.rank[i] as number),
        rankScopeId: refOrNull(c.rankScope[i] as number),
        documentId: refOrNull(c.document[i] as number),
        evidence,
      })
    }
  }
}

/** All observations at once (tests, and threads that need not paint in between). */
export function decodeObservations(columns: ObservationColumns): Observation[] {
  const out: Observation[] = []
  new ObservationDecoder(columns).decode(0, columns.count, out)
  return out
}
