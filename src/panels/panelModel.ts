/**
 * What a chart panel shows, as plain data: built from the dataset, the filters and the translations
 * by the functions in this folder, and drawn by ChartPanel in the views, by the presenter's slides,
 * and by the exports. One place decides what each chart says, so the three never disagree.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { Dataset, LocaleCode, LocalizedText, Period, Qualifier } from '../domain/model'
import type { DatasetIndex } from '../domain/datasetIndex'
import type { ObservationRow } from '../domain/observationRow'
import type { ChartPalette } from '../charts/palette'

export interface TableColumn {
  key: string
  label: string
  /** Right-aligned figures. */
  numeric?: boolean
}

export type TableRow = { id: string } & Record<string, string>

export interface ChartPanelModel {
  /** Stable across languages and themes: a slide or an export names its chart by it. */
  id: string
  title: string
  unit: string | null
  period: string | null
  /** Document titles the figures come from. */
  sources: string[]
  /** null: nothing to draw, and `emptyText` says what is missing. */
  option: EChartsCoreOption | null
  emptyText: string
  /** Pixel height that fits the rows. */
  height: number
  /** Headline under the title ("N of M at or above 序时进度"). */
  headline: string | null
  subline: string | null
  columns: TableColumn[]
  rows: TableRow[]
  /** The observations behind the chart: for notes, quotes and data exports. */
  observations: ObservationRow[]
}

/** The locale-bound formatters of useLocaleFormat, as a plain interface so builders stay testable. */
export interface PanelFormat {
  locale: { value: LocaleCode }
  name: (text: LocalizedText) => string
  quantity: (value: number, unit: string, qualifier?: Qualifier | null, upper?: number | null) => string
  percent: (value: number) => string
  growth: (value: number) => string
  points: (value: number) => string
  rank: (value: number) => string
  period: (period: Period) => string
}

export type Translate = (key: string, params?: Record<string, unknown>) => string

export interface PanelContext {
  dataset: Dataset
  index: DatasetIndex
  regionId: string | null
  periodKey: string | null
  indicatorId: string | null
  t: Translate
  format: PanelFormat
  style: { palette: ChartPalette; decal: boolean; visibleRows?: number }
}

/** The chosen region's name, or "all regions". */
export function regionLabel(ctx: PanelContext): string {
  const subject = ctx.regionId === null ? null : ctx.index.subjects.get(ctx.regionId)
  return subject ? ctx.format.name(subject.name) : ctx.t('filters.allRegions')
}

/** Distinct document titles of some rows, in first-seen order. */
export function sourcesOf(ctx: PanelContext, rows: readonly ObservationRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.document ? [ctx.format.name(r.document.title)] : [])))]
}

/** An empty panel: the view still shows a titled box that says what is missing. */
export function emptyPanel(id: string, title: string, emptyText: string): ChartPanelModel {
  return {
    id,
    title,
    unit: null,
    period: null,
    sources: [],
    option: null,
    emptyText,
    height: 0,
    headline: null,
    subline: null,
    columns: [],
    rows: [],
    observations: [],
  }
}
