import { describe, expect, it } from 'vitest'
import type { Direction, Period } from '../../src/domain/model'
import {
  assessProgress,
  completionRate,
  elapsedShare,
  gapPoints,
  progressStatus,
  type ProgressStatus,
} from '../../src/domain/progress'

function p(startYear: number, startMonth: number, endYear: number, endMonth: number): Period {
  return { start: { year: startYear, month: startMonth }, end: { year: endYear, month: endMonth } }
}

const YEAR_2023 = p(2023, 1, 2023, 12)

describe('completionRate (完成率)', () => {
  it.each<[number, number, number]>([
    [4.32e8, 4.97e8, 86.92152917505031],
    [50, 100, 50],
    [120, 100, 120],
    [0, 100, 0],
    [-5, 100, -5],
  ])('%d of %d → %d %%', (actual, target, rate) => {
    expect(completionRate(actual, target)).toBeCloseTo(rate, 10)
  })

  it.each<[number, number]>([
    [10, 0],
    [10, -5],
    [Number.NaN, 100],
    [10, Number.NaN],
    [Number.POSITIVE_INFINITY, 100],
    [10, Number.POSITIVE_INFINITY],
  ])('%d of %d has no rate', (actual, target) => {
    expect(completionRate(actual, target)).toBeNull()
  })
})

describe('elapsedShare (序时进度)', () => {
  it.each<[string, Period, Period, number]>([
    ['1-10月 of the year', p(2023, 1, 2023, 10), YEAR_2023, (10 / 12) * 100],
    ['上半年 of the year', p(2023, 1, 2023, 6), YEAR_2023, 50],
    ['a single month counts from the target start', p(2023, 3, 2023, 3), YEAR_2023, 25],
    ['the whole year', YEAR_2023, YEAR_2023, 100],
    ['a report past the target end is clamped', p(2024, 1, 2024, 2), YEAR_2023, 100],
    ['1-2月 of a half-year target', p(2023, 1, 2023, 2), p(2023, 1, 2023, 6), (2 / 6) * 100],
    ['a target across the new year', p(2024, 1, 2024, 1), p(2023, 11, 2024, 2), 75],
  ])('%s', (_label, reported, target, share) => {
    expect(elapsedShare(reported, target)).toBeCloseTo(share, 10)
  })

  it.each<[string, Period, Period]>([
    ['a report before the target period', p(2022, 1, 2022, 12), YEAR_2023],
    ['an invalid reported period', p(2023, 1, 2023, 13), YEAR_2023],
    ['an invalid target period', p(2023, 1, 2023, 10), p(2023, 12, 2023, 1)],
  ])('is unknown for %s', (_label, reported, target) => {
    expect(elapsedShare(reported, target)).toBeNull()
  })
})

describe('gapPoints', () => {
  it.each<[number, number, number]>([
    [86.92, 83.33, 3.59],
    [50, 50, 0],
    [40, 83.33, -43.33],
  ])('%d %% against %d %% → %d pp', (completion, elapsed, gap) => {
    expect(gapPoints(completion, elapsed)).toBeCloseTo(gap, 10)
  })
})

describe('progressStatus', () => {
  it.each<[number, Direction | undefined, number | undefined, ProgressStatus]>([
    [3.6, undefined, undefined, 'ahead'],
    [-3.6, undefined, undefined, 'behind'],
    [0, undefined, undefined, 'on-time'],
    [0.5, undefined, undefined, 'on-time'], // boundary inclusive
    [-0.5, undefined, undefined, 'on-time'],
    [0.51, undefined, undefined, 'ahead'],
    [-0.51, undefined, undefined, 'behind'],
    [2, 'higher', 2, 'on-time'],
    [2.01, 'higher', 2, 'ahead'],
    [0.1, 'higher', 0, 'ahead'],
    // Lower is better: using a cap faster than time passes is the bad case.
    [5, 'lower', undefined, 'behind'],
    [-5, 'lower', undefined, 'ahead'],
    [0.5, 'lower', undefined, 'on-time'],
    [0.3, 'higher', -1, 'ahead'], // a negative tolerance means none
    [Number.NaN, 'higher', undefined, 'behind'], // unknown is never good news
  ])('gap %d pp, %s is better, tolerance %s → %s', (gap, direction, tolerancePoints, status) => {
    expect(progressStatus(gap, { direction, tolerancePoints })).toBe(status)
  })

  it('treats a gap that is on the boundary only after floating-point arithmetic as on time', () => {
    const elapsed = (10 / 12) * 100
    expect(progressStatus(gapPoints(elapsed + 0.5, elapsed))).toBe('on-time')
  })
})

describe('assessProgress', () => {
  it('matches the seed report: 4.32亿元 of 4.97亿元 by 1-10月 is 3.6 pp ahead of 序时进度', () => {
    const result = assessProgress({
      actual: 4.32e8,
      target: 4.97e8,
      period: p(2023, 1, 2023, 10),
      targetPeriod: YEAR_2023,
      direction: 'higher',
    })
    expect(result).not.toBeNull()
    expect(result!.completion.toFixed(1)).toBe('86.9')
    expect(result!.elapsed).toBeCloseTo(83.333, 3)
    expect(result!.gap).toBeCloseTo(3.588, 3)
    expect(result!.gap.toFixed(1)).toBe('3.6')
    expect(result!.status).toBe('ahead')
  })

  it.each<[string, number, number, Direction, number | undefined, ProgressStatus]>([
    ['half done at mid-year', 50, 100, 'higher', undefined, 'on-time'],
    ['behind at mid-year', 40, 100, 'higher', undefined, 'behind'],
    ['inside a wide tolerance', 47, 100, 'higher', 5, 'on-time'],
    ['energy cap used too fast', 60, 100, 'lower', undefined, 'behind'],
    ['energy cap used slowly', 40, 100, 'lower', undefined, 'ahead'],
  ])('%s', (_label, actual, target, direction, tolerancePoints, status) => {
    const result = assessProgress({
      actual,
      target,
      period: p(2023, 1, 2023, 6),
      targetPeriod: YEAR_2023,
      direction,
      tolerancePoints,
    })
    expect(result?.status).toBe(status)
    expect(result?.elapsed).toBe(50)
  })

  it.each<[string, number, Period]>([
    ['no usable target', 0, p(2023, 1, 2023, 6)],
    ['a period before the target period', 100, p(2022, 1, 2022, 6)],
  ])('is null with %s', (_label, target, period) => {
    expect(assessProgress({ actual: 10, target, period, targetPeriod: YEAR_2023, direction: 'higher' })).toBeNull()
  })
})
