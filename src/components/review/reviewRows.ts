/**
 * From reviewed candidates to interchange rows: the reviewer's corrections applied to what the
 * extractor read, and for every row the figures it was built from (so an import issue about row 3
 * can be shown next to the figures of row 3). Pure.
 */
import { candidatesToRows, type Candidate, type InterchangeRow, type Role, type RowOptions } from '../../extract'
import type { ValidationIssue } from '../../io/validationIssue'

/** What a reviewer may change about a figure; a field left out keeps the extractor's reading. */
export interface ReviewEdit {
  role?: Role
  subject?: string
  indicator?: string
  period?: string
}

/** The four editable fields as the table shows them (empty text: nothing read). */
export interface ReviewFields {
  role: Role
  subject: string
  indicator: string
  /** A period key ("2023-01..2023-10") or a phrase the import reads ("1-10月", "今年以来"). */
  period: string
}

export function originalFields(c: Candidate): ReviewFields {
  return {
    role: c.role,
    subject: c.subject?.name ?? '',
    indicator: c.indicator ?? '',
    period: c.period === null ? '' : (c.period.key ?? c.period.text),
  }
}

export function effectiveFields(c: Candidate, edit: ReviewEdit | undefined): ReviewFields {
  const fields = originalFields(c)
  if (edit === undefined) return fields
  return {
    role: edit.role ?? fields.role,
    subject: edit.subject ?? fields.subject,
    indicator: edit.indicator ?? fields.indicator,
    period: edit.period ?? fields.period,
  }
}

/** True when the reviewer changed at least one field from what was read. */
export function isEdited(c: Candidate, edit: ReviewEdit | undefined): boolean {
  if (edit === undefined) return false
  const a = originalFields(c)
  const b = effectiveFields(c, edit)
  return a.role !== b.role || a.subject !== b.subject.trim() || a.indicator !== b.indicator.trim() || a.period !== b.period.trim()
}

/** The candidate as the reviewer corrected it: the same figure, quote and offsets, other fields as edited. */
export function applyEdit(c: Candidate, edit: ReviewEdit | undefined): Candidate {
  if (edit === undefined) return c
  const f = effectiveFields(c, edit)
  const subject = f.subject.trim()
  const indicator = f.indicator.trim()
  const period = f.period.trim()
  const original = originalFields(c)
  return {
    ...c,
    role: f.role,
    subject:
      subject === ''
        ? null
        : subject === original.subject && c.subject !== null
          ? c.subject
          : // A name the reviewer typed: no place in the text, no level (the import infers it from the name).
            { start: c.start, end: c.start, text: '', name: subject, level: null, via: 'clause' },
    indicator: indicator === '' ? null : indicator,
    period:
      period === ''
        ? null
        : period === original.period && c.period !== null
          ? c.period
          : { start: c.start, end: c.start, text: period, key: period },
  }
}

export interface ReviewRows {
  rows: InterchangeRow[]
  /** For each row, the positions (in the list given) of the figures it holds. */
  figures: number[][]
}

/**
 * The interchange rows of `candidates` (corrected, in text order), exactly as `candidatesToRows`
 * builds them, with the figures behind each row. Rows are only ever merged within a sentence, so
 * each run of figures of one sentence is built up one figure at a time to see where each lands.
 */
export function buildReviewRows(text: string, candidates: readonly Candidate[], options: RowOptions = {}): ReviewRows {
  const rows: InterchangeRow[] = []
  const figures: number[][] = []
  let from = 0
  while (from < candidates.length) {
    const sentence = candidates[from]?.sentence.start
    let to = from + 1
    while (to < candidates.length && candidates[to]?.sentence.start === sentence) to++
    let previous: InterchangeRow[] = []
    let held: number[][] = []
    for (let i = from; i < to; i++) {
      const next = candidatesToRows(text, candidates.slice(from, i + 1), options)
      if (next.length > previous.length) {
        held.push([i])
      } else {
        // Merged into an existing row of the sentence: the one whose cells changed.
        let changed = next.findIndex((row, j) => JSON.stringify(row) !== JSON.stringify(previous[j]))
        if (changed < 0) changed = next.length - 1
        held = held.map((list, j) => (j === changed ? [...list, i] : list))
      }
      previous = next
    }
    rows.push(...previous)
    figures.push(...held)
    from = to
  }
  return { rows, figures }
}

/** The table row (0-based, header excluded) an import issue is about, or null for the table as a whole. */
export function issueRowIndex(issue: ValidationIssue): number | null {
  const row = issue.location.row
  // Row 1 is the header: the first data row is row 2.
  return row === undefined || row < 2 ? null : row - 2
}

/** Import issues by the figures (positions in the list given to `buildReviewRows`) they are about. */
export function issuesByFigure(issues: readonly ValidationIssue[], rows: ReviewRows): Map<number, ValidationIssue[]> {
  const out = new Map<number, ValidationIssue[]>()
  for (const issue of issues) {
    const row = issueRowIndex(issue)
    if (row === null) continue
    for (const figure of rows.figures[row] ?? []) {
      const list = out.get(figure)
      if (list) list.push(issue)
      else out.set(figure, [issue])
    }
  }
  return out
}

const YEAR_MENTION = /(?<![0-9０-９])((?:19|20)[0-9]{2})年/g

/**
 * The year a report is most likely about: the year it names most often ("2023年"), the latest of
 * those named equally often; null when it names none.
 */
export function guessReportYear(text: string): number | null {
  const counts = new Map<number, number>()
  for (const m of text.matchAll(YEAR_MENTION)) {
    const year = Number(m[1])
    counts.set(year, (counts.get(year) ?? 0) + 1)
  }
  let best: number | null = null
  for (const [year, n] of counts) {
    const bestCount = best === null ? 0 : (counts.get(best) ?? 0)
    if (best === null || n > bestCount || (n === bestCount && year > best)) best = year
  }
  return best
}
