/**
 * The facts a district summary states, for one parent region, indicator and period: which of its
 * streets are ahead of 序时进度 and which behind, in gap order, the best and the worst, the
 * district total and average. Kept apart from the wording (`districtSummaryText.ts`) so that a view
 * can chart exactly the figures the text states.
 *
 * What is compared depends on what the data has: 完成率 and gap where streets have plans
 * ('progress'); the actual where they have none ('actual'); YoY where only growth is given ('yoy').
 */
import type { DatasetIndex } from '../domain/datasetIndex'
import type { Dataset, Indicator, Observation, Period, Subject, SubjectLevel } from '../domain/model'
import { periodKey, yearOf } from '../domain/period'
import { assessProgress, type ProgressAssessment } from '../domain/progress'
import { isAdditiveKind } from '../domain/projection'

export type SummaryMeasure = 'progress' | 'actual' | 'yoy'

export interface DistrictEntry {
  subject: Subject
  observation: Observation
  /** Present in 'progress' summaries for entries with an actual and a plan. */
  assessment: ProgressAssessment | null
}

export interface DistrictSummary {
  parent: Subject
  indicator: Indicator
  period: Period
  measure: SummaryMeasure
  /** Every child region with a figure for the measure, best first (see `rankEntries`). */
  entries: DistrictEntry[]
  /** 'progress' only: the three status groups, each best first. */
  ahead: DistrictEntry[]
  onTime: DistrictEntry[]
  behind: DistrictEntry[]
  /** 'progress' only: children with an actual but no plan, so not classified. */
  withoutPlan: DistrictEntry[]
  best: DistrictEntry | null
  worst: DistrictEntry | null
  /** Σ actual over the entries that have one; null for figures that do not add up (rates). */
  total: number | null
  /** Σ target over the entries with both actual and target; null when none or not additive. */
  totalTarget: number | null
  /** Σ actual ÷ Σ target over entries with both, in %: the district's own 完成率. */
  pooledCompletion: number | null
  /** Mean per entry: of the actual ('progress', 'actual') or of YoY ('yoy'); unweighted. */
  average: number | null
  /** Entries the average is over. */
  averageCount: number
}

export interface DistrictSummaryOptions {
  parentId: string
  indicatorId: string
  period: Period
  tolerancePoints?: number
}

const CHILD_LEVELS: ReadonlySet<SubjectLevel> = new Set<SubjectLevel>(['district', 'street', 'town', 'community', 'village'])

/** A larger score is better: the gap, the actual or the YoY, turned round for lower-is-better figures. */
function score(entry: DistrictEntry, measure: SummaryMeasure, indicator: Indicator): number {
  const o = entry.observation
  const raw =
    measure === 'progress' ? (entry.assessment?.gap ?? Number.NaN) : measure === 'actual' ? (o.actual ?? Number.NaN) : (o.yoy ?? Number.NaN)
  return indicator.direction === 'lower' ? -raw : raw
}

/** Best first; ties keep the order of the regions in the dataset. */
function rankEntries(entries: readonly DistrictEntry[], measure: SummaryMeasure, indicator: Indicator): DistrictEntry[] {
  return entries
    .map((entry, i) => ({ entry, i, s: score(entry, measure, indicator) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map(({ entry }) => entry)
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0)
}

/** Null when the parent or indicator is unknown or no child region has a figure for the period. */
export function summarizeDistrict(
  dataset: Dataset,
  index: DatasetIndex,
  options: DistrictSummaryOptions,
): DistrictSummary | null {
  const parent = index.subjects.get(options.parentId)
  const indicator = index.indicators.get(options.indicatorId)
  if (!parent || !indicator) return null
  const key = periodKey(options.period)
  const additive = isAdditiveKind(indicator.kind)

  const all: DistrictEntry[] = []
  for (const child of index.children.get(parent.id) ?? []) {
    if (!CHILD_LEVELS.has(child.level)) continue
    const o = dataset.observations.find(
      (x) => x.subjectId === child.id && x.indicatorId === indicator.id && periodKey(x.period) === key,
    )
    if (!o) continue
    const assessment =
      additive && o.actual !== null && o.target !== null
        ? assessProgress({
            actual: o.actual,
            target: o.target,
            period: o.period,
            targetPeriod: o.targetPeriod ?? yearOf(o.period),
            direction: indicator.direction,
            ...(options.tolerancePoints === undefined ? {} : { tolerancePoints: options.tolerancePoints }),
          })
        : null
    all.push({ subject: child, observation: o, assessment })
  }

  const measure: SummaryMeasure | null = all.some((e) => e.assessment)
    ? 'progress'
    : all.some((e) => e.observation.actual !== null)
      ? 'actual'
      : all.some((e) => e.observation.yoy !== null)
        ? 'yoy'
        : null
  if (measure === null) return null

  const assessed = all.filter((e) => e.assessment !== null)
  const withActual = all.filter((e) => e.observation.actual !== null)
  const measured =
    measure === 'progress' ? assessed : measure === 'actual' ? withActual : all.filter((e) => e.observation.yoy !== null)
  const entries = rankEntries(measured, measure, indicator)
  const actuals = withActual.map((e) => e.observation.actual ?? 0)
  const paired = withActual.filter((e) => e.observation.target !== null)
  const totalTarget = additive && paired.length > 0 ? sum(paired.map((e) => e.observation.target ?? 0)) : null
  const pairedActual = sum(paired.map((e) => e.observation.actual ?? 0))
  const averaged = measure === 'yoy' ? entries.map((e) => e.observation.yoy ?? 0) : actuals

  return {
    parent,
    indicator,
    period: options.period,
    measure,
    entries,
    ahead: entries.filter((e) => e.assessment?.status === 'ahead'),
    onTime: entries.filter((e) => e.assessment?.status === 'on-time'),
    behind: entries.filter((e) => e.assessment?.status === 'behind'),
    withoutPlan: measure === 'progress' ? withActual.filter((e) => e.assessment === null) : [],
    best: entries[0] ?? null,
    worst: entries.length > 1 ? (entries[entries.length - 1] ?? null) : null,
    total: additive && actuals.length > 0 ? sum(actuals) : null,
    totalTarget,
    pooledCompletion: totalTarget !== null && totalTarget > 0 ? (pairedActual / totalTarget) * 100 : null,
    average: averaged.length > 0 ? sum(averaged) / averaged.length : null,
    averageCount: averaged.length,
  }
}
