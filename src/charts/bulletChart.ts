/**
 * Bullet graph (Stephen Few) of one indicator across regions: per row the 完成率 as a thick bar on
 * grey bad/ok/good bands, the target as one vertical line at 100 %, and the 序时进度 as a thin tick.
 *
 * Pure: rows and already-translated labels in, an ECharts option out. No Vue, no DOM, so it is
 * tested in Node and the component stays a thin renderer.
 */
import type { ComposeOption, EChartsCoreOption } from 'echarts/core'
import type { BarSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
// Type-only: the full 'echarts' entry is never loaded at run time, only its callback parameter types.
import type { DefaultLabelFormatterCallbackParams, TooltipComponentFormatterCallbackParams } from 'echarts'
import type { Direction } from '../domain/model'
import type { ProgressStatus } from '../domain/progress'
import { LIGHT_PALETTE, STATUS_ICONS, type ChartPalette } from './palette'
import {
  axisColors,
  rowScroller,
  textScale,
  themeBase,
  tooltipBase,
  tooltipDataIndex,
  tooltipHtml,
  valueLabelStyle,
} from './common'

export interface BulletRow {
  id: string
  /** Region name as shown; untrusted data (it may come from an imported file). */
  label: string
  /** 完成率 in %. */
  completion: number
  /** 序时进度 in %. */
  elapsed: number
  /** completion − elapsed, in percentage points. */
  gap: number
  status: ProgressStatus
  /** The actual, already formatted for the locale (e.g. 4.32亿元). */
  actualText: string
  /** The target, already formatted for the locale. */
  targetText: string
}

export interface BulletChartLabels {
  completion: string
  elapsed: string
  target: string
  /** The gap as a sentence, e.g. "落后序时 3.6个百分点"; the caller owns wording and number format. */
  gap: (gap: number) => string
  status: Record<ProgressStatus, string>
  /** x-axis name, e.g. "完成率（%）". */
  unitCaption: string
}

export interface BulletChartOptions {
  /** Decal patterns on the series (aria.decal), for projectors and colour-blind readers. */
  decal?: boolean
  /** Colours for the current theme; light by default. */
  palette?: ChartPalette
  /** Rows shown at once before the chart scrolls (fewer on a projector, where type is larger). */
  visibleRows?: number
}

/** Exactly the parts in chartParts.ts; an option using anything else fails to type-check here. */
export type BulletChartOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>

export const STATUS_COLORS: Readonly<Record<ProgressStatus, string>> = LIGHT_PALETTE.status

/** Bad / ok / good bands in % of target; greys so the coloured bar stays the loudest mark. */
export const BANDS = [
  { id: 'band-bad', from: 0, to: 60, shade: 0 },
  { id: 'band-ok', from: 60, to: 90, shade: 1 },
  { id: 'band-good', from: 90, to: Number.POSITIVE_INFINITY, shade: 2 },
] as const

/** More rows than this scroll (dataZoom) instead of shrinking until labels overlap. */
export const VISIBLE_ROWS = 25

/**
 * Pixel height that fits min(rows, VISIBLE_ROWS) rows at a readable size, plus axis and slider room.
 * A few rows get taller rows: one street alone should read as a bar, not a hairline.
 */
export function bulletChartHeight(rowCount: number): number {
  const rows = Math.max(1, Math.min(rowCount, VISIBLE_ROWS))
  const rowHeight = rows <= 3 ? 64 : rows <= 10 ? 40 : 28
  return rows * rowHeight + 72
}

/**
 * Rows in report order: best first, i.e. descending gap (完成率 − 序时进度), the way 通报 and ranking
 * tables list streets; the laggards end up together at the bottom. For a lower-is-better indicator the
 * gap's meaning flips (see progressStatus), so pass its direction to keep "best first".
 * Non-finite gaps go last; ties keep the input order (stable), which is the source's reading order.
 */
export function sortByGap(rows: readonly BulletRow[], direction: Direction = 'higher'): BulletRow[] {
  const sign = direction === 'lower' ? 1 : -1
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const fa = Number.isFinite(a.row.gap)
      const fb = Number.isFinite(b.row.gap)
      if (fa !== fb) return fa ? -1 : 1
      return (fa ? sign * (a.row.gap - b.row.gap) : 0) || a.i - b.i
    })
    .map(({ row }) => row)
}

function percentText(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)}%` : '–'
}

/**
 * Tooltip HTML for one row: plain-text lines, every one escaped by tooltipHtml (region names and
 * figures are data, labels are translations; neither is trusted as markup, security guide item 1).
 */
export function bulletTooltipHtml(row: BulletRow, labels: BulletChartLabels): string {
  return tooltipHtml(row.label, [
    `${labels.completion}: ${percentText(row.completion)} (${row.actualText} / ${row.targetText})`,
    `${labels.target}: ${row.targetText}`,
    `${labels.elapsed}: ${percentText(row.elapsed)}`,
    `${labels.gap(row.gap)} · ${STATUS_ICONS[row.status]} ${labels.status[row.status]}`,
  ])
}

/**
 * Tick step and upper bound: at least 120 % so the target line and the good band always show, and a
 * whole number of steps, or ECharts adds a stray max label (…120%, 130%) next to the last nice tick.
 */
function axisScale(rows: readonly BulletRow[]): { max: number; interval: number } {
  const values = rows.flatMap((r) => [r.completion, r.elapsed]).filter(Number.isFinite)
  const top = Math.max(120, ...values)
  const interval = top <= 160 ? 20 : top <= 400 ? 50 : top <= 1000 ? 100 : 10 ** Math.floor(Math.log10(top))
  return { max: Math.ceil(top / interval) * interval, interval }
}

/** Negative 完成率 happens (a loss against a profit target); the axis extends left rather than hide it. */
function axisMin(rows: readonly BulletRow[], interval: number): number {
  const values = rows.map((r) => r.completion).filter(Number.isFinite)
  return Math.min(0, Math.floor(Math.min(0, ...values) / interval) * interval)
}

export function buildBulletChartOption(
  rows: readonly BulletRow[],
  labels: BulletChartLabels,
  options: BulletChartOptions = {},
): EChartsCoreOption {
  const palette = options.palette ?? LIGHT_PALETTE
  const scale = textScale(palette)
  const visible = options.visibleRows ?? VISIBLE_ROWS
  const { max, interval } = axisScale(rows)
  const min = axisMin(rows, interval)
  const categories = rows.map((r) => r.label)
  const scrolls = rows.length > visible

  // The bands live on a second, hidden category axis: bars on one axis are laid out side by side,
  // and barGap '-100%' only overlaps bars of equal width. Each axis centres its own bars, so a wide
  // band and a narrow actual bar share a row centre.
  const bandAxis = 1
  const bandSeries: BarSeriesOption[] = BANDS.map((band) => ({
    type: 'bar',
    id: band.id,
    yAxisIndex: bandAxis,
    stack: 'bands',
    barWidth: '80%',
    silent: true,
    z: 1,
    // Large mode: each band is one path for all rows instead of a rectangle per row. The bands are
    // one colour each and never hovered, so nothing is lost, and a filter change redraws 3 shapes
    // instead of 3 per street (with the decal below only when asked for: together ~40 % less
    // ECharts time per update, measured in Node on 20 rows).
    large: true,
    largeThreshold: 0,
    itemStyle: {
      color: palette.bands[band.shade],
      // No visible decal on the backdrop: patterns there would compete with the bar they frame.
      // A transparent pattern rather than decal: 'none', which ECharts 6.1's aria merge crashes on
      // ("Cannot create property 'dirty' on string 'none'"; the server-side render test covers it).
      // Only with decals on: without them the pattern is never drawn, yet costs a canvas per bar.
      ...(options.decal === true ? { decal: { color: 'rgba(0, 0, 0, 0)' } } : {}),
    },
    data: rows.map(() => Math.max(0, Math.min(band.to, max) - band.from)),
  }))

  const actualSeries: BarSeriesOption = {
    type: 'bar',
    id: 'completion',
    name: labels.completion,
    yAxisIndex: 0,
    barWidth: '36%',
    z: 3,
    data: rows.map((r) => ({
      value: r.completion,
      itemStyle: { color: palette.status[r.status] },
    })),
    label: {
      ...valueLabelStyle(palette),
      formatter: (p: DefaultLabelFormatterCallbackParams) => {
        const row = rows[p.dataIndex]
        return row ? `${percentText(row.completion)} ${STATUS_ICONS[row.status]}` : ''
      },
    },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: palette.text, type: 'solid', width: palette.lineWidth },
      // 'start' is the top: the category axis is inverse. At the bottom it would sit on the "100%" tick label.
      label: { position: 'start', color: palette.text, formatter: () => labels.target },
      data: [{ xAxis: 100, name: labels.target }],
    },
  }

  const elapsedSeries: ScatterSeriesOption = {
    type: 'scatter',
    id: 'elapsed',
    name: labels.elapsed,
    yAxisIndex: 0,
    // A thin, tall tick across the bar, as in Few's design, rather than a dot hiding behind it.
    symbol: 'rect',
    symbolSize: [palette.lineWidth + 1, 20 * scale],
    z: 4,
    itemStyle: { color: palette.text },
    // [x, category index]: by index, not by name, so two regions with the same name stay two rows.
    data: rows.map((r, i) => [r.elapsed, i]),
  }

  const categoryAxisBase = {
    type: 'category' as const,
    data: categories,
    // Row 0 at the top: reading order matches the sorted list.
    inverse: true,
  }

  const axis = axisColors(palette)
  const option = {
    ...themeBase(palette),
    aria: { enabled: true, decal: { show: options.decal === true } },
    animation: rows.length <= 50,
    // Short, as in the other charts: the ready mark (and a presenter's click) waits for it to end.
    animationDuration: 300,
    animationDurationUpdate: 300,
    // outerBoundsMode 'same': the labels and axis name fit inside these margins instead of spilling out.
    grid: { left: 8, right: (scrolls ? 56 : 48) * scale, top: 28 * scale, bottom: 40 * scale, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase(palette),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const index = tooltipDataIndex(params)
        const row = index === null ? undefined : rows[index]
        return row ? bulletTooltipHtml(row, labels) : ''
      },
    },
    xAxis: {
      type: 'value',
      min,
      max,
      interval,
      name: labels.unitCaption,
      nameLocation: 'middle',
      nameGap: 26 * scale,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: '{value}%' },
      splitLine: { show: false },
    },
    yAxis: [
      {
        ...categoryAxisBase,
        axisTick: { show: false },
        // Every label shown (interval 0); too-long names are cut rather than overlapping the next row.
        axisLine: axis.axisLine,
        axisLabel: { ...axis.axisLabel, interval: 0, width: 120 * scale, overflow: 'truncate' },
      },
      { ...categoryAxisBase, show: false },
    ],
    ...(scrolls
      ? {
          dataZoom: rowScroller([0, 1], visible),
        }
      : {}),
    series: [...bandSeries, actualSeries, elapsedSeries],
  } satisfies BulletChartOption
  return option
}
