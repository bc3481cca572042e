/**
 * The overview on a large table: a page of cards per category with the counts of the whole scope,
 * the same answers from the per-dataset look-ups as from a plain scan, and nothing kept across
 * datasets.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../src/io/importPipeline'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import { buildObservationRows } from '../../src/domain/observationRow'
import type { CategoryId, Dataset } from '../../src/domain/model'
import { observationsInScope, periodsOf, positionsInScope } from '../../src/domain/scope'
import { periodKey } from '../../src/domain/period'
import { statusLookup } from '../../src/domain/statusIndex'
import { buildOverview, OVERVIEW_MAX_PER_GROUP, OVERVIEW_PAGE } from '../../src/panels/overviewModel'
import { largeTableText } from '../../bench/largeTable'

const seed = loadEmbeddedDataset().dataset as Dataset
let city: Dataset

beforeAll(async () => {
  // 2 cities × 2 districts × 6 streets × 30 indicators × 6 months: 4,320 street rows and the
  // districts' own, enough for every category to fill more than a page.
  const text = largeTableText({ cities: 2, districtsPerCity: 2, streetsPerDistrict: 6, indicators: 30, months: 6, districtRows: true })
  const result = await runImport({ kind: 'text', text, name: 'large.csv' })
  if (!result.dataset) throw new Error('synthetic table did not import')
  city = result.dataset
})

/** What the overview showed before it was paged: every figure in scope, as rows. */
function everyRow(dataset: Dataset, regionId: string | null, key: string | null) {
  const index = buildDatasetIndex(dataset)
  return buildObservationRows(observationsInScope(dataset, index, { regionId, periodKey: key }), index)
}

describe('the overview of a large scope', () => {
  it('shows one page of cards per category and counts the whole scope', () => {
    const index = buildDatasetIndex(city)
    const model = buildOverview(city, index, { regionId: null, periodKey: null })
    const rows = everyRow(city, null, null)
    expect(model.total).toBe(rows.length)
    expect(model.assessed).toBe(rows.filter((r) => r.status !== null).length)
    expect(model.atOrAbove).toBe(rows.filter((r) => r.status === 'ahead' || r.status === 'on-time').length)
    expect(model.showSubject).toBe(true)
    for (const group of model.groups) {
      const all = rows.filter((r) => r.indicator.category === group.category)
      expect(group.total).toBe(all.length)
      expect(group.rows).toEqual(all.slice(0, OVERVIEW_PAGE))
    }
    expect(model.groups.reduce((sum, g) => sum + g.rows.length, 0)).toBeLessThanOrEqual(6 * OVERVIEW_PAGE)
  })

  it.each<[number, number]>([
    [OVERVIEW_PAGE * 2, OVERVIEW_PAGE * 2],
    [0, OVERVIEW_PAGE],
    [OVERVIEW_MAX_PER_GROUP * 5, OVERVIEW_MAX_PER_GROUP],
  ])('shows more on request: asked for %d, shows %d (never beyond the cap)', (asked, expected) => {
    const index = buildDatasetIndex(city)
    const category = buildOverview(city, index, { regionId: null, periodKey: null }).groups[0]?.category as CategoryId
    const model = buildOverview(city, index, { regionId: null, periodKey: null }, new Map([[category, asked]]))
    const group = model.groups.find((g) => g.category === category)
    expect(group?.rows).toHaveLength(Math.min(expected, group?.total ?? 0))
    expect(group?.rows).toEqual(everyRow(city, null, null).filter((r) => r.indicator.category === category).slice(0, expected))
    // The other categories keep one page.
    for (const other of model.groups) if (other.category !== category) expect(other.rows.length).toBeLessThanOrEqual(OVERVIEW_PAGE)
  })
})

describe.each<[string, () => Dataset]>([
  ['the embedded data', () => seed],
  ['a synthetic city table', () => city],
])('on %s, the look-ups give what a scan gives', (_, get) => {
  it('for every region and period, asked for a page or for everything', () => {
    const dataset = get()
    const index = buildDatasetIndex(dataset)
    const copy = { ...dataset, observations: [...dataset.observations] }
    const regions = [null, 'no-such-region', ...dataset.subjects.map((s) => s.id)]
    const periods = [null, ...periodsOf(dataset.observations).map(periodKey)]
    const everything = new Map<CategoryId, number>([['economy', 1e9], ['projects', 1e9], ['livelihood', 1e9], ['governance', 1e9], ['community', 1e9], ['finance', 1e9]])
    for (const regionId of regions) {
      for (const key of periods) {
        for (const shown of [undefined, everything]) {
          const scope = { regionId, periodKey: key }
          expect(buildOverview(dataset, index, scope, shown)).toEqual(buildOverview(copy, index, scope, shown))
        }
      }
    }
  })

  it('each position has the status its row has', () => {
    const dataset = get()
    const index = buildDatasetIndex(dataset)
    const status = statusLookup(index)
    const rows = buildObservationRows(dataset.observations, index)
    expect(dataset.observations.map((_, p) => status(p))).toEqual(rows.map((r) => r.status))
    // Asked again (from the kept codes): the same.
    expect(dataset.observations.map((_, p) => status(p))).toEqual(rows.map((r) => r.status))
  })

  it('positions in scope are the scoped observations, in dataset order', () => {
    const dataset = get()
    const index = buildDatasetIndex(dataset)
    for (const regionId of [null, ...dataset.subjects.map((s) => s.id)]) {
      const positions = positionsInScope(index, { regionId, periodKey: null })
      expect(positions.map((p) => dataset.observations[p])).toEqual(observationsInScope(dataset, index, { regionId, periodKey: null }))
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    }
  })
})

describe('nothing is kept across datasets', () => {
  it('a new dataset (a new index) is counted anew, and the old one still answers for itself', () => {
    const before = city
    const beforeIndex = buildDatasetIndex(before)
    const first = buildOverview(before, beforeIndex, { regionId: null, periodKey: null })
    // Datasets are replaced whole: here every target doubled, so fewer figures reach 序时进度.
    const after: Dataset = { ...before, observations: before.observations.map((o) => ({ ...o, target: o.target === null ? null : o.target * 2 })) }
    const afterIndex = buildDatasetIndex(after)
    const second = buildOverview(after, afterIndex, { regionId: null, periodKey: null })
    const rows = buildObservationRows(after.observations, afterIndex)
    expect(second.atOrAbove).toBe(rows.filter((r) => r.status !== null && r.status !== 'behind').length)
    expect(second.atOrAbove).toBeLessThan(first.atOrAbove)
    expect(buildOverview(before, beforeIndex, { regionId: null, periodKey: null })).toEqual(first)
  })
})
