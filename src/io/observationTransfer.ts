/**
 * Observations as columns, for the trip from the import worker to the page. A table's import makes
 * them so from the start (`ObservationColumnsBuilder`, in `interchangeMapper.ts`): the worker never
 * holds its rows as 360,000 objects (live heap after a Node import of the bench table, `npm run
 * bench:import -- --memory`: 17 MB instead of 101 MB), and has nothing to encode before posting.
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

/**
 * Builds the columns one observation at a time, for up to `capacity` observations. The import's
 * mapper adds its rows here as it finishes them, from one reused object (`add` keeps nothing of
 * the object it is given), so a 360,000-row table never becomes 360,000 objects in the worker.
 */
export class ObservationColumnsBuilder {
  private count = 0
  private readonly strings = new StringTable()
  private readonly subjects = new RepeatedColumn(this.strings)
  private readonly indicators = new RepeatedColumn(this.strings)
  private readonly documents = new RepeatedColumn(this.strings)
  private readonly rankScopes = new RepeatedColumn(this.strings)
  private readonly periods = new PeriodTable()
  private readonly ids: string[] = []
  private idLength = 0
  private readonly evidenceField: number[] = []
  private readonly evidenceQuote: number[] = []
  private readonly columns

  constructor(private readonly capacity: number) {
    this.columns = {
      idEnds: new Uint32Array(capacity),
      subject: new Uint32Array(capacity),
      indicator: new Uint32Array(capacity),
      document: new Int32Array(capacity),
      rankScope: new Int32Array(capacity),
      period: new Uint32Array(capacity),
      targetPeriod: new Int32Array(capacity),
      actual: new Float64Array(capacity),
      actualUpper: new Float64Array(capacity),
      target: new Float64Array(capacity),
      yoy: new Float64Array(capacity),
      rank: new Float64Array(capacity),
      qualifier: new Int8Array(capacity),
      evidenceEnds: new Uint32Array(capacity),
    }
  }

  add(o: Observation): void {
    const i = this.count
    if (i >= this.capacity) throw new RangeError(`more than the ${this.capacity} observations the columns were made for`)
    const c = this.columns
    this.ids.push(o.id)
    this.idLength += o.id.length
    c.idEnds[i] = this.idLength
    c.subject[i] = this.subjects.indexOf(o.subjectId)
    c.indicator[i] = this.indicators.indexOf(o.indicatorId)
    c.document[i] = o.documentId === null ? -1 : this.documents.indexOf(o.documentId)
    c.rankScope[i] = o.rankScopeId === null ? -1 : this.rankScopes.indexOf(o.rankScopeId)
    c.period[i] = this.periods.indexOf(o.period)
    c.targetPeriod[i] = o.targetPeriod === null ? -1 : this.periods.indexOf(o.targetPeriod)
    c.actual[i] = numberOrNaN(o.actual, 'actual', i)
    c.actualUpper[i] = numberOrNaN(o.actualUpper, 'actualUpper', i)
    c.target[i] = numberOrNaN(o.target, 'target', i)
    c.yoy[i] = numberOrNaN(o.yoy, 'yoy', i)
    c.rank[i] = numberOrNaN(o.rank, 'rank', i)
    c.qualifier[i] = o.qualifier === null ? -1 : (QUALIFIER_INDEX.get(o.qualifier) ?? -1)
    const evidence = o.evidence
    for (let e = 0; e < evidence.length; e++) {
      const entry = evidence[e] as Evidence
      this.evidenceField.push(EVIDENCE_INDEX.get(entry.field) ?? 0)
      this.evidenceQuote.push(this.strings.indexOf(entry.quote))
    }
    c.evidenceEnds[i] = this.evidenceField.length
    this.count++
  }

  /** The columns of what was added. Call once. */
  finish(): ObservationColumns {
    const count = this.count
    // Cut to what was added when that is less than planned (copies, so no unused tail is transferred).
    const cut = <T extends { length: number; slice(start: number, end: number): T }>(column: T): T =>
      count === column.length ? column : column.slice(0, count)
    const c = this.columns
    return {
      count,
      ids: this.ids.join(''),
      idEnds: cut(c.idEnds),
      ...this.strings.finish(),
      periods: Int32Array.from(this.periods.numbers),
      subject: cut(c.subject),
      indicator: cut(c.indicator),
      document: cut(c.document),
      rankScope: cut(c.rankScope),
      period: cut(c.period),
      targetPeriod: cut(c.targetPeriod),
      actual: cut(c.actual),
      actualUpper: cut(c.actualUpper),
      target: cut(c.target),
      yoy: cut(c.yoy),
      rank: cut(c.rank),
      qualifier: cut(c.qualifier),
      evidenceEnds: cut(c.evidenceEnds),
      evidenceField: Uint8Array.from(this.evidenceField),
      evidenceQuote: Uint32Array.from(this.evidenceQuote),
    }
  }
}

export function encodeObservations(observations: readonly Observation[]): ObservationColumns {
  const builder = new ObservationColumnsBuilder(observations.length)
  for (const o of observations) builder.add(o)
  return builder.finish()
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
export const NO_EVIDENCE = Object.freeze([]) as unknown as Evidence[]

/** A column's number, or null where the column holds NaN ("none"). */
export function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value
}

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
    const end = Math.min(to, c.count)
    for (let i = from; i < end; i++) {
      const qualifier = c.qualifier[i] as number
      const targetPeriod = c.targetPeriod[i] as number
      into.push({
        id: this.idOf(i),
        subjectId: text[c.subject[i] as number] as string,
        indicatorId: text[c.indicator[i] as number] as string,
        period: periods[c.period[i] as number] as Period,
        actual: nullIfNaN(c.actual[i] as number),
        actualUpper: nullIfNaN(c.actualUpper[i] as number),
        qualifier: qualifier < 0 ? null : (QUALIFIERS[qualifier] as Qualifier),
        target: nullIfNaN(c.target[i] as number),
        targetPeriod: targetPeriod < 0 ? null : (periods[targetPeriod] as Period),
        yoy: nullIfNaN(c.yoy[i] as number),
        rank: nullIfNaN(c.rank[i] as number),
        rankScopeId: this.textOrNull(c.rankScope[i] as number),
        documentId: this.textOrNull(c.document[i] as number),
        evidence: this.evidenceOf(i),
      })
    }
  }

  /**
   * Observation `i` in one object that every call reuses: read it before the next call, and keep
   * nothing of it. For passes that only look at each row (the import's checks), with no object
   * per row. Its evidence is a new array only for a row that has some.
   */
  view(i: number): Observation {
    const c = this.columns
    const text = this.texts
    const o = (this.shown ??= blankObservation())
    const qualifier = c.qualifier[i] as number
    const targetPeriod = c.targetPeriod[i] as number
    o.id = this.idOf(i)
    o.subjectId = text[c.subject[i] as number] as string
    o.indicatorId = text[c.indicator[i] as number] as string
    o.period = this.periodObjects[c.period[i] as number] as Period
    o.actual = nullIfNaN(c.actual[i] as number)
    o.actualUpper = nullIfNaN(c.actualUpper[i] as number)
    o.qualifier = qualifier < 0 ? null : (QUALIFIERS[qualifier] as Qualifier)
    o.target = nullIfNaN(c.target[i] as number)
    o.targetPeriod = targetPeriod < 0 ? null : (this.periodObjects[targetPeriod] as Period)
    o.yoy = nullIfNaN(c.yoy[i] as number)
    o.rank = nullIfNaN(c.rank[i] as number)
    o.rankScopeId = this.textOrNull(c.rankScope[i] as number)
    o.documentId = this.textOrNull(c.document[i] as number)
    o.evidence = this.evidenceOf(i)
    return o
  }

  /** The id of observation `i`. */
  idOf(i: number): string {
    const c = this.columns
    return c.ids.slice(i === 0 ? 0 : (c.idEnds[i - 1] as number), c.idEnds[i] as number)
  }

  /** String `index` of the table, or null for -1. */
  private textOrNull(index: number): string | null {
    return index < 0 ? null : (this.texts[index] as string)
  }

  /** Observation `i`'s evidence: a new array when it has some, else the one shared empty array. */
  private evidenceOf(i: number): Evidence[] {
    const c = this.columns
    const first = i === 0 ? 0 : (c.evidenceEnds[i - 1] as number)
    const end = c.evidenceEnds[i] as number
    if (end <= first) return NO_EVIDENCE
    const evidence: Evidence[] = []
    for (let e = first; e < end; e++)
      evidence.push({ field: EVIDENCE_FIELDS[c.evidenceField[e] as number] as EvidenceField, quote: this.texts[c.evidenceQuote[e] as number] as string })
    return evidence
  }

  private shown: Observation | null = null
}

/**
 * An observation with every field empty, to be filled in row by row and reused (the decoder's view,
 * the mapper's rows on their way into the columns): one object for a whole table.
 */
export function blankObservation(): Observation {
  return {
    id: '',
    subjectId: '',
    indicatorId: '',
    period: { start: { year: 0, month: 1 }, end: { year: 0, month: 1 } },
    actual: null,
    actualUpper: null,
    qualifier: null,
    target: null,
    targetPeriod: null,
    yoy: null,
    rank: null,
    rankScopeId: null,
    documentId: null,
    evidence: NO_EVIDENCE,
  }
}

/** All observations at once (tests, and threads that need not paint in between). */
export function decodeObservations(columns: ObservationColumns): Observation[] {
  const out: Observation[] = []
  new ObservationDecoder(columns).decode(0, columns.count, out)
  return out
}
