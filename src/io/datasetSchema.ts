/**
 * The shape of a dataset file (data/dataset.json and exported datasets), checked with valibot.
 * Structure only: references, duplicates and plausibility are cross-checked in `validateDataset.ts`.
 * Periods are written as canonical keys ("2023", "2023-06", "2023-01..2023-10") and become
 * `Period` objects here, so the rest of the app never re-parses them.
 */
import * as v from 'valibot'
import {
  CATEGORIES,
  EVIDENCE_FIELDS,
  INDICATOR_KINDS,
  QUALIFIERS,
  SUBJECT_LEVELS,
  type Dataset,
} from '../domain/model'
import { parsePeriod } from '../domain/period'

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'))
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'id'))

const localized = v.strictObject({ zh: nonEmpty, en: nonEmpty })

const periodKey = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const period = parsePeriod(dataset.value)
    if (period === null) {
      addIssue({ message: 'period' })
      return NEVER
    }
    return period
  }),
)

const yearMonth = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'yearMonth'),
  v.transform((s) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)) })),
)

const finite = v.pipe(v.number(), v.finite('finite'))

export const documentSchema = v.strictObject({
  id,
  title: localized,
  publisher: localized,
  published: yearMonth,
  dateNote: v.nullable(localized),
  url: v.nullable(v.pipe(v.string(), v.maxLength(2000))),
})

export const subjectSchema = v.strictObject({
  id,
  level: v.picklist(SUBJECT_LEVELS, 'level'),
  name: localized,
  parentId: v.nullable(id),
})

export const indicatorSchema = v.strictObject({
  id,
  name: localized,
  category: v.picklist(CATEGORIES, 'category'),
  unit: nonEmpty,
  kind: v.picklist(INDICATOR_KINDS, 'kind'),
  direction: v.picklist(['higher', 'lower'], 'direction'),
})

export const observationSchema = v.strictObject({
  id,
  subjectId: id,
  indicatorId: id,
  period: periodKey,
  actual: v.nullable(finite),
  actualUpper: v.nullable(finite),
  qualifier: v.nullable(v.picklist(QUALIFIERS, 'qualifier')),
  target: v.nullable(finite),
  targetPeriod: v.nullable(periodKey),
  yoy: v.nullable(finite),
  rank: v.nullable(v.pipe(v.number(), v.integer('integer'), v.minValue(1, 'rankMin'))),
  rankScopeId: v.nullable(id),
  documentId: v.nullable(id),
  evidence: v.array(
    v.strictObject({
      field: v.picklist(EVIDENCE_FIELDS, 'field'),
      quote: v.pipe(nonEmpty, v.maxLength(500, 'quoteLength')),
    }),
  ),
})

export const datasetSchema = v.strictObject({
  schemaVersion: v.literal(1, 'schemaVersion'),
  name: localized,
  documents: v.array(documentSchema),
  subjects: v.array(subjectSchema),
  indicators: v.array(indicatorSchema),
  observations: v.array(observationSchema),
})

// Compile-time proof that the file format and the domain model agree.
type Parsed = v.InferOutput<typeof datasetSchema>
const _sameShape: (parsed: Parsed) => Dataset = (parsed) => parsed
void _sameShape
