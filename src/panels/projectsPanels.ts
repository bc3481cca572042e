/**
 * Projects: construction progress per project (27%, 60%, 竣工) as bars against 100 %, grouped by the
 * region the projects belong to; each project's other figures (planned and completed investment,
 * land, …) travel with the group for the table beside the chart.
 */
import { buildObservationRows, type ObservationRow } from '../domain/observationRow'
import { byValueDescending } from '../domain/indicatorGroups'
import { observationsInScope } from '../domain/scope'
import { comparePeriods } from '../domain/period'
import { buildRankedBarOption, rankedBarChartHeight, type BarRow } from '../charts/rankedBarChart'
import { sourcesOf, type ChartPanelModel, type PanelContext } from './panelModel'

export interface ProjectGroup {
  /** The region the projects belong to ('' when none is given). */
  id: string
  regionLabel: string
  panel: ChartPanelModel
  /** The projects' figures other than progress: investment, land, households … */
  others: ObservationRow[]
}

/** The latest progress figure of each project: a project is drawn once, at its newest state. */
function latestPerSubject(rows: readonly ObservationRow[]): ObservationRow[] {
  const latest = new Map<string, ObservationRow>()
  for (const row of rows) {
    const current = latest.get(row.subject.id)
    if (!current || comparePeriods(row.observation.period, current.observation.period) > 0) latest.set(row.subject.id, row)
  }
  return [...latest.values()]
}

export function buildProjectGroups(ctx: PanelContext): ProjectGroup[] {
  const { t, format, index } = ctx
  const scoped = observationsInScope(ctx.dataset, index, { regionId: ctx.regionId, periodKey: ctx.periodKey })
  // Rows made only for projects' figures: a large table in scope is mostly streets' (360,000 rows).
  const rows = buildObservationRows(
    scoped.filter((o) => index.subjects.get(o.subjectId)?.level === 'project'),
    index,
  )
  const byParent = new Map<string, ObservationRow[]>()
  for (const row of rows) {
    const key = row.subject.parentId ?? ''
    const list = byParent.get(key)
    if (list) list.push(row)
    else byParent.set(key, [row])
  }
  const progressText = (value: number): string => (value >= 100 ? t('projects.completed') : format.percent(value))

  return [...byParent.entries()].map(([parentId, groupRows]) => {
    const parent = index.subjects.get(parentId)
    const regionLabel = parent ? format.name(parent.name) : t('projects.noRegion')
    const progress = byValueDescending(
      latestPerSubject(groupRows.filter((r) => r.indicator.kind === 'progress' && r.observation.actual !== null)),
      (r) => r.observation.actual ?? 0,
    )
    const bars: BarRow[] = progress.map((r) => ({
      id: r.observation.id,
      label: format.name(r.subject.name),
      value: Math.min(r.observation.actual ?? 0, 100),
      valueText: progressText(r.observation.actual ?? 0),
      details: [format.period(r.observation.period)],
    }))
    return {
      id: parentId,
      regionLabel,
      others: groupRows.filter((r) => r.indicator.kind !== 'progress'),
      panel: {
        id: `projects:${parentId}`,
        title: t('projects.chartTitle', { region: regionLabel }),
        unit: '%',
        period: null,
        sources: sourcesOf(ctx, progress),
        option:
          bars.length === 0
            ? null
            : buildRankedBarOption(
                bars,
                { axisName: t('projects.axis'), reference: t('projects.completed') },
                { ...ctx.style, referenceValue: 100, min: 0, max: 100, axisSuffix: '%' },
              ),
        emptyText: t('projects.noProgress', { region: regionLabel }),
        height: rankedBarChartHeight(bars.length),
        headline: null,
        subline: null,
        columns: [
          { key: 'project', label: t('projects.columns.project') },
          { key: 'progress', label: t('projects.columns.progress'), numeric: true },
          { key: 'period', label: t('projects.columns.period') },
        ],
        rows: progress.map((r) => ({
          id: r.observation.id,
          project: format.name(r.subject.name),
          progress: progressText(r.observation.actual ?? 0),
          period: format.period(r.observation.period),
        })),
        observations: progress,
      },
    }
  })
}
