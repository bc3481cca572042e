/**
 * Targets vs actuals per street: for one indicator, one period and a parent region, a row per child
 * region that has both a target and an actual, with the headline figures a 通报 states ("N of M at or
 * above 序时进度", the average 完成率 and the pooled one: Σactual / Σtarget).
 */
import type { Indicator, Observation, Subject } from './model'
import type { DatasetIndex } from './datasetIndex'
import { subtreeIds } from './datasetIndex'
import { buildObservationRows, type ObservationRow } from './observationRow'
import { completionRate } from './progress'
import { latestPeriodKey } from './scope'
import { periodKey } from './period'
import { countBy, mostFrequent } from './mostFrequent'

export interface TargetRow extends ObservationRow {
  completion: number
  elapsed: number
  gap: number
  status: NonNullable<ObservationRow['status']>
}

export interface TargetSummary {
  /** Rows compared (M). */
  total: number
  /** Rows at or above 序时进度: ahead or on time (N). */
  atOrAbove: number
  ahead: number
  onTime: number
  behind: number
  /** Mean of the rows' 完成率, in %. */
  averageCompletion: number | null
  /** Σactual / Σtarget in %: the parent's own rate when the rows add up to it. */
  pooledCompletion: number | null
  /** 序时进度 of the period, in % (the same for every row of one period and target period). */
  elapsed: number | null
}

export interface TargetComparison {
  parent: Subject | null
  indicator: Indicator
  periodKey: string
  rows: TargetRow[]
  /** The parent's own reported figure for the same indicator and period, if the data has one. */
  parentRow: TargetRow | null
  summary: TargetSummary
}

export function hasTarget(o: Observation): boolean {
  return o.target !== null && o.actual !== null
}

/** Ids of indicators with a target, in order of their first target; per index, for its own observations. */
const targetIndicatorIds = new WeakMap<DatasetIndex, string[]>()

/** Indicators with at least one target in the data, for the target view's picker. */
export function indicatorsWithTargets(observations: readonly Observation[], index: DatasetIndex): Indicator[] {
  let ids = observations === index.observations ? targetIndicatorIds.get(index) : undefined
  if (ids === undefined) {
    const seen = new Set<string>()
    for (const o of observations) if (!seen.has(o.indicatorId) && hasTarget(o)) seen.add(o.indicatorId)
    ids = [...seen]
    // Depends on the dataset only: a filter change on a large table must not scan it again.
    if (observations === index.observations) targetIndicatorIds.set(index, ids)
  }
  return ids.flatMap((id) => index.indicators.get(id) ?? [])
}

function isTargetRow(row: ObservationRow): row is TargetRow {
  return row.completion !== null && row.elapsed !== null && row.gap !== null && row.status !== null
}

/**
 * The region whose children become the rows. The chosen region when it has children with targets;
 * when the chosen region is itself a street with a target, its parent (so the street is seen among
 * its peers); with no region chosen, the parent shared by most target figures.
 */
export function comparisonParentId(
  targets: readonly Observation[],
  index: DatasetIndex,
  regionId: string | null,
): string | null {
  if (regionId !== null) {
    const below = subtreeIds(index, regionId)
    below.delete(regionId)
    if (targets.some((o) => below.has(o.subjectId))) return regionId
    if (targets.some((o) => o.subjectId === regionId)) return index.subjects.get(regionId)?.parentId ?? null
    return regionId
  }
  return mostFrequent(countBy(targets, (o) => index.subjects.get(o.subjectId)?.parentId))
}

export function summarizeTargets(rows: readonly TargetRow[]): TargetSummary {
  const ahead = rows.filter((r) => r.status === 'ahead').length
  const onTime = rows.filter((r) => r.status === 'on-time').length
  const actualSum = rows.reduce((sum, r) => sum + (r.observation.actual ?? 0), 0)
  const targetSum = rows.reduce((sum, r) => sum + (r.observation.target ?? 0), 0)
  const elapsedValues = new Set(rows.map((r) => r.elapsed))
  return {
    total: rows.length,
    atOrAbove: ahead + onTime,
    ahead,
    onTime,
    behind: rows.length - ahead - onTime,
    averageCompletion: rows.length === 0 ? null : rows.reduce((sum, r) => sum + r.completion, 0) / rows.length,
    pooledCompletion: rows.length === 0 ? null : completionRate(actualSum, targetSum),
    elapsed: elapsedValues.size === 1 ? (rows[0]?.elapsed ?? null) : null,
  }
}

/**
 * Rows for one indicator under a parent: the parent's direct children that report it with a target
 * (deeper descendants when no child does, e.g. communities under a district's streets).
 */
export function buildTargetComparison(
  observations: readonly Observation[],
  index: DatasetIndex,
  options: { indicatorId: string; regionId: string | null; periodKey: string | null },
): TargetComparison | null {
  const indicator = index.indicators.get(options.indicatorId)
  if (!indicator) return null
  // The indicator's rows from the index when given the index's own observations (same rows, same order).
  const ofIndicator =
    observations === index.observations ? (index.observationsByIndicator.get(options.indicatorId) ?? []) : observations
  const targets = ofIndicator.filter((o) => o.indicatorId === options.indicatorId && hasTarget(o))
  const parentId = comparisonParentId(targets, index, options.regionId)
  const subtree = parentId === null ? null : subtreeIds(index, parentId)
  const inParent = subtree === null ? targets : targets.filter((o) => subtree.has(o.subjectId))
  const key = options.periodKey ?? latestPeriodKey(inParent)
  if (key === null) return null
  const inPeriod = inParent.filter((o) => periodKey(o.period) === key)
  const all = buildObservationRows(inPeriod, index).filter(isTargetRow)
  const children = all.filter((r) => r.subject.parentId === parentId)
  const rows = children.length > 0 ? children : all.filter((r) => r.subject.id !== parentId)
  return {
    parent: parentId === null ? null : (index.subjects.get(parentId) ?? null),
    indicator,
    periodKey: key,
    rows,
    parentRow: all.find((r) => r.subject.id === parentId) ?? null,
    summary: summarizeTargets(rows),
  }
}
