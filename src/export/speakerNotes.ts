/**
 * Speaker notes for a chart slide: every figure behind the chart, and the sentence each comes from,
 * so the presenter can answer "which document says so?" without leaving the slide. Plain text.
 */
import type { LocalizedText, Period, Qualifier } from '../domain/model'
import type { ObservationRow } from '../domain/observationRow'

export interface NoteFormat {
  name: (text: LocalizedText) => string
  period: (period: Period) => string
  quantity: (value: number, unit: string, qualifier: Qualifier | null, upper: number | null) => string
  percent: (value: number) => string
  growth: (value: number) => string
  points: (value: number) => string
  rank: (value: number) => string
  /** "完成：4.32亿元" / "actual: CNY 432 million". */
  item: (label: string, value: string) => string
  /** Between items of one line: "；" / "; ". */
  separator: string
  /** A quote line: "原文（《…》）：“…”". */
  quote: (quote: string, source: string | null) => string
  labels: {
    actual: string
    target: string
    completion: string
    elapsed: string
    gap: string
    yoy: string
    rank: string
  }
}

/** One line of figures: "大市口街道 · 项目投资 · 2023年1-10月：完成：4.32亿元；目标：4.97亿元；…". */
export function figureLine(row: ObservationRow, f: NoteFormat): string {
  const o = row.observation
  const unit = row.indicator.unit
  const items: string[] = []
  if (o.actual !== null) items.push(f.item(f.labels.actual, f.quantity(o.actual, unit, o.qualifier, o.actualUpper)))
  if (o.target !== null) items.push(f.item(f.labels.target, f.quantity(o.target, unit, null, null)))
  if (row.completion !== null) items.push(f.item(f.labels.completion, f.percent(row.completion)))
  if (row.elapsed !== null) items.push(f.item(f.labels.elapsed, f.percent(row.elapsed)))
  if (row.gap !== null) items.push(f.item(f.labels.gap, f.points(row.gap)))
  if (o.yoy !== null) items.push(f.item(f.labels.yoy, f.growth(o.yoy)))
  if (o.rank !== null) {
    const scope = row.rankScope ? f.name(row.rankScope.name) : ''
    items.push(f.item(f.labels.rank, `${scope}${f.rank(o.rank)}`))
  }
  const head = [f.name(row.subject.name), f.name(row.indicator.name), f.period(o.period)].join(' · ')
  return f.item(head, items.join(f.separator))
}

/** The notes: a figure line per row, each followed by its quotes (each quote once). */
export function speakerNotes(rows: readonly ObservationRow[], f: NoteFormat): string {
  const lines: string[] = []
  for (const row of rows) {
    lines.push(figureLine(row, f))
    const source = row.document ? f.name(row.document.title) : null
    for (const quote of new Set(row.observation.evidence.map((e) => e.quote))) lines.push(f.quote(quote, source))
  }
  return lines.join('\n')
}
