/**
 * What the import page shows of an `ImportResult`, as plain data: the rows of the validation report,
 * the counts above it, the mapping to prefill the column-mapping step with, and a name for the new
 * dataset. No Vue here, so all of it is unit-tested in Node (tests/unit/import-report.test.ts).
 */
import type { LocaleCode } from '../domain/model'
import type { ImportResult } from './importResult'
import { INTERCHANGE_FIELDS, type ColumnMapping, type InterchangeField } from './interchangeColumns'
import type { Severity, ValidationIssue } from './validationIssue'
import { describeIssue } from './validationMessages'

/** One line of the validation report. Every value is text to show as text (never markup). */
export interface ReportRow {
  severity: Severity
  /** The table row as a spreadsheet numbers it; null for an issue about the whole file. */
  row: number | null
  /** The column header as written in the file; null when the issue is about a whole row or file. */
  column: string | null
  /** The cell as written (or as read); null when there is none. */
  value: string | null
  message: string
}

/** The report rows for these issues in the user's language, errors first, then by row. */
export function reportRows(issues: readonly ValidationIssue[], locale: LocaleCode): ReportRow[] {
  const rows = issues.map((issue, order) => ({
    order,
    row: {
      severity: issue.severity,
      row: issue.location.row ?? null,
      column: issue.location.column ?? null,
      value: issue.location.cell ?? null,
      message: describeIssue(issue, locale),
    },
  }))
  const rank = (s: Severity): number => (s === 'error' ? 0 : 1)
  rows.sort(
    (a, b) =>
      rank(a.row.severity) - rank(b.row.severity) ||
      (a.row.row ?? 0) - (b.row.row ?? 0) ||
      a.order - b.order,
  )
  return rows.map((r) => r.row)
}

export interface ReportCounts {
  /** Rows below the header that hold anything. */
  rows: number
  /** Rows that go into the dataset. */
  valid: number
  errorRows: number
  warningRows: number
  /** Listed issues by severity. */
  errors: number
  warnings: number
  /** Issues counted but not listed. */
  unlisted: number
}

/** Counts for the report's headline. Row counts are exact; issue counts are of the listed issues. */
export function reportCounts(result: ImportResult): ReportCounts {
  let errors = 0
  let warnings = 0
  for (const issue of result.issues) {
    if (issue.code === 'issuesTruncated') continue
    if (issue.severity === 'error') errors++
    else warnings++
  }
  return {
    rows: result.stats.format === 'json' ? result.stats.observations : result.stats.dataRows,
    valid: result.stats.validRows,
    errorRows: result.stats.errorRows,
    warningRows: result.stats.warningRows,
    errors,
    warnings,
    unlisted: result.stats.issuesTruncated,
  }
}

/**
 * The mapping the column-mapping step opens with: the one remembered for these headers when it
 * still fits them (same number of columns, known fields only), else the suggestion.
 */
export function initialMapping(
  headers: readonly string[],
  suggested: ColumnMapping,
  remembered: ColumnMapping | null,
): { mapping: Array<InterchangeField | null>; remembered: boolean } {
  const known = new Set<string>(INTERCHANGE_FIELDS)
  if (
    remembered !== null &&
    remembered.length === headers.length &&
    remembered.every((f) => f === null || known.has(f))
  ) {
    return { mapping: [...remembered], remembered: true }
  }
  return { mapping: headers.map((_, i) => suggested[i] ?? null), remembered: false }
}

/** Sets one column's field. A field can belong to one column only: a column that had it loses it. */
export function assignField(
  mapping: ReadonlyArray<InterchangeField | null>,
  column: number,
  field: InterchangeField | null,
): Array<InterchangeField | null> {
  return mapping.map((current, i) => {
    if (i === column) return field
    return field !== null && current === field ? null : current
  })
}

/** A dataset name from a file name: the base name without its extension, trimmed; `fallback` if empty. */
export function datasetNameFromFile(fileName: string, fallback: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/\s+/g, ' ').trim()
  return stem === '' ? fallback : stem.slice(0, 120)
}

/** A name the user typed, cleaned: whitespace collapsed and trimmed, at most 120 characters; null if empty. */
export function cleanDatasetName(text: string): string | null {
  const name = text.replace(/\s+/g, ' ').trim().slice(0, 120)
  return name === '' ? null : name
}

/** Files the picker offers. Anything else is still tried (the worker detects the format from the bytes). */
export const IMPORT_ACCEPT = '.csv,.tsv,.tab,.txt,.xlsx,.xlsm,.json,text/csv,text/tab-separated-values,text/plain,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
