/**
 * Groupings the chart views share: one chart per indicator, and one period per chart (the chosen
 * one, or the latest with data), because bars of 1-10月 and 1-12月 side by side compare nothing.
 */
import type { Indicator, Observation } from './model'
import type { DatasetIndex } from './datasetIndex'
import { latestPeriodKey } from './scope'
import { periodKey } from './period'

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

/** The growth figure of an observation: its YoY, or the value itself when the indicator is a growth rate. */
export function growthValue(o: Observation, indicator: Indicator): number | null {
  if (o.yoy !== null) return o.yoy
  return indicator.kind === 'growth' ? o.actual : null
}

/** Descending by value; ties keep the data's order. */
export function byValueDescending<T>(items: readonly T[], value: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => value(b.item) - value(a.item) || a.i - b.i)
    .map(({ item }) => item)
}
