import { describe, expect, it } from 'vitest'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset } from '../../src/domain/model'
import { latestPeriodKey, observationsInScope, periodsOf } from '../../src/domain/scope'
import { byValueDescending, groupByIndicator, growthValue } from '../../src/domain/indicatorGroups'
import { displayScale } from '../../src/domain/displayScale'
import { countBy, mostFrequent } from '../../src/domain/mostFrequent'
import { periodKey } from '../../src/domain/period'

const seed = loadEmbeddedDataset().dataset as Dataset
const index = buildDatasetIndex(seed)

describe('what a view has in scope', () => {
  it.each([
    [null, null, 56],
    ['dashikou', null, 33],
    ['nantong', null, 15],
    ['dashikou', '2023-01..2023-10', 2],
    [null, '2023-01..2023-06', 6],
  ])('region %s, period %s: %i observations', (regionId, key, count) => {
    expect(observationsInScope(seed, index, { regionId, periodKey: key })).toHaveLength(count)
  })

  it('lists periods latest first and picks the latest', () => {
    const keys = periodsOf(seed.observations).map(periodKey)
    expect(keys.slice(0, 2)).toEqual(['2023-12', '2023'])
    expect(latestPeriodKey(seed.observations)).toBe('2023-12')
    expect(latestPeriodKey([])).toBeNull()
  })
})

describe('one chart per indicator, one period per chart', () => {
  it('draws the wholesale growth of 1-10月 and the investment growth of 2023 as separate charts', () => {
    const withGrowth = seed.observations.filter((o) => {
      const indicator = index.indicators.get(o.indicatorId)
      return indicator !== undefined && growthValue(o, indicator) !== null
    })
    const groups = groupByIndicator(withGrowth, index, null)
    expect(groups.map((g) => [g.indicator.id, g.periodKey, g.observations.length])).toEqual([
      ['wholesale-sales', '2023-01..2023-10', 1],
      ['annual-investment', '2023', 1],
    ])
  })

  it('sorts descending and keeps ties in data order', () => {
    expect(byValueDescending([{ v: 1, k: 'a' }, { v: 3, k: 'b' }, { v: 1, k: 'c' }], (x) => x.v).map((x) => x.k)).toEqual([
      'b',
      'a',
      'c',
    ])
  })
})

describe('axis scale', () => {
  it.each([
    ['CNY', [432000000, 497000000], 'zh-CN', 1e8, '亿元'],
    ['CNY', [50000, 90000], 'zh-CN', 1e4, '万元'],
    ['m2', [78500, 225300, 6580], 'zh-CN', 1e4, '万平方米'],
    ['件', [300, 1000], 'zh-CN', 1, '件'],
    ['CNY', [432000000], 'en', 1e6, 'CNY million'],
    ['USD', [50000000], 'en', 1e6, 'US$ million'],
    ['CNY', [1286000000], 'en', 1e9, 'CNY billion'],
    ['个', [5], 'en', 1, 'count'],
    ['%', [100, 90], 'zh-CN', 1, '%'],
  ] as const)('%s %j in %s: ÷%d, %s', (unit, values, locale, factor, caption) => {
    expect(displayScale(unit, values, locale)).toEqual({ factor, caption })
  })
})

describe('the default choice: the key with most figures', () => {
  it.each([
    [[], null],
    [['a'], 'a'],
    [['a', 'b', 'b'], 'b'],
    [['a', 'b', 'b', 'a'], 'a'],
    [[null, 'x', null], 'x'],
  ] as const)('%j → %s (ties to the first seen)', (keys, expected) => {
    expect(mostFrequent(countBy(keys, (k) => k))).toBe(expected)
  })
})
