/**
 * The import's trusted validation path (validateMappedObservations.ts) against the full one (the
 * dataset schema and every cross-check over each observation): the same dataset, the same issues
 * at the same rows, for any table; and every check that can fail for a mapped row still fires.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runImport } from '../../src/io/importPipeline'
import { IssueCollector } from '../../src/io/importResult'
import { suggestMapping, type InterchangeField } from '../../src/io/interchangeColumns'
import { createInterchangeMapper, type MappedDataset } from '../../src/io/interchangeMapper'
import { encodeObservations } from '../../src/io/observationTransfer'
import { validateMappedDataset } from '../../src/io/validateMappedDataset'
import type { IssueCode } from '../../src/io/validationIssue'
import type { Observation } from '../../src/domain/model'

const HEADER = ['region', 'parent', 'indicator', 'unit', 'period', 'target', 'target_period', 'actual', 'yoy', 'rank', 'source', 'quote']

/** Maps a table the way the import does, and validates it in the given mode. */
function importTable(rows: readonly string[][], mode: 'trusted' | 'full') {
  const issues = new IssueCollector('t.csv')
  const mapping = suggestMapping(HEADER).mapping
  const mapper = createInterchangeMapper(HEADER, mapping, issues, { file: 't.csv' })
  rows.forEach((cells, i) => mapper.addRow(cells, i + 2))
  const mapped = mapper.finish()
  const headers = new Map<InterchangeField, string>()
  mapping.forEach((field, i) => {
    if (field !== null && !headers.has(field)) headers.set(field, HEADER[i] ?? field)
  })
  const validated = validateMappedDataset(mapped, headers, issues, undefined, mode)
  return { validated, issues: issues.result(), counts: issues.counts, errorRows: issues.countRows('error'), warningRows: issues.countRows('warning') }
}

describe('the trusted path gives what the full validation gives', () => {
  const cell = {
    region: fc.constantFrom('大市口街道', '正东路街道', '京口区', '四牌楼街道', 'A街道', ''),
    parent: fc.constantFrom('京口区', '镇江市', '', '大市口街道', 'A街道'),
    indicator: fc.constantFrom('项目投资', '增速', '占比', '形象进度', '热线办结率', '纠纷'),
    unit: fc.constantFrom('亿元', '万元', '%', '件', '亩', '个百分点', '乱码'),
    period: fc.constantFrom('2023', '2023-06', '2023-01..2023-10', '2023年1-10月', '2023年13月', '2022'),
    targetPeriod: fc.constantFrom('', '', '2023', '2022', '2023-01..2023-03', 'bad'),
    figure: fc.constantFrom('4.32', '0', '-5', '130', '98.6', '300余', '75%至80%', '5亿元', 'abc', '', '1e5', '9'.repeat(305), '12.345'),
    yoy: fc.constantFrom('12.5', '-3.2%', '下降3.2%', '-150', '', '约5%'),
    rank: fc.constantFrom('1', '第2名', '0', '1.5', ''),
    source: fc.constantFrom('推进会', 'https://example.com/a', ''),
    quote: fc.constantFrom('完成项目投资4.32亿元', '同比增长12.5%，排名第1', '下降3.2%', '完成300余件', '', '约98.6%', 'x'.repeat(501)),
  }
  const row = fc.tuple(
    cell.region,
    cell.parent,
    cell.indicator,
    cell.unit,
    cell.period,
    cell.figure,
    cell.targetPeriod,
    cell.figure,
    cell.yoy,
    cell.rank,
    cell.source,
    cell.quote,
  )

  it('for any table: the same dataset, issues, counts and row statuses', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const trusted = importTable(rows, 'trusted')
        const full = importTable(rows, 'full')
        expect(trusted).toEqual(full)
      }),
      { seed: 20261123, numRuns: 400 },
    )
  }, 30_000) // 800 small imports: a few seconds on a busy machine
})

describe('every check a mapped row can fail still fires', () => {
  const csv = (lines: string[]): string => [HEADER.join(','), ...lines].join('\n')

  it.each<[string, string, IssueCode, string]>([
    ['a target of zero', '大市口街道,京口区,投资,亿元,2023,0,,4,,,,', 'targetNotPositive', 'target'],
    ['a rate above 100 %', '大市口街道,京口区,办结率,%,2023,,,130,,,,', 'outOfRange', 'actual'],
    ['a range above 100 %', '大市口街道,京口区,办结率,%,2023,,,90%至130%,,,,', 'outOfRange', 'actual'],
    ['a negative count', '大市口街道,京口区,纠纷,件,2023,,,-5,,,,', 'outOfRange', 'actual'],
    ['a fall of more than 100 %', '大市口街道,京口区,投资,亿元,2023,,,4,-150,,,', 'outOfRange', 'yoy'],
    ['a target period that ends before the period', '大市口街道,京口区,投资,亿元,2023,5,2022,4,,,,', 'targetPeriodBeforePeriod', 'target_period'],
    ['a figure that overflows in base units', `大市口街道,京口区,投资,亿元,2023,,,${'9'.repeat(305)},,,,`, 'finite', 'actual'],
  ])('%s', async (_name, line, code, column) => {
    const result = await runImport({ kind: 'text', text: csv([line, '正东路街道,京口区,投资,亿元,2023,5,,4,,,,']), name: 't.csv' })
    const issue = result.issues.find((i) => i.code === code)
    expect(issue, JSON.stringify(result.issues)).toMatchObject({ severity: 'error', location: { row: 2, column } })
    // The row is left out; the good row is imported.
    expect(result.stats.validRows).toBe(1)
  })

  it('keeps the good rows of a part with both a schema-only error and a cross-check error', async () => {
    // The schema stops at the overflowing figure; with that row left out, the cross-checks then find
    // the zero target. Both rows go, with an issue each; the good rows of the part stay.
    const lines = [
      `大市口街道,京口区,投资,亿元,2023,,,${'9'.repeat(305)},,,,`,
      '正东路街道,京口区,投资,亿元,2023,0,,4,,,,',
      '四牌楼街道,京口区,投资,亿元,2023,5,,4,,,,',
      '京口区,镇江市,投资,亿元,2023,9,,8,,,,',
    ]
    const result = await runImport({ kind: 'text', text: csv(lines), name: 't.csv' })
    expect(result.issues.map((i) => [i.code, i.location.row])).toEqual(
      expect.arrayContaining([
        ['finite', 2],
        ['targetNotPositive', 3],
      ]),
    )
    expect(result.stats.validRows).toBe(2)
    expect(result.dataset?.observations.map((o) => o.actual)).toEqual([4e8, 8e8]) // 亿元 in yuan
  })

  it('counts the figures of sourced rows that have no quote', async () => {
    const result = await runImport({ kind: 'text', text: csv(['大市口街道,京口区,投资,亿元,2023,5,,4,3.2,1,推进会,']), name: 't.csv' })
    expect(result.issues.map((i) => [i.code, i.params])).toEqual([['figuresWithoutQuote', { count: 4 }]])
  })

  /** A mapped dataset of one region, indicator and document, with these observations. */
  function mappedWith(observations: Observation[]): MappedDataset {
    return {
      value: {
        schemaVersion: 1,
        name: { zh: 't', en: 't' },
        documents: [],
        subjects: [{ id: 's-1', level: 'street', name: { zh: 'A街道', en: 'A街道' }, parentId: null }],
        indicators: [{ id: 'i-1', name: { zh: '率', en: '率' }, category: 'economy', unit: '%', kind: 'rate', direction: 'higher' }],
        observations: encodeObservations(observations),
      },
      observationRows: observations.map((_, i) => i + 2),
      subjectRows: [2],
      indicatorRows: [2],
      documentRows: [],
    }
  }
  const base: Omit<Observation, 'id'> = {
    subjectId: 's-1',
    indicatorId: 'i-1',
    period: { start: { year: 2023, month: 1 }, end: { year: 2023, month: 12 } },
    actual: 50,
    actualUpper: null,
    qualifier: null,
    target: null,
    targetPeriod: null,
    yoy: null,
    rank: null,
    rankScopeId: null,
    documentId: null,
    evidence: [],
  }

  it.each<[string, Partial<Observation>, IssueCode]>([
    // The mapper never writes these (a range always has its upper bound), but the checks stay.
    ['a range without an upper bound', { qualifier: 'range' }, 'rangeWithoutUpper'],
    ['an upper bound without a range', { actualUpper: 60 }, 'upperWithoutRange'],
    // Only the schema reports these: the part is validated in full.
    ['a rank that is not a whole number', { rank: 1.5 }, 'integer'],
    ['an empty quote', { evidence: [{ field: 'actual', quote: '  ' }] }, 'empty'],
    ['a figure that is not finite', { target: Number.POSITIVE_INFINITY }, 'finite'],
  ])('%s, in both modes alike', (_name, change, code) => {
    const observations = (): Observation[] => [
      { ...base, id: 'o-1', ...change },
      { ...base, id: 'o-2', period: { start: { year: 2022, month: 1 }, end: { year: 2022, month: 12 } }, actual: 40 },
    ]
    const headers = new Map<InterchangeField, string>([['actual', '完成']])
    const trusted = new IssueCollector('t.csv')
    const full = new IssueCollector('t.csv')
    const a = validateMappedDataset(mappedWith(observations()), headers, trusted, undefined, 'trusted')
    const b = validateMappedDataset(mappedWith(observations()), headers, full, undefined, 'full')
    expect(trusted.listed.map((i) => i.code)).toContain(code)
    expect(trusted.listed).toEqual(full.listed)
    expect(a).toEqual(b)
    expect(a.validRows).toBe(1)
  })
})

describe('periods of the imported rows', () => {
  it('are parsed once per distinct period: rows of the same period share one (immutable) period value', async () => {
    const text = [HEADER.join(','), '大市口街道,京口区,投资,亿元,2023,5,,4,,,,', '正东路街道,京口区,投资,亿元,2023,5,,3,,,,'].join('\n')
    const result = await runImport({ kind: 'text', text, name: 't.csv' })
    const [a, b] = result.dataset?.observations ?? []
    expect(a?.period).toEqual({ start: { year: 2023, month: 1 }, end: { year: 2023, month: 12 } })
    expect(a?.period).toBe(b?.period)
  })
})
