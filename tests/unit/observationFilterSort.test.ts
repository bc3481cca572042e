/**
 * The data table's filter and sort over many rows give exactly what the simple way gives (a row
 * object per observation, a predicate, a comparator with a collator), which is what the table did
 * before it had to handle 360,000 rows. The simple way is written out here as the specification.
 */
import { describe, expect, it } from 'vitest'
import { manyObservations } from '../fixtures/manyObservations'
import { buildDatasetIndex, subtreeIds, type DatasetIndex } from '../../src/domain/datasetIndex'
import { buildObservationRows, observationRowCache, type ObservationRow } from '../../src/domain/observationRow'
import { allObservationPositions, filterObservations, NO_FILTER, type ObservationFilter } from '../../src/domain/observationFilter'
import { inOrder, sortOrder, sortPositions, sortRanks, type SortDirection, type SortKey } from '../../src/domain/observationSort'
import { comparePeriods, periodKey } from '../../src/domain/period'
import type { Dataset, LocaleCode, LocalizedText, Observation } from '../../src/domain/model'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'

// 14,400 rows: 20 districts × 10 streets × 6 indicators × 12 months, quotes on some rows.
const dataset = manyObservations({ districts: 20, streetsPerDistrict: 10, indicators: 6, months: 12 })
const index = buildDatasetIndex(dataset)
const rows = buildObservationRows(dataset.observations, index)
const seed = loadEmbeddedDataset().dataset as Dataset
const seedIndex = buildDatasetIndex(seed)

function matchesSpec(row: ObservationRow, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (q === '') return true
  const haystack = [
    row.subject.name.zh,
    row.subject.name.en,
    ...row.parents.flatMap((p) => [p.name.zh, p.name.en]),
    row.indicator.name.zh,
    row.indicator.name.en,
    ...row.observation.evidence.map((e) => e.quote),
  ]
  return haystack.some((text) => text.toLowerCase().includes(q))
}

function filterSpec(idx: DatasetIndex, all: readonly ObservationRow[], filter: ObservationFilter): string[] {
  const region = filter.regionId === null ? null : subtreeIds(idx, filter.regionId)
  return all
    .filter(
      (row) =>
        (region === null || region.has(row.subject.id)) &&
        (filter.periodKey === null || periodKey(row.observation.period) === filter.periodKey) &&
        (filter.category === null || row.indicator.category === filter.category) &&
        matchesSpec(row, filter.search),
    )
    .map((row) => row.observation.id)
}

function ids(idx: DatasetIndex, positions: Uint32Array): string[] {
  return Array.from(positions, (p) => (idx.observations[p] as Observation).id)
}

describe('filterObservations', () => {
  const cases: Array<[string, Partial<ObservationFilter>]> = [
    ['nothing', {}],
    ['a district', { regionId: 'm-d3' }],
    ['the city', { regionId: 'm-city' }],
    ['a street', { regionId: 'm-s42' }],
    ['a region that does not exist', { regionId: 'nowhere' }],
    ['a period', { periodKey: '2023-01..2023-10' }],
    ['a whole year', { periodKey: '2023' }],
    ['a period no row has', { periodKey: '2019' }],
    ['a category', { category: 'livelihood' }],
    ['a street name (Chinese)', { search: '城东1' }],
    ['a district name, matching its streets', { search: '合成4区' }],
    ['an indicator name in English, any case', { search: 'SYNTHETIC Indicator 3' }],
    ['text only in quotes', { search: '1-10月完成' }],
    ['spaces around the text', { search: '  东湖1  ' }],
    ['nothing matching', { search: 'no such thing' }],
    ['everything at once', { regionId: 'm-d7', periodKey: '2023-01..2023-10', category: 'economy', search: '街道' }],
  ]
  it.each(cases)('%s: the same rows, in dataset order, as filtering row objects', (_, partial) => {
    const filter = { ...NO_FILTER, ...partial }
    expect(ids(index, filterObservations(index, filter))).toEqual(filterSpec(index, rows, filter))
  })

  it('on the seed data too (quotes, organisations, projects)', () => {
    const seedRows = buildObservationRows(seed.observations, seedIndex)
    for (const filter of [
      { ...NO_FILTER, search: '热线' },
      { ...NO_FILTER, regionId: 'nantong' },
      { ...NO_FILTER, periodKey: '2023-01..2023-10' },
      { ...NO_FILTER, search: 'Hotline' },
    ]) {
      expect(ids(seedIndex, filterObservations(seedIndex, filter))).toEqual(filterSpec(seedIndex, seedRows, filter))
    }
  })

  it('leaves out rows whose subject or indicator does not resolve, and counts only the others', () => {
    const broken: Dataset = {
      ...seed,
      observations: [
        ...seed.observations,
        { ...(seed.observations[0] as Observation), id: 'ghost-subject', subjectId: 'nobody' },
        { ...(seed.observations[0] as Observation), id: 'ghost-indicator', indicatorId: 'nothing' },
      ],
    }
    const brokenIndex = buildDatasetIndex(broken)
    expect(allObservationPositions(brokenIndex)).toHaveLength(seed.observations.length)
    expect(ids(brokenIndex, filterObservations(brokenIndex, { ...NO_FILTER, search: '' }))).not.toContain('ghost-subject')
    expect(ids(brokenIndex, filterObservations(brokenIndex, { ...NO_FILTER, periodKey: periodKey(seed.observations[0]!.period) }))).not.toContain(
      'ghost-indicator',
    )
  })
})

const nameIn = (locale: LocaleCode) => (text: LocalizedText) => (locale === 'zh-CN' ? text.zh : text.en)

function compareNullable(a: number | null, b: number | null, direction: SortDirection): number {
  if (a === null && b === null) return 0
  if (a === null) return 1
  if (b === null) return -1
  return direction === 'asc' ? a - b : b - a
}

/** The comparator the table used before: one collator, nulls last both ways, ties in dataset order. */
function sortSpec(list: readonly ObservationRow[], key: SortKey, direction: SortDirection, locale: LocaleCode): string[] {
  const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true })
  const nameOf = nameIn(locale)
  const sign = direction === 'asc' ? 1 : -1
  const compare = (a: ObservationRow, b: ObservationRow): number => {
    switch (key) {
      case 'region':
        return sign * collator.compare(nameOf(a.subject.name), nameOf(b.subject.name))
      case 'indicator':
        return sign * collator.compare(nameOf(a.indicator.name), nameOf(b.indicator.name))
      case 'period':
        return sign * comparePeriods(a.observation.period, b.observation.period)
      case 'actual':
        return compareNullable(a.observation.actual, b.observation.actual, direction)
      case 'target':
        return compareNullable(a.observation.target, b.observation.target, direction)
      case 'completion':
        return compareNullable(a.completion, b.completion, direction)
      case 'yoy':
        return compareNullable(a.observation.yoy, b.observation.yoy, direction)
      case 'rank':
        return compareNullable(a.observation.rank, b.observation.rank, direction)
    }
  }
  return list
    .map((row, i) => ({ row, i }))
    .sort((a, b) => compare(a.row, b.row) || a.i - b.i)
    .map(({ row }) => row.observation.id)
}

describe('sortPositions with sortRanks', () => {
  const keys: SortKey[] = ['region', 'indicator', 'period', 'actual', 'target', 'completion', 'yoy', 'rank']
  const filtered = filterObservations(index, { ...NO_FILTER, regionId: 'm-d2' })
  const filteredRows = buildObservationRows(Array.from(filtered, (p) => dataset.observations[p] as Observation), index)

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it.each(keys)(`%s, ${direction}, ${locale}: the order of the row comparator`, (key) => {
        const ranks = sortRanks(index, key, locale)
        expect(ids(index, sortPositions(filtered, ranks, direction))).toEqual(sortSpec(filteredRows, key, direction, locale))
      })
    }
  }

  it.each(keys)('%s: a filter put in the whole table’s order gives the same rows as sorting the filter’s', (key) => {
    for (const direction of ['asc', 'desc'] as const) {
      const order = sortOrder(index, key, 'zh-CN', direction)
      expect(sortOrder(index, key, 'zh-CN', direction)).toBe(order)
      expect(ids(index, inOrder(filtered, order))).toEqual(ids(index, sortPositions(filtered, sortRanks(index, key, 'zh-CN'), direction)))
      expect(inOrder(allObservationPositions(index), order)).toHaveLength(dataset.observations.length)
    }
  })

  it('sorts the seed data as the comparator does, every column both ways', () => {
    const all = allObservationPositions(seedIndex)
    const seedRows = buildObservationRows(seed.observations, seedIndex)
    for (const key of keys)
      for (const direction of ['asc', 'desc'] as const)
        expect(ids(seedIndex, sortPositions(all, sortRanks(seedIndex, key, 'zh-CN'), direction))).toEqual(
          sortSpec(seedRows, key, direction, 'zh-CN'),
        )
  })

  it('puts missing figures last in both directions, and works out a column’s order once', () => {
    const ranks = sortRanks(index, 'yoy', 'zh-CN')
    expect(sortRanks(index, 'yoy', 'en')).toBe(ranks)
    const asc = ids(index, sortPositions(filtered, ranks, 'asc'))
    const desc = ids(index, sortPositions(filtered, ranks, 'desc'))
    const missing = new Set(filteredRows.filter((r) => r.observation.yoy === null).map((r) => r.observation.id))
    expect(missing.size).toBeGreaterThan(0)
    expect(asc.slice(-missing.size).every((id) => missing.has(id))).toBe(true)
    expect(desc.slice(-missing.size).every((id) => missing.has(id))).toBe(true)
    // Names sort per language: a separate order for each.
    expect(sortRanks(index, 'region', 'en')).not.toBe(sortRanks(index, 'region', 'zh-CN'))
  })
})

describe('observationRowCache', () => {
  it('builds a row when asked and gives the same object for the same observation', () => {
    const rowOf = observationRowCache(index)
    const o = dataset.observations[1234] as Observation
    const row = rowOf(o)
    expect(row).toEqual(buildObservationRows([o], index)[0])
    expect(rowOf(o)).toBe(row)
    expect(rowOf({ ...o, subjectId: 'nobody' })).toBeNull()
  })
})
