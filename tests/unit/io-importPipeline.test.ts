import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Dataset } from '../../src/domain/model'
import { periodKey } from '../../src/domain/period'
import { revalidateDataset } from '../../src/io/datasetFile'
import { runImport, type ImportInput, type ImportOptions, type ImportProgress } from '../../src/io/importPipeline'
import type { ImportResult } from '../../src/io/importResult'
import { decodeObservations } from '../../src/io/observationTransfer'
import { stableId } from '../../src/io/stableHash'
import type { IssueCode } from '../../src/io/validationIssue'
import { formatIssueLine } from '../../src/io/validationMessages'
import { makeXlsx } from '../fixtures/import/makeXlsx'

const FIXTURES = 'tests/fixtures/import'

function bytesOf(path: string): ImportInput {
  return { kind: 'bytes', bytes: new Uint8Array(readFileSync(`${FIXTURES}/${path}`)), name: path }
}

function csv(text: string, name = 'table.csv'): ImportInput {
  return { kind: 'bytes', bytes: new TextEncoder().encode(text), name }
}

function lines(result: ImportResult): string[] {
  return result.issues.map((i) => formatIssueLine(i, 'en'))
}

function bySubject(dataset: Dataset | null, region: string, indicator: string) {
  const subject = dataset?.subjects.find((s) => s.name.zh === region)
  const ind = dataset?.indicators.find((i) => i.name.zh === indicator)
  return dataset?.observations.find((o) => o.subjectId === subject?.id && o.indicatorId === ind?.id)
}

describe('importing the interchange table with Chinese headers', () => {
  it.each(['chinese-headers.utf8.csv', 'chinese-headers.utf8-bom.csv', 'chinese-headers.gbk.csv'])(
    '%s reads the same, in base units, with hierarchy and provenance',
    async (file) => {
      const result = await runImport(bytesOf(file))
      expect(result.status).toBe('ok')
      expect(result.stats).toMatchObject({ format: 'csv', dataRows: 6, validRows: 6, errorRows: 0 })
      expect(result.stats.encoding).toBe(file.includes('gbk') ? 'gb18030' : 'utf-8')
      const d = result.dataset
      expect(bySubject(d, '大市口街道', '项目投资')).toMatchObject({ actual: 432_000_000, target: 497_000_000, qualifier: null })
      expect(bySubject(d, '正东路街道', '项目投资')).toMatchObject({ actual: 290_000_000, target: 350_000_000 })
      expect(bySubject(d, '四牌楼街道', '项目投资')).toMatchObject({ yoy: 12.5, rank: 1 })
      expect(bySubject(d, '大市口街道', '矛盾纠纷化解')).toMatchObject({ actual: 300, qualifier: 'more-than' })
      expect(bySubject(d, '大市口街道', '12345热线按时办结率')).toMatchObject({ actual: 98.6, qualifier: 'about' })
      const obs = bySubject(d, '大市口街道', '项目投资')
      expect(obs && periodKey(obs.period)).toBe('2023-01..2023-10')
      // 大市口街道 › 京口区 › 镇江市, and the rank is counted within the parent.
      const dashikou = d?.subjects.find((s) => s.name.zh === '大市口街道')
      const jingkou = d?.subjects.find((s) => s.name.zh === '京口区')
      const zhenjiang = d?.subjects.find((s) => s.name.zh === '镇江市')
      expect(dashikou).toMatchObject({ level: 'street', parentId: jingkou?.id })
      expect(jingkou).toMatchObject({ level: 'district', parentId: zhenjiang?.id })
      expect(zhenjiang).toMatchObject({ level: 'city', parentId: null })
      expect(bySubject(d, '四牌楼街道', '项目投资')?.rankScopeId).toBe(jingkou?.id)
      // The quote vouches for the actual it states, and the source became a document.
      expect(obs?.evidence).toEqual([{ field: 'actual', quote: '完成项目投资4.32亿元' }])
      expect(d?.documents.find((doc) => doc.id === obs?.documentId)?.title.zh).toBe('大市口街道推进会')
      expect(d?.indicators.find((i) => i.name.zh === '项目投资')).toMatchObject({ unit: 'CNY', kind: 'amount', category: 'projects' })
      // The result passes the app's own validation as a whole.
      expect(d && revalidateDataset(d, file).issues.filter((i) => i.severity === 'error')).toEqual([])
    },
  )

  it('gives the same ids on every import of the same table', async () => {
    const a = await runImport(bytesOf('chinese-headers.utf8.csv'))
    const b = await runImport(bytesOf('chinese-headers.gbk.csv'))
    expect(a.dataset?.observations.map((o) => o.id)).toEqual(b.dataset?.observations.map((o) => o.id))
    expect(a.dataset?.subjects.map((s) => s.id)).toEqual(b.dataset?.subjects.map((s) => s.id))
  })

  it('names each observation by the hash of its (region, indicator, period) key, as ids already stored were made', async () => {
    const d = (await runImport(bytesOf('chinese-headers.utf8.csv'))).dataset
    expect(d?.observations.length).toBeGreaterThan(1)
    for (const o of d?.observations ?? []) expect(o.id).toBe(stableId('o', o.subjectId, o.indicatorId, periodKey(o.period)))
  })

  it('reads English headers and a unit written in the figure headers', async () => {
    const result = await runImport(
      csv('Region,Indicator,Period,Target (亿元),Actual (亿元)\n大市口街道,Investment,2023-01..2023-10,4.97,4.32\n'),
    )
    expect(result.status).toBe('ok')
    expect(result.dataset?.observations[0]).toMatchObject({ actual: 432_000_000, target: 497_000_000 })
    expect(result.dataset?.indicators[0]?.unit).toBe('CNY')
  })

  it('reads TSV pasted from Excel, with commas inside numbers', async () => {
    const text = '地区\t指标\t单位\t期间\t目标\t完成\n大市口街道\t投资\t万元\t2023年上半年\t1,200\t"1,050.5"\n'
    const result = await runImport({ kind: 'text', text, name: '粘贴' })
    expect(result.status).toBe('ok')
    expect(result.stats).toMatchObject({ format: 'tsv', delimiter: '\t' })
    expect(result.dataset?.observations[0]).toMatchObject({ target: 12_000_000, actual: 10_505_000 })
  })

  it('reads an .xlsx workbook (lazily loaded reader)', async () => {
    const bytes = makeXlsx([
      ['地区', '上级', '指标', '单位', '期间', '目标', '完成'],
      ['大市口街道', '京口区', '项目投资', '亿元', '2023年1-10月', 4.97, 4.32],
      ['正东路街道', '京口区', '项目投资', '亿元', 2023, 3, '2.9'],
    ])
    const result = await runImport({ kind: 'bytes', bytes, name: '街道指标.xlsx' })
    expect(lines(result)).toEqual([])
    expect(result.status).toBe('ok')
    expect(result.stats.format).toBe('xlsx')
    expect(result.dataset?.observations.map((o) => o.actual)).toEqual([432_000_000, 290_000_000])
    expect(result.dataset?.name.zh).toBe('街道指标')
  })

  it('reads a Blob (a File from the picker) the same as bytes', async () => {
    const blob = new Blob([readFileSync(`${FIXTURES}/chinese-headers.gbk.csv`)])
    const result = await runImport({ kind: 'file', file: blob, name: 'chinese-headers.gbk.csv' })
    expect(result.stats.validRows).toBe(6)
  })
})

describe('bad rows are reported at their row and column, and only valid rows are imported', () => {
  const header = '地区,上级,指标,单位,期间,目标,完成,同比,排名,方向,类别\n'
  const rows = [
    /* 2 */ '大市口街道,京口区,投资,亿元,2023,4.97,4.32,,,,',
    /* 3 */ '正东路街道,京口区,投资,亿元,2023,3,abc,,,,',
    /* 4 */ ',京口区,投资,亿元,2023,3,2,,,,',
    /* 5 */ '四牌楼街道,京口区,投资,亿元,2023年13月,3,2,,,,',
    /* 6 */ '四牌楼街道,京口区,投资,亿元,2023,0,2,,,,',
    /* 7 */ '四牌楼街道,京口区,办结率,%,2023,,130,,,,',
    /* 8 */ '大市口街道,京口区,投资,亿元,2023,5,4,,,,',
    /* 9 */ '象山街道,京口区,投资,件,2023,,5,,,,',
    /* 10 */ '象山街道,京口区,投资,亿元,2023,,43.7%,,,,',
    /* 11 */ '象山街道,京口区,纠纷,件,2023,,,,,,',
    /* 12 */ '象山街道,京口区,排名指标,亿元,2023,,1,,1.5,,',
    /* 13 */ '谏壁街道,京口区,投资,亿元,2023,约5,4,,,,党建',
    /* 14 */ '谏壁街道,京口区,面积,平方英尺呀,2023,,4,,,,',
  ]
  const table = `${header}${rows.join('\n')}\n`

  it.each<[number, IssueCode, string | undefined, 'error' | 'warning']>([
    [3, 'finite', '完成', 'error'],
    [4, 'requiredCell', '地区', 'error'],
    [5, 'period', '期间', 'error'],
    [6, 'targetNotPositive', '目标', 'error'],
    [7, 'outOfRange', '完成', 'error'],
    [8, 'duplicateRow', undefined, 'error'],
    [9, 'unitConflict', '单位', 'error'],
    [10, 'unitMismatch', '完成', 'error'],
    [11, 'noFigures', undefined, 'error'],
    [12, 'integer', '排名', 'error'],
    [13, 'qualifierIgnored', '目标', 'warning'],
    [13, 'enum', '类别', 'warning'],
    [14, 'badUnit', '单位', 'error'],
  ])('row %i: %s in column %s', async (row, code, column, severity) => {
    const result = await runImport(csv(table))
    const issue = result.issues.find((i) => i.location.row === row && i.code === code)
    expect(issue, lines(result).join('\n')).toBeDefined()
    expect(issue?.severity).toBe(severity)
    expect(issue?.location.column).toBe(column)
    // Both languages say where: "row 3, column "完成"" and "第 3 行“完成”列".
    if (issue) {
      expect(formatIssueLine(issue, 'en')).toContain(`row ${row}`)
      expect(formatIssueLine(issue, 'zh-CN')).toContain(`第 ${row} 行`)
      expect(formatIssueLine(issue, 'zh-CN')).not.toBe(formatIssueLine(issue, 'en'))
    }
  })

  it('keeps the raw cell with every cell issue', async () => {
    const result = await runImport(csv(table))
    expect(result.issues.find((i) => i.code === 'finite')?.location.cell).toBe('abc')
    expect(result.issues.find((i) => i.code === 'period')?.location.cell).toBe('2023年13月')
    expect(result.issues.find((i) => i.code === 'outOfRange')?.location.cell).toBe('130')
  })

  it('imports the valid rows only, counts the rest, and marks the preview', async () => {
    const result = await runImport(csv(table))
    expect(result.status).toBe('ok')
    expect(result.stats).toMatchObject({ dataRows: 13, validRows: 2, errorRows: 11, warningRows: 1 })
    expect(result.dataset?.observations.map((o) => o.actual)).toEqual([432_000_000, 400_000_000])
    expect(result.preview.headers[0]).toBe('地区')
    expect(result.preview.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'ok'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [9, 'error'],
      [10, 'error'],
      [11, 'error'],
      [12, 'error'],
      [13, 'warning'],
      [14, 'error'],
    ])
    // Rows left out take their regions and indicators with them when nothing else uses them.
    expect(result.dataset?.indicators.map((i) => i.name.zh)).toEqual(['投资'])
    expect(result.dataset && revalidateDataset(result.dataset, 't').issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('fails when no row is valid, with a message saying so', async () => {
    const result = await runImport(csv(`${header}${rows[1]}\n`))
    expect(result.status).toBe('failed')
    expect(result.dataset).toBeNull()
    expect(result.issues.map((i) => i.code)).toContain('noValidRows')
  })

  it('reports a quote that never closes', async () => {
    const result = await runImport(csv(`${header}${rows[0]}\n"大市口,京口区,投资,亿元,2023,1,1\n`))
    expect(result.issues.find((i) => i.code === 'unclosedQuote')?.location.row).toBe(3)
    expect(result.stats.validRows).toBe(1)
  })

  it('resolves a region named without its parent when it has exactly one, and refuses an ambiguous one', async () => {
    const result = await runImport(
      csv(
        '地区,上级,指标,单位,期间,完成\n' +
          '新城社区,丁卯街道,户数,户,2023,10\n' +
          '新城社区,象山街道,户数,户,2022,11\n' +
          '新城社区,,户数,户,2021,12\n' +
          '丁卯街道,京口区,户数,户,2023,100\n' +
          '丁卯街道,,户数,户,2022,90\n',
      ),
    )
    expect(result.issues.find((i) => i.code === 'ambiguousRegion')?.location.row).toBe(4)
    expect(result.stats.validRows).toBe(4)
    const names = result.dataset?.subjects.map((s) => s.name.zh).sort()
    expect(names).toEqual(['丁卯街道', '京口区', '新城社区', '新城社区', '象山街道'])
  })

  it('cuts a parent loop and says where', async () => {
    const result = await runImport(csv('地区,上级,指标,单位,期间,完成\nA街道,B街道,x,件,2023,1\nB街道,A街道,x,件,2023,2\n'))
    expect(result.issues.map((i) => i.code)).toContain('parentCycle')
    expect(result.status).toBe('ok')
  })
})

describe('observations as columns (what the import worker asks for)', () => {
  it.each<[string, ImportInput]>([
    ['a clean table', bytesOf('chinese-headers.utf8.csv')],
    ['a table with rows left out (a zero target, a duplicate, an overflowing figure)', csv([
      '地区,上级地区,指标,单位,期间,目标,完成,同比,排名,来源,原文',
      '大市口街道,京口区,项目投资,亿元,2023年1-10月,4.97,4.32,12.5,1,报道甲,完成项目投资4.32亿元',
      '正东路街道,京口区,项目投资,亿元,2023年1-10月,0,3.1,,,,',
      '大市口街道,京口区,项目投资,亿元,2023年1-10月,5,4,,,,',
      `四牌楼街道,京口区,项目投资,亿元,2023年1-10月,,${'9'.repeat(305)},,,,`,
      '四牌楼街道,京口区,12345按时办结率,%,2023年1-10月,,约98.6%,,2,报道乙,按时办结率约98.6%，排名第2',
    ].join('\n'))],
  ])('%s: the same observations, as columns and no objects', async (_name, input) => {
    const asObjects = await runImport(input, { acceptSuggestedMapping: true })
    const asColumns = await runImport(input, { acceptSuggestedMapping: true, observationsAs: 'columns' })
    expect(asObjects.status).toBe('ok')
    expect(asObjects.observationColumns).toBeUndefined()
    expect(asObjects.stats.validRows).toBe(input.kind === 'bytes' && input.name === 'table.csv' ? 2 : 6)
    const columns = asColumns.observationColumns
    expect(columns?.count).toBe(asObjects.dataset?.observations.length)
    expect(asColumns.dataset?.observations).toEqual([])
    expect(columns && decodeObservations(columns)).toEqual(asObjects.dataset?.observations)
    // Everything else is the same result.
    const rest = (r: ImportResult) => ({ ...r, dataset: { ...r.dataset, observations: [] }, observationColumns: undefined, stats: { ...r.stats, elapsedMs: 0 } })
    expect(rest(asColumns)).toEqual(rest(asObjects))
  })

  it('a JSON dataset comes back as objects still (it has no table to make columns from)', async () => {
    const result = await runImport({ kind: 'bytes', bytes: new Uint8Array(readFileSync('data/dataset.json')), name: 'dataset.json' }, { observationsAs: 'columns' })
    expect(result.observationColumns).toBeUndefined()
    expect(result.dataset?.observations.length).toBeGreaterThan(50)
  })
})

describe('the mapping step', () => {
  const table = '单位名称,指标名称,计量单位,统计期,完成数,备注\n大市口街道,投资,亿元,2023,4.32,x\n'

  it('stops with a suggestion when headers are only guessed', async () => {
    const result = await runImport(csv(table))
    expect(result.status).toBe('needs-mapping')
    expect(result.dataset).toBeNull()
    expect(result.mapping?.suggestion.mapping).toEqual(['region', 'indicator', 'unit', 'period', 'actual', null])
    expect(result.mapping?.signature).toMatch(/^h-/)
    expect(result.preview.rows).toHaveLength(1)
  })

  it('imports with the user mapping (or with the guesses when accepted)', async () => {
    const mapping = ['region', 'indicator', 'unit', 'period', 'actual', null] as const
    const withUser = await runImport(csv(table), { mapping: [...mapping] })
    expect(withUser.status).toBe('ok')
    expect(withUser.dataset?.observations[0]?.actual).toBe(432_000_000)
    const accepted = await runImport(csv(table), { acceptSuggestedMapping: true })
    expect(accepted.dataset?.observations).toEqual(withUser.dataset?.observations)
  })

  it('reports missing required columns', async () => {
    const result = await runImport(csv('名字,数值\na,1\n'))
    expect(result.status).toBe('needs-mapping')
    expect(result.issues.filter((i) => i.code === 'missingColumn').map((i) => i.params.field)).toEqual([
      'region',
      'indicator',
      'unit',
      'period',
    ])
  })

  it('fails a user mapping that leaves out a required field', async () => {
    const result = await runImport(csv(table), { mapping: ['region', 'indicator', null, 'period', 'actual', null] })
    expect(result.status).toBe('failed')
    expect(result.issues.find((i) => i.code === 'missingColumn')?.params.field).toBe('unit')
  })
})

describe('hostile input', () => {
  it('headers named __proto__, constructor and prototype pollute nothing', async () => {
    const text =
      '__proto__,constructor,prototype,地区,指标,单位,期间,完成\n' +
      '{"polluted":true},x,y,大市口街道,投资,亿元,2023,4.32\n' +
      '__proto__,constructor,prototype,__proto__,constructor,件,2023,1\n'
    const result = await runImport(csv(text), { acceptSuggestedMapping: true })
    expect(result.status).toBe('ok')
    expect(result.issues.filter((i) => i.code === 'ignoredColumn').map((i) => i.params.column)).toEqual([
      '__proto__',
      'constructor',
      'prototype',
    ])
    // A region and an indicator may be *named* __proto__; they are data, not keys.
    expect(result.dataset?.subjects.map((s) => s.name.zh)).toContain('__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it.each<[string, string, IssueCode]>([
    ['a dataset with a __proto__ key', '{"schemaVersion":1,"__proto__":{"polluted":1}}', 'forbiddenKey'],
    ['a dataset with a constructor key', '{"schemaVersion":1,"name":{"constructor":1}}', 'forbiddenKey'],
    ['broken JSON', '{"schemaVersion":', 'jsonSyntax'],
    ['the wrong schema', '{"schemaVersion":2}', 'schemaVersion'],
  ])('JSON: %s is refused', async (_name, text, code) => {
    const result = await runImport({ kind: 'bytes', bytes: new TextEncoder().encode(text), name: 'd.json' })
    expect(result.status).toBe('failed')
    expect(result.issues.map((i) => i.code)).toContain(code)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('JSON: the embedded dataset imports as it is', async () => {
    const result = await runImport({ kind: 'bytes', bytes: new Uint8Array(readFileSync('data/dataset.json')), name: 'dataset.json' })
    expect(result.status).toBe('ok')
    expect(result.stats.format).toBe('json')
    expect(result.dataset?.observations.length).toBeGreaterThan(50)
  })

  it.each<[string, ImportInput, ImportOptions, IssueCode]>([
    ['a file over the size cap', csv('地区\n'.repeat(100)), { maxBytes: 100 }, 'fileTooLarge'],
    ['pasted text over the cap', { kind: 'text', text: 'x'.repeat(101), name: 'paste' }, { maxBytes: 100 }, 'fileTooLarge'],
    [
      'too many rows',
      csv(`地区,指标,单位,期间,完成\n${'a,b,件,2023,1\n'.repeat(5)}`),
      { maxRows: 3 },
      'tooManyRows',
    ],
    ['a legacy .xls', { kind: 'bytes', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), name: 'a.xls' }, {}, 'legacyXls'],
    ['a damaged .xlsx', { kind: 'bytes', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), name: 'a.xlsx' }, {}, 'fileUnreadable'],
    ['a PDF', { kind: 'bytes', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]), name: 'a.pdf' }, {}, 'unsupportedFormat'],
    ['an empty file', csv(''), {}, 'emptyTable'],
    ['headers only', csv('地区,指标,单位,期间,完成\n'), {}, 'emptyTable'],
  ])('%s fails with %s', async (_name, input, options, code) => {
    const result = await runImport(input, options)
    expect(result.status).toBe('failed')
    expect(result.dataset).toBeNull()
    expect(result.issues.map((i) => i.code)).toContain(code)
  })

  it('lists at most 1000 issues and counts the rest', async () => {
    const text = `地区,指标,单位,期间,完成\n${'a,b,件,2023,x\n'.repeat(1500)}`
    const result = await runImport(csv(text))
    expect(result.issues).toHaveLength(1001)
    expect(result.issues.at(-1)).toMatchObject({ code: 'issuesTruncated', params: { count: 501 } })
    expect(result.stats.issueCounts.finite).toBe(1500)
    expect(result.stats.errorRows).toBe(1500)
  })
})

describe('progress and cancel', () => {
  const text = `地区,指标,单位,期间,完成\n${Array.from({ length: 120 }, (_, i) => `S${i}街道,x,件,2023,${i}`).join('\n')}\n`

  it('reports progress every N rows through the phases', async () => {
    const seen: ImportProgress[] = []
    await runImport(csv(text), { progressEvery: 50 }, (p) => seen.push(p))
    expect(seen.filter((p) => p.phase === 'parsing').map((p) => p.rows)).toEqual([0, 50, 100])
    expect([...new Set(seen.map((p) => p.phase))]).toEqual(['reading', 'parsing', 'mapping', 'validating'])
    const fractions = seen.filter((p) => p.phase === 'parsing').map((p) => p.fraction ?? 0)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
  })

  it('stops with an AbortError when the signal is aborted', async () => {
    const controller = new AbortController()
    const run = runImport(csv(text), { progressEvery: 10, signal: controller.signal }, (p) => {
      if (p.rows >= 20) controller.abort()
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
  })
})
