/**
 * Horizontal bars, one row per region, project or indicator, in the order given (callers sort: by
 * value for rankings, by progress for projects). Used for YoY growth with the average marked, project
 * progress against 竣工 (100 %), hotline rates against 100 %, counts, and the explorer's region compare.
 *
 * Pure: rows and translated labels in, an ECharts option out; tested in Node.
 */
import type { ComposeOption, EChartsCoreOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { DefaultLabelFormatterCallbackParams } from 'echarts'
import { LIGHT_PALETTE, type ChartPalette } from './palette'
import {
  ariaOption,
  axisColors,
  estimateTextWidth,
  rowScroller,
  textScale,
  themeBase,
  tooltipBase,
  tooltipDataIndex,
  tooltipHtml,
  valueLabelStyle,
} from './common'

export interface BarRow {
  id: string
  /** Shown on the category axis; untrusted data. */
  label: string
  /** In the unit the axis shows (already scaled, e.g. 万平方米 or %). */
  value: number
  /** The exact figure as a reader expects it, qualifier included ("1000余件", "+43.7%"). */
  valueText: string
  /** A colour of meaning (status, fall); the palette's bar colour otherwise. */
  color?: string
  /** Short text after the value, e.g. a rank ("第一") or "竣工". */
  badge?: string
  /** Extra tooltip lines (plain text, escaped on output). */
  details?: readonly string[]
}

export interface RankedBarLabels {
  /** Axis name with the unit, e.g. "同比增长（%）". */
  axisName: string
  /** Name of the average line, e.g. "平均 +12.3%"; omitted when no average is drawn. */
  average?: string
  /** Name of the reference line, e.g. "目标 100%" or "竣工". */
  reference?: string
}

export interface RankedBarOptions {
  decal?: boolean
  palette?: ChartPalette
  /** Draw the rows' mean as a dashed line (district average). */
  showAverage?: boolean
  /** A fixed line, e.g. 100 for a rate against 100 % or progress against 竣工. */
  referenceValue?: number
  /** Fixed axis bounds (progress and rates run 0–100). */
  min?: number
  max?: number
  /** Formats axis tick values (e.g. `{value}%`); plain numbers otherwise. */
  axisSuffix?: string
  /** Rows shown at once before the chart scrolls (fewer on a projector, where type is larger). */
  visibleRows?: number
}

export type RankedBarOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>

/** Rows beyond this scroll instead of squeezing labels into each other. */
export const VISIBLE_BARS = 25

export function rankedBarChartHeight(rowCount: number): number {
  const rows = Math.max(1, Math.min(rowCount, VISIBLE_BARS))
  return rows * (rows <= 3 ? 52 : 30) + 80
}

export function averageOf(rows: readonly BarRow[]): number | null {
  const values = rows.map((r) => r.value).filter(Number.isFinite)
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

export function buildRankedBarOption(
  rows: readonly BarRow[],
  labels: RankedBarLabels,
  options: RankedBarOptions = {},
): EChartsCoreOption {
  const palette = options.palette ?? LIGHT_PALETTE
  const scale = textScale(palette)
  const visible = options.visibleRows ?? VISIBLE_BARS
  const scrolls = rows.length > visible
  const average = options.showAverage === true && rows.length > 1 ? averageOf(rows) : null
  const markLines: NonNullable<MarkLineComponentOption['data']> = []
  if (average !== null) {
    markLines.push({
      xAxis: average,
      name: labels.average ?? '',
      lineStyle: { type: 'dashed', color: palette.muted, width: palette.lineWidth },
      label: { formatter: () => labels.average ?? '', position: 'start', color: palette.muted },
    })
  }
  if (options.referenceValue !== undefined) {
    markLines.push({
      xAxis: options.referenceValue,
      name: labels.reference ?? '',
      lineStyle: { type: 'solid', color: palette.text, width: palette.lineWidth },
      label: { formatter: () => labels.reference ?? '', position: 'start', color: palette.text },
    })
  }
  const axis = axisColors(palette)
  const suffix = options.axisSuffix ?? ''
  const labelText = (r: BarRow): string => [r.valueText, r.badge].filter(Boolean).join(' ')
  // Value labels sit right of the bars; ECharts reserves no room for them, so the grid does.
  // A loop, not Math.max(...rows): a spread of tens of thousands of rows overflows the call stack.
  let widestLabel = 0
  for (const r of rows) widestLabel = Math.max(widestLabel, estimateTextWidth(labelText(r), palette.fontSize))
  const labelRoom = Math.min(260 * scale, widestLabel) + 16
  // Few rows are tall enough for two-line category labels; many rows get one line, cut with "…".
  const wrapLabels = rows.length <= 10

  const series: BarSeriesOption = {
    type: 'bar',
    id: 'value',
    name: labels.axisName,
    barMaxWidth: 22 * scale,
    data: rows.map((r) => ({
      value: r.value,
      itemStyle: { color: r.color ?? (r.value < 0 ? palette.negative : palette.bar) },
    })),
    label: {
      ...valueLabelStyle(palette),
      // A function: data text is never read as an ECharts {a}/{b} template or rich-text markup.
      formatter: (p: DefaultLabelFormatterCallbackParams) => {
        const row = rows[p.dataIndex]
        return row ? labelText(row) : ''
      },
    },
    ...(markLines.length > 0 ? { markLine: { silent: true, symbol: 'none', data: markLines } } : {}),
  }

  const option = {
    ...themeBase(palette),
    aria: ariaOption(options.decal),
    animation: rows.length <= 50,
    animationDuration: 300,
    grid: { left: 8, right: labelRoom + (scrolls ? 24 : 0), top: 30 * scale, bottom: 40 * scale, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase(palette),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = tooltipDataIndex(params)
        const row = index === null ? undefined : rows[index]
        if (!row) return ''
        return tooltipHtml(row.label, [labelText(row), ...(row.details ?? [])])
      },
    },
    xAxis: {
      type: 'value',
      ...(options.min !== undefined ? { min: options.min } : {}),
      ...(options.max !== undefined ? { max: options.max } : {}),
      name: labels.axisName,
      nameLocation: 'middle',
      nameGap: 26 * scale,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: `{value}${suffix.replace(/[{}]/g, '')}` },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      inverse: true,
      axisTick: { show: false },
      axisLine: axis.axisLine,
      axisLabel: {
        ...axis.axisLabel,
        interval: 0,
        width: 180 * scale,
        overflow: wrapLabels ? 'break' : 'truncate',
        lineHeight: palette.fontSize + 2,
      },
    },
    ...(scrolls
      ? {
          dataZoom: rowScroller(0, visible),
        }
      : {}),
    series: [series],
  } satisfies RankedBarOption
  return option
}
