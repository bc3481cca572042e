/**
 * The year-end projection a KPI card shows beside a cumulative figure with a plan: where the year
 * ends at the current pace (or the monthly trend, with three or more figures), and what each month
 * left must add. Always labelled a projection in the UI, never shown as a reported figure.
 */
import type { Observation } from '../domain/model'
import type { ObservationRow } from '../domain/observationRow'
import { cumulativeSeries, isAdditiveKind, yearEndOutlook, type YearEndOutlook } from '../domain/projection'
import { yearOf } from '../domain/period'

/**
 * The observations of each (subject, indicator), in list order, per observation list: the overview
 * asks for one card's series per card, and scanning the whole list each time is quadratic (a
 * 360,000-row table). Built once per list; rebuilt if the list's length changed.
 */
const seriesIndex = new WeakMap<readonly Observation[], { length: number; groups: Map<string, Observation[]> }>()

function sameSeries(observations: readonly Observation[], subjectId: string, indicatorId: string): readonly Observation[] {
  let entry = seriesIndex.get(observations)
  if (entry === undefined || entry.length !== observations.length) {
    const groups = new Map<string, Observation[]>()
    for (const o of observations) {
      const key = `${o.subjectId}\u0000${o.indicatorId}`
      const list = groups.get(key)
      if (list) list.push(o)
      else groups.set(key, [o])
    }
    entry = { length: observations.length, groups }
    seriesIndex.set(observations, entry)
  }
  return entry.groups.get(`${subjectId}\u0000${indicatorId}`) ?? []
}

export function kpiOutlook(observations: readonly Observation[], row: ObservationRow): YearEndOutlook | null {
  const o = row.observation
  if (o.actual === null || o.target === null || !isAdditiveKind(row.indicator.kind)) return null
  const targetPeriod = o.targetPeriod ?? yearOf(o.period)
  // A figure for the whole target period is final: nothing left to project.
  if (o.period.end.year === targetPeriod.end.year && o.period.end.month === targetPeriod.end.month) return null
  // cumulativeSeries keeps the rows of this subject and indicator: give it only those (same order).
  const points = cumulativeSeries(sameSeries(observations, o.subjectId, o.indicatorId), {
    subjectId: o.subjectId,
    indicatorId: o.indicatorId,
    targetPeriod,
    upTo: o.period.end,
  })
  return yearEndOutlook({ points, target: o.target, targetPeriod, direction: row.indicator.direction })
}
