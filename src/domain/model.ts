/**
 * The indicator data model. Pure TypeScript: no Vue, no I/O.
 *
 * Values are stored in *base units* (yuan, square metres, counts, percent-as-number), so that
 * 4.32亿元 is always 432,000,000 and the display layer alone decides to write it as 4.32亿元 or
 * "432 million yuan". Percent-like values (rates, growth, shares, progress) are stored as the
 * number before the % sign: 43.7 means 43.7 %.
 */

export type LocaleCode = 'zh-CN' | 'en'

/** Every user-visible name exists in Chinese (the source language) and English. */
export interface LocalizedText {
  zh: string
  en: string
}

/** One hierarchy: city > district > street/town > community/village; orgs and projects hang off a region. */
export const SUBJECT_LEVELS = [
  'city',
  'district',
  'street',
  'town',
  'community',
  'village',
  'org',
  'project',
] as const
export type SubjectLevel = (typeof SUBJECT_LEVELS)[number]

export interface Subject {
  id: string
  level: SubjectLevel
  name: LocalizedText
  /** The region above this one; null only for top-level regions (cities). */
  parentId: string | null
}

export const INDICATOR_KINDS = [
  'amount', // money: 亿元, 万美元
  'count', // 件, 个, 场, 人 …
  'area', // 平方米, 亩
  'rate', // a percent rate such as on-time completion (按时办结率)
  'growth', // a YoY growth rate in %
  'share', // 占比, 比重
  'progress', // construction progress in %, 竣工 = 100
  'rank', // 第一, 第2位
] as const
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]

/** Whether a larger actual is better (investment) or worse (energy use, complaints). */
export type Direction = 'higher' | 'lower'

export const CATEGORIES = ['economy', 'projects', 'livelihood', 'governance', 'community', 'finance'] as const
export type CategoryId = (typeof CATEGORIES)[number]

export interface Indicator {
  id: string
  name: LocalizedText
  category: CategoryId
  /** Base unit id from the unit catalogue (`units.ts`): 'CNY', 'USD', 'm2', 'mu', '%', or a measure word such as '件'. */
  unit: string
  kind: IndicatorKind
  direction: Direction
}

/**
 * How exact a figure is, as the source says it. Kept as data and always shown:
 * "300余件" is *more than* 300, never plain 300.
 */
export const QUALIFIERS = ['more-than', 'about', 'nearly', 'over', 'range'] as const
export type Qualifier = (typeof QUALIFIERS)[number]

/** A calendar month. */
export interface YearMonth {
  year: number
  month: number // 1..12
}

/** A closed span of whole months, e.g. 2023-01..2023-10 for "2023年1-10月". */
export interface Period {
  start: YearMonth
  end: YearMonth
}

/** Fields of an observation that a quote can vouch for. */
export const EVIDENCE_FIELDS = ['actual', 'target', 'yoy', 'rank'] as const
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number]

/** The exact clause of the source document that states one field of an observation. */
export interface Evidence {
  field: EvidenceField
  quote: string
}

export interface Observation {
  id: string
  subjectId: string
  indicatorId: string
  /** The period the actual covers (cumulative from its start). */
  period: Period
  /** In the indicator's base unit; null when the source gives only a target, growth or rank. */
  actual: number | null
  /** Upper bound when the qualifier is 'range' ("75%至80%"). */
  actualUpper: number | null
  /** Qualifier of the actual. */
  qualifier: Qualifier | null
  target: number | null
  /** The period the target is for; null means the whole calendar year the period lies in. */
  targetPeriod: Period | null
  /** Year-on-year growth in %. */
  yoy: number | null
  rank: number | null
  /** The region within which the rank is counted (e.g. 京口区). */
  rankScopeId: string | null
  /** Source document id (see `SourceDocument`); null for user rows without a source. */
  documentId: string | null
  evidence: Evidence[]
}

export interface SourceDocument {
  id: string
  title: LocalizedText
  publisher: LocalizedText
  /** Month of publication, as far as it is known. */
  published: YearMonth
  /** Why the date is what it is when the text does not state it outright. */
  dateNote: LocalizedText | null
  /** Path or URL of the original, when there is one. */
  url: string | null
}

export interface Dataset {
  schemaVersion: 1
  name: LocalizedText
  documents: SourceDocument[]
  subjects: Subject[]
  indicators: Indicator[]
  observations: Observation[]
}
