/**
 * An observation joined with everything a table row or card needs to show it: names, the region
 * path, and the derived comparisons (完成率, 序时进度, gap, status) where a target exists.
 */
import type { Indicator, Observation, SourceDocument, Subject } from './model'
import type { DatasetIndex } from './datasetIndex'
import { ancestryOf } from './datasetIndex'
import { assessProgress, type ProgressStatus } from './progress'
import { comparePeriods, yearOf } from './period'

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

export function buildObservationRows(observations: readonly Observation[], index: DatasetIndex): ObservationRow[] {
  const rows: ObservationRow[] = []
  for (const observation of observations) {
    const subject = index.subjects.get(observation.subjectId)
    const indicator = index.indicators.get(observation.indicatorId)
    // Validation guarantees both exist; a row that cannot be named is not shown rather than shown wrong.
    if (!subject || !indicator) continue
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
    rows.push({
      observation,
      subject,
      parents: ancestryOf(index, subject.id).slice(0, -1),
      indicator,
      document: observation.documentId === null ? null : (index.documents.get(observation.documentId) ?? null),
      rankScope: observation.rankScopeId === null ? null : (index.subjects.get(observation.rankScopeId) ?? null),
      completion: assessment?.completion ?? null,
      elapsed: assessment?.elapsed ?? null,
      gap: assessment?.gap ?? null,
      status: assessment?.status ?? null,
    })
  }
  return rows
}

export type SortKey = 'region' | 'indicator' | 'period' | 'actual' | 'target' | 'completion' | 'yoy' | 'rank'
export type SortDirection = 'asc' | 'desc'

/** Nulls sort last in both directions: a missing figure is never "the smallest". */
function compareNullable(a: number | null, b: number | null, direction: SortDirection): number {
  if (a === null && b === null) return 0
  if (a === null) return 1
  if (b === null) return -1
  return direction === 'asc' ? a - b : b - a
}

export function sortObservationRows(
  rows: readonly ObservationRow[],
  key: SortKey,
  direction: SortDirection,
  nameOf: (text: { zh: string; en: string }) => string,
): ObservationRow[] {
  const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true })
  const sign = direction === 'asc' ? 1 : -1
  const byText = (a: string, b: string): number => sign * collator.compare(a, b)
  const compare = (a: ObservationRow, b: ObservationRow): number => {
    switch (key) {
      case 'region':
        return byText(nameOf(a.subject.name), nameOf(b.subject.name))
      case 'indicator':
        return byText(nameOf(a.indicator.name), nameOf(b.indicator.name))
      case 'period':
        return sign * comparePeriods(a.observation.period, b.observation.period)
      case 'actual':
        return compareNullable(a.observation.actual, b.observation.actual, direction)
      case 'target':
        return compareNullable(a.observation.target, b.observation.target, direction)
      case 'completion':
        return compareNullable(a.completion, b.completion, direction)
      case 'yoy':
        return compareNullable(a.observation.yoy, b.observation.yoy, direction)
      case 'rank':
        return compareNullable(a.observation.rank, b.observation.rank, direction)
    }
  }
  // Stable: ties keep the dataset's order (reading order of the source).
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => compare(a.row, b.row) || a.i - b.i)
    .map(({ row }) => row)
}

/** Case-insensitive search over names in both languages and the quotes. */
export function rowMatches(row: ObservationRow, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (q === '') return true
  const haystack = [
    row.subject.name.zh,
    row.subject.name.en,
    ...row.parents.flatMap((p) => [p.name.zh, p.name.en]),
    row.indicator.name.zh,
    row.indicator.name.en,
    ...row.observation.evidence.map((e) => e.quote),
  ]
  return haystack.some((text) => text.toLowerCase().includes(q))
}
