import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Direction, IndicatorKind, Period, Qualifier } from '../../src/domain/model'
import {
  cumulativePoints,
  cumulativeSeries,
  isAdditiveKind,
  MIN_TREND_POINTS,
  monthlyIncrements,
  projectAtPace,
  projectByTrend,
  yearEndOutlook,
  type CumulativePoint,
  type ProjectionInput,
} from '../../src/domain/projection'
import { validateDatasetText } from '../../src/io/validateDataset'

const YEAR = p(2023, 1, 2023, 12)

function p(startYear: number, startMonth: number, endYear: number, endMonth: number): Period {
  return { start: { year: startYear, month: startMonth }, end: { year: endYear, month: endMonth } }
}

/** Cumulative actuals from January: [end month, value]. */
function ytd(...points: Array<[number, number]>): CumulativePoint[] {
  return points.map(([month, actual]) => ({ period: p(2023, 1, 2023, month), actual, observationId: `m${month}` }))
}

function input(points: CumulativePoint[], target: number | null, direction: Direction = 'higher', targetPeriod = YEAR): ProjectionInput {
  return { points, target, targetPeriod, direction }
}

describe('pace rule: actual × total months ÷ elapsed months', () => {
  it.each<[string, ProjectionInput, number, number | null, boolean | null]>([
    // 大市口街道 project investment: 4.32亿元 after 10 months of a 4.97亿元 plan.
    ['seed investment', input(ytd([10, 4.32e8]), 4.97e8), 5.184e8, 104.30583501006036, true],
    ['behind', input(ytd([10, 3e8]), 5e8), 3.6e8, 72, false],
    ['exactly on pace', input(ytd([6, 50]), 100), 100, 100, true],
    ['half year of a ceiling, under it', input(ytd([6, 9000]), 20000, 'lower'), 18000, 90, true],
    ['ceiling broken at this pace', input(ytd([6, 11000]), 20000, 'lower'), 22000, 110, false],
    ['no target: projected all the same', input(ytd([4, 10]), null), 30, null, null],
    ['a zero target is no target', input(ytd([4, 10]), 0), 30, null, null],
    ['whole year reported: the actual itself', input(ytd([12, 77]), 70), 77, 110, true],
    ['H1 target, 4 of its 6 months', input(ytd([4, 40]), 90, 'higher', p(2023, 1, 2023, 6)), 60, 66.66666666666667, false],
  ])('%s', (_name, given, projected, completion, meets) => {
    const result = projectAtPace(given)
    expect(result).not.toBeNull()
    expect(result?.kind).toBe('projection')
    expect(result?.method).toBe('pace')
    expect(result?.projected).toBeCloseTo(projected, 6)
    if (completion === null) expect(result?.projectedCompletion).toBeNull()
    else expect(result?.projectedCompletion).toBeCloseTo(completion, 9)
    expect(result?.meetsTarget).toBe(meets)
  })

  it('records where it stands: months elapsed and left, the actual it starts from, the evidence', () => {
    expect(projectAtPace(input(ytd([3, 10], [10, 4.32e8]), 4.97e8))).toEqual({
      kind: 'projection',
      method: 'pace',
      asOf: { year: 2023, month: 10 },
      elapsedMonths: 10,
      remainingMonths: 2,
      totalMonths: 12,
      actualToDate: 4.32e8,
      projected: 5.184e8,
      target: 4.97e8,
      projectedCompletion: (5.184e8 / 4.97e8) * 100,
      meetsTarget: true,
      approximate: false,
      observationIds: ['m3', 'm10'],
    })
  })

  it.each<[Qualifier | null, boolean]>([
    [null, false],
    ['more-than', true],
    ['about', true],
  ])('an actual qualified %s makes the projection approximate: %s', (qualifier, approximate) => {
    const points: CumulativePoint[] = [{ period: p(2023, 1, 2023, 6), actual: 300, qualifier }]
    expect(projectAtPace(input(points, 500))?.approximate).toBe(approximate)
  })

  it.each<[string, CumulativePoint[]]>([
    ['no points', []],
    ['a span that does not start with the target period', [{ period: p(2023, 3, 2023, 10), actual: 5 }]],
    ['a span past the target period', [{ period: p(2023, 1, 2024, 2), actual: 5 }]],
    ['a non-finite actual', [{ period: p(2023, 1, 2023, 5), actual: Number.NaN }]],
  ])('no projection from %s', (_name, points) => {
    expect(projectAtPace(input(points, 100))).toBeNull()
    expect(yearEndOutlook(input(points, 100))).toBeNull()
  })
})

describe('trend rule: least squares on monthly increments', () => {
  it('splits cumulative figures into per-month increments, weighted by the months of each span', () => {
    expect(monthlyIncrements(ytd([3, 30], [6, 90], [10, 170]), YEAR)).toEqual([
      { month: 2, months: 3, perMonth: 10 },
      { month: 5, months: 3, perMonth: 20 },
      { month: 8.5, months: 4, perMonth: 20 },
    ])
  })

  it.each<[string, CumulativePoint[], number, number]>([
    // Increments 10, 20, 30, 40: the line 10·m gives 50 … 120 for May–December (sum 680).
    ['a pace speeding up', ytd([1, 10], [2, 30], [3, 60], [4, 100]), 780, 300],
    ['a steady pace equals the pace rule', ytd([3, 30], [6, 60], [9, 90]), 120, 120],
    // Increments 40, 30, 20, 10: the line 50 − 10·m is ≤ 0 from May on and counts as 0.
    ['a slowing total does not shrink', ytd([1, 40], [2, 70], [3, 90], [4, 100]), 100, 300],
    // Observed increments 10, −5, −5: a figure that does fall, so the fitted fall is kept (15 − 7.5·m).
    ['a figure that falls keeps falling', ytd([1, 10], [2, 5], [3, 0]), -405, 0],
  ])('%s', (_name, points, trend, pace) => {
    const given = input(points, 100)
    expect(projectByTrend(given)?.projected).toBeCloseTo(trend, 9)
    expect(projectByTrend(given)?.method).toBe('trend')
    expect(projectAtPace(given)?.projected).toBeCloseTo(pace, 9)
  })

  it(`needs at least ${MIN_TREND_POINTS} cumulative figures`, () => {
    const two = input(ytd([5, 50], [10, 120]), 150)
    expect(projectByTrend(two)).toBeNull()
    expect(yearEndOutlook(two)?.trend).toBeNull()
    expect(yearEndOutlook(input(ytd([3, 20], [5, 50], [10, 120]), 150))?.trend).not.toBeNull()
  })
})

describe('yearEndOutlook: what the remaining months must bring (还需月均完成)', () => {
  it.each<[string, ProjectionInput, number | null, number | null, 'met' | 'missed' | null]>([
    ['seed investment: (4.97 − 4.32)亿元 over 2 months', input(ytd([10, 4.32e8]), 4.97e8), 6.5e7, 3.25e7, null],
    ['already met: nothing more needed', input(ytd([10, 5.2e8]), 5e8), -2e7, 0, 'met'],
    ['a ceiling: the most each month may add', input(ytd([6, 9000]), 20000, 'lower'), 11000, 11000 / 6, null],
    ['a ceiling already broken', input(ytd([10, 21000]), 20000, 'lower'), -1000, 0, 'missed'],
    ['no month left', input(ytd([12, 80]), 100), 20, null, null],
    ['no target', input(ytd([6, 80]), null), null, null, null],
  ])('%s', (_name, given, remaining, monthly, settled) => {
    const outlook = yearEndOutlook(given)
    expect(outlook).not.toBeNull()
    if (remaining === null) expect(outlook?.remaining).toBeNull()
    else expect(outlook?.remaining).toBeCloseTo(remaining, 6)
    if (monthly === null) expect(outlook?.monthlyNeeded).toBeNull()
    else expect(outlook?.monthlyNeeded).toBeCloseTo(monthly, 6)
    expect(outlook?.settled).toBe(settled)
  })
})

describe('cumulative points and series', () => {
  it('keeps only spans cumulated from the target start, sorted, the later of two for one month winning', () => {
    const points: CumulativePoint[] = [
      { period: p(2023, 1, 2023, 9), actual: 90, observationId: 'sep' },
      { period: p(2023, 1, 2023, 3), actual: 30, observationId: 'mar' },
      { period: p(2023, 10, 2023, 10), actual: 12, observationId: 'oct-only' },
      { period: p(2023, 1, 2023, 9), actual: 91, observationId: 'sep-corrected' },
      { period: p(2022, 1, 2022, 12), actual: 100, observationId: 'last-year' },
    ]
    expect(cumulativePoints(points, YEAR).map((x) => x.observationId)).toEqual(['mar', 'sep-corrected'])
  })

  it('reads the seed dataset: 大市口街道 project investment up to October is one figure, 000-07', () => {
    const { dataset } = validateDatasetText(readFileSync('data/dataset.json', 'utf8'), 'data/dataset.json')
    if (!dataset) throw new Error('seed dataset does not validate')
    const series = cumulativeSeries(dataset.observations, {
      subjectId: 'dashikou',
      indicatorId: 'project-investment',
      targetPeriod: YEAR,
      upTo: { year: 2023, month: 10 },
    })
    expect(series).toEqual([{ period: p(2023, 1, 2023, 10), actual: 4.32e8, qualifier: null, observationId: '000-07' }])
    expect(
      cumulativeSeries(dataset.observations, {
        subjectId: 'dashikou',
        indicatorId: 'project-investment',
        targetPeriod: YEAR,
        upTo: { year: 2023, month: 9 },
      }),
    ).toEqual([])
  })

  it.each<[IndicatorKind, boolean]>([
    ['amount', true],
    ['count', true],
    ['area', true],
    ['rate', false],
    ['growth', false],
    ['share', false],
    ['progress', false],
    ['rank', false],
  ])('%s figures add up over months: %s', (kind, additive) => {
    expect(isAdditiveKind(kind)).toBe(additive)
  })
})
