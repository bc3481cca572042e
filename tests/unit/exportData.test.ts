import { describe, expect, it } from 'vitest'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import { buildObservationRows, type ObservationRow } from '../../src/domain/observationRow'
import type { Dataset, LocaleCode, LocalizedText, Observation } from '../../src/domain/model'
import { periodKey } from '../../src/domain/period'
import { BOM, csvCell, neutralizeFormula, toCsv } from '../../src/export/csv'
import { buildInterchangeTable, numberText, qualifiedFigure, unitColumn, type InterchangeTable } from '../../src/export/interchangeTable'
import { sheetName, xlsxBlob, XLSX_MIME } from '../../src/export/xlsx'
import { decodeBytes } from '../../src/io/decodeBytes'
import { parseDelimited } from '../../src/io/delimitedText'
import { readXlsxRows } from '../../src/io/xlsxReader'
import { runImport } from '../../src/io/importPipeline'
import { syntheticDistrict } from '../fixtures/syntheticDistrict'
import { validateDatasetValue } from '../../src/io/validateDataset'

function datasetRows(dataset: Dataset): ObservationRow[] {
  return buildObservationRows(dataset.observations, buildDatasetIndex(dataset))
}
const seed = loadEmbeddedDataset().dataset as Dataset
const nameIn = (locale: LocaleCode) => (text: LocalizedText) => (locale === 'zh-CN' ? text.zh : text.en)

/**
 * Figures by (region, parent, indicator, period): what an import must give back unchanged. Names are
 * compared without whitespace, because the import collapses it ("大市口 街道" is 大市口街道), which also
 * joins the words of English names.
 */
function figures(dataset: Dataset, nameIn: (t: LocalizedText) => string): Map<string, unknown> {
  const nameOf = (t: LocalizedText) => nameIn(t).replace(/\s+/g, '')
  const index = buildDatasetIndex(dataset)
  const out = new Map<string, unknown>()
  for (const o of dataset.observations) {
    const subject = index.subjects.get(o.subjectId)
    const indicator = index.indicators.get(o.indicatorId)
    if (!subject || !indicator) throw new Error('unresolved')
    const parent = subject.parentId === null ? '' : nameOf(index.subjects.get(subject.parentId)?.name ?? { zh: '', en: '' })
    const key = [nameOf(subject.name), parent, nameOf(indicator.name), periodKey(o.period)].join(' | ')
    out.set(key, pick(o, indicator.unit))
  }
  return out
}
function pick(o: Observation, unit: string) {
  return {
    unit,
    actual: o.actual,
    actualUpper: o.actualUpper,
    qualifier: o.qualifier,
    target: o.target,
    targetPeriod: o.targetPeriod === null ? null : periodKey(o.targetPeriod),
    yoy: o.yoy,
    rank: o.rank,
  }
}

async function reimport(bytes: Uint8Array, name: string): Promise<Dataset> {
  const result = await runImport({ kind: 'bytes', bytes, name })
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
  expect(result.status).toBe('ok')
  return result.dataset as Dataset
}

describe('CSV cells', () => {
  it('prefixes text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutralizeFormula(text)).toBe(`'${text}`)
    expect(neutralizeFormula('大市口街道')).toBe('大市口街道')
    expect(csvCell(-3.2)).toBe('-3.2')
    expect(csvCell(432000000)).toBe('432000000')
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell(null)).toBe('')
  })

  it('writes numbers in plain decimal notation', () => {
    expect(numberText(1e-7)).toBe('0.0000001')
    expect(numberText(1e21)).toBe('1000000000000000000000')
    expect(numberText(-0)).toBe('0')
    expect(numberText(4.32)).toBe('4.32')
  })

  it('starts with the UTF-8 BOM, ends lines with CRLF, and reads back to the same cells', () => {
    const table: InterchangeTable = {
      headers: ['地区', '完成', '原文'],
      rows: [
        ['大市口街道', 4.32, '完成项目投资4.32亿元，"同比"增长'],
        ['=cmd|calc', -3.2, null],
      ],
    }
    const text = toCsv(table)
    expect(text.startsWith(BOM)).toBe(true)
    const bytes = new TextEncoder().encode(text)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text.split('\r\n')).toHaveLength(4)
    const decoded = decodeBytes(bytes)
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: true })
    expect(parseDelimited(decoded.text, ',').rows).toEqual([
      ['地区', '完成', '原文'],
      ['大市口街道', '4.32', '完成项目投资4.32亿元，"同比"增长'],
      ["'=cmd|calc", '-3.2', ''],
    ])
  })
})

describe('the interchange table', () => {
  it('writes units the import reads back as the same base unit and scale', () => {
    expect(unitColumn('CNY', [432000000, 497000000], 'zh-CN')).toEqual({ text: '亿元', factor: 1e8 })
    expect(unitColumn('CNY', [50000], 'zh-CN')).toEqual({ text: '万元', factor: 1e4 })
    expect(unitColumn('m2', [78500], 'zh-CN')).toEqual({ text: '万平方米', factor: 1e4 })
    expect(unitColumn('CNY', [432000000], 'en')).toEqual({ text: 'CNY', factor: 1 })
    expect(unitColumn('rank', [1], 'en')).toEqual({ text: '位', factor: 1 })
    expect(unitColumn('件', [300], 'en')).toEqual({ text: '件', factor: 1 })
  })

  it('keeps qualifiers with their figure', () => {
    expect(qualifiedFigure(300, null, 'more-than')).toBe('300余')
    expect(qualifiedFigure(75, 80, 'range')).toBe('75至80')
    expect(qualifiedFigure(4.32, null, null)).toBe(4.32)
  })

  it('has the interchange columns, in Chinese or English', () => {
    const zh = buildInterchangeTable(datasetRows(seed), { locale: 'zh-CN', nameOf: nameIn('zh-CN') })
    expect(zh.headers).toEqual(['地区', '上级', '层级', '指标', '类别', '单位', '期间', '目标', '目标期间', '完成', '同比', '排名', '方向', '来源', '原文'])
    const en = buildInterchangeTable(datasetRows(seed), { locale: 'en', nameOf: nameIn('en') })
    expect(en.headers[0]).toBe('region')
    const investment = zh.rows.find((r) => r[0] === '大市口街道' && r[3] === '项目投资')
    expect(investment).toBeDefined()
    expect(investment?.slice(5, 10)).toEqual(['亿元', '2023年1-10月', 4.97, null, 4.32])
  })

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`CSV (${locale}) of the seed dataset imports back to the same figures`, async () => {
      const table = buildInterchangeTable(datasetRows(seed), { locale, nameOf: nameIn(locale) })
      const back = await reimport(new TextEncoder().encode(toCsv(table)), 'export.csv')
      const names = (t: LocalizedText) => t.zh
      expect(figures(back, names)).toEqual(figures(seed, nameIn(locale)))
    })

    it(`XLSX (${locale}) of the seed dataset imports back to the same figures`, async () => {
      const table = buildInterchangeTable(datasetRows(seed), { locale, nameOf: nameIn(locale) })
      const blob = await xlsxBlob(table, '数据')
      expect(blob.type).toBe(XLSX_MIME)
      const bytes = new Uint8Array(await blob.arrayBuffer())
      const back = await reimport(bytes, 'export.xlsx')
      expect(figures(back, (t) => t.zh)).toEqual(figures(seed, nameIn(locale)))
    })
  }

  it('a 60-street district round-trips through CSV and XLSX', async () => {
    const district = validateDatasetValue(syntheticDistrict({ streets: 60 }), 'synthetic.json').dataset as Dataset
    const table = buildInterchangeTable(datasetRows(district), { locale: 'zh-CN', nameOf: nameIn('zh-CN') })
    const fromCsv = await reimport(new TextEncoder().encode(toCsv(table)), 'district.csv')
    expect(figures(fromCsv, (t) => t.zh)).toEqual(figures(district, nameIn('zh-CN')))
    const fromXlsx = await reimport(new Uint8Array(await (await xlsxBlob(table, 'x')).arrayBuffer()), 'district.xlsx')
    expect(figures(fromXlsx, (t) => t.zh)).toEqual(figures(district, nameIn('zh-CN')))
  })
})

describe('XLSX', () => {
  it('is a workbook whose cells read back as written: numbers as numbers, text as text', async () => {
    const table: InterchangeTable = {
      headers: ['地区', '完成', '原文'],
      rows: [
        ['大市口街道', 4.32, '=1+1'],
        ['__proto__', -3.2, null],
        ['constructor', 1, 'toString'],
      ],
    }
    const bytes = new Uint8Array(await (await xlsxBlob(table, 'a/b:c*?[d]')).arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(await readXlsxRows(bytes)).toEqual([
      ['地区', '完成', '原文'],
      ['大市口街道', '4.32', '=1+1'],
      ['__proto__', '-3.2', ''],
      ['constructor', '1', 'toString'],
    ])
  })

  it('names sheets within Excel’s rules', () => {
    expect(sheetName('a/b:c*?[d]')).toBe('a b c d')
    expect(Array.from(sheetName('指'.repeat(40)))).toHaveLength(31)
    expect(sheetName('')).toBe('Sheet1')
  })
})
