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
import { comparePeriods, periodKey } from './period'
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
 * One indicator's target figures of an index's own observations, grouped once so that a filter
 * change looks at the few rows it needs: on the 360,000-row table an indicator has 12,000 target
 * figures, and scanning them (and making each one's period key) on every change cost about 50 ms
 * of a 4× throttled filter change (npm run bench).
 */
interface IndicatorTargets {
  /** Every target figure, in dataset order. */
  all: readonly Observation[]
  /** The figures of each period key, in dataset order. */
  byPeriod: ReadonlyMap<string, readonly Observation[]>
  /** The period keys, latest first (as latestPeriodKey orders them). */
  latestFirst: readonly string[]
  /** Subjects with at least one target figure. */
  subjects: ReadonlySet<string>
  /** The parent shared by most target figures (comparisonParentId with no region), once asked. */
  defaultParent?: string | null
}

const targetsByIndex = new WeakMap<DatasetIndex, Map<string, IndicatorTargets>>()

/** The indicator's target figures of the index's own observations, grouped on first request. */
function indicatorTargets(index: DatasetIndex, indicatorId: string): IndicatorTargets {
  let perIndicator = targetsByIndex.get(index)
  if (perIndicator === undefined) {
    perIndicator = new Map()
    targetsByIndex.set(index, perIndicator)
  }
  let entry = perIndicator.get(indicatorId)
  if (entry === undefined) {
    const all = (index.observationsByIndicator.get(indicatorId) ?? []).filter(hasTarget)
    const byPeriod = new Map<string, Observation[]>()
    const periods = new Map<string, Observation['period']>()
    const subjects = new Set<string>()
    // A loaded table's rows share one period object per span (shareRepeatedValues): each key is
    // made once per object rather than once per row.
    const keyOf = new Map<Observation['period'], string>()
    for (const o of all) {
      let key = keyOf.get(o.period)
      if (key === undefined) {
        key = periodKey(o.period)
        keyOf.set(o.period, key)
      }
      const list = byPeriod.get(key)
      if (list) list.push(o)
      else {
        byPeriod.set(key, [o])
        periods.set(key, o.period)
      }
      subjects.add(o.subjectId)
    }
    const latestFirst = [...periods.entries()].sort((a, b) => comparePeriods(b[1], a[1])).map(([key]) => key)
    entry = { all, byPeriod, latestFirst, subjects }
    perIndicator.set(indicatorId, entry)
  }
  return entry
}

/** comparisonParentId over an indicator's grouped targets: the same answer without a scan. */
function indexedParentId(targets: IndicatorTargets, index: DatasetIndex, regionId: string | null): string | null {
  if (regionId === null) {
    targets.defaultParent ??= comparisonParentId(targets.all, index, null)
    return targets.defaultParent
  }
  for (const id of subtreeIds(index, regionId)) if (id !== regionId && targets.subjects.has(id)) return regionId
  if (targets.subjects.has(regionId)) return index.subjects.get(regionId)?.parentId ?? null
  return regionId
}

/** The target figures of one period under a parent, from the grouped targets (dataset order). */
function indexedPeriodRows(
  targets: IndicatorTargets,
  subtree: ReadonlySet<string> | null,
  chosenPeriodKey: string | null,
): { key: string; rows: Observation[] } | null {
  const inSubtree = (list: readonly Observation[]): Observation[] =>
    subtree === null ? list.slice() : list.filter((o) => subtree.has(o.subjectId))
  if (chosenPeriodKey !== null) return { key: chosenPeriodKey, rows: inSubtree(targets.byPeriod.get(chosenPeriodKey) ?? []) }
  // The latest period with a figure under the parent, as latestPeriodKey finds it.
  for (const key of targets.latestFirst) {
    const rows = inSubtree(targets.byPeriod.get(key) ?? [])
    if (rows.length > 0) return { key, rows }
  }
  return null
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
  let parentId: string | null
  let inPeriod: { key: string; rows: Observation[] } | null
  if (observations === index.observations) {
    // The index's own observations: from the grouped targets (same rows, same order as the scan below).
    const targets = indicatorTargets(index, options.indicatorId)
    parentId = indexedParentId(targets, index, options.regionId)
    inPeriod = indexedPeriodRows(targets, parentId === null ? null : subtreeIds(index, parentId), options.periodKey)
  } else {
    const targets = observations.filter((o) => o.indicatorId === options.indicatorId && hasTarget(o))
    parentId = comparisonParentId(targets, index, options.regionId)
    const subtree = parentId === null ? null : subtreeIds(index, parentId)
    const inParent = subtree === null ? targets : targets.filter((o) => subtree.has(o.subjectId))
    const key = options.periodKey ?? latestPeriodKey(inParent)
    inPeriod = key === null ? null : { key, rows: inParent.filter((o) => periodKey(o.period) === key) }
  }
  if (inPeriod === null) return null
  const all = buildObservationRows(inPeriod.rows, index).filter(isTargetRow)
  const children = all.filter((r) => r.subject.parentId === parentId)
  const rows = children.length > 0 ? children : all.filter((r) => r.subject.id !== parentId)
  return {
    parent: parentId === null ? null : (index.subjects.get(parentId) ?? null),
    indicator,
    periodKey: inPeriod.key,
    rows,
    parentRow: all.find((r) => r.subject.id === parentId) ?? null,
    summary: summarizeTargets(rows),
  }
}
