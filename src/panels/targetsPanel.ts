/**
 * Targets vs actuals per street: for one indicator and a parent region, a bullet row per child
 * region (完成率 bar, target line, 序时进度 tick), best first, with the headline a 通报 states.
 */
import type { Direction, Indicator } from '../domain/model'
import type { ProgressStatus } from '../domain/progress'
import { buildTargetComparison, indicatorsWithTargets, type TargetRow } from '../domain/targetComparison'
import { parsePeriod } from '../domain/period'
import { buildBulletChartOption, bulletChartHeight, sortByGap, type BulletRow } from '../charts/bulletChart'
import { regionLabel, sourcesOf, type ChartPanelModel, type PanelContext } from './panelModel'

export interface TargetsPanel {
  /** Indicators the view can draw (those with a target), for its picker. */
  options: Indicator[]
  /** The indicator drawn: the chosen one when it has targets, else the first that does. */
  indicatorId: string | null
  panel: ChartPanelModel
}

export function chooseIndicator(options: readonly Indicator[], chosen: string | null): string | null {
  if (chosen !== null && options.some((i) => i.id === chosen)) return chosen
  return options[0]?.id ?? null
}

function gapText(ctx: PanelContext, gap: number, direction: Direction): string {
  const points = ctx.format.points(Math.abs(gap)).replace(/^[+±−]/, '')
  if (Math.abs(gap) < 0.05) return ctx.t('targets.gapLevel')
  if (direction === 'lower') return gap > 0 ? ctx.t('targets.gapHigher', { points }) : ctx.t('targets.gapLower', { points })
  return gap > 0 ? ctx.t('targets.gapAhead', { points }) : ctx.t('targets.gapBehind', { points })
}

export function buildTargetsPanel(ctx: PanelContext): TargetsPanel {
  const { t, format } = ctx
  const options = indicatorsWithTargets(ctx.dataset.observations, ctx.index)
  const indicatorId = chooseIndicator(options, ctx.indicatorId)
  const comparison =
    indicatorId === null
      ? null
      : buildTargetComparison(ctx.dataset.observations, ctx.index, {
          indicatorId,
          regionId: ctx.regionId,
          periodKey: ctx.periodKey,
        })
  const indicator = indicatorId === null ? undefined : ctx.index.indicators.get(indicatorId)
  const indicatorName = indicator ? format.name(indicator.name) : ''
  const parentName = comparison?.parent ? format.name(comparison.parent.name) : regionLabel(ctx)
  const period = comparison ? parsePeriod(comparison.periodKey) : null

  const actualText = (row: TargetRow): string => {
    const o = row.observation
    return o.actual === null ? '—' : format.quantity(o.actual, row.indicator.unit, o.qualifier, o.actualUpper)
  }
  const targetText = (row: TargetRow): string =>
    row.observation.target === null ? '—' : format.quantity(row.observation.target, row.indicator.unit)

  const byId = new Map((comparison?.rows ?? []).map((r) => [r.observation.id, r]))
  const bullets: BulletRow[] = (comparison?.rows ?? []).map((r) => ({
    id: r.observation.id,
    label: format.name(r.subject.name),
    completion: r.completion,
    elapsed: r.elapsed,
    gap: r.gap,
    status: r.status,
    actualText: actualText(r),
    targetText: targetText(r),
  }))
  const sorted = sortByGap(bullets, indicator?.direction ?? 'higher').flatMap((b) => {
    const row = byId.get(b.id)
    return row ? [{ bullet: b, row }] : []
  })

  const statusLabels: Record<ProgressStatus, string> = {
    ahead: t('status.ahead'),
    'on-time': t('status.on-time'),
    behind: t('status.behind'),
  }
  const s = comparison?.summary
  const headline =
    s && s.total > 0
      ? t('targets.headline', { n: s.atOrAbove, m: s.total, ahead: s.ahead, onTime: s.onTime, behind: s.behind })
      : null
  const subline =
    s && s.averageCompletion !== null
      ? t('targets.averages', {
          average: format.percent(s.averageCompletion),
          pooled: s.pooledCompletion === null ? '—' : format.percent(s.pooledCompletion),
          elapsed: s.elapsed === null ? '—' : format.percent(s.elapsed),
        })
      : null

  const direction = indicator?.direction ?? 'higher'
  const option =
    sorted.length === 0
      ? null
      : buildBulletChartOption(
          sorted.map((x) => x.bullet),
          {
            completion: t('targets.completion'),
            elapsed: t('targets.elapsed'),
            target: t('targets.target'),
            gap: (gap) => gapText(ctx, gap, direction),
            status: statusLabels,
            unitCaption: t('targets.axis'),
          },
          ctx.style,
        )

  return {
    options,
    indicatorId,
    panel: {
      id: `targets:${indicatorId ?? 'none'}`,
      title: t('targets.chartTitle', { indicator: indicatorName, region: parentName }),
      unit: t('targets.unit'),
      period: period ? format.period(period) : null,
      sources: sourcesOf(ctx, sorted.map((x) => x.row)),
      option,
      emptyText:
        options.length === 0
          ? t('targets.noTargets')
          : t('chart.emptyFor', { region: parentName, indicator: indicatorName }),
      height: bulletChartHeight(sorted.length),
      headline,
      subline,
      columns: [
        { key: 'region', label: t('targets.columns.region') },
        { key: 'actual', label: t('targets.columns.actual'), numeric: true },
        { key: 'target', label: t('targets.columns.target'), numeric: true },
        { key: 'completion', label: t('targets.completion'), numeric: true },
        { key: 'elapsed', label: t('targets.elapsed'), numeric: true },
        { key: 'gap', label: t('targets.columns.gap'), numeric: true },
        { key: 'status', label: t('targets.columns.status') },
      ],
      rows: sorted.map(({ bullet, row }) => ({
        id: row.observation.id,
        region: bullet.label,
        actual: bullet.actualText,
        target: bullet.targetText,
        completion: format.percent(row.completion),
        elapsed: format.percent(row.elapsed),
        gap: format.points(row.gap),
        status: statusLabels[row.status],
      })),
      observations: sorted.map((x) => x.row),
    },
  }
}
