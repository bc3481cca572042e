/**
 * The look-ups built once per dataset (npm run bench found filter changes scanning every row) must
 * give exactly what the plain scans give: each fast path is compared with the same function given a
 * copy of the observation list, which the index does not recognise and so scans as before.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../src/io/importPipeline'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex, shareRepeatedValues, type DatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset, Period } from '../../src/domain/model'
import { observationsInScope, periodsOf } from '../../src/domain/scope'
import { periodKey, yearOf } from '../../src/domain/period'
import { buildTargetComparison, indicatorsWithTargets } from '../../src/domain/targetComparison'
import { buildObservationRows } from '../../src/domain/observationRow'
import { cumulativeSeries, yearEndOutlook } from '../../src/domain/projection'
import { findQuantities } from '../../src/domain/chineseNumber'
import { kpiOutlook } from '../../src/panels/kpiProjection'
import { largeTableText } from '../../bench/largeTable'

const seed = loadEmbeddedDataset().dataset as Dataset
let synthetic: Dataset

beforeAll(async () => {
  // Cities, districts and streets, 6 indicators, 4 months: every kind of region and period.
  const text = largeTableText({ cities: 2, districtsPerCity: 2, streetsPerDistrict: 3, indicators: 6, months: 4, districtRows: true })
  const result = await runImport({ kind: 'text', text, name: 'large.csv' })
  if (!result.dataset) throw new Error('synthetic table did not import')
  synthetic = result.dataset
})

function cases(): Array<[string, () => Dataset]> {
  return [
    ['the embedded data', () => seed],
    ['a synthetic city table', () => synthetic],
  ]
}

describe.each(cases())('indexes on %s', (_, get) => {
  let dataset: Dataset
  let index: DatasetIndex
  let copy: Dataset
  beforeAll(() => {
    dataset = get()
    index = buildDatasetIndex(dataset)
    copy = { ...dataset, observations: [...dataset.observations] }
  })

  it('scopes by region and period exactly as a scan does, in dataset order', () => {
    const regions = [null, 'no-such-region', ...dataset.subjects.map((s) => s.id)]
    const periods = [null, '1999', ...periodsOf(dataset.observations).map(periodKey)]
    for (const regionId of regions) {
      for (const key of periods) {
        const fast = observationsInScope(dataset, index, { regionId, periodKey: key })
        expect(fast).toEqual(observationsInScope(copy, index, { regionId, periodKey: key }))
        expect(fast).not.toBe(dataset.observations)
      }
    }
    expect(index.periodKeys).toEqual(dataset.observations.map((o) => periodKey(o.period)))
  })

  it('knows each distinct period once, with the period object of its first row, in order of first appearance', () => {
    const scanned = new Map<string, Period>()
    for (const o of dataset.observations) if (!scanned.has(periodKey(o.period))) scanned.set(periodKey(o.period), o.period)
    expect([...index.periods.keys()]).toEqual([...scanned.keys()])
    for (const [key, period] of scanned) expect(index.periods.get(key)).toBe(period)
    expect(index.periods.size).toBeGreaterThan(1)
  })

  it('lists the indicators with targets and compares targets exactly as a scan does', () => {
    const options = indicatorsWithTargets(dataset.observations, index)
    expect(options).toEqual(indicatorsWithTargets(copy.observations, index))
    // Twice: the second answer comes from the per-index cache and is a list of its own.
    expect(indicatorsWithTargets(dataset.observations, index)).toEqual(options)
    expect(indicatorsWithTargets(dataset.observations, index)).not.toBe(indicatorsWithTargets(dataset.observations, index))
    const regions = [null, ...dataset.subjects.map((s) => s.id)]
    const periods = [null, ...periodsOf(dataset.observations).map(periodKey)]
    for (const indicator of [...options, dataset.indicators[0]]) {
      if (!indicator) continue
      for (const regionId of regions) {
        for (const key of periods) {
          const request = { indicatorId: indicator.id, regionId, periodKey: key }
          expect(buildTargetComparison(dataset.observations, index, request)).toEqual(buildTargetComparison(copy.observations, index, request))
        }
      }
    }
  })

  it('projects a KPI card from its own series exactly as from the whole list', () => {
    for (const row of buildObservationRows(dataset.observations, index)) {
      const o = row.observation
      const got = kpiOutlook(dataset.observations, row)
      if (got === null) continue
      const targetPeriod = o.targetPeriod ?? yearOf(o.period)
      const points = cumulativeSeries(dataset.observations, { subjectId: o.subjectId, indicatorId: o.indicatorId, targetPeriod, upTo: o.period.end })
      expect(got).toEqual(yearEndOutlook({ points, target: o.target, targetPeriod, direction: row.indicator.direction }))
    }
  })
})

describe('sharing repeated values', () => {
  it('changes no value, and gives every row of one period the same period object and id strings', () => {
    // As the import worker's result arrives: a structured clone, every row with copies of its own.
    const clone = structuredClone(synthetic)
    const before = structuredClone(clone)
    expect(shareRepeatedValues(clone)).toBe(clone)
    expect(clone).toEqual(before)
    const byKey = new Map<string, Dataset['observations'][number]['period']>()
    for (const o of clone.observations) {
      const key = periodKey(o.period)
      const first = byKey.get(key)
      if (first) expect(o.period).toBe(first)
      else byKey.set(key, o.period)
    }
    expect(byKey.size).toBe(4)
    // Idempotent, and harmless on the embedded data.
    const seedCopy = structuredClone(seed)
    expect(shareRepeatedValues(shareRepeatedValues(seedCopy))).toEqual(seed)
  })
})

describe('reading a quote twice', () => {
  it('gives equal, independent answers', () => {
    const quote = '完成项目投资4.32亿元，超序时进度3.6个百分点，位列京口区第一'
    const first = findQuantities(quote)
    first[0]!.value = -1
    first.pop()
    const second = findQuantities(quote)
    expect(second).toHaveLength(3)
    expect(second[0]).toMatchObject({ value: 432000000, unit: 'CNY', text: '4.32亿元' })
    expect(findQuantities(quote)).toEqual(second)
  })
})
