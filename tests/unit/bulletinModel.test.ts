/**
 * The bulletin model gives the writers in src/bulletin only the rows they can use (on a large table
 * they read whole lists per street and indicator). The paragraphs must be exactly those written from
 * the whole dataset, which the plain-scan path (a copy of the observation list) still gives.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../src/io/importPipeline'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset } from '../../src/domain/model'
import { periodsOf } from '../../src/domain/scope'
import { periodKey } from '../../src/domain/period'
import { buildBulletinModel, bulletinSubject } from '../../src/panels/bulletinModel'
import { largeTableText } from '../../bench/largeTable'

const seed = loadEmbeddedDataset().dataset as Dataset
let city: Dataset

beforeAll(async () => {
  const text = largeTableText({ cities: 1, districtsPerCity: 2, streetsPerDistrict: 3, indicators: 6, months: 3, districtRows: true })
  const result = await runImport({ kind: 'text', text, name: 'large.csv' })
  if (!result.dataset) throw new Error('synthetic table did not import')
  city = result.dataset
})

describe.each<[string, () => Dataset]>([
  ['the embedded data', () => seed],
  ['a synthetic city table (cities, districts, streets)', () => city],
])('bulletins on %s', (_, get) => {
  it('are the same from the narrowed rows as from the whole list, for every region and period', () => {
    const dataset = get()
    const index = buildDatasetIndex(dataset)
    const copy = { ...dataset, observations: [...dataset.observations] }
    const periods = [null, ...periodsOf(dataset.observations).map(periodKey)]
    for (const regionId of [null, ...dataset.subjects.map((s) => s.id)]) {
      for (const key of periods) {
        for (const locale of ['zh-CN', 'en'] as const) {
          const choice = { regionId, periodKey: key, excluded: new Set<string>(), projections: true, summaries: true }
          expect(buildBulletinModel(dataset, index, locale, choice)).toEqual(buildBulletinModel(copy, index, locale, choice))
        }
      }
    }
    // Every region × period × language, each written twice: more than the default 5 s.
  }, 60_000)
})

describe('the default region', () => {
  it('is the one with most figures, counted once per dataset and again for another', () => {
    const first = bulletinSubject(city, null)
    expect(bulletinSubject(city, null)).toBe(first)
    expect(bulletinSubject(city, 'chosen')).toBe('chosen')
    // Another dataset (a new observation list) is counted anew: here the busiest subject loses its rows.
    const other = { ...city, observations: city.observations.filter((o) => o.subjectId !== first) }
    expect(bulletinSubject(other, null)).not.toBe(first)
  })
})
