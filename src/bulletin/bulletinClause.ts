/**
 * One clause of a bulletin: what one observation says about one region and indicator, in the order
 * reports state it: the actual, its share of the annual plan, the gap to 序时进度 in 个百分点, the
 * YoY change, the rank.
 *
 *   完成项目投资4.32亿元，占年度计划的86.9%，超序时进度3.6个百分点
 *   限上批发业商品销售额增幅43.7%，位列京口区第一
 *
 * A clause says only what the observation states or what follows from it arithmetically; a figure
 * the data lacks is left out, never guessed. The plan comparison is made only for additive figures
 * (money, counts, areas): a rate is not cumulated over months, so 序时进度 means nothing for it and
 * its target is stated beside it instead ("按时办结率为98%，年度目标为95%").
 */
import type { DatasetIndex } from '../domain/datasetIndex'
import type { Indicator, LocaleCode, Observation, Subject } from '../domain/model'
import { assessProgress, type ProgressAssessment } from '../domain/progress'
import { yearOf } from '../domain/period'
import { isAdditiveKind } from '../domain/projection'
import { completionPhrase, gapPhrase, planLabel } from './progressPhrases'
import { inlineName, rankText, reportQuantity, statedPercent } from './reportFormat'
import { figure, normalizeSegments, sourceOf, text, type Segment } from './segments'

export interface ClauseOptions {
  locale: LocaleCode
  /**
   * Name the region at the start ("大市口街道完成项目投资…"), as the first clause of a sentence
   * does; later clauses leave it understood.
   */
  nameSubject: boolean
  /** Half-width of the 达序时 band in percentage points (progress.ts's default when absent). */
  tolerancePoints?: number
}

export interface BulletinClause {
  observationId: string
  subjectId: string
  indicatorId: string
  /** 完成率, 序时进度, gap and status when the clause compares with a plan; null otherwise. */
  assessment: ProgressAssessment | null
  segments: Segment[]
}

interface Context {
  observation: Observation
  indicator: Indicator
  subject: Subject
  rankScope: Subject | null
  locale: LocaleCode
  nameSubject: boolean
}

function indicatorName(ctx: Context): string {
  return ctx.locale === 'zh-CN' ? ctx.indicator.name.zh : inlineName(ctx.indicator.name.en)
}

/** The clause's grammatical subject: "大市口街道项目投资" / "Dashikou Subdistrict's project investment". */
function namedIndicator(ctx: Context): Segment[] {
  if (ctx.locale === 'zh-CN') return [text(`${ctx.nameSubject ? ctx.subject.name.zh : ''}${indicatorName(ctx)}`)]
  return [text(ctx.nameSubject ? `${ctx.subject.name.en}'s ${indicatorName(ctx)}` : indicatorName(ctx))]
}

function actualFigure(ctx: Context, actual: number): Segment {
  const o = ctx.observation
  return figure(
    reportQuantity(actual, ctx.indicator.unit, ctx.locale, { qualifier: o.qualifier, upper: o.actualUpper }),
    { role: 'actual', value: actual, sources: [sourceOf(o, 'actual')] },
  )
}

function targetFigure(ctx: Context, target: number): Segment {
  return figure(reportQuantity(target, ctx.indicator.unit, ctx.locale), {
    role: 'target',
    value: target,
    sources: [sourceOf(ctx.observation, 'target')],
  })
}

/** 完成项目投资4.32亿元，占年度计划的86.9%，超序时进度3.6个百分点 (and its ceiling and English forms). */
function planClause(ctx: Context, actual: number, assessment: ProgressAssessment): Segment[] {
  const { locale, indicator, observation: o } = ctx
  const zh = locale === 'zh-CN'
  const sources = [sourceOf(o, 'actual'), sourceOf(o, 'target')]
  const label = planLabel(o.targetPeriod, indicator.direction, locale)
  // English "completed … of" fits money ("completed project investment of CNY 432 million");
  // counts and areas read better as "… reached 300+ cases". Chinese says 完成 for all of them.
  let opening: Segment[]
  if (indicator.direction === 'lower') {
    opening = zh
      ? [...namedIndicator(ctx), actualFigure(ctx, actual)]
      : [...namedIndicator(ctx), text(' stood at '), actualFigure(ctx, actual)]
  } else if (zh) {
    opening = [text(`${ctx.nameSubject ? ctx.subject.name.zh : ''}完成${indicatorName(ctx)}`), actualFigure(ctx, actual)]
  } else if (indicator.kind === 'amount') {
    opening = [text(`${ctx.nameSubject ? ctx.subject.name.en : 'it'} completed ${indicatorName(ctx)} of `), actualFigure(ctx, actual)]
  } else {
    opening = [...namedIndicator(ctx), text(' reached '), actualFigure(ctx, actual)]
  }
  return [
    ...opening,
    text(zh ? '，' : ', '),
    ...completionPhrase(assessment.completion, label, indicator.direction, locale, sources),
    text(zh ? '，' : ', '),
    ...gapPhrase(assessment.gap, assessment.status, indicator.direction, locale, sources),
  ]
}

/** A stated level without a 序时 comparison: "网格化解简易纠纷1000余件", "按时办结率为100%". */
function levelClause(ctx: Context, actual: number): Segment[] {
  const { locale, indicator, observation: o } = ctx
  const zh = locale === 'zh-CN'
  const additive = isAdditiveKind(indicator.kind)
  const verb = zh ? (additive ? '' : '为') : additive && indicator.direction === 'higher' ? ' reached ' : ' stood at '
  const out: Segment[] = [...namedIndicator(ctx), text(verb), actualFigure(ctx, actual)]
  if (o.target !== null) {
    const label = planLabel(o.targetPeriod, indicator.direction, locale)
    out.push(text(zh ? `，${label}为` : `, against ${label} of `), targetFigure(ctx, o.target))
  }
  return out
}

/** Only a plan is known: "项目投资年度计划为4.97亿元" / "the annual plan for project investment is …". */
function targetOnlyClause(ctx: Context, target: number): Segment[] {
  const { locale, indicator, observation: o } = ctx
  const label = planLabel(o.targetPeriod, indicator.direction, locale)
  if (locale === 'zh-CN') return [...namedIndicator(ctx), text(`${label}为`), targetFigure(ctx, target)]
  const owner = ctx.nameSubject ? `${ctx.subject.name.en}'s ${label.replace(/^the /, '')}` : label
  return [text(`${owner} for ${indicatorName(ctx)} is `), targetFigure(ctx, target)]
}

function yoyFigure(ctx: Context, yoy: number): Segment {
  return figure(statedPercent(Math.abs(yoy), ctx.locale), {
    role: 'yoy',
    value: yoy,
    sources: [sourceOf(ctx.observation, 'yoy')],
  })
}

/** YoY as the clause's own statement: "限上批发业商品销售额增幅43.7%" / "… grew 43.7% year on year". */
function yoyOnlyClause(ctx: Context, yoy: number): Segment[] {
  const zh = ctx.locale === 'zh-CN'
  if (yoy === 0) return [...namedIndicator(ctx), text(zh ? '与上年持平' : ' was flat year on year')]
  if (zh) return [...namedIndicator(ctx), text(yoy > 0 ? '增幅' : '降幅'), yoyFigure(ctx, yoy)]
  return [...namedIndicator(ctx), text(yoy > 0 ? ' grew ' : ' fell '), yoyFigure(ctx, yoy), text(' year on year')]
}

/** YoY after a level: "，同比增长12.5%" / ", up 12.5% year on year". */
function yoyTail(ctx: Context, yoy: number): Segment[] {
  const zh = ctx.locale === 'zh-CN'
  if (yoy === 0) return [text(zh ? '，与上年持平' : ', flat year on year')]
  if (zh) return [text(yoy > 0 ? '，同比增长' : '，同比下降'), yoyFigure(ctx, yoy)]
  return [text(yoy > 0 ? ', up ' : ', down '), yoyFigure(ctx, yoy), text(' year on year')]
}

function rankFigure(ctx: Context, rank: number): Segment {
  return figure(rankText(rank, ctx.locale), { role: 'rank', value: rank, sources: [sourceOf(ctx.observation, 'rank')] })
}

/** "位列京口区第一" / "ranking first in Jingkou District"; `standalone` when nothing precedes it. */
function rankPart(ctx: Context, rank: number, standalone: boolean): Segment[] {
  const scope = ctx.rankScope
  if (ctx.locale === 'zh-CN') {
    return [text(`${standalone ? '' : '，'}位列${scope ? scope.name.zh : ''}`), rankFigure(ctx, rank)]
  }
  const lead = standalone ? ' ranked ' : ', ranking '
  return [text(lead), rankFigure(ctx, rank), text(scope ? ` in ${scope.name.en}` : '')]
}

/**
 * The clause for one observation; null when it states nothing a bulletin could say (no actual,
 * target, YoY or rank) or its subject or indicator is unknown to the index.
 */
export function buildClause(observation: Observation, index: DatasetIndex, options: ClauseOptions): BulletinClause | null {
  const subject = index.subjects.get(observation.subjectId)
  const indicator = index.indicators.get(observation.indicatorId)
  if (!subject || !indicator) return null
  const ctx: Context = {
    observation,
    indicator,
    subject,
    rankScope: observation.rankScopeId === null ? null : (index.subjects.get(observation.rankScopeId) ?? null),
    locale: options.locale,
    nameSubject: options.nameSubject,
  }
  const { actual, target, yoy, rank } = observation
  const assessment =
    actual !== null && target !== null && isAdditiveKind(indicator.kind)
      ? assessProgress({
          actual,
          target,
          period: observation.period,
          targetPeriod: observation.targetPeriod ?? yearOf(observation.period),
          direction: indicator.direction,
          ...(options.tolerancePoints === undefined ? {} : { tolerancePoints: options.tolerancePoints }),
        })
      : null

  let segments: Segment[]
  if (actual !== null) {
    segments = assessment ? planClause(ctx, actual, assessment) : levelClause(ctx, actual)
    if (yoy !== null) segments.push(...yoyTail(ctx, yoy))
  } else if (target !== null) {
    segments = targetOnlyClause(ctx, target)
    if (yoy !== null) segments.push(...yoyTail(ctx, yoy))
  } else if (yoy !== null) {
    segments = yoyOnlyClause(ctx, yoy)
  } else if (rank !== null) {
    segments = [...namedIndicator(ctx), ...rankPart(ctx, rank, true)]
    return finish(observation, assessment, segments)
  } else {
    return null
  }
  if (rank !== null) segments.push(...rankPart(ctx, rank, false))
  return finish(observation, assessment, segments)
}

function finish(observation: Observation, assessment: ProgressAssessment | null, segments: Segment[]): BulletinClause {
  return {
    observationId: observation.id,
    subjectId: observation.subjectId,
    indicatorId: observation.indicatorId,
    assessment,
    segments: normalizeSegments(segments),
  }
}
