/**
 * Look-ups over a dataset, built once per dataset so views never scan arrays to resolve an id, and a
 * filter change on a 360,000-row table touches only the rows it needs (npm run bench).
 */
import type { Dataset, Indicator, Observation, Period, SourceDocument, Subject } from './model'
import { periodKey } from './period'

/** A number naming a period's months exactly (start and end), cheaper to make than its text key. */
function periodNumber(p: Period): number {
  return (p.start.year * 12 + p.start.month) * 1_000_000 + (p.end.year * 12 + p.end.month)
}

export interface DatasetIndex {
  subjects: ReadonlyMap<string, Subject>
  indicators: ReadonlyMap<string, Indicator>
  documents: ReadonlyMap<string, SourceDocument>
  /** Direct children of a subject (regions, organisations and projects). */
  children: ReadonlyMap<string, readonly Subject[]>
  /**
   * The observations the index was built from. Functions that take an observation list and an index
   * use the look-ups below only when given exactly this list; any other list is scanned as given.
   */
  observations: readonly Observation[]
  /** Each indicator's observations, in dataset order. */
  observationsByIndicator: ReadonlyMap<string, readonly Observation[]>
  /** Positions (in `observations`) of each subject's observations, ascending. */
  positionsBySubject: ReadonlyMap<string, readonly number[]>
  /** The canonical period key of the observation at each position (`periodKey(o.period)`), computed once. */
  periodKeys: readonly string[]
  /** Each distinct period key, with the period of its first observation, in order of first appearance. */
  periods: ReadonlyMap<string, Period>
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === null) continue
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

export function buildDatasetIndex(dataset: Dataset): DatasetIndex {
  const observations = dataset.observations
  const byIndicator = new Map<string, Observation[]>()
  const positionsBySubject = new Map<string, number[]>()
  const periodKeys: string[] = new Array<string>(observations.length)
  // Period keys are few (a dozen months) but needed for every row: each distinct one is made and
  // kept once, so 360,000 rows hold 360,000 references to a dozen strings.
  const keys = new Map<number, string>()
  const periods = new Map<string, Period>()
  // One pass for every per-observation look-up.
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as Observation
    const positions = positionsBySubject.get(o.subjectId)
    if (positions) positions.push(i)
    else positionsBySubject.set(o.subjectId, [i])
    const indicatorList = byIndicator.get(o.indicatorId)
    if (indicatorList) indicatorList.push(o)
    else byIndicator.set(o.indicatorId, [o])
    const n = periodNumber(o.period)
    let key = keys.get(n)
    if (key === undefined) {
      key = periodKey(o.period)
      keys.set(n, key)
      periods.set(key, o.period)
    }
    periodKeys[i] = key
  }
  return {
    subjects: new Map(dataset.subjects.map((s) => [s.id, s])),
    indicators: new Map(dataset.indicators.map((i) => [i.id, i])),
    documents: new Map(dataset.documents.map((d) => [d.id, d])),
    children: groupBy(dataset.subjects, (s) => s.parentId),
    observations,
    observationsByIndicator: byIndicator,
    positionsBySubject,
    periodKeys,
    periods,
  }
}

/** The chain from the top-level region down to the subject itself. */
export function ancestryOf(index: DatasetIndex, subjectId: string): Subject[] {
  const chain: Subject[] = []
  let cursor = index.subjects.get(subjectId)
  // Bounded by the number of subjects, so a malformed cycle cannot hang the page.
  while (cursor && chain.length <= index.subjects.size) {
    chain.unshift(cursor)
    cursor = cursor.parentId === null ? undefined : index.subjects.get(cursor.parentId)
  }
  return chain
}

/** The subject and everything below it. */
export function subtreeIds(index: DatasetIndex, subjectId: string): Set<string> {
  const ids = new Set<string>()
  const stack = [subjectId]
  while (stack.length > 0) {
    const id = stack.pop() as string
    if (ids.has(id)) continue
    ids.add(id)
    for (const child of index.children.get(id) ?? []) stack.push(child.id)
  }
  return ids
}

const REGION_LEVELS = new Set(['city', 'district', 'street', 'town', 'community', 'village'])

export interface RegionOption {
  subject: Subject
  depth: number
}

/** Regions (not organisations or projects) in hierarchy order, for pickers: 镇江市, 京口区, 大市口街道 … */
export function regionOptions(index: DatasetIndex): RegionOption[] {
  const options: RegionOption[] = []
  const visit = (subject: Subject, depth: number): void => {
    if (!REGION_LEVELS.has(subject.level)) return
    options.push({ subject, depth })
    for (const child of index.children.get(subject.id) ?? []) visit(child, depth + 1)
  }
  for (const subject of index.subjects.values()) if (subject.parentId === null) visit(subject, 0)
  return options
}

/**
 * Makes a dataset's observations share the values they repeat: each id the same string object as
 * the subject's, indicator's or document's own id, and each period one object per distinct span.
 * A dataset that came from the import worker arrives as a structured clone, in which every row has
 * its own copy of every string and period; shared, a 360,000-row table holds far less memory.
 *
 * Values do not change (the same text, the same months), so nothing that reads the dataset can tell;
 * the observations are updated in place and the same dataset is returned.
 */
export function shareRepeatedValues(dataset: Dataset): Dataset {
  const ids = new Map<string, string>()
  for (const s of dataset.subjects) ids.set(s.id, s.id)
  for (const i of dataset.indicators) ids.set(i.id, i.id)
  for (const d of dataset.documents) ids.set(d.id, d.id)
  const periods = new Map<number, Period>()
  const shared = (p: Period): Period => {
    const n = periodNumber(p)
    const known = periods.get(n)
    if (known !== undefined) return known
    periods.set(n, p)
    return p
  }
  for (const o of dataset.observations) {
    o.subjectId = ids.get(o.subjectId) ?? o.subjectId
    o.indicatorId = ids.get(o.indicatorId) ?? o.indicatorId
    if (o.documentId !== null) o.documentId = ids.get(o.documentId) ?? o.documentId
    if (o.rankScopeId !== null) o.rankScopeId = ids.get(o.rankScopeId) ?? o.rankScopeId
    o.period = shared(o.period)
    if (o.targetPeriod !== null) o.targetPeriod = shared(o.targetPeriod)
  }
  return dataset
}
