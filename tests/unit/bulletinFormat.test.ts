import { describe, expect, it } from 'vitest'
import type { LocaleCode, Period, Qualifier } from '../../src/domain/model'
import {
  derivedPercent,
  inlineName,
  nameList,
  periodPhrase,
  pointsText,
  rankText,
  reportQuantity,
  statedPercent,
} from '../../src/bulletin/reportFormat'

function p(startYear: number, startMonth: number, endYear: number, endMonth: number): Period {
  return { start: { year: startYear, month: startMonth }, end: { year: endYear, month: endMonth } }
}

describe('reportQuantity: money in 亿元 to two decimals, as reports write it', () => {
  it.each<[number, string, Qualifier | null, number | null, number | null, string, string]>([
    [432_000_000, 'CNY', null, null, null, '4.32亿元', 'CNY 432 million'],
    [430_000_000, 'CNY', null, null, null, '4.30亿元', 'CNY 430 million'],
    [500_000_000, 'CNY', null, null, null, '5.00亿元', 'CNY 500 million'],
    [1_286_000_000, 'CNY', 'more-than', null, null, '12.86亿余元', 'CNY 1.29 billion+'],
    [100_000_000, 'CNY', 'about', null, null, '约1.00亿元', '≈ CNY 100 million'],
    [32_500_000, 'CNY', null, null, null, '3250万元', 'CNY 32.5 million'],
    // A monthly amount next to a plan in 亿元 takes 亿元 too.
    [32_500_000, 'CNY', null, null, 497_000_000, '0.33亿元', 'CNY 32.5 million'],
    [50_000_000, 'USD', 'nearly', null, null, '近5000万美元', 'nearly US$50 million'],
    [9_500, 'CNY', 'over', null, null, '超过9500元', 'over CNY 9,500'],
    [333_333.333, 'CNY', null, null, null, '33.33万元', 'CNY 333,333'],
    [12.5, 'CNY', null, null, null, '12.5元', 'CNY 12.5'],
    [4e8, 'CNY', 'range', 5e8, null, '4.00亿元至5.00亿元', 'CNY 400 million – CNY 500 million'],
    [78_500, 'm2', null, null, null, '7.85万平方米', '78,500 m²'],
    [300, '件', 'more-than', null, null, '300余件', '300+ cases'],
    [43.7, '%', null, null, null, '43.7%', '43.7%'],
    [98.25, '%', 'about', null, null, '约98.3%', '≈ 98.3%'],
    [75, '%', 'range', 80, null, '75%至80%', '75% – 80%'],
  ])('%d %s, qualifier %s, upper %s, scale of %s → %s / %s', (value, unit, qualifier, upper, scaleOf, zh, en) => {
    expect(reportQuantity(value, unit, 'zh-CN', { qualifier, upper, scaleOf })).toBe(zh)
    expect(reportQuantity(value, unit, 'en', { qualifier, upper, scaleOf })).toBe(en)
  })

  it('never prints NaN', () => {
    expect(reportQuantity(Number.NaN, 'CNY', 'zh-CN')).toBe('—')
  })
})

describe('rates: computed ones to exactly one decimal, stated ones as stated (at most one)', () => {
  it.each<[number, LocaleCode, string, string]>([
    [86.92152917505031, 'zh-CN', '86.9%', '86.9%'],
    [100, 'zh-CN', '100.0%', '100%'],
    [179, 'en', '179.0%', '179%'],
    [1234.56, 'en', '1,234.6%', '1,234.6%'],
    [1234.56, 'zh-CN', '1234.6%', '1234.6%'],
    [0.04, 'zh-CN', '0.0%', '0%'],
  ])('%d (%s) → derived %s, stated %s', (value, locale, derived, stated) => {
    expect(derivedPercent(value, locale)).toBe(derived)
    expect(statedPercent(value, locale)).toBe(stated)
  })

  it.each<[number, string, string]>([
    [3.5882, '3.6个百分点', '3.6 percentage points'],
    [-13.333, '13.3个百分点', '13.3 percentage points'],
    [0.05, '0.1个百分点', '0.1 percentage points'],
  ])('gap %d → %s / %s (the sign is in the words)', (gap, zh, en) => {
    expect(pointsText(gap, 'zh-CN')).toBe(zh)
    expect(pointsText(gap, 'en')).toBe(en)
  })
})

describe('ranks, periods, names', () => {
  it.each<[number, string, string]>([
    [1, '第一', 'first'],
    [3, '第三', 'third'],
    [10, '第十', 'tenth'],
    [11, '第11', '11th'],
    [22, '第22', '22nd'],
  ])('rank %d → %s / %s', (rank, zh, en) => {
    expect(rankText(rank, 'zh-CN')).toBe(zh)
    expect(rankText(rank, 'en')).toBe(en)
  })

  it.each<[Period, boolean, string, string]>([
    [p(2023, 1, 2023, 10), false, '1-10月', 'January–October'],
    [p(2023, 1, 2023, 10), true, '2023年1-10月', 'January–October 2023'],
    [p(2023, 1, 2023, 12), false, '2023年', '2023'],
    [p(2023, 7, 2023, 7), false, '7月', 'July'],
    [p(2023, 1, 2023, 6), false, '上半年', 'the first half'],
    [p(2023, 1, 2023, 6), true, '2023年上半年', 'the first half of 2023'],
    [p(2023, 7, 2023, 12), false, '下半年', 'the second half'],
    [p(2023, 1, 2023, 9), false, '前三季度', 'the first three quarters'],
    [p(2023, 4, 2023, 6), false, '二季度', 'the second quarter'],
    [p(2023, 1, 2023, 3), false, '一季度', 'the first quarter'],
    [p(2022, 11, 2023, 2), false, '2022年11月-2023年2月', 'Nov 2022–Feb 2023'],
  ])('period %o (year %s) → %s / %s', (period, includeYear, zh, en) => {
    expect(periodPhrase(period, 'zh-CN', includeYear)).toBe(zh)
    expect(periodPhrase(period, 'en', includeYear)).toBe(en)
  })

  it.each<[string, string]>([
    ['Project investment', 'project investment'],
    ['Wholesale sales of enterprises above designated size', 'wholesale sales of enterprises above designated size'],
    ['IPO approvals', 'IPO approvals'],
    ['12345 hotline on-time completion rate', '12345 hotline on-time completion rate'],
    ['A', 'a'],
  ])('English name inside a sentence: %s → %s', (name, inline) => {
    expect(inlineName(name)).toBe(inline)
  })

  it.each<[string[], string, string]>([
    [[], '', ''],
    [['甲'], '甲', '甲'],
    [['甲', '乙'], '甲、乙', '甲 and 乙'],
    [['甲', '乙', '丙'], '甲、乙、丙', '甲, 乙 and 丙'],
  ])('name list %o → %s / %s', (names, zh, en) => {
    expect(nameList(names, 'zh-CN')).toBe(zh)
    expect(nameList(names, 'en')).toBe(en)
  })
})
