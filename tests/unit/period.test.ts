import { describe, expect, it } from 'vitest'
import type { Period } from '../../src/domain/model'
import {
  comparePeriods,
  formatPeriod,
  isValidPeriod,
  monthCount,
  parsePeriod,
  periodKey,
  yearOf,
  type PeriodContext,
} from '../../src/domain/period'

function p(startYear: number, startMonth: number, endYear: number, endMonth: number): Period {
  return { start: { year: startYear, month: startMonth }, end: { year: endYear, month: endMonth } }
}

const ctx: PeriodContext = { year: 2023, asOf: { year: 2023, month: 11 } }

describe('parsePeriod', () => {
  it.each<[string, string]>([
    // Canonical keys, as stored and put in URLs.
    ['2023', '2023'],
    ['2023-06', '2023-06'],
    ['2023-01', '2023-01'],
    ['2023-01..2023-10', '2023-01..2023-10'],
    ['2023-11..2024-02', '2023-11..2024-02'],
    ['2023/01-2023/10', '2023-01..2023-10'],
    // Chinese with an explicit year.
    ['2023年', '2023'],
    ['2023年度', '2023'],
    ['2023年全年', '2023'],
    ['2023年1-10月', '2023-01..2023-10'],
    ['2023年1月-10月', '2023-01..2023-10'],
    ['2023年6月', '2023-06'],
    ['2023年10月份', '2023-10'],
    ['2023年上半年', '2023-01..2023-06'],
    ['2023年下半年', '2023-07..2023-12'],
    ['2023年一季度', '2023-01..2023-03'],
    ['2023年前三季度', '2023-01..2023-09'],
    ['2023年11月-2024年2月', '2023-11..2024-02'],
    ['２０２３年１－１０月', '2023-01..2023-10'],
    // The labels formatPeriod writes in English.
    ['Jan–Oct 2023', '2023-01..2023-10'],
    ['Jun 2023', '2023-06'],
    ['H1 2023', '2023-01..2023-06'],
    ['Q3 2023', '2023-07..2023-09'],
    ['2023Q4', '2023-10..2023-12'],
    ['Nov 2023–Feb 2024', '2023-11..2024-02'],
  ])('%s → %s', (text, key) => {
    const period = parsePeriod(text)
    expect(period).not.toBeNull()
    expect(periodKey(period!)).toBe(key)
  })

  it.each<[string, string]>([
    ['1-10月', '2023-01..2023-10'],
    ['1至10月', '2023-01..2023-10'],
    ['1—10月', '2023-01..2023-10'],
    ['1~10月', '2023-01..2023-10'],
    ['1～10月', '2023-01..2023-10'],
    ['一至十月', '2023-01..2023-10'],
    ['截至7月底', '2023-01..2023-07'],
    ['截至7月末', '2023-01..2023-07'],
    ['截至10月底', '2023-01..2023-10'],
    ['截止到9月', '2023-01..2023-09'],
    ['上半年', '2023-01..2023-06'],
    ['下半年', '2023-07..2023-12'],
    ['一季度', '2023-01..2023-03'],
    ['第一季度', '2023-01..2023-03'],
    ['1季度', '2023-01..2023-03'],
    ['Q1', '2023-01..2023-03'],
    ['二季度', '2023-04..2023-06'],
    ['第三季度', '2023-07..2023-09'],
    ['四季度', '2023-10..2023-12'],
    ['前三季度', '2023-01..2023-09'],
    ['全年', '2023'],
    ['今年', '2023'],
    ['本年度', '2023'],
    ['10月', '2023-10'],
    ['今年1-10月', '2023-01..2023-10'],
  ])('%s in a 2023 report → %s', (text, key) => {
    const period = parsePeriod(text, ctx)
    expect(period).not.toBeNull()
    expect(periodKey(period!)).toBe(key)
  })

  it.each(['今年以来', '截至目前', '年初以来', '年初至今'])('%s runs from January to the report date', (text) => {
    expect(parsePeriod(text, ctx)).toEqual(p(2023, 1, 2023, 11))
    expect(parsePeriod(text, { year: 2023 })).toBeNull()
  })

  it.each(['1-10月', '截至7月底', '上半年', '一季度', '全年', '10月'])('%s without a report year is unknown', (text) => {
    expect(parsePeriod(text)).toBeNull()
  })

  it.each([
    '',
    'abc',
    '13月',
    '2023年13月',
    '0-5月',
    '10-3月',
    '2023-13',
    '2023-00',
    '2024-02..2023-11',
    '1899',
    '2201年',
    '五季度',
    '1-10',
    '2023年1-10月'.repeat(20),
  ])('rejects %j', (text) => {
    expect(parsePeriod(text, ctx)).toBeNull()
  })
})

describe('periodKey and formatPeriod', () => {
  it.each<[Period, string, string, string]>([
    [p(2023, 1, 2023, 12), '2023', '2023年', '2023'],
    [p(2023, 6, 2023, 6), '2023-06', '2023年6月', 'Jun 2023'],
    [p(2023, 1, 2023, 10), '2023-01..2023-10', '2023年1-10月', 'Jan–Oct 2023'],
    [p(2023, 1, 2023, 6), '2023-01..2023-06', '2023年上半年', 'H1 2023'],
    [p(2023, 7, 2023, 12), '2023-07..2023-12', '2023年下半年', 'H2 2023'],
    [p(2023, 1, 2023, 3), '2023-01..2023-03', '2023年一季度', 'Q1 2023'],
    [p(2023, 10, 2023, 12), '2023-10..2023-12', '2023年四季度', 'Q4 2023'],
    [p(2023, 11, 2024, 2), '2023-11..2024-02', '2023年11月-2024年2月', 'Nov 2023–Feb 2024'],
  ])('%j → key %s, zh %s, en %s', (period, key, zh, en) => {
    expect(periodKey(period)).toBe(key)
    expect(formatPeriod(period, 'zh-CN')).toBe(zh)
    expect(formatPeriod(period, 'en')).toBe(en)
  })

  it.each([p(2023, 1, 2023, 12), p(2023, 6, 2023, 6), p(2023, 1, 2023, 10), p(2023, 4, 2023, 6), p(2023, 11, 2024, 2)])(
    'key, zh and en labels all read back to %j',
    (period) => {
      expect(parsePeriod(periodKey(period))).toEqual(period)
      expect(parsePeriod(formatPeriod(period, 'zh-CN'))).toEqual(period)
      expect(parsePeriod(formatPeriod(period, 'en'))).toEqual(period)
    },
  )
})

describe('period arithmetic', () => {
  it.each<[Period, number]>([
    [p(2023, 1, 2023, 10), 10],
    [p(2023, 6, 2023, 6), 1],
    [p(2023, 1, 2023, 12), 12],
    [p(2023, 11, 2024, 2), 4],
    [p(2023, 5, 2023, 4), 0],
  ])('%j has %d months', (period, count) => {
    expect(monthCount(period)).toBe(count)
  })

  it.each<[Period, Period]>([
    [p(2023, 1, 2023, 10), p(2023, 1, 2023, 12)],
    [p(2023, 6, 2023, 6), p(2023, 1, 2023, 12)],
    [p(2023, 11, 2024, 2), p(2024, 1, 2024, 12)],
  ])('the year of %j is %j', (period, year) => {
    expect(yearOf(period)).toEqual(year)
  })

  it('sorts by end, then by start', () => {
    const periods = [p(2023, 1, 2023, 12), p(2023, 6, 2023, 6), p(2023, 1, 2023, 10), p(2023, 10, 2023, 10), p(2023, 1, 2023, 6)]
    expect([...periods].sort(comparePeriods).map(periodKey)).toEqual([
      '2023-01..2023-06',
      '2023-06',
      '2023-01..2023-10',
      '2023-10',
      '2023',
    ])
  })

  it.each<[Period, boolean]>([
    [p(2023, 1, 2023, 10), true],
    [p(2023, 11, 2024, 2), true],
    [p(2023, 0, 2023, 10), false],
    [p(2023, 1, 2023, 13), false],
    [p(2023, 10, 2023, 1), false],
    [p(1899, 1, 1899, 12), false],
    [p(2023.5, 1, 2023.5, 2), false],
  ])('%j valid: %s', (period, valid) => {
    expect(isValidPeriod(period)).toBe(valid)
  })
})
