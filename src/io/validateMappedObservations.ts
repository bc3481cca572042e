/**
 * The observations of a mapped table, validated without running the dataset schema and every
 * cross-check over each of them again.
 *
 * `interchangeMapper.ts` builds every observation itself, and most of what `validateDatasetValue`
 * checks cannot fail for what it builds: ids are `stableId` hashes in the id alphabet, references
 * point at the regions, indicators and documents it lists, (region, indicator, period) keys and ids
 * are unique across the whole table, a row with no figure is refused, periods are ones it parsed,
 * and evidence is only added for a figure that is there and that its quote states, with a
 * document. Re-checking all that costs seconds at 360,000 rows (the schema, and a second reading of
 * each quote) and finds nothing. What can fail is checked here, with the same issues in the same
 * order as `crossCheckDataset` reports them: the figures' own checks (`checkObservationFigures`: a
 * target ≤ 0, a figure out of its kind's range, …) and the count of figures without a quote.
 *
 * The schema's checks of values a cell can still get wrong (a number that overflows to Infinity in
 * base units, a quote the mapper should never write) are verified too; when one fails, the caller
 * validates that part in full instead, so those rare tables get exactly the issues the schema gives.
 */
import type { Dataset, IndicatorKind, Observation } from '../domain/model'
import { FIGURES_WITH_EVIDENCE, checkObservationFigures, lacksEvidence, type ObservationIssueSink } from './validateDataset'
import type { ObservationDecoder } from './observationTransfer'
import type { ValidationIssue } from './validationIssue'

/** Maximum length of a quote in the dataset format (`datasetSchema.ts`). */
const MAX_QUOTE = 500

export interface MappedObservations {
  /** Indexes (into the columns) of the observations without an error, in order: the schema would have returned them unchanged. */
  accepted: number[]
  /** How many observations were left out for an error. */
  rejected: number
  /** Issues as `crossCheckDataset` reports them (paths relative to `from`), except … */
  issues: ValidationIssue[]
  /** … 'figureWithoutEvidence', only counted: one per figure of most sourced rows. */
  figuresWithoutEvidence: number
}

/**
 * Validates observations `from` to `to` (exclusive) of a mapped table (`rows` reads them one at a
 * time) whose regions, indicators and documents `head` holds, already validated. Null when an
 * observation has a value only the schema can report on: validate the part with
 * `validateDatasetValue` then.
 */
export function validateMappedObservations(rows: ObservationDecoder, from: number, to: number, head: Dataset, file: string): MappedObservations | null {
  const kinds = new Map<string, IndicatorKind>()
  for (const indicator of head.indicators) kinds.set(indicator.id, indicator.kind)

  const accepted: number[] = []
  let rejected = 0
  const issues: ValidationIssue[] = []
  let withoutEvidence = 0
  // The observation being checked, for the sink: one closure for the part, not one per row.
  let index = 0
  let current: Observation | null = null
  let failed = false
  const report: ObservationIssueSink = (severity, code, field, params = {}) => {
    const at = index - from
    const path: Array<string | number> = field ? ['observations', at, field] : ['observations', at]
    issues.push({ severity, code, location: { file, path, record: current?.id }, params })
    if (severity === 'error') failed = true
  }

  for (index = from; index < to; index++) {
    current = rows.view(index)
    // Rare: what this part reported so far is dropped, and the caller runs the schema over it.
    if (!schemaAccepts(current)) return null
    failed = false
    checkObservationFigures(current, kinds.get(current.indicatorId), report)
    for (const field of FIGURES_WITH_EVIDENCE) if (lacksEvidence(current, field)) withoutEvidence++
    if (failed) rejected++
    else accepted.push(index)
  }
  return { accepted, rejected, issues, figuresWithoutEvidence: withoutEvidence }
}

function isFigure(value: number | null): boolean {
  return value === null || Number.isFinite(value)
}

/**
 * Would the schema take this observation as it is? The values a cell decides are checked; ids,
 * references, periods and words from the mapper's own vocabularies are right by construction.
 */
function schemaAccepts(o: Observation): boolean {
  if (!isFigure(o.actual) || !isFigure(o.actualUpper) || !isFigure(o.target) || !isFigure(o.yoy)) return false
  if (o.rank !== null && !(Number.isInteger(o.rank) && o.rank >= 1)) return false
  for (const e of o.evidence) {
    // The schema trims a quote before it checks it; the mapper's quotes are trimmed already.
    if (e.quote !== e.quote.trim() || e.quote === '' || e.quote.length > MAX_QUOTE) return false
  }
  return true
}
