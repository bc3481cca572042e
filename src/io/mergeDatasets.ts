/**
 * Importing into an existing dataset: append the new rows, or let them replace the rows with the
 * same region, indicator and period. Pure: the result is a new dataset (inputs are not touched),
 * to be validated (`revalidateDataset`) and stored like any other.
 *
 * Regions and indicators are matched by what a reader sees, not by id: an imported 大市口街道 under
 * 京口区 is the embedded dataset's `dashikou`, and an imported 限上批发业商品销售额 in 亿元 is the
 * existing indicator of that name in CNY. Ids differ between hand-made and imported data, names do not.
 */
import type { Dataset, Indicator, Observation, SourceDocument, Subject } from '../domain/model'
import { periodKey } from '../domain/period'
import { stableId } from './stableHash'

export type MergeMode =
  /** Add the new rows; a new row whose region, indicator and period already exist is skipped. */
  | 'append'
  /** Add the new rows; an existing row with the same region, indicator and period is replaced. */
  | 'replace'

export interface MergeResult {
  dataset: Dataset
  /** New rows added as new (region, indicator, period) combinations. */
  added: number
  /** Existing rows replaced (mode 'replace'). */
  replaced: number
  /** New rows left out because their combination exists (mode 'append'). */
  skipped: number
}

function subjectKey(name: string, parentName: string): string {
  return `${name}\u0000${parentName}`
}

/** An id not yet used: the given one, or a stable variant of it. */
function freeId(id: string, used: Set<string>): string {
  let candidate = id
  for (let n = 1; used.has(candidate); n++) candidate = stableId(id.slice(0, 1) || 'x', id, String(n))
  used.add(candidate)
  return candidate
}

function mapSubjects(base: Dataset, incoming: Dataset): { subjects: Subject[]; idMap: Map<string, string> } {
  const baseById = new Map(base.subjects.map((s) => [s.id, s]))
  const nameOf = (s: Subject | undefined): string => s?.name.zh ?? ''
  const byKey = new Map<string, Subject>()
  const byName = new Map<string, Subject[]>()
  for (const s of base.subjects) {
    byKey.set(subjectKey(s.name.zh, nameOf(baseById.get(s.parentId ?? ''))), s)
    const list = byName.get(s.name.zh)
    if (list) list.push(s)
    else byName.set(s.name.zh, [s])
  }
  const inById = new Map(incoming.subjects.map((s) => [s.id, s]))
  const idMap = new Map<string, string>()
  const used = new Set(base.subjects.map((s) => s.id))
  const added: Subject[] = []
  // Match first (by name and parent name; a top-level import of a name the base has once is that one).
  for (const s of incoming.subjects) {
    const parentName = nameOf(inById.get(s.parentId ?? ''))
    const exact = byKey.get(subjectKey(s.name.zh, parentName))
    const sameName = byName.get(s.name.zh) ?? []
    const match = exact ?? (s.parentId === null && sameName.length === 1 ? sameName[0] : undefined)
    if (match) idMap.set(s.id, match.id)
  }
  for (const s of incoming.subjects) {
    if (idMap.has(s.id)) continue
    idMap.set(s.id, freeId(s.id, used))
  }
  for (const s of incoming.subjects) {
    const id = idMap.get(s.id) ?? s.id
    if (baseById.has(id)) continue
    added.push({ ...s, id, parentId: s.parentId === null ? null : (idMap.get(s.parentId) ?? s.parentId) })
  }
  return { subjects: [...base.subjects, ...added], idMap }
}

function mapIndicators(base: Dataset, incoming: Dataset): { indicators: Indicator[]; idMap: Map<string, string> } {
  const byKey = new Map(base.indicators.map((i) => [`${i.name.zh}\u0000${i.unit}`, i]))
  const used = new Set(base.indicators.map((i) => i.id))
  const idMap = new Map<string, string>()
  const added: Indicator[] = []
  for (const i of incoming.indicators) {
    const match = byKey.get(`${i.name.zh}\u0000${i.unit}`)
    if (match) {
      idMap.set(i.id, match.id)
      continue
    }
    const id = freeId(i.id, used)
    idMap.set(i.id, id)
    added.push({ ...i, id })
  }
  return { indicators: [...base.indicators, ...added], idMap }
}

function mapDocuments(base: Dataset, incoming: Dataset): { documents: SourceDocument[]; idMap: Map<string, string> } {
  const byTitle = new Map(base.documents.map((d) => [d.title.zh, d]))
  const baseIds = new Set(base.documents.map((d) => d.id))
  const used = new Set(baseIds)
  const idMap = new Map<string, string>()
  const added: SourceDocument[] = []
  for (const d of incoming.documents) {
    const match = byTitle.get(d.title.zh)
    if (match) {
      idMap.set(d.id, match.id)
      continue
    }
    const id = freeId(d.id, used)
    idMap.set(d.id, id)
    added.push({ ...d, id })
  }
  return { documents: [...base.documents, ...added], idMap }
}

export function mergeDatasets(base: Dataset, incoming: Dataset, mode: MergeMode): MergeResult {
  const subjects = mapSubjects(base, incoming)
  const indicators = mapIndicators(base, incoming)
  const documents = mapDocuments(base, incoming)
  const remap = (map: Map<string, string>, id: string | null): string | null => (id === null ? null : (map.get(id) ?? id))

  const keyOf = (o: Observation): string => `${o.subjectId}\u001f${o.indicatorId}\u001f${periodKey(o.period)}`
  const incomingByKey = new Map<string, Observation>()
  for (const o of incoming.observations) {
    const mapped: Observation = {
      ...o,
      subjectId: remap(subjects.idMap, o.subjectId) ?? o.subjectId,
      indicatorId: remap(indicators.idMap, o.indicatorId) ?? o.indicatorId,
      rankScopeId: remap(subjects.idMap, o.rankScopeId),
      documentId: remap(documents.idMap, o.documentId),
    }
    // The incoming dataset is valid, so its keys are unique; keep the first if not.
    if (!incomingByKey.has(keyOf(mapped))) incomingByKey.set(keyOf(mapped), mapped)
  }

  const usedIds = new Set<string>()
  const observations: Observation[] = []
  let replaced = 0
  let skipped = 0
  const taken = new Set<string>()
  for (const o of base.observations) {
    const key = keyOf(o)
    const replacement = mode === 'replace' ? incomingByKey.get(key) : undefined
    if (replacement) {
      // The replacement takes the old row's place and id, so links to it stay valid.
      observations.push({ ...replacement, id: o.id })
      replaced++
    } else {
      observations.push(o)
      if (incomingByKey.has(key)) skipped++
    }
    usedIds.add(o.id)
    taken.add(key)
  }
  let added = 0
  for (const [key, o] of incomingByKey) {
    if (taken.has(key)) continue
    observations.push({ ...o, id: freeId(o.id, usedIds) })
    added++
  }

  return {
    dataset: {
      ...base,
      documents: documents.documents,
      subjects: subjects.subjects,
      indicators: indicators.indicators,
      observations,
    },
    added,
    replaced,
    skipped,
  }
}
