import { describe, expect, it } from 'vitest'
import { formatCount, formatGrowth, formatPercent, formatPoints, formatQuantity, formatRank } from '../../src/domain/format'
import type { Qualifier } from '../../src/domain/model'

describe('formatQuantity', () => {
  it.each<[number, string, Qualifier | null, number | null, string, string]>([
    [432_000_000, 'CNY', null, null, '4.32亿元', 'CNY 432 million'],
    [1_286_000_000, 'CNY', null, null, '12.86亿元', 'CNY 1.29 billion'],
    [100_000_000, 'CNY', null, null, '1亿元', 'CNY 100 million'],
    [10_000, 'CNY', 'over', null, '超过1万元', 'over CNY 10,000'],
    [100, 'CNY', null, null, '100元', 'CNY 100'],
    [50_000_000, 'USD', 'about', null, '约5000万美元', '≈ US$50 million'],
    [78_500, 'm2', null, null, '7.85万平方米', '78,500 m²'],
    [6580, 'm2', null, null, '6580平方米', '6,580 m²'],
    [30, 'mu', 'about', null, '约30亩', '≈ 30 mu'],
    [300, '件', 'more-than', null, '300余件', '300+ cases'],
    [1, '件', null, null, '1件', '1 case'],
    [7, '个', null, null, '7个', '7'],
    [10_000, '件', 'nearly', null, '近1万件', 'nearly 10,000 cases'],
    [43.7, '%', null, null, '43.7%', '43.7%'],
    [75, '%', 'range', 80, '75%至80%', '75% – 80%'],
    [3.6, 'pp', null, null, '3.6个百分点', '3.6 pp'],
    [1, 'rank', null, null, '第一', '1st'],
  ])('%d %s (%s) → zh %s, en %s', (value, unit, qualifier, upper, zh, en) => {
    expect(formatQuantity(value, unit, 'zh-CN', { qualifier, upper })).toBe(zh)
    expect(formatQuantity(value, unit, 'en', { qualifier, upper })).toBe(en)
  })

  it('never prints NaN or Infinity', () => {
    expect(formatQuantity(Number.NaN, 'CNY', 'zh-CN')).toBe('—')
    expect(formatQuantity(Number.POSITIVE_INFINITY, '件', 'en')).toBe('—')
  })
})

describe('rates, growth and points are different kinds of figure', () => {
  it.each([
    [86.921, '86.9%'],
    [100, '100%'],
  ])('completion %d → %s', (value, text) => {
    expect(formatPercent(value, 'zh-CN')).toBe(text)
  })

  it.each([
    [43.7, '+43.7%'],
    [-3.2, '−3.2%'],
    [0, '0%'],
  ])('growth %d → %s', (value, text) => {
    expect(formatGrowth(value, 'en')).toBe(text)
  })

  it.each([
    [3.59, '+3.6个百分点', '+3.6 pp'],
    [-12.04, '−12个百分点', '−12 pp'],
    [0.01, '±0个百分点', '±0 pp'],
  ])('gap %d → zh %s, en %s', (value, zh, en) => {
    expect(formatPoints(value, 'zh-CN')).toBe(zh)
    expect(formatPoints(value, 'en')).toBe(en)
  })

  it.each([
    [1, '第一', '1st'],
    [2, '第二', '2nd'],
    [3, '第三', '3rd'],
    [11, '第11', '11th'],
    [22, '第22', '22nd'],
    [113, '第113', '113th'],
  ])('rank %d → %s / %s', (rank, zh, en) => {
    expect(formatRank(rank, 'zh-CN')).toBe(zh)
    expect(formatRank(rank, 'en')).toBe(en)
  })
})

describe('formatCount', () => {
  it('writes counts with thousands separators in both languages, as toLocaleString does', () => {
    expect(formatCount(6000, 'zh-CN')).toBe('6,000')
    expect(formatCount(360000, 'en')).toBe('360,000')
    expect(formatCount(0, 'zh-CN')).toBe('0')
    for (const n of [1, 999, 1000, 12345, 1_000_000, 98_765_432]) {
      expect(formatCount(n, 'zh-CN')).toBe(n.toLocaleString('zh-CN'))
      expect(formatCount(n, 'en')).toBe(n.toLocaleString('en-US'))
    }
  })
})
