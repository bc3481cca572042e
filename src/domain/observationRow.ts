/**
 * An observation joined with everything a table row or card needs to show it: names, the region
 * path, and the derived comparisons (完成率, 序时进度, gap, status) where a target exists.
 */
import type { Indicator, Observation, SourceDocument, Subject } from './model'
import type { DatasetIndex } from './datasetIndex'
import { ancestryOf } from './datasetIndex'
import { assessProgress, type ProgressStatus } from './progress'
import { yearOf } from './period'

export interface ObservationRow {
  observation: Observation
  subject: Subject
  /** From the top-level region down to the subject's parent. */
  parents: Subject[]
  indicator: Indicator
  document: SourceDocument | null
  rankScope: Subject | null
  /** 完成率 in %, when both actual and target are known. */
  completion: number | null
  /** 序时进度 in %, the elapsed share of the target's period. */
  elapsed: number | null
  /** completion − elapsed, in percentage points. */
  gap: number | null
  status: ProgressStatus | null
}

/** A subject's parents, looked up once per subject: thousands of rows share a few hundred streets. */
function parentsLookup(index: DatasetIndex): (subjectId: string) => Subject[] {
  const known = new Map<string, Subject[]>()
  return (subjectId) => {
    let parents = known.get(subjectId)
    if (parents === undefined) {
      parents = ancestryOf(index, subjectId).slice(0, -1)
      known.set(subjectId, parents)
    }
    return parents
  }
}

/** One observation's row; null when its subject or indicator does not resolve. */
function buildRow(observation: Observation, index: DatasetIndex, parentsOf: (subjectId: string) => Subject[]): ObservationRow | null {
  const subject = index.subjects.get(observation.subjectId)
  const indicator = index.indicators.get(observation.indicatorId)
  // Validation guarantees both exist; a row that cannot be named is not shown rather than shown wrong.
  if (!subject || !indicator) return null
  const assessment =
    observation.actual !== null && observation.target !== null
      ? assessProgress({
          actual: observation.actual,
          target: observation.target,
          period: observation.period,
          targetPeriod: observation.targetPeriod ?? yearOf(observation.period),
          direction: indicator.direction,
        })
      : null
  return {
    observation,
    subject,
    parents: parentsOf(subject.id),
    indicator,
    document: observation.documentId === null ? null : (index.documents.get(observation.documentId) ?? null),
    rankScope: observation.rankScopeId === null ? null : (index.subjects.get(observation.rankScopeId) ?? null),
    completion: assessment?.completion ?? null,
    elapsed: assessment?.elapsed ?? null,
    gap: assessment?.gap ?? null,
    status: assessment?.status ?? null,
  }
}

export function buildObservationRows(observations: readonly Observation[], index: DatasetIndex): ObservationRow[] {
  const parentsOf = parentsLookup(index)
  const rows: ObservationRow[] = []
  for (const observation of observations) {
    const row = buildRow(observation, index, parentsOf)
    if (row) rows.push(row)
  }
  return rows
}

/**
 * Rows made on first request and kept while the observation lives: for a table that shows a few
 * dozen of 360,000 rows at a time, so only the rows scrolled into view are ever built. The same
 * observation always gives the same row object, so a component given it can skip re-rendering.
 */
export function observationRowCache(index: DatasetIndex): (observation: Observation) => ObservationRow | null {
  const parentsOf = parentsLookup(index)
  const rows = new WeakMap<Observation, ObservationRow | null>()
  return (observation) => {
    let row = rows.get(observation)
    if (row === undefined) {
      row = buildRow(observation, index, parentsOf)
      rows.set(observation, row)
    }
    return row
  }
}

