/**
 * Extraction of figures from Chinese report text (issue 7). Pure functions only: the CLI
 * (scripts/extract.ts) and the review page both call `extractFigures` on a string.
 */
export { extractFigures, type ExtractOptions } from './extractFigures'
export { candidatesToRows, toCsv, INTERCHANGE_COLUMNS, type InterchangeRow, type InterchangeColumn, type RowOptions } from './interchange'
export { score, combine, type GoldDocument, type GoldFigure, type Score } from './evaluate'
export {
  ROLES,
  FIGURE_KINDS,
  toOutputCandidate,
  outputQualifier,
  type Candidate,
  type OutputCandidate,
  type OutputQualifier,
  type Role,
  type FigureKind,
  type SubjectRef,
  type PeriodRef,
  type Span,
} from './types'
