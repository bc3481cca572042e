import { describe, expect, it } from 'vitest'
import type { Dataset } from '../../src/domain/model'
import { runImport } from '../../src/io/importPipeline'
import { exactArrayBuffer, readXlsxRows } from '../../src/io/xlsxReader'
import { makeXlsx } from '../fixtures/import/makeXlsx'

const HEADER = 'region,parent,indicator,unit,period,target,actual'

async function importCsv(text: string): Promise<Dataset> {
  const result = await runImport({ kind: 'text', text, name: 'names.csv' })
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
  expect(result.status).toBe('ok')
  return result.dataset as Dataset
}

describe('names keep their inner spaces', () => {
  it('an English table re-imports with the words of its names apart', async () => {
    const dataset = await importCsv(
      [HEADER, 'Dashikou Subdistrict,Jingkou District,Project investment,亿元,2023-01..2023-10,4.97,4.32'].join('\n'),
    )
    expect(dataset.subjects.map((s) => s.name.en).sort()).toEqual(['Dashikou Subdistrict', 'Jingkou District'])
    expect(dataset.indicators.map((i) => i.name.zh)).toEqual(['Project investment'])
  })

  it('trims, and collapses runs of whitespace (tabs, line breaks, full-width spaces) into one space', async () => {
    const dataset = await importCsv(
      [HEADER, '"  Dashikou \u3000  Subdistrict\n", Jingkou\tDistrict ,"Project   investment",亿元,2023,5,4'].join('\n'),
    )
    expect(dataset.subjects.map((s) => s.name.zh).sort()).toEqual(['Dashikou Subdistrict', 'Jingkou District'])
    expect(dataset.indicators[0]?.name.zh).toBe('Project investment')
  })

  it('the same name written with different runs of spaces is one region', async () => {
    const dataset = await importCsv(
      [
        HEADER,
        'Dashikou  Subdistrict,Jingkou District,Investment,亿元,2023,5,4',
        'Dashikou Subdistrict,Jingkou District,Sales,亿元,2023,5,4',
      ].join('\n'),
    )
    expect(dataset.subjects.filter((s) => s.name.zh === 'Dashikou Subdistrict')).toHaveLength(1)
    expect(dataset.observations).toHaveLength(2)
  })
})

describe('XLSX bytes that are a view into a larger buffer', () => {
  const rows = [
    ['地区', '指标', '单位', '期间', '完成'],
    ['大市口街道', '项目投资', '亿元', '2023', 4.32],
  ]

  function embedded(bytes: Uint8Array): Uint8Array {
    // Garbage before and after the workbook, as in a pooled Node Buffer or a subarray of a bigger read.
    const big = new Uint8Array(bytes.byteLength + 300).fill(0x41)
    big.set(bytes, 100)
    return big.subarray(100, 100 + bytes.byteLength)
  }

  it('copies exactly the viewed bytes', () => {
    const view = embedded(new Uint8Array([1, 2, 3, 4]))
    expect(view.byteOffset).toBe(100)
    const buffer = exactArrayBuffer(view)
    expect(buffer.byteLength).toBe(4)
    expect([...new Uint8Array(buffer)]).toEqual([1, 2, 3, 4])
    // A whole buffer is handed over as it is, without a copy.
    const whole = new Uint8Array([5, 6])
    expect(exactArrayBuffer(whole)).toBe(whole.buffer)
  })

  it('copies a Node Buffer, whose slice() would be a view too', () => {
    const pool = Buffer.alloc(64, 0x41)
    const view = pool.subarray(8, 12)
    view.set([1, 2, 3, 4])
    const buffer = exactArrayBuffer(view)
    expect(buffer.byteLength).toBe(4)
    expect([...new Uint8Array(buffer)]).toEqual([1, 2, 3, 4])
  })

  it('reads a workbook from a subarray and from a Node Buffer view', async () => {
    const xlsx = makeXlsx(rows)
    const expected = [rows[0], ['大市口街道', '项目投资', '亿元', '2023', '4.32']]
    expect(await readXlsxRows(embedded(xlsx))).toEqual(expected)
    const pooled = Buffer.alloc(xlsx.byteLength + 50, 0x42)
    pooled.set(xlsx, 25)
    expect(await readXlsxRows(pooled.subarray(25, 25 + xlsx.byteLength))).toEqual(expected)
  })

  it('imports a workbook given as a view through the pipeline', async () => {
    const result = await runImport({ kind: 'bytes', bytes: embedded(makeXlsx(rows)), name: 'view.xlsx' })
    expect(result.status).toBe('ok')
    expect(result.dataset?.observations[0]?.actual).toBe(432_000_000)
  })
})

describe('messages a reader can act on', () => {
  it('a qualifier on a target is reported with the number in the table’s unit, not in base units', async () => {
    const result = await runImport({
      kind: 'text',
      text: ['地区,指标,计量单位,期间,年度目标,完成值', '象山街道,项目投资,亿元,2023年1-10月,约6,5.2'].join('\n'),
      name: 'q.csv',
    })
    const { formatIssueLine } = await import('../../src/io/validationMessages')
    const lines = result.issues.filter((i) => i.code === 'qualifierIgnored').map((i) => formatIssueLine(i, 'zh-CN'))
    expect(lines).toEqual(['警告 q.csv › 第 2 行“年度目标”列: “约6”中的限定词（约、余、近等）只对完成值有意义，目标按数值 6亿元 导入'])
    const fromHeader = await runImport({
      kind: 'text',
      text: ['地区,指标,期间,目标（万元）,完成（万元）', '象山街道,项目投资,2023,约4.97,4'].join('\n'),
      name: 'h.csv',
    })
    const issue = fromHeader.issues.find((i) => i.code === 'qualifierIgnored')
    expect(issue?.params.number).toBe('4.97万元')
  })

  it('one figure without a quote is said in the singular in English', async () => {
    const { describeIssue } = await import('../../src/io/validationMessages')
    const issue = (count: number) => ({ severity: 'warning' as const, code: 'figuresWithoutQuote' as const, location: { file: 'f' }, params: { count } })
    expect(describeIssue(issue(1), 'en')).toBe('1 figure names a source but carries no quote')
    expect(describeIssue(issue(3), 'en')).toBe('3 figures name a source but carry no quote')
  })
})
