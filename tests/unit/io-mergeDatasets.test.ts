import { describe, expect, it } from 'vitest'
import type { Dataset } from '../../src/domain/model'
import { periodKey } from '../../src/domain/period'
import { datasetToJson, revalidateDataset } from '../../src/io/datasetFile'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { runImport } from '../../src/io/importPipeline'
import { mergeDatasets, type MergeMode } from '../../src/io/mergeDatasets'
import { validateDatasetText } from '../../src/io/validateDataset'

async function importCsv(text: string): Promise<Dataset> {
  const result = await runImport({ kind: 'bytes', bytes: new TextEncoder().encode(text), name: 'new.csv' })
  if (!result.dataset) throw new Error(JSON.stringify(result.issues))
  return result.dataset
}

function embedded(): Dataset {
  const d = loadEmbeddedDataset().dataset
  if (!d) throw new Error('embedded dataset invalid')
  return d
}

const HEADER = '地区,上级,指标,单位,期间,完成,目标\n'

describe('merging an import into an existing dataset', () => {
  it('matches regions and indicators by name, not id (大市口街道 is the embedded "dashikou")', async () => {
    const base = embedded()
    const incoming = await importCsv(`${HEADER}大市口街道,京口区,新指标,件,2024,7,\n`)
    const { dataset, added } = mergeDatasets(base, incoming, 'append')
    expect(added).toBe(1)
    const obs = dataset.observations.at(-1)
    expect(obs?.subjectId).toBe('dashikou')
    // No second 大市口街道 or 京口区 appears.
    expect(dataset.subjects.filter((s) => s.name.zh === '大市口街道')).toHaveLength(1)
    expect(dataset.subjects.filter((s) => s.name.zh === '京口区')).toHaveLength(1)
    expect(revalidateDataset(dataset, 'merged').issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  const first = `${HEADER}A街道,X区,投资,亿元,2023,1,2\nB街道,X区,投资,亿元,2023,3,4\n`
  const second = `${HEADER}B街道,X区,投资,亿元,2023,5,6\nC街道,X区,投资,亿元,2023,7,8\n`

  it.each<[MergeMode, number, number, number, Record<string, number>]>([
    // mode, added, replaced, skipped, actual by region (亿元)
    ['append', 1, 0, 1, { A街道: 1, B街道: 3, C街道: 7 }],
    ['replace', 1, 1, 0, { A街道: 1, B街道: 5, C街道: 7 }],
  ])('%s', async (mode, added, replaced, skipped, actuals) => {
    const base = await importCsv(first)
    const incoming = await importCsv(second)
    const result = mergeDatasets(base, incoming, mode)
    expect({ added: result.added, replaced: result.replaced, skipped: result.skipped }).toEqual({ added, replaced, skipped })
    const nameOf = new Map(result.dataset.subjects.map((s) => [s.id, s.name.zh]))
    const got = Object.fromEntries(result.dataset.observations.map((o) => [nameOf.get(o.subjectId), (o.actual ?? 0) / 1e8]))
    expect(got).toEqual(actuals)
    expect(result.dataset.subjects.filter((s) => s.name.zh === 'X区')).toHaveLength(1)
    expect(revalidateDataset(result.dataset, 'merged').issues).toEqual([])
    // The inputs are untouched.
    expect(base.observations).toHaveLength(2)
  })

  it('keeps an indicator of the same name but another unit apart', async () => {
    const base = await importCsv(`${HEADER}A街道,X区,投资,亿元,2023,1,\n`)
    const incoming = await importCsv(`${HEADER}A街道,X区,投资,件,2024,3,\n`)
    const { dataset } = mergeDatasets(base, incoming, 'append')
    expect(dataset.indicators.map((i) => i.unit)).toEqual(['CNY', '件'])
    expect(new Set(dataset.indicators.map((i) => i.id)).size).toBe(2)
    expect(revalidateDataset(dataset, 'merged').issues).toEqual([])
  })

  it('round-trips through the dataset file format', async () => {
    const d = await importCsv(`${HEADER}A街道,X区,投资,亿元,2023年1-10月,1.5,2\n`)
    const back = validateDatasetText(datasetToJson(d), 'export.json')
    expect(back.issues).toEqual([])
    expect(back.dataset).toEqual(d)
    expect(back.dataset && periodKey(back.dataset.observations[0]!.period)).toBe('2023-01..2023-10')
  })
})
