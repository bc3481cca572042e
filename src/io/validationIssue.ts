/**
 * A problem found while reading or validating data. Issues carry a code and parameters, not
 * text, so the same issue reads in Chinese or English (see `validationMessages.ts`) wherever it is
 * shown: the CLI, the import page, a test.
 */

export type Severity = 'error' | 'warning'

export type IssueCode =
  // reading
  | 'fileUnreadable'
  | 'jsonSyntax'
  // structure (schema)
  | 'type'
  | 'unknownKey'
  | 'missingKey'
  | 'empty'
  | 'id'
  | 'period'
  | 'yearMonth'
  | 'finite'
  | 'enum'
  | 'integer'
  | 'rankMin'
  | 'quoteLength'
  | 'schemaVersion'
  // cross-checks
  | 'unknownRef'
  | 'duplicateId'
  | 'duplicateKey'
  | 'parentCycle'
  | 'noFigures'
  | 'targetNotPositive'
  | 'outOfRange'
  | 'rangeWithoutUpper'
  | 'upperWithoutRange'
  | 'evidenceForEmptyField'
  | 'figureWithoutEvidence'
  | 'evidenceWithoutDocument'
  | 'quoteMismatch'
  | 'targetPeriodBeforePeriod'
  // importing files and links (tables, spreadsheets, URLs): file level
  | 'fileTooLarge'
  | 'tooManyRows'
  | 'unsupportedFormat'
  | 'legacyXls'
  | 'emptyTable'
  | 'encodingDamaged'
  | 'missingColumn'
  | 'duplicateColumn'
  | 'ignoredColumn'
  | 'unclosedQuote'
  | 'forbiddenKey'
  | 'urlNotAllowed'
  | 'fetchFailed'
  | 'fetchTimeout'
  | 'figuresWithoutQuote'
  | 'issuesTruncated'
  | 'noValidRows'
  // importing tables: row level (location.row and location.column say where)
  | 'requiredCell'
  | 'badUnit'
  | 'unitMismatch'
  | 'unitConflict'
  | 'extraCells'
  | 'qualifierIgnored'
  | 'ambiguousRegion'
  | 'ambiguousParent'
  | 'attributeConflict'
  | 'duplicateRow'
  | 'quoteUnmatched'

export interface IssueLocation {
  /** File name as the user knows it (e.g. "data/dataset.json", "街道指标.csv"). */
  file: string
  /** Path inside a JSON document, e.g. ['observations', 12, 'target']. */
  path?: Array<string | number>
  /** Human label of the record, e.g. the observation id, to find it quickly. */
  record?: string
  /** 1-based row of a table (the header is row 1) and its column header, for tabular files. */
  row?: number
  column?: string
  /**
   * The cell as written, for tabular files. Issues found after a cell was read (a figure out of
   * range, a duplicate) give the value as read instead, e.g. "130" for an actual of 130.
   */
  cell?: string
}

export interface ValidationIssue {
  severity: Severity
  code: IssueCode
  location: IssueLocation
  params: Record<string, string | number>
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error')
}
