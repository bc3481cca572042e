/**
 * The last gate of a table import: the mapped dataset goes through the same `validateDatasetValue`
 * as every other dataset (the embedded one, `?data=` links), and what it finds is pointed back at
 * the rows and columns of the table the user knows, instead of at observations[12].target.
 *
 * "Valid rows only": an observation with an error (a rate of 130 %, a target of 0) is left out and
 * its part is validated again without it, so one bad row never costs the whole table. Errors
 * outside the observations (which the mapper is built not to produce) fail the import: never a
 * dataset that the app's own validation would refuse.
 *
 * Validation runs in parts: first the regions, indicators and documents with no observations, then
 * the observations `PART_SIZE` at a time, each with all of them. This reports progress through a
 * phase that takes seconds at 500,000 rows, and lets each part's input become garbage while the
 * next is checked. What a part cannot see across parts, duplicate ids and duplicate (region,
 * indicator, period) keys, the mapper guarantees for the whole table (`interchangeMapper.ts`).
 *
 * The observations themselves are checked on the trusted path (`validateMappedObservations.ts`):
 * only what can fail for rows the mapper built, with the same issues, in a twentieth of the time.
 * A part with a value only the schema can report on (a figure that overflows to Infinity) is
 * validated in full, as every part is with `mode: 'full'` (which the tests compare the trusted
 * path with).
 */
import type { Dataset, Observation } from '../domain/model'
import { periodKey } from '../domain/period'
import type { IssueCollector } from './importResult'
import type { InterchangeField } from './interchangeColumns'
import type { DatasetFile, MappedDataset } from './interchangeMapper'
import { ObservationColumnsBuilder, ObservationDecoder, type ObservationColumns } from './observationTransfer'
import { validateDatasetValue } from './validateDataset'
import { validateMappedObservations } from './validateMappedObservations'
import type { ValidationIssue } from './validationIssue'

/** Observations validated per call of `validateDatasetValue`. */
export const PART_SIZE = 50_000

/** Which table column a field of a dataset record came from. */
const COLUMN_OF_FIELD: Readonly<Record<string, Readonly<Record<string, InterchangeField>>>> = {
  observations: {
    subjectId: 'region',
    indicatorId: 'indicator',
    period: 'period',
    actual: 'actual',
    actualUpper: 'actual',
    qualifier: 'actual',
    target: 'target',
    targetPeriod: 'target_period',
    yoy: 'yoy',
    rank: 'rank',
    rankScopeId: 'parent',
    documentId: 'source',
    evidence: 'quote',
  },
  subjects: { name: 'region', level: 'level', parentId: 'parent' },
  indicators: { name: 'indicator', unit: 'unit', category: 'category', direction: 'better', kind: 'unit' },
  documents: { title: 'source', url: 'source', published: 'period' },
}

export interface ValidatedImport {
  /** The dataset of the valid rows, its observations left out: they are in `observations`. */
  dataset: Dataset | null
  /** The dataset's observations, as columns (`observationTransfer.ts`). */
  observations: ObservationColumns | null
  /** Rows whose observation is in the dataset. */
  validRows: number
}

type ObservationFile = DatasetFile['observations'][number]

/** What a part of the observations keeps after validation (see step 2). */
type KeptPart = { all: true } | { rows: number[] } | { observations: Observation[] }

/** An observation as a dataset file writes it (periods as keys), for the schema to read. */
function toFile(o: Observation): ObservationFile {
  return {
    ...o,
    period: periodKey(o.period),
    targetPeriod: o.targetPeriod === null ? null : periodKey(o.targetPeriod),
    evidence: o.evidence.map((e) => ({ ...e })),
  }
}

/**
 * Validates a mapped table, reports every issue at its row and column (through `issues`), and
 * returns the dataset of the valid rows (its observations as columns, apart), or null when the
 * regions, indicators or documents themselves are invalid. `onProgress` receives 0..1 as parts are done.
 */
export function validateMappedDataset(
  mapped: MappedDataset,
  headers: ReadonlyMap<InterchangeField, string>,
  issues: IssueCollector,
  onProgress?: (fraction: number) => void,
  mode: 'trusted' | 'full' = 'trusted',
): ValidatedImport {
  const value = mapped.value
  let withoutQuote = 0

  /** Reports one issue at its table row; `rowOf` maps the issue's record index to a row number. */
  const report = (issue: ValidationIssue, rowOf: (collection: string, index: number) => number | undefined): void => {
    if (issue.code === 'figureWithoutEvidence') {
      // One per figure of every sourced row: said once for the table instead of flooding the list.
      withoutQuote++
      return
    }
    const path = issue.location.path ?? []
    const collection = String(path[0] ?? '')
    const row = typeof path[1] === 'number' ? rowOf(collection, path[1]) : undefined
    const field = path[2] === undefined ? undefined : COLUMN_OF_FIELD[collection]?.[String(path[2])]
    const column = field === undefined ? undefined : (headers.get(field) ?? field)
    const cell = issue.params.value
    issues.add({
      ...issue,
      location: {
        ...issue.location,
        ...(row !== undefined ? { row } : {}),
        ...(column !== undefined ? { column } : {}),
        ...(cell !== undefined && row !== undefined ? { cell: String(cell) } : {}),
      },
    })
  }
  const headerRows = (collection: string, index: number): number | undefined => {
    if (collection === 'subjects') return mapped.subjectRows[index]
    if (collection === 'indicators') return mapped.indicatorRows[index]
    if (collection === 'documents') return mapped.documentRows[index]
    return undefined
  }

  // 1. Regions, indicators, documents.
  const head = validateDatasetValue({ ...value, observations: [] }, issues.file)
  for (const issue of head.issues) report(issue, headerRows)
  if (head.dataset === null) {
    if (withoutQuote > 0) issues.forFile('warning', 'figuresWithoutQuote', { count: withoutQuote })
    return { dataset: null, observations: null, validRows: 0 }
  }

  // 2. Observations, part by part. Issues outside the observations were reported in step 1.
  const all = value.observations
  const rowsOf = new ObservationDecoder(all)
  /**
   * What each part keeps: all its rows, the indexes of those that passed, or, for a part the schema
   * validated, the observations it returned. While every row passes, the mapper's columns are the
   * dataset's as they are.
   */
  const kept: KeptPart[] = []
  let rejected = 0
  let copied = false
  for (let start = 0; start < all.count; start += PART_SIZE) {
    const end = Math.min(all.count, start + PART_SIZE)
    let rows = mapped.observationRows.slice(start, end)
    const observationRows = (collection: string, index: number): number | undefined =>
      collection === 'observations' ? rows[index] : undefined
    const trusted = mode === 'trusted' ? validateMappedObservations(rowsOf, start, end, head.dataset, issues.file) : null
    if (trusted !== null) {
      for (const issue of trusted.issues) report(issue, observationRows)
      withoutQuote += trusted.figuresWithoutEvidence
      rejected += trusted.rejected
      kept.push(trusted.rejected === 0 ? { all: true } : { rows: trusted.accepted })
    } else {
      // Rows with errors are left out and the rest validated again, until a pass finds none. One
      // pass is not enough: where the schema fails (an overflowing figure) the cross-checks (a
      // target of 0) never ran, and they only run once the schema passes. Each pass drops at least
      // one row, so this ends; an issue seen in an earlier pass is not said again.
      const observations: Observation[] = []
      rowsOf.decode(start, end, observations)
      let part = observations.map(toFile)
      const said = new Set<string>()
      for (;;) {
        const result = validateDatasetValue({ ...value, observations: part }, issues.file)
        const bad = new Set<number>()
        for (const issue of result.issues) {
          const path = issue.location.path ?? []
          if (path[0] !== 'observations') continue
          const index = path[1]
          const key = `${issue.code}|${typeof index === 'number' ? rows[index] : ''}|${path.slice(2).join('.')}`
          if (!said.has(key)) {
            said.add(key)
            report(issue, observationRows)
          }
          if (issue.severity === 'error' && typeof index === 'number') bad.add(index)
        }
        if (bad.size === 0) {
          kept.push({ observations: result.dataset?.observations ?? [] })
          copied = true
          break
        }
        rejected += bad.size
        part = part.filter((_, i) => !bad.has(i))
        rows = rows.filter((_, i) => !bad.has(i))
      }
    }
    onProgress?.(Math.min(1, end / Math.max(1, all.count)))
  }
  if (withoutQuote > 0) issues.forFile('warning', 'figuresWithoutQuote', { count: withoutQuote })

  // The dataset's columns: the mapper's, unless rows were left out or a part came back as objects.
  let output = all
  if (rejected > 0 || copied) {
    const builder = new ObservationColumnsBuilder(all.count)
    kept.forEach((part, p) => {
      if ('all' in part) for (let i = p * PART_SIZE; i < Math.min(all.count, (p + 1) * PART_SIZE); i++) builder.add(rowsOf.view(i))
      else if ('rows' in part) for (const i of part.rows) builder.add(rowsOf.view(i))
      else for (const o of part.observations) builder.add(o)
    })
    output = builder.finish()
  }

  // 3. With rows left out, drop what no kept row uses (regions above a used one stay).
  let { subjects, indicators, documents } = head.dataset
  if (rejected > 0) {
    const parentOf = new Map(subjects.map((s) => [s.id, s.parentId]))
    const usedSubjects = new Set<string>()
    const usedIndicators = new Set<string>()
    const usedDocuments = new Set<string>()
    const outputRows = new ObservationDecoder(output)
    for (let i = 0; i < output.count; i++) {
      const o = outputRows.view(i)
      usedIndicators.add(o.indicatorId)
      if (o.documentId !== null) usedDocuments.add(o.documentId)
      for (let cursor: string | null = o.subjectId; cursor !== null && !usedSubjects.has(cursor); cursor = parentOf.get(cursor) ?? null)
        usedSubjects.add(cursor)
    }
    subjects = subjects.filter((s) => usedSubjects.has(s.id))
    indicators = indicators.filter((i) => usedIndicators.has(i.id))
    documents = documents.filter((d) => usedDocuments.has(d.id))
  }
  return { dataset: { ...head.dataset, subjects, indicators, documents, observations: [] }, observations: output, validRows: output.count }
}
