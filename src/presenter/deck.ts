/**
 * A presentation deck: a title slide, then one slide per chart that has something to draw, built from
 * the same panel models as the views (so a slide says exactly what the view says), with speaker notes
 * holding each figure and its quote.
 */
import type { ChartPanelModel, PanelContext } from '../panels/panelModel'
import { regionLabel } from '../panels/panelModel'
import { buildTargetsPanel } from '../panels/targetsPanel'
import { buildGrowthPanels } from '../panels/growthPanels'
import { buildLivelihoodPanels } from '../panels/livelihoodPanels'
import { buildProjectGroups } from '../panels/projectsPanels'
import { buildExplorerPanel } from '../panels/explorerPanel'
import { parsePeriod } from '../domain/period'
import type { AgendaItem } from './agenda'

export const DECK_SOURCES = ['all', 'targets', 'projects', 'growth', 'livelihood', 'explorer'] as const
export type DeckSource = (typeof DECK_SOURCES)[number]

export function isDeckSource(value: unknown): value is DeckSource {
  return typeof value === 'string' && (DECK_SOURCES as readonly string[]).includes(value)
}

export interface NoteLine {
  /** "大市口街道 · 项目投资：4.32亿元（2023年1-10月）" */
  figure: string
  quotes: string[]
  source: string | null
}

export interface Slide {
  id: string
  kind: 'title' | 'chart'
  title: string
  subtitle: string | null
  panel: ChartPanelModel | null
  notes: NoteLine[]
}

/** The panels of one view, in the order the view shows them. */
export function panelsOf(ctx: PanelContext, source: Exclude<DeckSource, 'all'>): ChartPanelModel[] {
  switch (source) {
    case 'targets':
      return [buildTargetsPanel(ctx).panel]
    case 'projects':
      return buildProjectGroups(ctx).map((g) => g.panel)
    case 'growth':
      return buildGrowthPanels(ctx)
    case 'livelihood':
      return buildLivelihoodPanels(ctx)
    case 'explorer':
      return [buildExplorerPanel(ctx, null).panel]
  }
}

export function notesOf(ctx: PanelContext, panel: ChartPanelModel): NoteLine[] {
  const { format } = ctx
  return panel.observations.map((row) => {
    const o = row.observation
    const value =
      o.actual !== null
        ? format.quantity(o.actual, row.indicator.unit, o.qualifier, o.actualUpper)
        : o.yoy !== null
          ? format.growth(o.yoy)
          : '—'
    const extra = [
      o.target !== null ? `${ctx.t('kpi.target')} ${format.quantity(o.target, row.indicator.unit)}` : null,
      row.completion !== null ? `${ctx.t('kpi.completion')} ${format.percent(row.completion)}` : null,
      row.gap !== null ? `${ctx.t('kpi.gap')} ${format.points(row.gap)}` : null,
      o.yoy !== null && o.actual !== null ? `${ctx.t('kpi.yoy')} ${format.growth(o.yoy)}` : null,
    ].filter((x): x is string => x !== null)
    return {
      figure: `${format.name(row.subject.name)} · ${format.name(row.indicator.name)}: ${value}${extra.length > 0 ? `; ${extra.join('; ')}` : ''} (${format.period(o.period)})`,
      quotes: o.evidence.map((e) => e.quote),
      source: row.document ? format.name(row.document.title) : null,
    }
  })
}

export function buildDeck(ctx: PanelContext, source: DeckSource, today: Date): Slide[] {
  const sources = source === 'all' ? DECK_SOURCES.filter((s) => s !== 'all' && s !== 'explorer') : [source]
  const panels = sources.flatMap((s) => panelsOf(ctx, s as Exclude<DeckSource, 'all'>)).filter((p) => p.option !== null)
  const period = ctx.periodKey === null ? null : parsePeriod(ctx.periodKey)
  const date = new Intl.DateTimeFormat(ctx.format.locale.value, { dateStyle: 'long' }).format(today)
  const titleSlide: Slide = {
    id: 'title',
    kind: 'title',
    title: ctx.t('present.deckTitle', { region: regionLabel(ctx) }),
    subtitle: [period ? ctx.format.period(period) : ctx.t('filters.allPeriods'), date].join(' · '),
    panel: null,
    notes: [],
  }
  return [
    titleSlide,
    ...panels.map<Slide>((panel) => ({
      id: panel.id,
      kind: 'chart',
      title: panel.title,
      subtitle: panel.headline,
      panel,
      notes: notesOf(ctx, panel),
    })),
  ]
}

/**
 * A deck from an agenda: each item drawn with its own region, period and indicator, in the order the
 * presenter chose. An item whose chart the current data cannot draw is left out, not shown empty.
 */
export function buildAgendaDeck(ctx: PanelContext, items: readonly AgendaItem[], today: Date): Slide[] {
  const date = new Intl.DateTimeFormat(ctx.format.locale.value, { dateStyle: 'long' }).format(today)
  const slides: Slide[] = [
    { id: 'title', kind: 'title', title: ctx.t('present.agendaTitle'), subtitle: date, panel: null, notes: [] },
  ]
  items.forEach((item, i) => {
    const scoped: PanelContext = { ...ctx, regionId: item.regionId, periodKey: item.periodKey, indicatorId: item.indicatorId }
    const panel = panelsOf(scoped, item.view).find((p) => p.id === item.panelId && p.option !== null)
    if (!panel) return
    slides.push({ id: `${i}:${panel.id}`, kind: 'chart', title: panel.title, subtitle: panel.headline, panel, notes: notesOf(scoped, panel) })
  })
  return slides
}
