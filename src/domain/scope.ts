/**
 * Which observations a view shows: those of a region and everything below it, in one period.
 * Pure; every view goes through it, so "what is in scope" means the same on every page.
 */
import type { Dataset, Observation, Period } from './model'
import type { DatasetIndex } from './datasetIndex'
import { subtreeIds } from './datasetIndex'
import { comparePeriods, periodKey } from './period'

export interface Scope {
  /** A subject id, or null for all regions. */
  regionId: string | null
  /** A canonical period key, or null for all periods. */
  periodKey: string | null
}

export function observationsInScope(dataset: Dataset, index: DatasetIndex, scope: Scope): Observation[] {
  const all = dataset.observations
  if (index.observations !== all) {
    const region = scope.regionId === null ? null : subtreeIds(index, scope.regionId)
    return all.filter(
      (o) =>
        (region === null || region.has(o.subjectId)) && (scope.periodKey === null || periodKey(o.period) === scope.periodKey),
    )
  }
  // The index's own dataset: the same rows in the same (dataset) order, from the look-ups built once.
  if (scope.regionId === null && scope.periodKey === null) return all.slice()
  return positionsInScope(index, scope).map((p) => all[p] as Observation)
}

/**
 * Where the observations in scope stand in the index's own list (`index.observations`), ascending,
 * i.e. in dataset order. From the per-subject positions and period keys built once with the index:
 * a district of the 360,000-row table is found without looking at the other rows.
 */
export function positionsInScope(index: DatasetIndex, scope: Scope): number[] {
  const keys = index.periodKeys
  const key = scope.periodKey
  const positions: number[] = []
  if (scope.regionId === null) {
    for (let i = 0; i < keys.length; i++) if (key === null || keys[i] === key) positions.push(i)
    return positions
  }
  // Only the region's subjects: their positions, merged back into dataset order.
  const region = subtreeIds(index, scope.regionId)
  for (const id of region) {
    const list = index.positionsBySubject.get(id)
    if (list) for (const p of list) if (key === null || keys[p] === key) positions.push(p)
  }
  if (region.size > 1) positions.sort((a, b) => a - b)
  return positions
}

/** Distinct periods of some observations, latest first (by end month, then the longer span). */
export function periodsOf(observations: readonly Observation[]): Period[] {
  const byKey = new Map<string, Period>()
  const keyOf = periodKeyMemo()
  for (const o of observations) byKey.set(keyOf(o.period), o.period)
  return [...byKey.values()].sort((a, b) => comparePeriods(b, a))
}

/**
 * periodKey, made once per period object: a loaded table's rows share one object per span
 * (shareRepeatedValues), so 12,000 figures of one indicator need a dozen keys, not 12,000.
 */
export function periodKeyMemo(): (period: Period) => string {
  const keys = new Map<Period, string>()
  return (period) => {
    let key = keys.get(period)
    if (key === undefined) {
      key = periodKey(period)
      keys.set(period, key)
    }
    return key
  }
}

/**
 * The one period a single-period chart shows when the user chose none: the latest with data.
 * Charts never mix 1-10月 with 1-12月 figures in one set of bars.
 */
export function latestPeriodKey(observations: readonly Observation[]): string | null {
  const latest = periodsOf(observations)[0]
  return latest === undefined ? null : periodKey(latest)
}
