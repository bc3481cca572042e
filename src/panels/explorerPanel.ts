/**
 * Indicator explorer: any indicator, compared across regions (bars, one period) or across periods
 * (a line, one region), whichever the data has several of.
 */
import type { Indicator, Observation } from '../domain/model'
import { latestPeriodKey, periodKeyMemo, periodsOf, positionsInScope } from '../domain/scope'
import { subtreeIds, type DatasetIndex } from '../domain/datasetIndex'
import { byValueDescending } from '../domain/indicatorGroups'
import { displayScale } from '../domain/displayScale'
import { comparePeriods, parsePeriod } from '../domain/period'
import { buildObservationRows, type ObservationRow } from '../domain/observationRow'
import { buildRankedBarOption, rankedBarChartHeight } from '../charts/rankedBarChart'
import { buildPeriodLineOption } from '../charts/periodLineChart'
import { regionLabel, sourcesOf, type ChartPanelModel, type PanelContext } from './panelModel'
import { chooseIndicator } from './targetsPanel'
import { countBy, mostFrequent } from '../domain/mostFrequent'

export type ExplorerMode = 'regions' | 'periods'

export interface ExplorerPanel {
  options: Indicator[]
  indicatorId: string | null
  /** The mode drawn: the chosen one when the data allows it. */
  mode: ExplorerMode
  canComparePeriods: boolean
  panel: ChartPanelModel
}

/** A figure the explorer can draw: the actual, or the YoY growth when the source gives only that. */
function metric(o: Observation): number | null {
  return o.actual ?? o.yoy
}

/** The subject with most periods of the figures, preferring the chosen region when it has any. */
function lineSubject(figures: readonly Observation[], regionId: string | null): string | null {
  const counts = countBy(figures, (o) => o.subjectId)
  if (regionId !== null && counts.has(regionId)) return regionId
  return mostFrequent(counts)
}

/** Ids of the indicators with a figure in a region, per index and region (a scan of its rows). */
const indicatorsByRegion = new WeakMap<DatasetIndex, Map<string, ReadonlySet<string>>>()

function indicatorsWithFigures(ctx: PanelContext): ReadonlySet<string> {
  const { index } = ctx
  const scan = (observations: readonly Observation[]): Set<string> =>
    new Set(observations.filter((o) => metric(o) !== null).map((o) => o.indicatorId))
  if (ctx.dataset.observations !== index.observations) return scan(inRegion(ctx))
  let perRegion = indicatorsByRegion.get(index)
  if (perRegion === undefined) {
    perRegion = new Map()
    indicatorsByRegion.set(index, perRegion)
  }
  const key = ctx.regionId ?? ''
  let ids = perRegion.get(key)
  if (ids === undefined) {
    const positions = positionsInScope(index, { regionId: ctx.regionId, periodKey: null })
    ids = scan(positions.map((p) => index.observations[p] as Observation))
    perRegion.set(key, ids)
  }
  return ids
}

/** The chosen region's figures in every period (the period filter applies to the region mode only). */
function inRegion(ctx: PanelContext): Observation[] {
  const region = ctx.regionId === null ? null : subtreeIds(ctx.index, ctx.regionId)
  return ctx.dataset.observations.filter((o) => region === null || region.has(o.subjectId))
}

/** One indicator's figures in the chosen region, in dataset order: from the index's per-indicator rows. */
function indicatorFigures(ctx: PanelContext, indicatorId: string | null): Observation[] {
  if (indicatorId === null) return []
  const { index } = ctx
  const region = ctx.regionId === null ? null : subtreeIds(index, ctx.regionId)
  const rows = ctx.dataset.observations === index.observations ? (index.observationsByIndicator.get(indicatorId) ?? []) : inRegion(ctx)
  return rows.filter((o) => o.indicatorId === indicatorId && (region === null || region.has(o.subjectId)) && metric(o) !== null)
}

export function buildExplorerPanel(ctx: PanelContext, chosenMode: ExplorerMode | null): ExplorerPanel {
  const { t, format, index } = ctx
  const ids = indicatorsWithFigures(ctx)
  const options = ctx.dataset.indicators.filter((i) => ids.has(i.id))
  const indicatorId = chooseIndicator(options, ctx.indicatorId)
  const indicator = indicatorId === null ? null : (index.indicators.get(indicatorId) ?? null)
  const figures = indicatorFigures(ctx, indicatorId)
  const usesYoy = figures.length > 0 && figures.every((o) => o.actual === null)

  const subjectId = lineSubject(figures, ctx.regionId)
  const canComparePeriods = figures.filter((o) => o.subjectId === subjectId).length > 1
  const regionCount = new Set(figures.map((o) => o.subjectId)).size
  const mode: ExplorerMode =
    chosenMode === 'periods' && canComparePeriods
      ? 'periods'
      : chosenMode === 'regions'
        ? 'regions'
        : regionCount <= 1 && canComparePeriods
          ? 'periods'
          : 'regions'

  const regionPeriodKey = ctx.periodKey ?? latestPeriodKey(figures)
  const keyOf = periodKeyMemo()
  const rows: ObservationRow[] =
    mode === 'regions'
      ? byValueDescending(
          buildObservationRows(
            figures.filter((o) => keyOf(o.period) === regionPeriodKey),
            index,
          ),
          (r) => metric(r.observation) ?? 0,
        )
      : buildObservationRows(
          figures.filter((o) => o.subjectId === subjectId),
          index,
        ).sort((a, b) => comparePeriods(a.observation.period, b.observation.period))

  const valueText = (r: ObservationRow): string => {
    const o = r.observation
    if (usesYoy) return format.growth(o.yoy ?? 0)
    return format.quantity(o.actual ?? 0, r.indicator.unit, o.qualifier, o.actualUpper)
  }
  const scale =
    usesYoy || !indicator
      ? { factor: 1, caption: '%' }
      : displayScale(indicator.unit, rows.map((r) => r.observation.actual ?? 0), format.locale.value)
  const value = (r: ObservationRow): number => (metric(r.observation) ?? 0) / scale.factor
  const axisName = usesYoy ? t('explorer.yoyAxis') : scale.caption
  const firstSubjectName = rows[0] ? format.name(rows[0].subject.name) : regionLabel(ctx)

  const option =
    rows.length === 0 || !indicator
      ? null
      : mode === 'periods'
        ? buildPeriodLineOption(
            rows.map((r) => ({
              id: r.observation.id,
              label: format.period(r.observation.period),
              value: value(r),
              valueText: valueText(r),
            })),
            { axisName, seriesName: firstSubjectName },
            ctx.style,
          )
        : buildRankedBarOption(
            rows.map((r) => ({ id: r.observation.id, label: format.name(r.subject.name), value: value(r), valueText: valueText(r) })),
            { axisName },
            ctx.style,
          )

  let periodText: string | null = null
  if (mode === 'periods') {
    const periods = periodsOf(rows.map((r) => r.observation))
    const first = periods[periods.length - 1]
    const last = periods[0]
    periodText = first && last ? `${format.period(first)} – ${format.period(last)}` : null
  } else {
    const period = regionPeriodKey === null ? null : parsePeriod(regionPeriodKey)
    periodText = period ? format.period(period) : null
  }
  const indicatorName = indicator ? format.name(indicator.name) : ''

  return {
    options,
    indicatorId,
    mode,
    canComparePeriods,
    panel: {
      id: `explorer:${indicatorId ?? 'none'}:${mode}`,
      title:
        mode === 'periods'
          ? t('explorer.periodsTitle', { indicator: indicatorName, region: firstSubjectName })
          : t('explorer.regionsTitle', { indicator: indicatorName, region: regionLabel(ctx) }),
      unit: scale.caption,
      period: periodText,
      sources: sourcesOf(ctx, rows),
      option,
      emptyText: indicatorName
        ? t('chart.emptyFor', { region: regionLabel(ctx), indicator: indicatorName })
        : t('explorer.empty', { region: regionLabel(ctx) }),
      height: mode === 'periods' ? 420 : rankedBarChartHeight(rows.length),
      headline: null,
      subline: null,
      columns: [
        { key: 'region', label: t('explorer.columns.region') },
        { key: 'period', label: t('explorer.columns.period') },
        { key: 'value', label: usesYoy ? t('explorer.columns.yoy') : t('explorer.columns.value'), numeric: true },
      ],
      rows: rows.map((r) => ({
        id: r.observation.id,
        region: format.name(r.subject.name),
        period: format.period(r.observation.period),
        value: valueText(r),
      })),
      observations: rows,
    },
  }
}
