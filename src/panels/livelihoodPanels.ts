/**
 * Livelihood and governance: 12345 hotline volume and on-time rate, disputes resolved, activities
 * held, renovation areas. Rates are drawn against 100 %; counts and areas one chart per unit, so bars
 * in a chart share a scale; each indicator in one period (the chosen one, or its latest). Qualifiers
 * stay on every figure ("1000余件", "1000+ cases").
 */
import type { CategoryId } from '../domain/model'
import { buildObservationRows, type ObservationRow } from '../domain/observationRow'
import { byValueDescending, figuresInScope } from '../domain/indicatorGroups'
import { displayScale } from '../domain/displayScale'
import { periodKey } from '../domain/period'
import { unitInfo } from '../domain/units'
import { buildRankedBarOption, rankedBarChartHeight, type BarRow } from '../charts/rankedBarChart'
import { emptyPanel, regionLabel, sourcesOf, type ChartPanelModel, type PanelContext } from './panelModel'

const CATEGORIES_SHOWN: ReadonlySet<CategoryId> = new Set(['livelihood', 'governance', 'community'])

function panelFor(ctx: PanelContext, unit: string, rows: ObservationRow[]): ChartPanelModel {
  const { t, format } = ctx
  const family = unitInfo(unit).family
  const isRate = family === 'percent'
  const scale = displayScale(unit, rows.map((r) => r.observation.actual ?? 0), format.locale.value)
  const caption = scale.caption || unit
  const manySubjects = new Set(rows.map((r) => r.subject.id)).size > 1
  const manyPeriods = new Set(rows.map((r) => periodKey(r.observation.period))).size > 1
  const sorted = byValueDescending(rows, (r) => r.observation.actual ?? 0)
  const figure = (r: ObservationRow): string =>
    format.quantity(r.observation.actual ?? 0, unit, r.observation.qualifier, r.observation.actualUpper)
  const label = (r: ObservationRow): string =>
    [
      format.name(r.indicator.name),
      manySubjects ? format.name(r.subject.name) : null,
      manyPeriods ? format.period(r.observation.period) : null,
    ]
      .filter(Boolean)
      .join(' · ')
  const bars: BarRow[] = sorted.map((r) => ({
    id: r.observation.id,
    label: label(r),
    value: (r.observation.actual ?? 0) / scale.factor,
    valueText: figure(r),
    details: [format.name(r.subject.name), format.period(r.observation.period)],
  }))
  const title = isRate
    ? t('livelihood.rates')
    : family === 'area'
      ? t('livelihood.areas', { unit: caption })
      : family === 'currency'
        ? t('livelihood.amounts', { unit: caption })
        : t('livelihood.inUnit', { unit: caption })
  return {
    id: `livelihood:${unit}`,
    title,
    unit: isRate ? '%' : caption,
    period: null,
    sources: sourcesOf(ctx, sorted),
    option: buildRankedBarOption(
      bars,
      { axisName: isRate ? '%' : caption, ...(isRate ? { reference: t('livelihood.full') } : {}) },
      isRate ? { ...ctx.style, referenceValue: 100, min: 0, max: 100, axisSuffix: '%' } : { ...ctx.style, min: 0 },
    ),
    emptyText: t('livelihood.empty', { region: regionLabel(ctx) }),
    height: rankedBarChartHeight(bars.length),
    headline: null,
    subline: null,
    columns: [
      { key: 'indicator', label: t('livelihood.columns.indicator') },
      { key: 'region', label: t('livelihood.columns.region') },
      { key: 'value', label: t('livelihood.columns.value'), numeric: true },
      { key: 'period', label: t('livelihood.columns.period') },
    ],
    rows: sorted.map((r) => ({
      id: r.observation.id,
      indicator: format.name(r.indicator.name),
      region: format.name(r.subject.name),
      value: figure(r),
      period: format.period(r.observation.period),
    })),
    observations: sorted,
  }
}

export function buildLivelihoodPanels(ctx: PanelContext): ChartPanelModel[] {
  // Each indicator in one period (the chosen one, or its latest): a monthly table's 1月 … 1-12月
  // figures of one count ranked in one chart compared nothing, and on the 360,000-row table made a
  // chart of 36,000 bars. Data with one period per indicator (the seed reports) shows as before.
  const figures = figuresInScope(
    ctx.dataset,
    ctx.index,
    { regionId: ctx.regionId, periodKey: ctx.periodKey },
    (o, indicator) => CATEGORIES_SHOWN.has(indicator.category) && o.actual !== null,
  )
  const rows = buildObservationRows(figures.observations, ctx.index)
  const byUnit = new Map<string, ObservationRow[]>()
  for (const row of rows) {
    const list = byUnit.get(row.indicator.unit)
    if (list) list.push(row)
    else byUnit.set(row.indicator.unit, [row])
  }
  // Rates first (the hotline's on-time rate is the headline), then the largest groups.
  const panels = [...byUnit.entries()]
    .sort(([ua, a], [ub, b]) => Number(ub === '%') - Number(ua === '%') || b.length - a.length)
    .map(([unit, list]) => panelFor(ctx, unit, list))
  return panels.length > 0
    ? panels
    : [emptyPanel('livelihood:none', ctx.t('livelihood.title'), ctx.t('livelihood.empty', { region: regionLabel(ctx) }))]
}
