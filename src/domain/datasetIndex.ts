/**
 * Look-ups over a dataset, built once per dataset so views never scan arrays to resolve an id.
 */
import type { Dataset, Indicator, Observation, SourceDocument, Subject } from './model'

export interface DatasetIndex {
  subjects: ReadonlyMap<string, Subject>
  indicators: ReadonlyMap<string, Indicator>
  documents: ReadonlyMap<string, SourceDocument>
  /** Direct children of a subject (regions, organisations and projects). */
  children: ReadonlyMap<string, readonly Subject[]>
  observationsBySubject: ReadonlyMap<string, readonly Observation[]>
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
  return {
    subjects: new Map(dataset.subjects.map((s) => [s.id, s])),
    indicators: new Map(dataset.indicators.map((i) => [i.id, i])),
    documents: new Map(dataset.documents.map((d) => [d.id, d])),
    children: groupBy(dataset.subjects, (s) => s.parentId),
    observationsBySubject: groupBy(dataset.observations, (o) => o.subjectId),
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
