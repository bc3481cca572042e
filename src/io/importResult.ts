/**
 * What an import hands back to the page: the dataset made of the valid rows (or nothing), every
 * issue with its row and column, a preview of the first rows, and counts. Plain data only, so the
 * whole result crosses a worker boundary by structured clone.
 */
import type { Dataset } from '../domain/model'
import { detachedString } from './detachedString'
import type { TextEncodingName } from './decodeBytes'
import type { Delimiter } from './delimitedText'
import type { ColumnMapping, MappingSuggestion } from './interchangeColumns'
import type { ObservationColumns } from './observationTransfer'
import type { IssueCode, IssueLocation, Severity, ValidationIssue } from './validationIssue'

export type ImportFormat = 'csv' | 'tsv' | 'xlsx' | 'json'

export interface ImportStats {
  format: ImportFormat | null
  encoding: TextEncodingName | null
  delimiter: Delimiter | null
  /** Size of the input in bytes (UTF-16 code units × 2 for pasted text is not counted: its length). */
  bytes: number
  /** Rows below the header that hold anything, and blank rows skipped. */
  dataRows: number
  blankRows: number
  /** Rows that made it into the dataset, and rows with at least one error or warning. */
  validRows: number
  errorRows: number
  warningRows: number
  subjects: number
  indicators: number
  documents: number
  observations: number
  /** Every issue counted by code, including those not listed one by one. */
  issueCounts: Partial<Record<IssueCode, number>>
  /** Issues counted but left out of `issues` to keep the result small. */
  issuesTruncated: number
  elapsedMs: number
}

export type RowStatus = 'ok' | 'warning' | 'error'

export interface PreviewRow {
  /** 1-based row number as a spreadsheet shows it (the header is row 1 in a table starting at the top). */
  row: number
  /** Cells as read, in column order. */
  cells: string[]
  status: RowStatus
}

export interface ImportPreview {
  headers: string[]
  rows: PreviewRow[]
}

export interface MappingState {
  headers: string[]
  /** The mapping the rows were read with (the user's, or the suggestion). */
  mapping: ColumnMapping
  /** Key to remember a user's mapping for tables with the same headers. */
  signature: string
  suggestion: MappingSuggestion
}

export type ImportStatus =
  /** A dataset of the valid rows exists (there may still be issues: rows with errors were left out). */
  | 'ok'
  /** The headers need a mapping step before rows can be read: see `mapping.suggestion`. */
  | 'needs-mapping'
  /** Nothing importable: see `issues`. */
  | 'failed'

export interface ImportResult {
  status: ImportStatus
  /** Valid rows only, already validated with `validateDatasetValue`; null unless status is 'ok'. */
  dataset: Dataset | null
  issues: ValidationIssue[]
  preview: ImportPreview
  /** Null for JSON datasets, which have no columns. */
  mapping: MappingState | null
  stats: ImportStats
  /**
   * The dataset's observations as columns, when the import was asked for them so
   * (`ImportOptions.observationsAs`, what the import worker posts) and read a table: the dataset's
   * own `observations` are then empty.
   */
  observationColumns?: ObservationColumns
}

export function emptyStats(): ImportStats {
  return {
    format: null,
    encoding: null,
    delimiter: null,
    bytes: 0,
    dataRows: 0,
    blankRows: 0,
    validRows: 0,
    errorRows: 0,
    warningRows: 0,
    subjects: 0,
    indicators: 0,
    documents: 0,
    observations: 0,
    issueCounts: {},
    issuesTruncated: 0,
    elapsedMs: 0,
  }
}

/**
 * The issue with copies of the cell and parameter texts it quotes: they are cut from the imported
 * text, and a listed issue outlives it (see `detachedString.ts`).
 */
function withOwnStrings(issue: ValidationIssue): ValidationIssue {
  const { location } = issue
  const params = Object.fromEntries(
    Object.entries(issue.params).map(([key, value]) => [key, typeof value === 'string' ? detachedString(value) : value]),
  )
  const cell = location.cell
  return { ...issue, location: cell === undefined ? location : { ...location, cell: detachedString(cell) }, params }
}

/** How many issues a result lists one by one; the rest are only counted. */
export const MAX_LISTED_ISSUES = 1000

/**
 * Collects issues: lists the first `max`, counts all by code, and remembers the worst severity of
 * every row, so the preview and the row counts stay right even when the list is cut short (a
 * systematic mistake in a 500,000-row file must not produce 500,000 messages).
 */
export class IssueCollector {
  readonly listed: ValidationIssue[] = []
  readonly counts: Partial<Record<IssueCode, number>> = {}
  truncated = 0
  private readonly rowSeverity = new Map<number, Severity>()

  constructor(
    readonly file: string,
    private readonly max = MAX_LISTED_ISSUES,
  ) {}

  add(issue: ValidationIssue): void {
    this.counts[issue.code] = (this.counts[issue.code] ?? 0) + 1
    const row = issue.location.row
    if (row !== undefined && this.rowSeverity.get(row) !== 'error') this.rowSeverity.set(row, issue.severity)
    if (this.listed.length < this.max) this.listed.push(withOwnStrings(issue))
    else this.truncated++
  }

  /** An issue about one cell (or, with column undefined, a whole row). */
  row(
    severity: Severity,
    code: IssueCode,
    row: number,
    column: string | undefined,
    cell: string | undefined,
    params: Record<string, string | number> = {},
  ): void {
    const location: IssueLocation = { file: this.file, row }
    if (column !== undefined) location.column = column
    if (cell !== undefined) location.cell = cell
    this.add({ severity, code, location, params: cell !== undefined && !('value' in params) ? { ...params, value: cell } : params })
  }

  /** An issue about the file as a whole. */
  forFile(severity: Severity, code: IssueCode, params: Record<string, string | number> = {}): void {
    this.add({ severity, code, location: { file: this.file }, params })
  }

  status(row: number): RowStatus {
    const s = this.rowSeverity.get(row)
    return s === undefined ? 'ok' : s
  }

  hasError(row: number): boolean {
    return this.rowSeverity.get(row) === 'error'
  }

  countRows(severity: Severity): number {
    let n = 0
    for (const s of this.rowSeverity.values()) if (s === severity) n++
    return n
  }

  /** The listed issues, ending with a note of how many more were only counted. */
  result(): ValidationIssue[] {
    if (this.truncated === 0) return this.listed
    return [
      ...this.listed,
      { severity: 'warning', code: 'issuesTruncated', location: { file: this.file }, params: { count: this.truncated } },
    ]
  }
}
