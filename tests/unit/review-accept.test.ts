import { describe, expect, it } from 'vitest'
import { extractFigures, type Candidate } from '../../src/extract'
import type { Dataset } from '../../src/domain/model'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { prepareAcceptance, type AcceptanceInput } from '../../src/components/review/acceptance'
import { applyEdit } from '../../src/components/review/reviewRows'
import { reviewIssueText } from '../../src/components/review/issueText'

// Not in the seed reports.
const PARAGRAPH = '1-9月，东湖街道完成项目投资3.15亿元，占年度计划的78.8%，同比增长12.5%。'
const SOURCE = '东湖街道工作简报'

function embedded(): Dataset {
  const d = loadEmbeddedDataset().dataset
  if (!d) throw new Error('embedded dataset invalid')
  return d
}

function input(text: string, candidates: readonly Candidate[], base = embedded()): AcceptanceInput {
  return { text, candidates, source: SOURCE, context: { year: 2024 }, base, file: 'review' }
}

const t = (key: string, named?: Record<string, string>): string => (named === undefined ? key : `${key}${JSON.stringify(named)}`)

describe('prepareAcceptance: reviewed figures through the import into the active dataset', () => {
  it('appends the corrected figures with their quote and source; the base is not touched', async () => {
    const base = embedded()
    const before = JSON.stringify(base)
    const c = extractFigures(PARAGRAPH, { year: 2024 })
    const first = c[0]
    if (!first) throw new Error('no figure')
    const accepted = [applyEdit(first, { indicator: '重点项目投资' }), ...c.slice(1)]
    const out = await prepareAcceptance(input(PARAGRAPH, accepted, base))
    if (out.status !== 'merged') throw new Error(JSON.stringify(out))
    expect(JSON.stringify(base)).toBe(before)
    expect(out.added).toBe(3)
    expect(out.skipped).toBe(0)
    expect(out.dataset.observations).toHaveLength(base.observations.length + 3)
    expect(out.addedIds).toHaveLength(3)

    const obs = out.dataset.observations.find((o) => o.id === out.addedIds[0])
    const indicator = out.dataset.indicators.find((i) => i.id === obs?.indicatorId)
    const subject = out.dataset.subjects.find((s) => s.id === obs?.subjectId)
    const doc = out.dataset.documents.find((d) => d.id === obs?.documentId)
    expect(indicator?.name.zh).toBe('重点项目投资')
    expect(indicator?.unit).toBe('CNY')
    expect(subject?.name.zh).toBe('东湖街道')
    expect(doc?.title.zh).toBe(SOURCE)
    expect(obs).toMatchObject({ actual: 315_000_000, period: { start: { year: 2024, month: 1 }, end: { year: 2024, month: 9 } } })
    expect(obs?.evidence).toEqual([{ field: 'actual', quote: '东湖街道完成项目投资3.15亿元' }])
    // Every added figure keeps its quote and source.
    for (const id of out.addedIds) {
      const o = out.dataset.observations.find((x) => x.id === id)
      expect(o?.documentId).toBe(doc?.id)
      expect(o?.evidence.length).toBeGreaterThan(0)
    }
  })

  it('adds nothing while an accepted row has an error, and names the figure and field', async () => {
    const c = extractFigures(PARAGRAPH, { year: 2024 })
    const accepted = c.map((x, i) => (i === 1 ? applyEdit(x, { subject: '' }) : x))
    const out = await prepareAcceptance(input(PARAGRAPH, accepted))
    expect(out.status).toBe('invalid')
    if (out.status !== 'invalid') return
    const errors = out.issues.filter((i) => i.severity === 'error')
    expect(errors.map((i) => [i.code, i.location.row, i.location.column])).toEqual([['requiredCell', 3, 'region']])
    expect(out.rows.figures[1]).toEqual([1])
    expect(reviewIssueText(t, errors[0]!, 'zh-CN')).toBe('review.issue{"field":"review.columns.subject","message":"review.required"}')
  })

  it('two figures for the same subject, indicator and period are a duplicate, named by the figure', async () => {
    const text = '1-9月，东湖街道完成项目投资3.15亿元。1-9月，东湖街道完成项目投资3.2亿元。'
    const c = extractFigures(text, { year: 2024 })
    expect(c.map((x) => x.text)).toEqual(['3.15亿元', '3.2亿元'])
    const out = await prepareAcceptance(input(text, c))
    expect(out.status).toBe('invalid')
    if (out.status !== 'invalid') return
    expect(out.issues.map((i) => [i.code, i.location.row, i.params.firstRow, i.params.firstFigure])).toEqual([['duplicateRow', 3, 2, '3.15亿元']])
    expect(out.rows.figures).toEqual([[0], [1]])
    expect(reviewIssueText(t, out.issues[0]!, 'zh-CN')).toBe('review.duplicateOf{"figure":"3.15亿元","key":"东湖街道 · 项目投资 · 2024-01..2024-09"}')
  })

  it('a figure the dataset already has is skipped, not added twice', async () => {
    // The seed's own figure for 大市口街道, 1-10月 2023.
    const text = '1-10月，大市口街道完成项目投资4.32亿元。'
    const c = extractFigures(text, { year: 2023 })
    const out = await prepareAcceptance({ ...input(text, c), context: { year: 2023 } })
    if (out.status !== 'merged') throw new Error(JSON.stringify(out))
    expect([out.added, out.skipped, out.addedIds]).toEqual([0, 1, []])
  })

  it('今年以来 is dated by the report month; without one the period cannot be read', async () => {
    const text = '今年以来，东湖街道累计办理12345热线工单300余件。'
    const c = extractFigures(text, { year: 2024, asOf: { year: 2024, month: 6 } })
    const dated = await prepareAcceptance({ ...input(text, c), context: { year: 2024, asOf: { year: 2024, month: 6 } } })
    if (dated.status !== 'merged') throw new Error(JSON.stringify(dated))
    const obs = dated.dataset.observations.find((o) => o.id === dated.addedIds[0])
    expect(obs).toMatchObject({ actual: 300, qualifier: 'more-than', period: { start: { year: 2024, month: 1 }, end: { year: 2024, month: 6 } } })

    const undated = await prepareAcceptance(input(text, extractFigures(text, { year: 2024 })))
    expect(undated.status).toBe('invalid')
    if (undated.status !== 'invalid') return
    const periodIssue = undated.issues.find((i) => i.code === 'period')
    if (!periodIssue) throw new Error('no period issue')
    expect(periodIssue.location.column).toBe('period')
    // The import's own message, in the user's language, under the reviewer's name for the field.
    expect(reviewIssueText(t, periodIssue, 'zh-CN')).toMatch(/^review\.issue\{"field":"review\.columns\.period","message":"无法识别的期间“今年以来”/)
    expect(reviewIssueText(t, periodIssue, 'en')).toMatch(/^review\.issue\{"field":"review\.columns\.period","message":"Unrecognised period/)
  })
})
