/**
 * The projection sentence of a bulletin, always opened with "（预测）" / "(Projection)" and built from
 * figure segments flagged `projection: true`, so that neither the reader nor the view can take an
 * estimate for a reported figure:
 *
 *   （预测）按目前进度测算，大市口街道全年项目投资预计完成5.18亿元，为年度计划的104.3%，可完成年度计划；
 *   完成年度计划还需月均完成0.33亿元。
 *
 * The rules behind the numbers are in `domain/projection.ts`.
 */
import type { Indicator, LocaleCode, Observation, Period, Subject } from '../domain/model'
import type { ProjectionMethod, YearEndOutlook, YearEndProjection } from '../domain/projection'
import { planLabel } from './progressPhrases'
import { derivedPercent, inlineName, reportQuantity } from './reportFormat'
import { figure, normalizeSegments, sourceOf, text, type FigureSource, type Segment } from './segments'

export interface ProjectionTextOptions {
  locale: LocaleCode
  subject: Subject
  indicator: Indicator
  /** The observation whose target the projection is measured against. */
  observation: Observation
  /** The observations to cite for the cumulative actuals (any superset of those used). */
  observations: readonly Observation[]
  /** Which projections to state, in order; a method without a result (no trend yet) is skipped. */
  methods?: readonly ProjectionMethod[]
}

const METHOD_WORDS: Record<ProjectionMethod, { zh: string; en: string }> = {
  pace: { zh: '按目前进度测算', en: 'At the current pace' },
  trend: { zh: '按月度趋势测算', en: 'on the monthly trend' },
}

function actualSources(projection: YearEndProjection, observations: readonly Observation[]): FigureSource[] {
  const byId = new Map(observations.map((o) => [o.id, o]))
  return projection.observationIds.flatMap((id) => {
    const o = byId.get(id)
    return o ? [sourceOf(o, 'actual')] : []
  })
}

function verdict(projection: YearEndProjection, direction: Indicator['direction'], locale: LocaleCode): string {
  const zh = locale === 'zh-CN'
  if (projection.meetsTarget === null) return ''
  if (direction === 'lower') {
    if (zh) return projection.meetsTarget ? '，可控制在目标以内' : '，将超出控制目标'
    return projection.meetsTarget ? ', within it' : ', above it'
  }
  if (zh) return projection.meetsTarget ? '，可完成年度计划' : '，难以完成年度计划'
  return projection.meetsTarget ? ', enough to meet it' : ', short of it'
}

function isAnnual(p: Period | null): boolean {
  return p === null || (p.start.month === 1 && p.end.month === 12 && p.start.year === p.end.year)
}

/**
 * The projection sentence for one plan-tracked figure; null when there is nothing to project (no
 * month left, or no projection for any requested method).
 */
export function buildProjectionSentence(outlook: YearEndOutlook, options: ProjectionTextOptions): Segment[] | null {
  const { locale, indicator, subject, observation } = options
  const zh = locale === 'zh-CN'
  const methods = options.methods ?? ['pace', 'trend']
  const projections = methods.flatMap((m) => {
    const p = m === 'pace' ? outlook.pace : outlook.trend
    return p && p.remainingMonths > 0 ? [p] : []
  })
  if (projections.length === 0) return null

  const unit = indicator.unit
  const direction = indicator.direction
  const label = planLabel(observation.targetPeriod, direction, locale)
  const targetSource = sourceOf(observation, 'target')
  const name = zh ? indicator.name.zh : inlineName(indicator.name.en)
  const whole = isAnnual(observation.targetPeriod) ? (zh ? '全年' : 'for the full year') : zh ? '期末' : 'by the end of the period'

  const out: Segment[] = [text(zh ? '（预测）' : '(Projection) ')]
  projections.forEach((projection, i) => {
    const sources = actualSources(projection, options.observations)
    const projected = figure(reportQuantity(projection.projected, unit, locale, { scaleOf: projection.target }), {
      role: 'projected',
      value: projection.projected,
      sources,
      derived: true,
      projection: true,
    })
    // From a qualified actual (300余件, 约…) the projection is "about" that much: said in the verb.
    const about = projection.approximate
    const method = METHOD_WORDS[projection.method]
    if (zh) {
      const opening = i === 0 ? `${method.zh}，${subject.name.zh}${whole}${name}预计` : `；${method.zh}，预计`
      out.push(text(`${opening}${about ? '约' : ''}${direction === 'lower' ? '为' : '完成'}`), projected)
    } else {
      const opening =
        i === 0
          ? `${method.en}, ${subject.name.en}'s ${name} would reach `
          : `; ${method.en}, it would reach `
      out.push(text(`${opening}${about ? 'about ' : ''}`), projected, text(` ${whole}`))
    }
    if (projection.projectedCompletion !== null) {
      const share = figure(derivedPercent(projection.projectedCompletion, locale), {
        role: 'projected-completion',
        value: projection.projectedCompletion,
        sources: [...sources, targetSource],
        derived: true,
        projection: true,
      })
      if (zh) out.push(text(`，为${label}的`), share)
      else out.push(text(', '), share, text(` of ${label}`))
      out.push(text(verdict(projection, direction, locale)))
    }
  })

  const latest = outlook.pace
  const neededSources = [...actualSources(latest, options.observations).slice(-1), targetSource]
  if (outlook.settled === 'met') {
    out.push(text(zh ? `；已完成${label}` : `; ${label} has already been met`))
  } else if (outlook.settled === 'missed') {
    out.push(text(zh ? `；已超出${label}` : `; ${label} has already been exceeded`))
  } else if (outlook.monthlyNeeded !== null) {
    const needed = figure(reportQuantity(outlook.monthlyNeeded, unit, locale, { scaleOf: latest.target }), {
      role: 'monthly-needed',
      value: outlook.monthlyNeeded,
      sources: neededSources,
      derived: true,
      projection: true,
    })
    if (direction === 'lower') {
      if (zh) out.push(text('；剩余月份月均不超过'), needed, text(`方可控制在${label}以内`))
      else out.push(text(`; staying within ${label} allows at most `), needed, text(' a month'))
    } else if (zh) {
      out.push(text(`；完成${label}还需月均完成`), needed)
    } else {
      out.push(text(`; meeting ${label} requires `), needed, text(' a month on average'))
    }
  }
  out.push(text(zh ? '。' : '.'))
  return normalizeSegments(out)
}
