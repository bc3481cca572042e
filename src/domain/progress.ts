/**
 * 序时进度: judging a cumulative actual against its target *and* against the share of the target's
 * period that has already passed. "完成率86.9%, 超序时进度3.6个百分点" is the sentence this models.
 */
import type { Direction, Period } from './model'
import { isValidPeriod, monthCount } from './period'

export type ProgressStatus = 'ahead' | 'on-time' | 'behind'

const DEFAULT_TOLERANCE_POINTS = 0.5
// A gap computed as 84.33… − 83.83… can land a hair beyond a tolerance it meets on paper.
const FLOAT_SLACK = 1e-9

/** 完成率 in percent. Null when the target cannot carry a ratio (missing, zero, negative). */
export function completionRate(actual: number, target: number): number | null {
  if (!Number.isFinite(actual) || !Number.isFinite(target) || target <= 0) return null
  return (actual / target) * 100
}

function ordinal(p: Period['end']): number {
  return p.year * 12 + (p.month - 1)
}

/**
 * 序时进度 in percent: the months of `targetPeriod` that have passed by the end of `reported`,
 * over the months in `targetPeriod` (1-10月 against the year: 10/12). A report past the target's
 * end counts the whole period. Null for a report that ends before the target period begins, where
 * no share of time has passed to compare against.
 */
export function elapsedShare(reported: Period, targetPeriod: Period): number | null {
  if (!isValidPeriod(reported) || !isValidPeriod(targetPeriod)) return null
  const total = monthCount(targetPeriod)
  const elapsed = ordinal(reported.end) - ordinal(targetPeriod.start) + 1
  if (elapsed < 1) return null
  return (Math.min(elapsed, total) / total) * 100
}

/** The gap in percentage points (完成率 − 序时进度): reports say "超序时进度3.6个百分点", not "4.3%". */
export function gapPoints(completion: number, elapsed: number): number {
  return completion - elapsed
}

export interface StatusOptions {
  /** Half-width of the 达序时 band, in percentage points. */
  tolerancePoints?: number
  direction?: Direction
}

/**
 * 超序时 / 达序时 / 滞后. For a lower-is-better indicator (energy use, a spending cap) using the
 * allowance faster than time passes is the bad case, so the sign of the gap flips. A gap that is
 * not a number is reported as behind: an unknown state must never look like good news.
 */
export function progressStatus(gap: number, options: StatusOptions = {}): ProgressStatus {
  const rawTolerance = options.tolerancePoints ?? DEFAULT_TOLERANCE_POINTS
  const tolerance = Number.isFinite(rawTolerance) && rawTolerance > 0 ? rawTolerance : 0
  const signed = options.direction === 'lower' ? -gap : gap
  if (Number.isNaN(signed)) return 'behind'
  if (Math.abs(signed) <= tolerance + FLOAT_SLACK) return 'on-time'
  return signed > 0 ? 'ahead' : 'behind'
}

export interface ProgressInput {
  actual: number
  target: number
  /** The span the actual is cumulated over. */
  period: Period
  /** The span the target is set for, usually the calendar year. */
  targetPeriod: Period
  direction: Direction
  tolerancePoints?: number
}

export interface ProgressAssessment {
  /** 完成率, percent. */
  completion: number
  /** 序时进度, percent. */
  elapsed: number
  /** completion − elapsed, percentage points. */
  gap: number
  status: ProgressStatus
}

/** All of the above for one figure; null when either ratio is undefined. Values are unrounded. */
export function assessProgress(input: ProgressInput): ProgressAssessment | null {
  const completion = completionRate(input.actual, input.target)
  if (completion === null) return null
  const elapsed = elapsedShare(input.period, input.targetPeriod)
  if (elapsed === null) return null
  const gap = gapPoints(completion, elapsed)
  const status = progressStatus(gap, {
    direction: input.direction,
    ...(input.tolerancePoints === undefined ? {} : { tolerancePoints: input.tolerancePoints }),
  })
  return { completion, elapsed, gap, status }
}
