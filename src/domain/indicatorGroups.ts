/**
 * Groupings the chart views share: one chart per indicator, and one period per chart (the chosen
 * one, or the latest with data), because bars of 1-10月 and 1-12月 side by side compare nothing.
 */
import type { Dataset, Indicator, Observation, Period } from './model'
import type { DatasetIndex } from './datasetIndex'
import { latestPeriodKey, observationsInScope, positionsInScope, type Scope } from './scope'
import { comparePeriods, periodKey } from './period'

export interface IndicatorGroup {
  indicator: Indicator
  periodKey: string
  observations: Observation[]
}

export function groupByIndicator(
  observations: readonly Observation[],
  index: DatasetIndex,
  chosenPeriodKey: string | null,
): IndicatorGroup[] {
  const byIndicator = new Map<string, Observation[]>()
  for (const o of observations) {
    const list = byIndicator.get(o.indicatorId)
    if (list) list.push(o)
    else byIndicator.set(o.indicatorId, [o])
  }
  const groups: IndicatorGroup[] = []
  for (const [id, list] of byIndicator) {
    const indicator = index.indicators.get(id)
    const key = chosenPeriodKey ?? latestPeriodKey(list)
    if (!indicator || key === null) continue
    groups.push({ indicator, periodKey: key, observations: list.filter((o) => periodKey(o.period) === key) })
  }
  return groups
}

/** Figures of a scope with one period per indicator (see figuresInScope). */
export interface ScopedFigures {
  /** In dataset order. */
  observations: Observation[]
  /** Each indicator's period key, by indicator id, in order of the indicator's first figure. */
  periodKeys: ReadonlyMap<string, string>
}

/**
 * The figures in scope that `keep` accepts, each indicator's in one period only: the chosen one, or
 * the latest in which it has a kept figure (as groupByIndicator chooses). From the index's
 * positions and period keys when given its own dataset: on the 360,000-row table a scan that made a
 * period key per row (twice) took seconds per change.
 */
export function figuresInScope(
  dataset: Dataset,
  index: DatasetIndex,
  scope: Scope,
  keep: (observation: Observation, indicator: Indicator) => boolean,
): ScopedFigures {
  const kept = (o: Observation): boolean => {
    const indicator = index.indicators.get(o.indicatorId)
    return indicator !== undefined && keep(o, indicator)
  }
  if (dataset.observations !== index.observations) {
    const scoped = observationsInScope(dataset, index, scope).filter(kept)
    const periodKeys = new Map(groupByIndicator(scoped, index, scope.periodKey).map((g) => [g.indicator.id, g.periodKey]))
    return { observations: scoped.filter((o) => periodKeys.get(o.indicatorId) === periodKey(o.period)), periodKeys }
  }
  const keys = index.periodKeys
  const positions = positionsInScope(index, scope).filter((p) => kept(index.observations[p] as Observation))
  // Each indicator's latest period among its kept figures (all in the chosen period if there is one).
  const latest = new Map<string, { key: string; period: Period }>()
  for (const p of positions) {
    const o = index.observations[p] as Observation
    const best = latest.get(o.indicatorId)
    if (best === undefined) latest.set(o.indicatorId, { key: keys[p] as string, period: o.period })
    else if (best.key !== keys[p] && comparePeriods(o.period, best.period) > 0) {
      best.key = keys[p] as string
      best.period = o.period
    }
  }
  const observations: Observation[] = []
  for (const p of positions) {
    const o = index.observations[p] as Observation
    if (latest.get(o.indicatorId)?.key === keys[p]) observations.push(o)
  }
  return { observations, periodKeys: new Map([...latest].map(([id, best]) => [id, best.key])) }
}

/** figuresInScope's figures as groupByIndicator groups them: one group per indicator, in order. */
export function groupFigures(figures: ScopedFigures, index: DatasetIndex): IndicatorGroup[] {
  const byIndicator = new Map<string, Observation[]>()
  for (const o of figures.observations) {
    const list = byIndicator.get(o.indicatorId)
    if (list) list.push(o)
    else byIndicator.set(o.indicatorId, [o])
  }
  return [...figures.periodKeys].flatMap(([id, key]) => {
    const indicator = index.indicators.get(id)
    return indicator ? [{ indicator, periodKey: key, observations: byIndicator.get(id) ?? [] }] : []
  })
}

/** The growth figure of an observation: its YoY, or the value itself when the indicator is a growth rate. */
export function growthValue(o: Observation, indicator: Indicator): number | null {
  if (o.yoy !== null) return o.yoy
  return indicator.kind === 'growth' ? o.actual : null
}

/** Descending by value; ties keep the data's order. Each value is read once, not per comparison. */
export function byValueDescending<T>(items: readonly T[], value: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i, v: value(item) }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map(({ item }) => item)
}
