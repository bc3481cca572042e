/**
 * The data table's filters and sorts on a table the size of the benchmark's (360,000 rows). No
 * timing assertion (machines differ, and this one is shared); the times are printed so they can
 * be noted. For another size: DATA_TABLE_ROWS=1000000 npx vitest run tests/unit/observationTableLarge.test.ts
 */
import { describe, expect, it } from 'vitest'
import { manyObservations } from '../fixtures/manyObservations'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import { filterObservations, NO_FILTER, type ObservationFilter } from '../../src/domain/observationFilter'
import { inOrder, NO_VALUE, sortOrder, sortPositions, sortRanks, type SortKey } from '../../src/domain/observationSort'
import type { Observation } from '../../src/domain/model'

const ROWS = Number(process.env.DATA_TABLE_ROWS ?? 360_000)
// 30 indicators × 12 months per street, 10 streets per district.
const districts = Math.max(1, Math.round(ROWS / 3600))

function timed<T>(label: string, work: () => T): T {
  const started = performance.now()
  const result = work()
  console.log(`${label}: ${(performance.now() - started).toFixed(1)} ms`)
  return result
}

describe(`the data table over ${districts * 3600} rows`, () => {
  const dataset = manyObservations({ districts, streetsPerDistrict: 10, indicators: 30, months: 12 })
  const index = buildDatasetIndex(dataset)

  it('filters by region, period, category and search text', () => {
    const cases: Array<[string, Partial<ObservationFilter>, number]> = [
      ['all', {}, districts * 3600],
      ['a district', { regionId: 'm-d5' }, 3600],
      ['a period', { periodKey: '2023-01..2023-10' }, districts * 300],
      ['a category', { category: 'economy' }, districts * 3600 / 6],
      ['a street name', { search: '安平1街道' }, districts * 360],
    ]
    timed('columns (once per dataset)', () => filterObservations(index, { ...NO_FILTER, category: 'economy' }))
    for (const [label, partial, expected] of cases) {
      const shown = timed(`filter: ${label}`, () => filterObservations(index, { ...NO_FILTER, ...partial }))
      expect(shown).toHaveLength(expected)
    }
  })

  it.each<SortKey>(['region', 'actual', 'completion', 'period'])('sorts by %s, both ways', (key) => {
    const all = filterObservations(index, NO_FILTER)
    const ranks = timed(`sort keys: ${key} (once per dataset)`, () => sortRanks(index, key, 'zh-CN'))
    const asc = timed(`sort: ${key} ascending`, () => sortPositions(all, ranks, 'asc'))
    const desc = timed(`sort: ${key} descending`, () => sortPositions(all, ranks, 'desc'))
    expect(asc).toHaveLength(all.length)
    const rankAt = (positions: Uint32Array, i: number): number => {
      const r = ranks[positions[i] as number] as number
      return r === NO_VALUE ? Number.POSITIVE_INFINITY : r
    }
    for (let i = 1; i < asc.length; i += 997) {
      expect(rankAt(asc, i)).toBeGreaterThanOrEqual(rankAt(asc, i - 1))
      const a = rankAt(desc, i - 1)
      const b = rankAt(desc, i)
      expect(b === Number.POSITIVE_INFINITY || b <= a).toBe(true)
    }
    expect((index.observations[asc[0] as number] as Observation).id).toBeTruthy()

    const order = timed(`sort order: ${key} descending (once per dataset and direction)`, () => sortOrder(index, key, 'zh-CN', 'desc'))
    const district = filterObservations(index, { ...NO_FILTER, regionId: 'm-d5' })
    const ordered = timed(`a district's rows in that order`, () => inOrder(district, order))
    expect(ordered).toEqual(sortPositions(district, ranks, 'desc'))
    expect(timed('the whole table in that order', () => inOrder(all, order))).toEqual(desc)
  })
}, 120_000)
