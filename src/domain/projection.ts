/**
 * Year-end projections from cumulative actuals: "按目前进度，全年预计完成5.18亿元" and "还需月均完成
 * 0.33亿元". Everything here is an *estimate*, never a fact; every result carries `kind: 'projection'`
 * so that no view can show it as if a source had stated it.
 *
 * Two rules, both documented where they are computed:
 *
 * - **pace** (按目前进度): the cumulative actual scaled to the whole target period,
 *   actual × months of the target period ÷ months elapsed. Needs one cumulative figure.
 * - **trend** (按月度趋势): from at least `MIN_TREND_POINTS` cumulative figures of the same year, the
 *   amount added per month in each reported span, a weighted least-squares line through those
 *   monthly amounts (weight = months in the span, x = the span's middle month), extended over the
 *   months left. Catches a pace that is speeding up or slowing down, which the pace rule cannot.
 *
 * Only additive figures (money, counts, areas cumulated from the start of the target's period) can
 * be projected this way; a rate or a growth figure does not add up over months (`isAdditiveKind`).
 */
import type { Direction, IndicatorKind, Observation, Period, Qualifier, YearMonth } from './model'
import { isValidPeriod, monthCount } from './period'

/** Fewer cumulative figures than this give no trend: two points fit any straight line exactly. */
export const MIN_TREND_POINTS = 3

const ADDITIVE_KINDS: ReadonlySet<IndicatorKind> = new Set<IndicatorKind>(['amount', 'count', 'area'])
// Comparisons of sums such as 4.32e8 + 0.65e8 against 4.97e8 must not fail on the last bit.
const RELATIVE_SLACK = 1e-9

/**
 * Whether figures of this kind add up month by month (money, counts, areas), so that a year-end
 * total can be projected and a cumulative actual can be set against 序时进度; a rate cannot.
 */
export function isAdditiveKind(kind: IndicatorKind): boolean {
  return ADDITIVE_KINDS.has(kind)
}

/** One cumulative actual: the total from the start of the target period to the end of `period`. */
export interface CumulativePoint {
  period: Period
  actual: number
  qualifier?: Qualifier | null
  /** The observation it comes from, so a projection can name its evidence. */
  observationId?: string | null
}

export interface ProjectionInput {
  points: readonly CumulativePoint[]
  /** For the whole target period; null when there is none (the projection is still made). */
  target: number | null
  /** Usually the calendar year. */
  targetPeriod: Period
  direction: Direction
}

export type ProjectionMethod = 'pace' | 'trend'

/** A projected full-period figure. `kind` is always 'projection': an estimate, not a reported fact. */
export interface YearEndProjection {
  readonly kind: 'projection'
  method: ProjectionMethod
  /** The last month with an actual. */
  asOf: YearMonth
  elapsedMonths: number
  remainingMonths: number
  totalMonths: number
  /** The latest cumulative actual the projection starts from. */
  actualToDate: number
  /** The projected figure for the whole target period. */
  projected: number
  target: number | null
  /** projected ÷ target in %; null without a usable target. */
  projectedCompletion: number | null
  /** Direction-aware: higher-is-better meets at projected ≥ target, lower-is-better at projected ≤ target. */
  meetsTarget: boolean | null
  /** The latest actual carries a qualifier (余, 约 …), so the projection is no more exact than it. */
  approximate: boolean
  /** The observations the projection rests on, earliest first. */
  observationIds: string[]
}

/** The amount added per month over one reported span, for the trend rule. */
export interface MonthlyIncrement {
  /** Middle of the span, in months from the start of the target period (1 = its first month). */
  month: number
  /** Months in the span: the weight of this increment in the fit. */
  months: number
  perMonth: number
}

export type TargetSettled = 'met' | 'missed'

export interface YearEndOutlook {
  pace: YearEndProjection
  /** Null with fewer than `MIN_TREND_POINTS` cumulative figures. */
  trend: YearEndProjection | null
  /** target − actual to date; null without a target. Negative once a higher-is-better target is passed. */
  remaining: number | null
  /**
   * 还需月均完成: what each remaining month must add to land exactly on the target, never negative.
   * For a lower-is-better target (a ceiling) it is the most each remaining month may add. Null
   * without a target or with no month left.
   */
  monthlyNeeded: number | null
  /**
   * Decided whatever happens next: 'met' once a higher-is-better actual has reached its target,
   * 'missed' once a lower-is-better actual has passed its ceiling; null while still open.
   */
  settled: TargetSettled | null
}

function ordinal(ym: YearMonth): number {
  return ym.year * 12 + (ym.month - 1)
}

function sameMonth(a: YearMonth, b: YearMonth): boolean {
  return a.year === b.year && a.month === b.month
}

function usableTarget(target: number | null): number | null {
  return target !== null && Number.isFinite(target) && target > 0 ? target : null
}

/**
 * The points that are cumulative over the target period: starting at its first month, ending
 * inside it, with a finite actual. Sorted by end month; of two points for the same month the later
 * one in the input wins (a corrected figure).
 */
export function cumulativePoints(points: readonly CumulativePoint[], targetPeriod: Period): CumulativePoint[] {
  if (!isValidPeriod(targetPeriod)) return []
  const byEnd = new Map<number, CumulativePoint>()
  for (const point of points) {
    if (!isValidPeriod(point.period) || !Number.isFinite(point.actual)) continue
    if (!sameMonth(point.period.start, targetPeriod.start)) continue
    const end = ordinal(point.period.end)
    if (end > ordinal(targetPeriod.end)) continue
    byEnd.set(end, point)
  }
  return [...byEnd.entries()].sort((a, b) => a[0] - b[0]).map(([, point]) => point)
}

function meets(projected: number, target: number | null, direction: Direction): boolean | null {
  if (target === null) return null
  const slack = Math.abs(target) * RELATIVE_SLACK
  return direction === 'lower' ? projected <= target + slack : projected >= target - slack
}

function projectionFrom(
  method: ProjectionMethod,
  series: readonly CumulativePoint[],
  projected: number,
  input: ProjectionInput,
): YearEndProjection | null {
  const latest = series[series.length - 1]
  if (!latest) return null
  const totalMonths = monthCount(input.targetPeriod)
  const elapsedMonths = ordinal(latest.period.end) - ordinal(input.targetPeriod.start) + 1
  const target = usableTarget(input.target)
  return {
    kind: 'projection',
    method,
    asOf: { ...latest.period.end },
    elapsedMonths,
    remainingMonths: totalMonths - elapsedMonths,
    totalMonths,
    actualToDate: latest.actual,
    projected,
    target,
    projectedCompletion: target === null ? null : (projected / target) * 100,
    meetsTarget: meets(projected, target, input.direction),
    approximate: (latest.qualifier ?? null) !== null,
    observationIds: series.flatMap((p) => (p.observationId ? [p.observationId] : [])),
  }
}

/**
 * Pace rule (按目前进度): the latest cumulative actual × total months ÷ elapsed months.
 * 4.32亿元 after 10 of 12 months projects 5.184亿元. Null without a cumulative point.
 */
export function projectAtPace(input: ProjectionInput): YearEndProjection | null {
  const series = cumulativePoints(input.points, input.targetPeriod)
  const latest = series[series.length - 1]
  if (!latest) return null
  const elapsed = ordinal(latest.period.end) - ordinal(input.targetPeriod.start) + 1
  const projected = (latest.actual * monthCount(input.targetPeriod)) / elapsed
  return projectionFrom('pace', series, projected, input)
}

/**
 * The amount added per month in each span between consecutive cumulative figures (the first span
 * runs from the start of the target period). A span of several months is spread evenly over them,
 * which is all the data says about it.
 */
export function monthlyIncrements(points: readonly CumulativePoint[], targetPeriod: Period): MonthlyIncrement[] {
  const series = cumulativePoints(points, targetPeriod)
  const start = ordinal(targetPeriod.start)
  const increments: MonthlyIncrement[] = []
  let previousEnd = 0 // months elapsed at the previous point
  let previousActual = 0
  for (const point of series) {
    const end = ordinal(point.period.end) - start + 1
    const months = end - previousEnd
    increments.push({ month: (previousEnd + 1 + end) / 2, months, perMonth: (point.actual - previousActual) / months })
    previousEnd = end
    previousActual = point.actual
  }
  return increments
}

/** Weighted least squares y = a + b·x; null when the x values do not spread (no slope to fit). */
function fitLine(increments: readonly MonthlyIncrement[]): { a: number; b: number } | null {
  const weight = increments.reduce((s, p) => s + p.months, 0)
  if (weight <= 0) return null
  const meanX = increments.reduce((s, p) => s + p.months * p.month, 0) / weight
  const meanY = increments.reduce((s, p) => s + p.months * p.perMonth, 0) / weight
  let sxx = 0
  let sxy = 0
  for (const p of increments) {
    sxx += p.months * (p.month - meanX) ** 2
    sxy += p.months * (p.month - meanX) * (p.perMonth - meanY)
  }
  if (sxx <= 0) return null
  const b = sxy / sxx
  return { a: meanY - b * meanX, b }
}

/**
 * Trend rule (按月度趋势): the fitted monthly amount for each month left, added to the latest
 * cumulative actual. When every observed monthly amount is ≥ 0 (a total that only grows, the usual
 * case), a fitted month below zero counts as zero: a falling trend slows a total down, it does not
 * make it shrink. Null with fewer than `MIN_TREND_POINTS` cumulative figures.
 */
export function projectByTrend(input: ProjectionInput): YearEndProjection | null {
  const series = cumulativePoints(input.points, input.targetPeriod)
  const latest = series[series.length - 1]
  if (!latest || series.length < MIN_TREND_POINTS) return null
  const increments = monthlyIncrements(series, input.targetPeriod)
  const line = fitLine(increments)
  if (!line) return null
  const neverFalls = increments.every((p) => p.perMonth >= 0)
  const total = monthCount(input.targetPeriod)
  const elapsed = ordinal(latest.period.end) - ordinal(input.targetPeriod.start) + 1
  let projected = latest.actual
  for (let month = elapsed + 1; month <= total; month++) {
    const fitted = line.a + line.b * month
    projected += neverFalls ? Math.max(0, fitted) : fitted
  }
  return projectionFrom('trend', series, projected, input)
}

/**
 * Both projections and what the target still asks of the remaining months. Null when there is no
 * cumulative figure to start from.
 */
export function yearEndOutlook(input: ProjectionInput): YearEndOutlook | null {
  const pace = projectAtPace(input)
  if (!pace) return null
  const target = pace.target
  const remaining = target === null ? null : target - pace.actualToDate
  const settled: TargetSettled | null =
    remaining === null
      ? null
      : input.direction === 'lower'
        ? remaining < 0
          ? 'missed'
          : null
        : remaining <= 0
          ? 'met'
          : null
  const monthlyNeeded =
    remaining === null || pace.remainingMonths <= 0 ? null : Math.max(0, remaining) / pace.remainingMonths
  return { pace, trend: projectByTrend(input), remaining, monthlyNeeded, settled }
}

export interface SeriesQuery {
  subjectId: string
  indicatorId: string
  targetPeriod: Period
  /** Only figures up to this month count: a bulletin for 1-10月 must not use November's. */
  upTo: YearMonth
}

/** The cumulative actuals of one subject and indicator in a dataset, as projection points. */
export function cumulativeSeries(observations: readonly Observation[], query: SeriesQuery): CumulativePoint[] {
  const points = observations
    .filter(
      (o) =>
        o.subjectId === query.subjectId &&
        o.indicatorId === query.indicatorId &&
        o.actual !== null &&
        ordinal(o.period.end) <= ordinal(query.upTo),
    )
    .map(
      (o): CumulativePoint => ({
        period: o.period,
        actual: o.actual ?? Number.NaN,
        qualifier: o.qualifier,
        observationId: o.id,
      }),
    )
  return cumulativePoints(points, query.targetPeriod)
}
