/**
 * Candidates as rows of the interchange table (docs: domain.md, "The interchange table"), so that
 * extracted figures enter a dataset through the same import and validation as a typed-in table.
 *
 * Each figure goes into the column its role names: a target into `target`, a growth in % into
 * `yoy`, a rank into `rank`, anything else into `actual`. Figures of one sentence with the same
 * region, indicator and period share a row ("增幅43.7%,位列京口区第一" is one row with yoy and rank),
 * as long as they do not compete for a column.
 *
 * The table has no column for a completion rate or a gap to 序时进度 (the dashboard derives both
 * from target and actual), nor for a change that is not a growth in %: such figures get a row of
 * their own under a name that says what they are ("固定资产投资完成率"), so that nothing read from
 * the report is silently dropped and a reviewer can delete what the dashboard derives anyway.
 */
import type { Qualifier } from '../domain/model'
import type { Candidate } from './types'

export const INTERCHANGE_COLUMNS = ['region', 'indicator', 'unit', 'period', 'actual', 'target', 'yoy', 'rank', 'source', 'quote'] as const
export type InterchangeColumn = (typeof INTERCHANGE_COLUMNS)[number]
export type InterchangeRow = Record<InterchangeColumn, string>

type ValueColumn = 'actual' | 'target' | 'yoy' | 'rank'

/** The indicator name of a figure that has no column of its own, by role. */
function rowIndicator(c: Candidate): string {
  const name = c.indicator ?? ''
  if (c.role === 'completion_rate') return `${name}完成率`
  if (c.role === 'gap') return `${name}较序时进度`
  if (c.role === 'growth' && c.baseUnit !== '%') return `${name}同比增减`
  // "镇高新出资1亿元,占比7.78%": the share is of the amount just named, not the amount itself.
  if (c.role === 'share' && !/(?:占比|比重|比例|率)$/.test(name)) return `${name}占比`
  return name
}

function columnOf(c: Candidate): ValueColumn {
  if (c.role === 'target') return 'target'
  if (c.role === 'rank') return 'rank'
  if (c.role === 'growth' && c.baseUnit === '%') return 'yoy'
  return 'actual'
}

/** How a qualifier is written in a table cell, in the forms the number reader takes back ("300余"). */
function cell(value: number, upper: number | null, qualifier: Qualifier | null): string {
  const v = String(value)
  switch (qualifier) {
    case 'more-than':
      return `${v}余`
    case 'about':
      return `约${v}`
    case 'nearly':
      return `近${v}`
    case 'over':
      return `超过${v}`
    case 'range':
      return upper === null ? v : `${v}-${String(upper)}`
    case null:
      return v
  }
}

/** Page-break whitespace out of a quote, as check:sources reads quotes back. */
function quoteOf(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s*\n\s*/g, '')
}

interface Pending {
  row: InterchangeRow
  quoteStart: number
  quoteEnd: number
}

export interface RowOptions {
  /** Names the document in every row. */
  source?: string
  /** The period of figures whose sentence states none (the report's year, say `2023`). */
  defaultPeriod?: string
}

/**
 * Rows for the given candidates of `text` (the same string they were extracted from). Rows of one
 * sentence with the same region, indicator and period are merged while their columns are free.
 */
export function candidatesToRows(text: string, candidates: readonly Candidate[], options: RowOptions = {}): InterchangeRow[] {
  const rows: Pending[] = []
  // Open rows of the current sentence by (region, indicator, period).
  let sentence = -1
  let open = new Map<string, Pending>()
  for (const c of candidates) {
    if (c.sentence.start !== sentence) {
      sentence = c.sentence.start
      open = new Map()
    }
    const region = c.subject?.name ?? ''
    const indicator = rowIndicator(c)
    const period = c.period === null ? (options.defaultPeriod ?? '') : (c.period.key ?? c.period.text)
    const column = columnOf(c)
    // Qualifiers are kept for the actual only: a target or a growth rate "余" is not a figure to store.
    const value = column === 'actual' ? cell(c.value, c.upper, c.qualifier) : String(c.value)
    const key = JSON.stringify([region, indicator, period])
    const same = open.get(key)
    if (same !== undefined && same.row[column] === '') {
      same.row[column] = value
      same.quoteStart = Math.min(same.quoteStart, c.clause.start)
      same.quoteEnd = Math.max(same.quoteEnd, c.clause.end)
      same.row.quote = quoteOf(text, same.quoteStart, same.quoteEnd)
      continue
    }
    const row: InterchangeRow = {
      region,
      indicator,
      unit: column === 'rank' ? '位' : c.unit,
      period,
      actual: '',
      target: '',
      yoy: '',
      rank: '',
      source: options.source ?? '',
      quote: quoteOf(text, c.clause.start, c.clause.end),
    }
    row[column] = value
    const pending = { row, quoteStart: c.clause.start, quoteEnd: c.clause.end }
    rows.push(pending)
    open.set(key, pending)
  }
  return rows.map((p) => p.row)
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** RFC 4180 CSV with a header row and CRLF line ends, as spreadsheet programs expect. */
export function toCsv(rows: readonly InterchangeRow[]): string {
  const lines = [INTERCHANGE_COLUMNS.join(',')]
  for (const row of rows) lines.push(INTERCHANGE_COLUMNS.map((col) => csvField(row[col])).join(','))
  return `${lines.join('\r\n')}\r\n`
}
