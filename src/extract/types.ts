/**
 * What the extractor says about each figure it finds in a report. Plain data, no Vue and no Node,
 * so that the CLI and the review page read the same objects.
 */
import type { Qualifier, SubjectLevel } from '../domain/model'

/**
 * What a figure is *for*, as the sentence says it. One word each, so the review page can colour by
 * it and an import can put it into the right column:
 * - `target`: a plan or goal (计划投资4.97亿元, 目标任务5000万元, 力争完成…)
 * - `actual`: an amount, area or rate reached (完成投资4.32亿元, 按时办结率为100%)
 * - `completion_rate`: actual as a share of its plan (完成年度计划的86.85%, 占年度目标的72%, 完成率)
 * - `growth`: change against an earlier period (同比增长179%, 增幅43.7%, 下降3.2% → −3.2)
 * - `gap`: percentage points ahead of (+) or behind (−) 序时进度/时间进度
 * - `share`: part of a whole (占比7.78%, 比重, 居民达到90%)
 * - `rank`: place among peers (位列京口区第一, 第2位)
 * - `progress`: construction progress (完成工程进度27%, 竣工 = 100)
 * - `count`: a tally in a measure word (300余件, 7个, 100余人) that is not a target
 */
export const ROLES = [
  'target',
  'actual',
  'completion_rate',
  'growth',
  'gap',
  'share',
  'rank',
  'progress',
  'count',
] as const
export type Role = (typeof ROLES)[number]

/**
 * The kind of figure, from its unit and role: the model's indicator kinds, plus `points` for
 * 个百分点 (a change of a rate is not itself a rate) and `measure` for physical units the model does
 * not store (公里, 吨, 千瓦).
 */
export const FIGURE_KINDS = [
  'amount',
  'count',
  'area',
  'rate',
  'growth',
  'share',
  'progress',
  'rank',
  'points',
  'measure',
] as const
export type FigureKind = (typeof FIGURE_KINDS)[number]

/** The (and the CLI's) spelling of qualifiers; the model writes `more-than`. */
export type OutputQualifier = 'more_than' | 'about' | 'nearly' | 'over' | 'range'

const OUTPUT_QUALIFIERS: Record<Qualifier, OutputQualifier> = {
  'more-than': 'more_than',
  about: 'about',
  nearly: 'nearly',
  over: 'over',
  range: 'range',
}

/** Written out as a table so that a new model qualifier fails to compile here instead of leaking through. */
export function outputQualifier(q: Qualifier | null): OutputQualifier | null {
  return q === null ? null : OUTPUT_QUALIFIERS[q]
}

/** A stretch of the input, offsets into the caller's string (`text === input.slice(start, end)`). */
export interface Span {
  start: number
  end: number
  text: string
}

/** The region, organisation or project a figure is about. */
export interface SubjectRef extends Span {
  /** The innermost name of the mention: "京口区大市口街道" → "大市口街道". */
  name: string
  level: SubjectLevel | null
  /**
   * Where it was found: the topic of the figure's clause or of its sentence, named later in the
   * sentence (a headline names its project after the figure), or carried over from an earlier
   * sentence. A bare "街道" or "社区" is resolved to the one last named: then `text` (as written)
   * differs from `name`.
   */
  via: 'clause' | 'sentence' | 'after' | 'earlier'
}

export interface PeriodRef extends Span {
  /** Canonical key (`2023`, `2023-06`, `2023-01..2023-10`) when a year is known, else null. */
  key: string | null
}

export interface Candidate extends Span {
  /** In base units, magnitude applied ("4.32亿元" → 432000000); the lower end of a range. */
  value: number
  /** Upper end of a range ("75%至80%" → 80), else null. */
  upper: number | null
  /** The unit as a Chinese reader writes it after the number: 元, 美元, 平方米, 亩, %, 个百分点, 件, 位 … */
  unit: string
  /** The catalogue id of the unit (`units.ts`): CNY, USD, m2, mu, %, pp, rank, or the measure word. */
  baseUnit: string
  kind: FigureKind
  role: Role
  qualifier: Qualifier | null
  subject: SubjectRef | null
  /** The thing measured, as the sentence names it ("限上批发业商品销售额", "12345热线工单"). */
  indicator: string | null
  period: PeriodRef | null
  /** For a rank: the region it is counted within ("位列京口区第一" → 京口区), else null. */
  rankScope: string | null
  /** The clause that states the figure (the evidence quote), offsets into the input. */
  clause: Span
  /** The whole sentence, for context on a review page. */
  sentence: Span
  /** The clause with page-break whitespace removed: what a dataset stores as the quote. */
  quote: string
}

/** One candidate in exactly the shape the CLI prints (issue 7). */
export interface OutputCandidate {
  start: number
  end: number
  text: string
  value: number
  unit: string
  kind: FigureKind
  role: Role
  qualifier: OutputQualifier | null
  subject: string | null
  indicator: string | null
  period: string | null
}

/** The CLI shape: period is the canonical key when known, otherwise the phrase as written ("今年以来"). */
export function toOutputCandidate(c: Candidate): OutputCandidate {
  return {
    start: c.start,
    end: c.end,
    text: c.text,
    value: c.value,
    unit: c.unit,
    kind: c.kind,
    role: c.role,
    qualifier: outputQualifier(c.qualifier),
    subject: c.subject?.name ?? null,
    indicator: c.indicator,
    period: c.period === null ? null : (c.period.key ?? c.period.text),
  }
}
