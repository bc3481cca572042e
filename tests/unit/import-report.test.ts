import { describe, expect, it } from 'vitest'
import { runImport } from '../../src/io/importPipeline'
import {
  assignField,
  cleanDatasetName,
  datasetNameFromFile,
  initialMapping,
  reportCounts,
  reportRows,
} from '../../src/io/importReport'
import { suggestMapping, type ColumnMapping } from '../../src/io/interchangeColumns'
import type { ValidationIssue } from '../../src/io/validationIssue'

const BROKEN = [
  '地区,上级,指标,计量单位,时期,年度目标,完成值',
  ',京口区,项目投资,亿元,2023年1-10月,5,4',
  '正东路街道,京口区,项目投资,亿元,2023年13月,5,4',
  '四牌楼街道,京口区,项目投资,亿元,2023年1-10月,5,4',
  '象山街道,京口区,项目投资,亿元,2023年1-10月,5,约x',
  '谏壁街道,京口区,项目投资,亿元,2023年1-10月,约6,4',
].join('\n')

describe('the validation report', () => {
  it('lists file-level issues first, then errors by row, then warnings, with column and cell as written', async () => {
    const result = await runImport({ kind: 'text', text: BROKEN, name: 'broken.csv' })
    const zh = reportRows(result.issues, 'zh-CN')
    expect(zh.map((r) => [r.severity, r.row, r.column, r.value])).toEqual([
      ['error', 2, '地区', ''],
      ['error', 3, '时期', '2023年13月'],
      ['error', 5, '完成值', '约x'],
      ['warning', 6, '年度目标', '约6'],
    ])
    expect(zh[1]?.message).toMatch(/^无法识别的期间“2023年13月”/)
    // The message alone: where it is, is in the row and column cells.
    expect(zh[1]?.message).not.toMatch(/broken\.csv|第 3 行/)
    const en = reportRows(result.issues, 'en')
    expect(en[2]?.message).toBe('"约x" is not a valid number')
  })

  it('puts issues about the whole file before row issues of the same severity', () => {
    const issue = (severity: 'error' | 'warning', row?: number): ValidationIssue => ({
      severity,
      code: row === undefined ? 'noValidRows' : 'requiredCell',
      location: row === undefined ? { file: 'f' } : { file: 'f', row, column: '地区', cell: '' },
      params: { field: 'region' },
    })
    const rows = reportRows([issue('warning', 2), issue('error', 9), issue('error'), issue('error', 3)], 'en')
    expect(rows.map((r) => `${r.severity}:${r.row}`)).toEqual(['error:null', 'error:3', 'error:9', 'warning:2'])
    expect(rows[0]?.column).toBeNull()
    expect(rows[0]?.value).toBeNull()
  })

  it('counts rows exactly and issues as listed, and says how many were not listed', async () => {
    const result = await runImport({ kind: 'text', text: BROKEN, name: 'broken.csv' })
    expect(reportCounts(result)).toEqual({ rows: 5, valid: 2, errorRows: 3, warningRows: 1, errors: 3, warnings: 1, unlisted: 0 })
    const many = ['地区,指标,单位,期间,完成']
    for (let i = 0; i < 1200; i++) many.push(`街道${i},指标,亿元,2023年13月,1`)
    const big = await runImport({ kind: 'text', text: many.join('\n'), name: 'many.csv' })
    const counts = reportCounts(big)
    expect(counts.errorRows).toBe(1200)
    expect(counts.errors).toBe(1000)
    expect(counts.unlisted).toBeGreaterThan(200)
  })

  it('counts a JSON dataset by its observations', async () => {
    const { readFileSync } = await import('node:fs')
    const result = await runImport({ kind: 'text', text: readFileSync('data/dataset.json', 'utf8'), name: 'dataset.json' })
    expect(reportCounts(result)).toMatchObject({ rows: 56, valid: 56, errors: 0 })
  })
})

describe('the column-mapping step', () => {
  const headers = ['单位名称', '考核指标', '计量', '统计期', '完成']
  const suggested = suggestMapping(headers).mapping

  it('opens with the suggestion when nothing is remembered', () => {
    expect(initialMapping(headers, suggested, null)).toEqual({
      mapping: ['region', 'indicator', null, 'period', 'actual'],
      remembered: false,
    })
  })

  it('opens with the remembered mapping when it fits these headers', () => {
    const remembered: ColumnMapping = ['region', 'indicator', 'unit', 'period', 'actual']
    expect(initialMapping(headers, suggested, remembered)).toEqual({ mapping: [...remembered], remembered: true })
  })

  it('ignores a remembered mapping for a different number of columns or with unknown fields', () => {
    expect(initialMapping(headers, suggested, ['region', 'indicator']).remembered).toBe(false)
    const tampered = ['region', 'indicator', '__proto__', 'period', 'actual'] as unknown as ColumnMapping
    expect(initialMapping(headers, suggested, tampered)).toEqual({ mapping: [...suggested], remembered: false })
  })

  it('gives a field to one column at a time', () => {
    const mapping: ColumnMapping = ['region', 'indicator', null, 'period', 'actual']
    expect(assignField(mapping, 2, 'region')).toEqual([null, 'indicator', 'region', 'period', 'actual'])
    expect(assignField(mapping, 0, null)).toEqual([null, 'indicator', null, 'period', 'actual'])
    expect(assignField(mapping, 4, 'actual')).toEqual(mapping)
    // The input is not changed.
    expect(mapping[0]).toBe('region')
  })
})

describe('dataset names', () => {
  it('come from the file name without its extension or folders', () => {
    expect(datasetNameFromFile('京口区 1-10月.gbk.csv', 'x')).toBe('京口区 1-10月.gbk')
    expect(datasetNameFromFile('C:\\报表\\街道指标.xlsx', 'x')).toBe('街道指标')
    expect(datasetNameFromFile('  spaced   name .csv', 'x')).toBe('spaced name')
    expect(datasetNameFromFile('.csv', '粘贴的表格')).toBe('.csv')
    expect(datasetNameFromFile('', '粘贴的表格')).toBe('粘贴的表格')
  })

  it('typed by the user are trimmed, collapsed and capped; empty is no name', () => {
    expect(cleanDatasetName('  京口区\t 报表 ')).toBe('京口区 报表')
    expect(cleanDatasetName(' \n ')).toBeNull()
    expect(cleanDatasetName('名'.repeat(200))).toHaveLength(120)
    expect(cleanDatasetName('<b>x</b>')).toBe('<b>x</b>')
  })
})
