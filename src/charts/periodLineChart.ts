/**
 * One indicator of one region over several periods (the explorer's "compare periods"): a line with
 * the exact figure on every point. Pure; tested in Node.
 */
import type { ComposeOption, EChartsCoreOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type { AriaComponentOption, GridComponentOption, TooltipComponentOption } from 'echarts/components'
import type { DefaultLabelFormatterCallbackParams } from 'echarts'
import { LIGHT_PALETTE, type ChartPalette } from './palette'
import { ariaOption, axisColors, themeBase, tooltipBase, tooltipDataIndex, tooltipHtml } from './common'

export interface LinePoint {
  id: string
  /** The period as a reader says it ("2023年1-10月"). */
  label: string
  value: number
  valueText: string
}

export interface PeriodLineLabels {
  axisName: string
  /** Tooltip heading, e.g. the region name; untrusted. */
  seriesName: string
}

export type PeriodLineOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>

/**
 * Beyond this many points a line is long: it is drawn downsampled (LTTB keeps the line's shape from
 * a few points per pixel column) without a symbol and label per point, which would overlap into a
 * smear and cost a text element each. The tooltip still gives every point's exact figure.
 */
export const LONG_LINE_POINTS = 100

export function buildPeriodLineOption(
  points: readonly LinePoint[],
  labels: PeriodLineLabels,
  options: { decal?: boolean; palette?: ChartPalette } = {},
): EChartsCoreOption {
  const palette = options.palette ?? LIGHT_PALETTE
  const axis = axisColors(palette)
  const long = points.length > LONG_LINE_POINTS
  const option = {
    ...themeBase(palette),
    aria: ariaOption(options.decal),
    animationDuration: 300,
    grid: { left: 16, right: 32, top: 36, bottom: 40, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase(palette),
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = tooltipDataIndex(params)
        const point = index === null ? undefined : points[index]
        return point ? tooltipHtml(labels.seriesName, [`${point.label}: ${point.valueText}`]) : ''
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.label), ...axis, splitLine: { show: false } },
    yAxis: { type: 'value', name: labels.axisName, ...axis },
    series: [
      {
        type: 'line',
        id: 'value',
        name: labels.seriesName,
        data: points.map((p) => p.value),
        ...(long ? { sampling: 'lttb' as const, showSymbol: false } : {}),
        symbolSize: palette.lineWidth * 4,
        lineStyle: { width: palette.lineWidth + 1, color: palette.bar },
        itemStyle: { color: palette.bar },
        label: {
          show: !long,
          position: 'top',
          color: palette.text,
          fontSize: palette.fontSize,
          formatter: (p: DefaultLabelFormatterCallbackParams) => points[p.dataIndex]?.valueText ?? '',
        },
      },
    ],
  } satisfies PeriodLineOption
  return option
}
