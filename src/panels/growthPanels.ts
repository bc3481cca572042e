/**
 * Growth and rank: per indicator, the regions' YoY growth as ranked bars with the average marked,
 * each bar carrying its rank badge where the source states one ("京口区第一").
 */
import { byValueDescending, figuresInScope, groupFigures, growthValue } from '../domain/indicatorGroups'
import { buildObservationRows } from '../domain/observationRow'
import { parsePeriod } from '../domain/period'
import { averageOf, buildRankedBarOption, rankedBarChartHeight, type BarRow } from '../charts/rankedBarChart'
import { emptyPanel, regionLabel, sourcesOf, type ChartPanelModel, type PanelContext } from './panelModel'

export function buildGrowthPanels(ctx: PanelContext): ChartPanelModel[] {
  const { t, format, index } = ctx
  const withGrowth = figuresInScope(
    ctx.dataset,
    index,
    { regionId: ctx.regionId, periodKey: ctx.periodKey },
    (o, indicator) => growthValue(o, indicator) !== null,
  )
  const columns = [
    { key: 'region', label: t('growth.columns.region') },
    { key: 'growth', label: t('growth.columns.growth'), numeric: true },
    { key: 'rank', label: t('growth.columns.rank') },
  ]
  const panels = groupFigures(withGrowth, index).map((group): ChartPanelModel => {
    const rows = byValueDescending(buildObservationRows(group.observations, index), (r) =>
      growthValue(r.observation, r.indicator) ?? 0,
    )
    const bars: BarRow[] = rows.map((r) => {
      const value = growthValue(r.observation, r.indicator) ?? 0
      const rank = r.observation.rank
      const badge = rank === null ? undefined : `${r.rankScope ? format.name(r.rankScope.name) : ''}${format.rank(rank)}`
      return {
        id: r.observation.id,
        label: format.name(r.subject.name),
        value,
        valueText: format.growth(value),
        ...(badge ? { badge } : {}),
        details:
          r.observation.actual === null
            ? []
            : [format.quantity(r.observation.actual, r.indicator.unit, r.observation.qualifier)],
      }
    })
    const average = averageOf(bars)
    const period = parsePeriod(group.periodKey)
    return {
      id: `growth:${group.indicator.id}`,
      title: t('growth.chartTitle', { indicator: format.name(group.indicator.name) }),
      unit: '%',
      period: period ? format.period(period) : null,
      sources: sourcesOf(ctx, rows),
      option: buildRankedBarOption(
        bars,
        {
          axisName: t('growth.axis'),
          ...(average !== null && bars.length > 1 ? { average: t('growth.average', { value: format.growth(average) }) } : {}),
        },
        { ...ctx.style, showAverage: true, axisSuffix: '%' },
      ),
      emptyText: t('growth.empty', { region: regionLabel(ctx) }),
      height: rankedBarChartHeight(bars.length),
      headline: null,
      subline: null,
      columns,
      rows: bars.map((b) => ({ id: b.id, region: b.label, growth: b.valueText, rank: b.badge ?? '—' })),
      observations: rows,
    }
  })
  return panels.length > 0 ? panels : [emptyPanel('growth:none', t('growth.title'), t('growth.empty', { region: regionLabel(ctx) }))]
}
