/**
 * The bulletin sentence for one region and period: the period, the region named once, then one
 * clause per indicator joined with "；":
 *
 *   1-10月，大市口街道完成项目投资4.32亿元，占年度计划的86.9%，超序时进度3.6个百分点；
 *   限上批发业商品销售额增幅43.7%，位列京口区第一。
 *
 * Clause order without an explicit list: figures with a plan first (what a 通报 leads with), then
 * other stated levels, then plan-only figures, then growth and rank alone; the dataset's order
 * (the source's reading order) within each group. Optionally followed by one marked projection
 * sentence per plan-tracked figure.
 */
import type { DatasetIndex } from '../domain/datasetIndex'
import type { Dataset, LocaleCode, Observation, Period } from '../domain/model'
import { periodKey, yearOf } from '../domain/period'
import { cumulativeSeries, isAdditiveKind, yearEndOutlook, type ProjectionMethod, type YearEndOutlook } from '../domain/projection'
import { buildClause, type BulletinClause } from './bulletinClause'
import { buildProjectionSentence } from './projectionText'
import { capitalize, periodPhrase } from './reportFormat'
import { joinSegments, normalizeSegments, text, type Segment } from './segments'

export interface RegionBulletinOptions {
  subjectId: string
  period: Period
  locale: LocaleCode
  /** Indicators to include, in this order; absent: every indicator the region has a figure for. */
  indicatorIds?: readonly string[]
  /** Name the year in the opening ("2023年1-10月"); reports within the year leave it out. */
  includeYear?: boolean
  tolerancePoints?: number
  /** Add a "（预测）" sentence for each additive figure with a plan. Off by default. */
  projections?: boolean
  projectionMethods?: readonly ProjectionMethod[]
}

export interface ProjectionSentence {
  observationId: string
  indicatorId: string
  outlook: YearEndOutlook
  segments: Segment[]
}

export interface RegionBulletin {
  subjectId: string
  period: Period
  locale: LocaleCode
  clauses: BulletinClause[]
  /** The bulletin sentence; empty when the region has no figure for the period. */
  sentence: Segment[]
  projections: ProjectionSentence[]
}

function defaultGroup(o: Observation): number {
  if (o.actual !== null && o.target !== null) return 0
  if (o.actual !== null) return 1
  if (o.target !== null) return 2
  return 3
}

/** The region's observations for exactly this period, in clause order. */
export function bulletinObservations(
  dataset: Dataset,
  subjectId: string,
  period: Period,
  indicatorIds?: readonly string[],
): Observation[] {
  const key = periodKey(period)
  const own = dataset.observations.filter((o) => o.subjectId === subjectId && periodKey(o.period) === key)
  if (indicatorIds) {
    return indicatorIds.flatMap((id) => {
      const o = own.find((x) => x.indicatorId === id)
      return o ? [o] : []
    })
  }
  return own
    .map((o, i) => ({ o, i }))
    .sort((a, b) => defaultGroup(a.o) - defaultGroup(b.o) || a.i - b.i)
    .map(({ o }) => o)
}

function projectionFor(
  dataset: Dataset,
  index: DatasetIndex,
  observation: Observation,
  options: RegionBulletinOptions,
): ProjectionSentence | null {
  const indicator = index.indicators.get(observation.indicatorId)
  const subject = index.subjects.get(observation.subjectId)
  if (!indicator || !subject || observation.actual === null || observation.target === null) return null
  if (!isAdditiveKind(indicator.kind)) return null
  const targetPeriod = observation.targetPeriod ?? yearOf(observation.period)
  const points = cumulativeSeries(dataset.observations, {
    subjectId: observation.subjectId,
    indicatorId: observation.indicatorId,
    targetPeriod,
    upTo: observation.period.end,
  })
  const outlook = yearEndOutlook({ points, target: observation.target, targetPeriod, direction: indicator.direction })
  if (!outlook) return null
  const segments = buildProjectionSentence(outlook, {
    locale: options.locale,
    subject,
    indicator,
    observation,
    observations: dataset.observations,
    ...(options.projectionMethods ? { methods: options.projectionMethods } : {}),
  })
  return segments
    ? { observationId: observation.id, indicatorId: observation.indicatorId, outlook, segments }
    : null
}

export function buildRegionBulletin(dataset: Dataset, index: DatasetIndex, options: RegionBulletinOptions): RegionBulletin {
  const { locale } = options
  const zh = locale === 'zh-CN'
  const observations = bulletinObservations(dataset, options.subjectId, options.period, options.indicatorIds)
  const clauses: BulletinClause[] = []
  for (const o of observations) {
    const clause = buildClause(o, index, {
      locale,
      nameSubject: clauses.length === 0,
      ...(options.tolerancePoints === undefined ? {} : { tolerancePoints: options.tolerancePoints }),
    })
    if (clause) clauses.push(clause)
  }
  const when = periodPhrase(options.period, locale, options.includeYear ?? false)
  const sentence =
    clauses.length === 0
      ? []
      : normalizeSegments([
          text(zh ? `${when}，` : `In ${when}, `),
          ...joinSegments(
            clauses.map((c) => c.segments),
            zh ? '；' : '; ',
          ),
          text(zh ? '。' : '.'),
        ])
  const first = sentence[0]
  if (first?.kind === 'text') sentence[0] = text(capitalize(first.text))
  const projections = options.projections
    ? observations.flatMap((o) => {
        const p = projectionFor(dataset, index, o, options)
        return p ? [p] : []
      })
    : []
  return { subjectId: options.subjectId, period: options.period, locale, clauses, sentence, projections }
}

/** The bulletin as sentences: the main one, then the projections. */
export function bulletinSentences(bulletin: RegionBulletin): Segment[][] {
  return [bulletin.sentence, ...bulletin.projections.map((p) => p.segments)].filter((s) => s.length > 0)
}
