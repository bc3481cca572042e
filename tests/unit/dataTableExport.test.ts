/**
 * The data table's download: the rows shown (after filters and sort), as CSV or XLSX in the
 * interchange format, read back through the importer to the same figures, in the order shown.
 */
import { describe, expect, it } from 'vitest'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { validateDatasetValue } from '../../src/io/validateDataset'
import { runImport } from '../../src/io/importPipeline'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import { filterObservations, NO_FILTER, type ObservationFilter } from '../../src/domain/observationFilter'
import { sortPositions, sortRanks, type SortKey } from '../../src/domain/observationSort'
import { periodKey } from '../../src/domain/period'
import type { Dataset, LocaleCode, LocalizedText, Observation } from '../../src/domain/model'
import { toCsv } from '../../src/export/csv'
import { xlsxBlob } from '../../src/export/xlsx'
import { dataTableCsvParts, dataTableExport } from '../../src/export/dataTableExport'
import { syntheticDistrict } from '../fixtures/syntheticDistrict'

const seed = loadEmbeddedDataset().dataset as Dataset
const district = validateDatasetValue(syntheticDistrict({ streets: 60 }), 'synthetic.json').dataset as Dataset
const nameIn = (locale: LocaleCode) => (text: LocalizedText) => (locale === 'zh-CN' ? text.zh : text.en)
const squeeze = (text: string): string => text.replace(/\s+/g, '')

/** The rows the table shows: positions after the filter, in the sorted order. */
function shown(dataset: Dataset, filter: Partial<ObservationFilter>, sort: SortKey | null, locale: LocaleCode = 'zh-CN') {
  const index = buildDatasetIndex(dataset)
  const filtered = filterObservations(index, { ...NO_FILTER, ...filter })
  const positions = sort === null ? filtered : sortPositions(filtered, sortRanks(index, sort, locale), 'desc')
  return { index, positions, observations: Array.from(positions, (p) => dataset.observations[p] as Observation) }
}

/** Each row's figures, keyed by region, indicator and period (names without spaces, as the import reads them). */
function figuresInOrder(dataset: Dataset, observations: readonly Observation[], nameOf: (t: LocalizedText) => string) {
  const index = buildDatasetIndex(dataset)
  return observations.map((o) => {
    const subject = index.subjects.get(o.subjectId)
    const indicator = index.indicators.get(o.indicatorId)
    if (!subject || !indicator) throw new Error('unresolved')
    return {
      key: [squeeze(nameOf(subject.name)), squeeze(nameOf(indicator.name)), periodKey(o.period)].join(' | '),
      unit: indicator.unit,
      actual: o.actual,
      actualUpper: o.actualUpper,
      qualifier: o.qualifier,
      target: o.target,
      yoy: o.yoy,
      rank: o.rank,
    }
  })
}

async function reimport(bytes: Uint8Array, name: string): Promise<Dataset> {
  const result = await runImport({ kind: 'bytes', bytes, name })
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
  return result.dataset as Dataset
}

describe('downloading the data table as shown', () => {
  it.each<[string, Dataset, Partial<ObservationFilter>, SortKey | null, LocaleCode]>([
    ['the seed, all rows, dataset order (zh)', seed, {}, null, 'zh-CN'],
    ['the seed, searched and sorted by actual (en)', seed, { search: '项目' }, 'actual', 'en'],
    ['a district, 1-10月 only, sorted by completion', district, { periodKey: '2023-01..2023-10' }, 'completion', 'zh-CN'],
    ['a district, one category, sorted by region name', district, { category: 'economy' }, 'region', 'zh-CN'],
  ])('CSV of %s imports back to the same figures in the same order', async (_, dataset, filter, sort, locale) => {
    const { index, positions, observations } = shown(dataset, filter, sort, locale)
    expect(positions.length).toBeGreaterThan(0)
    const table = dataTableExport(positions, index, { locale, nameOf: nameIn(locale) })
    expect(table.rows).toHaveLength(positions.length)
    const back = await reimport(new TextEncoder().encode(toCsv(table)), 'data.csv')
    // The import keeps the file's row order, and reads names in the language written.
    expect(figuresInOrder(back, back.observations, (t) => t.zh)).toEqual(figuresInOrder(dataset, observations, nameIn(locale)))
  })

  it('XLSX of a filtered, sorted district imports back to the same figures in the same order', async () => {
    const { index, positions, observations } = shown(district, { search: '项目投资' }, 'actual')
    const table = dataTableExport(positions, index, { locale: 'zh-CN', nameOf: nameIn('zh-CN') })
    const bytes = new Uint8Array(await (await xlsxBlob(table, '数据明细')).arrayBuffer())
    const back = await reimport(bytes, 'data.xlsx')
    expect(figuresInOrder(back, back.observations, (t) => t.zh)).toEqual(figuresInOrder(district, observations, nameIn('zh-CN')))
  })

  it('writes a large CSV a slice at a time, to exactly the text written at once, units chosen from all rows', async () => {
    // Ten streets with sums of a few 万元: sorted by actual (largest first), the last slice holds
    // only those, and chosen from that slice alone its unit would be 万元, not the table's 亿元.
    const mixed = structuredClone(district)
    mixed.observations
      .filter((o) => o.indicatorId === 'syn-investment')
      .slice(0, 10)
      .forEach((o, i) => {
        o.actual = 50_000 + i
        o.target = 80_000
        o.evidence = []
      })
    const { index, positions } = shown(mixed, { search: '项目投资' }, 'actual')
    const options = { locale: 'zh-CN' as const, nameOf: nameIn('zh-CN') }
    const progress: number[] = []
    let pauses = 0
    const parts = await dataTableCsvParts(positions, index, options, {
      sliceRows: 7,
      onProgress: (written, total) => {
        expect(total).toBe(positions.length)
        progress.push(written)
      },
      pause: async () => {
        pauses++
      },
    })
    expect(parts.join('')).toBe(toCsv(dataTableExport(positions, index, options)))
    expect(parts.at(-1)).toMatch(/,亿元,.*0\.0005/)
    expect(progress.at(-1)).toBe(positions.length)
    expect(pauses).toBe(Math.ceil(positions.length / 7) - 1)
    const empty = shown(seed, { search: 'no such thing' }, null)
    expect((await dataTableCsvParts(empty.positions, empty.index, options)).join('')).toBe(toCsv(dataTableExport(empty.positions, empty.index, options)))
  })

  it('exports nothing but the header when nothing is shown', () => {
    const { index, positions } = shown(seed, { search: 'no such thing' }, null)
    const table = dataTableExport(positions, index, { locale: 'zh-CN', nameOf: nameIn('zh-CN') })
    expect(table.rows).toEqual([])
    expect(table.headers[0]).toBe('地区')
  })
})
