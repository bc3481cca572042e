/**
 * Option pieces every chart shares, so the theme, accessibility and escaping rules are written once.
 */
import { format } from 'echarts/core'
import type { ChartPalette } from './palette'

/** How much larger than the screen's 12 px the palette's type is (1 on screen, ~2.3 on a projector). */
export function textScale(palette: ChartPalette): number {
  return palette.fontSize / 12
}

/** ECharts' aria description always on; decal patterns when the reader asked for them. */
export function ariaOption(decal: boolean | undefined) {
  return { enabled: true, decal: { show: decal === true } }
}

/** Text and tooltip colours for the theme; the page background shows through the canvas. */
export function themeBase(palette: ChartPalette) {
  return {
    backgroundColor: 'transparent',
    textStyle: { color: palette.text, fontSize: palette.fontSize },
  }
}

export function tooltipBase(palette: ChartPalette) {
  return {
    confine: true,
    backgroundColor: palette.tooltipBackground,
    borderColor: palette.axisLine,
    textStyle: { color: palette.tooltipText, fontSize: Math.max(12, palette.fontSize * 0.75) },
  }
}

export function axisColors(palette: ChartPalette) {
  return {
    axisLine: { lineStyle: { color: palette.axisLine } },
    axisLabel: { color: palette.text, fontSize: palette.fontSize },
    nameTextStyle: { color: palette.muted, fontSize: palette.fontSize },
    splitLine: { lineStyle: { color: palette.bands[1] } },
  }
}

/**
 * Tooltip HTML from lines of plain text: ECharts inserts a formatter's string as markup, so every
 * line is escaped here (names, units and quotes come from user files). The first line is the heading.
 */
export function tooltipHtml(heading: string, lines: readonly string[]): string {
  const esc = format.encodeHTML
  return [`<strong>${esc(heading)}</strong>`, ...lines.map((line) => esc(line))].join('<br/>')
}

/** The data index a tooltip is about (axis trigger passes an array, item trigger one object). */
export function tooltipDataIndex(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params
  if (typeof first !== 'object' || first === null || !('dataIndex' in first)) return null
  const index = (first as { dataIndex: unknown }).dataIndex
  return typeof index === 'number' ? index : null
}

/**
 * Rough pixel width of a label at ECharts' default 12 px: CJK glyphs are square, Latin about half.
 * Used to leave room for value labels beside bars, where ECharts does not reserve any.
 */
export function estimateTextWidth(text: string, fontSize = 12): number {
  let width = 0
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? fontSize : fontSize * 0.6
  return Math.ceil(width)
}

/**
 * The value label beside a bar: on a light backing, because it often lands on a marker line (the
 * target, 序时进度, the average). The caller supplies the formatter, always a function: nothing from
 * data is ever read as an ECharts {a}/{b} template or rich text.
 */
export function valueLabelStyle(palette: ChartPalette) {
  return {
    show: true,
    position: 'right' as const,
    color: palette.text,
    fontSize: palette.fontSize,
    backgroundColor: palette.labelBackground,
    padding: [1, 3],
    borderRadius: 2,
  }
}

/**
 * A fixed window of `visible` rows over a long category axis, moved by a slider or the mouse wheel.
 * The window cannot be zoomed out: that would bring back the overlapping labels it exists to avoid.
 * Rows outside the window are filtered out before layout ('filter', ECharts' default, stated so it
 * stays): a ranking of 1,000 streets lays out and draws the 25 in view, not 1,000.
 */
export function rowScroller(axisIndex: number | number[], visible: number) {
  return [
    {
      type: 'slider' as const,
      yAxisIndex: axisIndex,
      filterMode: 'filter' as const,
      startValue: 0,
      endValue: visible - 1,
      minValueSpan: visible - 1,
      maxValueSpan: visible - 1,
      zoomLock: true,
      brushSelect: false,
      showDetail: false,
      right: 8,
      width: 16,
    },
    {
      type: 'inside' as const,
      yAxisIndex: axisIndex,
      filterMode: 'filter' as const,
      startValue: 0,
      endValue: visible - 1,
      zoomOnMouseWheel: false,
      moveOnMouseWheel: true,
      moveOnMouseMove: false,
    },
  ]
}
