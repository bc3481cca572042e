/**
 * The year-end projection a KPI card shows beside a cumulative figure with a plan: where the year
 * ends at the current pace (or the monthly trend, with three or more figures), and what each month
 * left must add. Always labelled a projection in the UI, never shown as a reported figure.
 */
import type { Observation } from '../domain/model'
import type { ObservationRow } from '../domain/observationRow'
import { cumulativeSeries, isAdditiveKind, yearEndOutlook, type YearEndOutlook } from '../domain/projection'
import { yearOf } from '../domain/period'

export function kpiOutlook(observations: readonly Observation[], row: ObservationRow): YearEndOutlook | null {
  const o = row.observation
  if (o.actual === null || o.target === null || !isAdditiveKind(row.indicator.kind)) return null
  const targetPeriod = o.targetPeriod ?? yearOf(o.period)
  // A figure for the whole target period is final: nothing left to project.
  if (o.period.end.year === targetPeriod.end.year && o.period.end.month === targetPeriod.end.month) return null
  const points = cumulativeSeries(observations, {
    subjectId: o.subjectId,
    indicatorId: o.indicatorId,
    targetPeriod,
    upTo: o.period.end,
  })
  return yearEndOutlook({ points, target: o.target, targetPeriod, direction: row.indicator.direction })
}
