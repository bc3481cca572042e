/**
 * Validates a dataset document: structure first (valibot), then the cross-checks a schema cannot
 * express: references resolve, nothing is duplicated, values are plausible for their kind, and each
 * quote really states the figure it vouches for.
 */
import * as v from 'valibot'
import type { Dataset, EvidenceField, IndicatorKind, Observation, YearMonth } from '../domain/model'
import { findQuantities, type Quantity } from '../domain/chineseNumber'
import { periodKey } from '../domain/period'
import { datasetSchema } from './datasetSchema'
import type { IssueCode, ValidationIssue } from './validationIssue'
import { hasErrors } from './validationIssue'

export interface DatasetValidation {
  /** The dataset, only when there is no error: a file with errors never becomes the data. */
  dataset: Dataset | null
  issues: ValidationIssue[]
}

const SCHEMA_CODES = new Set<string>([
  'empty',
  'id',
  'period',
  'yearMonth',
  'finite',
  'integer',
  'rankMin',
  'quoteLength',
  'schemaVersion',
])
const ENUM_MESSAGES = new Set(['level', 'category', 'kind', 'direction', 'qualifier', 'field'])

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : String(value)
}

function labelFor(input: unknown, path: Array<string | number>): string | undefined {
  // The id of the record the issue is in (observations[12] → "000-13"), so a reader can search for it.
  if (path.length < 2 || typeof path[1] !== 'number' || typeof input !== 'object' || input === null) return undefined
  const list = (input as Record<string, unknown>)[String(path[0])]
  if (!Array.isArray(list)) return undefined
  const record: unknown = list[path[1]]
  if (typeof record === 'object' && record !== null && 'id' in record && typeof record.id === 'string') return record.id
  return undefined
}

function schemaIssue(issue: v.BaseIssue<unknown>, input: unknown, file: string): ValidationIssue {
  const path = (issue.path ?? []).map((item) => item.key as string | number)
  const location = { file, path, record: labelFor(input, path) }
  const value = describeValue(issue.input)
  let code: IssueCode
  let params: Record<string, string | number> = { value }
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    code = 'unknownKey'
    params = { key: String(path[path.length - 1]) }
  } else if (issue.received === 'undefined' && path.length > 0) {
    code = 'missingKey'
    params = { key: String(path[path.length - 1]) }
  } else if (SCHEMA_CODES.has(issue.message)) {
    code = issue.message as IssueCode
  } else if (ENUM_MESSAGES.has(issue.message)) {
    code = 'enum'
    params = { value, allowed: (issue.expected ?? '').replace(/"/g, '') }
  } else {
    code = 'type'
    params = { expected: issue.expected ?? '?', received: issue.received }
  }
  return { severity: 'error', code, location, params }
}

/** A fall cannot exceed 100 %; a rise of 1000× is a typo, not a street. */
const GROWTH_RANGE: [number, number] = [-100, 100000]

/** Where a figure of this kind can plausibly lie. Counts and amounts are open-ended above. */
const PLAUSIBLE: Partial<Record<IndicatorKind, [number, number]>> = {
  rate: [0, 100],
  share: [0, 100],
  progress: [0, 100],
  growth: GROWTH_RANGE,
  amount: [0, Number.POSITIVE_INFINITY],
  count: [0, Number.POSITIVE_INFINITY],
  area: [0, Number.POSITIVE_INFINITY],
}

function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

const FALL_WORDS = /下降|减少|回落|下滑/

/** What a quote states, read once so that every figure of a row can be checked against it. */
export interface QuoteReading {
  found: readonly Quantity[]
  /** The quote speaks of a fall: a YoY of −3.2 matches the "3.2" it writes. */
  falls: boolean
}

export function readQuote(quote: string): QuoteReading {
  return { found: findQuantities(quote), falls: FALL_WORDS.test(quote) }
}

/** Does the quote state this figure? Any number in it, magnitude applied, may match. */
export function readingStates(reading: QuoteReading, field: EvidenceField, value: number): boolean {
  return reading.found.some((q) => {
    if (field === 'rank') return q.unit === 'rank' && sameNumber(q.value, value)
    if (field === 'yoy' && reading.falls) return sameNumber(q.value, Math.abs(value))
    return sameNumber(q.value, value)
  })
}

export function quoteStates(quote: string, field: EvidenceField, value: number): boolean {
  return readingStates(readQuote(quote), field, value)
}

/** Receives one cross-check issue of an observation; `field` (if any) ends its path. */
export type ObservationIssueSink = (
  severity: ValidationIssue['severity'],
  code: IssueCode,
  field: string | undefined,
  params?: Record<string, string | number>,
) => void

/**
 * The checks of an observation's own figures: a target above zero, a range with its upper bound,
 * a target period that does not end before the period, and figures plausible for the indicator's
 * kind. They depend on nothing but the observation and its indicator's kind, so they can fail for
 * any dataset however it was built: the import's trusted path (`validateMappedDataset.ts`) runs
 * exactly these, in this order, where `crossCheckDataset` runs them among its other checks.
 */
export function checkObservationFigures(obs: Observation, kind: IndicatorKind | undefined, report: ObservationIssueSink): void {
  if (obs.target !== null && obs.target <= 0) report('error', 'targetNotPositive', 'target', { value: obs.target })
  if (obs.qualifier === 'range' && obs.actualUpper === null) report('error', 'rangeWithoutUpper', 'actualUpper')
  if (obs.qualifier !== 'range' && obs.actualUpper !== null) report('error', 'upperWithoutRange', 'actualUpper')
  if (obs.targetPeriod !== null && monthIndex(obs.targetPeriod.end) < monthIndex(obs.period.start))
    report('error', 'targetPeriodBeforePeriod', 'targetPeriod', {
      targetPeriod: periodKey(obs.targetPeriod),
      period: periodKey(obs.period),
    })

  const range = kind === undefined ? undefined : PLAUSIBLE[kind]
  if (range && kind !== undefined) {
    for (const field of FIGURES_WITH_RANGE) {
      const value = obs[field]
      // A target ≤ 0 already has its own, clearer message.
      if (field === 'target' && value !== null && value <= 0) continue
      if (value !== null && (value < range[0] || value > range[1]))
        report('error', 'outOfRange', field, { field, value, min: range[0], max: Number.isFinite(range[1]) ? range[1] : '∞', kind })
    }
  }
  // YoY is a growth rate whatever the indicator's own kind: the growth range applies.
  const [growthMin, growthMax] = GROWTH_RANGE
  if (obs.yoy !== null && obs.yoy < growthMin)
    report('error', 'outOfRange', 'yoy', { field: 'yoy', value: obs.yoy, min: growthMin, max: growthMax, kind: 'growth' })
}

const FIGURES_WITH_RANGE = ['actual', 'actualUpper', 'target'] as const

/** The figures a document's observation should each have a quote for. */
export const FIGURES_WITH_EVIDENCE = ['actual', 'target', 'yoy', 'rank'] as const

/** Is this figure of an observation from a document without a quote that vouches for it ('figureWithoutEvidence')? */
export function lacksEvidence(obs: Observation, field: EvidenceField): boolean {
  if (obs.documentId === null || obs[field] === null) return false
  for (const e of obs.evidence) if (e.field === field) return false
  return true
}

export function crossCheckDataset(dataset: Dataset, file: string): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const add = (
    severity: ValidationIssue['severity'],
    code: IssueCode,
    path: Array<string | number>,
    params: Record<string, string | number> = {},
    record?: string,
  ): void => {
    issues.push({ severity, code, location: { file, path, record }, params })
  }

  const collections = ['documents', 'subjects', 'indicators', 'observations'] as const
  for (const name of collections) {
    const seen = new Map<string, number>()
    dataset[name].forEach((item, i) => {
      const first = seen.get(item.id)
      if (first !== undefined) add('error', 'duplicateId', [name, i, 'id'], { value: item.id, first: `${name}[${first}]` }, item.id)
      else seen.set(item.id, i)
    })
  }

  const subjects = new Map(dataset.subjects.map((s) => [s.id, s]))
  const indicators = new Map(dataset.indicators.map((s) => [s.id, s]))
  const documents = new Set(dataset.documents.map((d) => d.id))

  dataset.subjects.forEach((subject, i) => {
    if (subject.parentId !== null && !subjects.has(subject.parentId)) {
      add('error', 'unknownRef', ['subjects', i, 'parentId'], { field: 'parentId', value: subject.parentId }, subject.id)
      return
    }
    // Walk up; a chain longer than the number of subjects must loop.
    const chain = [subject.id]
    let cursor = subject.parentId
    while (cursor !== null && chain.length <= subjects.size) {
      chain.push(cursor)
      if (cursor === subject.id) {
        add('error', 'parentCycle', ['subjects', i, 'parentId'], { chain: chain.join(' → ') }, subject.id)
        break
      }
      cursor = subjects.get(cursor)?.parentId ?? null
    }
  })

  const keys = new Map<string, string>()
  dataset.observations.forEach((obs, i) => checkObservation(obs, i))

  function checkObservation(obs: Observation, i: number): void {
    const at = (field?: string): Array<string | number> => (field ? ['observations', i, field] : ['observations', i])
    const warn = (code: IssueCode, field: string | undefined, params: Record<string, string | number> = {}): void =>
      add('warning', code, at(field), params, obs.id)
    const error = (code: IssueCode, field: string | undefined, params: Record<string, string | number> = {}): void =>
      add('error', code, at(field), params, obs.id)

    if (!subjects.has(obs.subjectId)) error('unknownRef', 'subjectId', { field: 'subjectId', value: obs.subjectId })
    const indicator = indicators.get(obs.indicatorId)
    if (!indicator) error('unknownRef', 'indicatorId', { field: 'indicatorId', value: obs.indicatorId })
    if (obs.rankScopeId !== null && !subjects.has(obs.rankScopeId))
      error('unknownRef', 'rankScopeId', { field: 'rankScopeId', value: obs.rankScopeId })
    if (obs.documentId !== null && !documents.has(obs.documentId))
      error('unknownRef', 'documentId', { field: 'documentId', value: obs.documentId })

    const key = `${obs.subjectId} · ${obs.indicatorId} · ${periodKey(obs.period)}`
    const other = keys.get(key)
    if (other !== undefined) error('duplicateKey', undefined, { other, key })
    else keys.set(key, obs.id)

    if (obs.actual === null && obs.target === null && obs.yoy === null && obs.rank === null) error('noFigures', undefined)
    checkObservationFigures(obs, indicator?.kind, (severity, code, field, params) => add(severity, code, at(field), params, obs.id))

    // Provenance: a figure from a document carries the clause that states it.
    if (obs.evidence.length > 0 && obs.documentId === null) error('evidenceWithoutDocument', 'documentId')
    obs.evidence.forEach((evidence, j) => {
      const value = obs[evidence.field]
      const path = ['observations', i, 'evidence', j, 'quote']
      if (value === null) {
        add('error', 'evidenceForEmptyField', path, { field: evidence.field }, obs.id)
      } else if (!quoteStates(evidence.quote, evidence.field, value)) {
        add('error', 'quoteMismatch', path, { field: evidence.field, value, quote: evidence.quote }, obs.id)
      }
    })
    for (const field of FIGURES_WITH_EVIDENCE) if (lacksEvidence(obs, field)) warn('figureWithoutEvidence', field, { field })
  }

  return issues
}

/** Validates an already-parsed JSON value. */
export function validateDatasetValue(input: unknown, file: string): DatasetValidation {
  const result = v.safeParse(datasetSchema, input, { abortEarly: false })
  if (!result.success) return { dataset: null, issues: result.issues.map((i) => schemaIssue(i, input, file)) }
  const issues = crossCheckDataset(result.output, file)
  return { dataset: hasErrors(issues) ? null : result.output, issues }
}

/** Reads a dataset from JSON text (a file's contents). */
export function validateDatasetText(text: string, file: string): DatasetValidation {
  let input: unknown
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return { dataset: null, issues: [{ severity: 'error', code: 'jsonSyntax', location: { file }, params: { reason } }] }
  }
  return validateDatasetValue(input, file)
}
