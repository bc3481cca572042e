import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { candidatesToRows, extractFigures, type Candidate } from '../../src/extract'
import type { ValidationIssue } from '../../src/io/validationIssue'
import {
  applyEdit,
  buildReviewRows,
  effectiveFields,
  guessReportYear,
  isEdited,
  issueRowIndex,
  issuesByFigure,
  originalFields,
} from '../../src/components/review/reviewRows'

const SEEDS = '../shared/seeds'
const SEED_FILES = ['000_bd2e9a7aa564cbf7.txt', '003_90886c475d947d8b.txt']
const haveSeeds = SEED_FILES.every((f) => existsSync(join(SEEDS, f)))

// Not in the seed reports.
const PARAGRAPH = '1-9月，东湖街道完成项目投资3.15亿元，占年度计划的78.8%，同比增长12.5%。'
const OPTIONS = { source: '东湖街道工作简报', defaultPeriod: '2024' }

function figures(text = PARAGRAPH): Candidate[] {
  return extractFigures(text, { year: 2024 })
}

function issue(row: number | undefined, code: ValidationIssue['code'] = 'requiredCell'): ValidationIssue {
  return { severity: 'error', code, location: { file: 't', ...(row === undefined ? {} : { row }) }, params: {} }
}

describe('buildReviewRows: the interchange rows, and the figures behind each', () => {
  it('merges an actual and its growth into one row, as candidatesToRows does, and says so', () => {
    const c = figures()
    const { rows, figures: held } = buildReviewRows(PARAGRAPH, c, OPTIONS)
    expect(rows).toEqual(candidatesToRows(PARAGRAPH, c, OPTIONS))
    expect(rows.map((r) => [r.region, r.indicator, r.period, r.actual, r.yoy])).toEqual([
      ['东湖街道', '项目投资', '2024-01..2024-09', '315000000', '12.5'],
      ['东湖街道', '项目投资完成率', '2024-01..2024-09', '78.8', ''],
    ])
    expect(held).toEqual([[0, 2], [1]])
    expect(rows.every((r) => r.source === OPTIONS.source && r.quote.length > 0)).toBe(true)
  })

  it('gives nothing for no figures', () => {
    expect(buildReviewRows(PARAGRAPH, [], OPTIONS)).toEqual({ rows: [], figures: [] })
  })

  it.skipIf(!haveSeeds)('matches candidatesToRows on both seed reports, each figure in exactly one row', () => {
    for (const file of SEED_FILES) {
      const text = readFileSync(join(SEEDS, file), 'utf8')
      const c = extractFigures(text, { year: 2023, asOf: { year: 2023, month: 10 } })
      const built = buildReviewRows(text, c, OPTIONS)
      expect(built.rows).toEqual(candidatesToRows(text, c, OPTIONS))
      expect(built.figures).toHaveLength(built.rows.length)
      expect(built.figures.flat().sort((a, b) => a - b)).toEqual(c.map((_, i) => i))
    }
  })

  it('a subset of figures builds the rows of that subset', () => {
    const c = figures()
    const subset = [c[0], c[2]].filter((x): x is Candidate => x !== undefined)
    const built = buildReviewRows(PARAGRAPH, subset, OPTIONS)
    expect(built.rows).toHaveLength(1)
    expect(built.figures).toEqual([[0, 1]])
  })
})

describe('corrections: what the reviewer changed, applied to the figure', () => {
  it('reads the fields the table shows from the candidate', () => {
    const [first] = figures()
    expect(first && originalFields(first)).toEqual({ role: 'actual', subject: '东湖街道', indicator: '项目投资', period: '2024-01..2024-09' })
  })

  it('a corrected indicator gives the figure a row of its own, the figure and quote unchanged', () => {
    const c = figures()
    const first = c[0]
    if (!first) throw new Error('no figure')
    const edited = [applyEdit(first, { indicator: '  重点项目投资 ' }), ...c.slice(1)]
    const { rows, figures: held } = buildReviewRows(PARAGRAPH, edited, OPTIONS)
    expect(rows.map((r) => [r.indicator, r.actual, r.yoy])).toEqual([
      ['重点项目投资', '315000000', ''],
      ['项目投资完成率', '78.8', ''],
      ['项目投资', '', '12.5'],
    ])
    expect(held).toEqual([[0], [1], [2]])
    expect(rows[0]?.quote).toContain('3.15亿元')
    expect(edited[0]).toMatchObject({ start: first.start, end: first.end, text: '3.15亿元', value: 315_000_000 })
  })

  it('subject, period and role corrections land in the right cells', () => {
    const [first] = figures()
    if (!first) throw new Error('no figure')
    const c = applyEdit(first, { subject: '东湖镇', period: '2024年上半年', role: 'target' })
    const [row] = candidatesToRows(PARAGRAPH, [c], OPTIONS)
    expect(row).toMatchObject({ region: '东湖镇', period: '2024年上半年', target: '315000000', actual: '' })
    expect(c.subject).toMatchObject({ name: '东湖镇', level: null })
  })

  it('an emptied subject or period means none: the row then has no region, or the default period', () => {
    const [first] = figures()
    if (!first) throw new Error('no figure')
    const [row] = candidatesToRows(PARAGRAPH, [applyEdit(first, { subject: ' ', period: '' })], OPTIONS)
    expect(row).toMatchObject({ region: '', period: '2024' })
  })

  it('knows an edit that changes nothing from one that does', () => {
    const [first] = figures()
    if (!first) throw new Error('no figure')
    expect(isEdited(first, undefined)).toBe(false)
    expect(isEdited(first, { subject: '东湖街道 ', role: 'actual' })).toBe(false)
    expect(isEdited(first, { indicator: '投资' })).toBe(true)
    expect(effectiveFields(first, { indicator: '投资' }).indicator).toBe('投资')
    expect(applyEdit(first, { subject: '东湖街道' }).subject).toBe(first.subject)
  })
})

describe('import issues back to figures', () => {
  it('row 2 is the first data row; file-level issues belong to no row', () => {
    expect(issueRowIndex(issue(2))).toBe(0)
    expect(issueRowIndex(issue(1))).toBeNull()
    expect(issueRowIndex(issue(undefined))).toBeNull()
  })

  it('an issue of a merged row is shown at each of its figures', () => {
    const built = buildReviewRows(PARAGRAPH, figures(), OPTIONS)
    const a = issue(2)
    const b = issue(3)
    const byFigure = issuesByFigure([a, b, issue(undefined, 'noValidRows'), issue(9)], built)
    expect([...byFigure.entries()].sort((x, y) => x[0] - y[0])).toEqual([
      [0, [a]],
      [1, [b]],
      [2, [a]],
    ])
  })
})

describe('guessReportYear', () => {
  it.each<[string, number | null]>([
    ['大市口街道2023年列入京口区产业项目14个', 2023],
    ['2022年完成3亿元，2023年计划5亿元，2023年1-10月完成4亿元', 2023],
    ['2022年与2024年', 2024],
    ['12023年 与 1-10月', null],
    ['没有年份', null],
    ['1850年', null],
  ])('%s → %s', (text, year) => {
    expect(guessReportYear(text)).toBe(year)
  })
})
