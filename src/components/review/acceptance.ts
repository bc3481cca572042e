/**
 * Accepting reviewed figures, up to (not including) storing and activating: the figures become
 * interchange rows, the rows go through the same import and validation as a table a user brings,
 * and the valid result is appended to the active dataset and validated again as a whole. Pure
 * apart from awaiting the import; no Vue, no storage, so it runs in unit tests as it runs in the page.
 *
 * Nothing is merged while any accepted row has an error: a reviewer fixes or unticks it first.
 */
import { toCsv, type Candidate } from '../../extract'
import type { Dataset } from '../../domain/model'
import type { PeriodContext } from '../../domain/period'
import { revalidateDataset } from '../../io/datasetFile'
import { runImport } from '../../io/importPipeline'
import { mergeDatasets } from '../../io/mergeDatasets'
import type { ValidationIssue } from '../../io/validationIssue'
import { buildReviewRows, issueRowIndex, type ReviewRows } from './reviewRows'

export interface AcceptanceInput {
  /** The text the candidates were extracted from. */
  text: string
  /** The accepted figures, corrected, in text order. */
  candidates: readonly Candidate[]
  /** The document every figure comes from, as the reviewer named it. */
  source: string
  /** The report's year (for figures without a period) and date (for 今年以来). */
  context: PeriodContext
  /** The dataset the figures are added to. */
  base: Dataset
  /** Name of the table in issue locations. */
  file: string
}

export type AcceptanceOutcome =
  /** The accepted rows have errors: nothing was merged. `issues` holds every issue of the import. */
  | { status: 'invalid'; rows: ReviewRows; issues: ValidationIssue[] }
  /** The rows are valid but the merged dataset is not: nothing was merged. */
  | { status: 'rejected'; rows: ReviewRows; issues: ValidationIssue[] }
  | {
      status: 'merged'
      rows: ReviewRows
      /** The merged dataset, validated as a whole. */
      dataset: Dataset
      /** Rows new to the dataset, and rows whose region, indicator and period it already had. */
      added: number
      skipped: number
      /** Ids of the observations that are new. */
      addedIds: string[]
      /** Warnings of the import (the rows were still added) and of the merged dataset. */
      importWarnings: ValidationIssue[]
      datasetIssues: ValidationIssue[]
    }

/**
 * "Duplicates row 3" names a row of a table the reviewer never sees: the figures of that row are
 * added as `firstFigure`, which the review page says instead (issueText.ts).
 */
function nameFirstRow(issue: ValidationIssue, rows: ReviewRows, candidates: readonly Candidate[]): ValidationIssue {
  const firstRow = issue.params.firstRow
  if (issue.code !== 'duplicateRow' || typeof firstRow !== 'number') return issue
  const row = issueRowIndex({ ...issue, location: { ...issue.location, row: firstRow } })
  const texts = (row === null ? [] : (rows.figures[row] ?? [])).flatMap((i) => {
    const c = candidates[i]
    return c === undefined ? [] : [c.text]
  })
  return texts.length === 0 ? issue : { ...issue, params: { ...issue.params, firstFigure: texts.join('、') } }
}

export async function prepareAcceptance(input: AcceptanceInput): Promise<AcceptanceOutcome> {
  const rows = buildReviewRows(input.text, input.candidates, {
    source: input.source,
    defaultPeriod: String(input.context.year),
  })
  // The rows as a CSV table, read back exactly as an imported file would be.
  const result = await runImport(
    { kind: 'text', text: toCsv(rows.rows), name: input.file },
    { format: 'csv', periodContext: input.context, datasetName: { zh: input.source, en: input.source } },
  )
  if (result.dataset === null || result.issues.some((i) => i.severity === 'error')) {
    return { status: 'invalid', rows, issues: result.issues.map((issue) => nameFirstRow(issue, rows, input.candidates)) }
  }
  const merged = mergeDatasets(input.base, result.dataset, 'append')
  const validated = revalidateDataset(merged.dataset, input.file)
  if (validated.dataset === null) {
    return { status: 'rejected', rows, issues: validated.issues.filter((i) => i.severity === 'error') }
  }
  const before = new Set(input.base.observations.map((o) => o.id))
  return {
    status: 'merged',
    rows,
    dataset: validated.dataset,
    added: merged.added,
    skipped: merged.skipped,
    addedIds: validated.dataset.observations.filter((o) => !before.has(o.id)).map((o) => o.id),
    importWarnings: result.issues,
    datasetIssues: validated.issues,
  }
}
