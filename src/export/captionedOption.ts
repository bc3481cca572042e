/**
 * The option an exported image is drawn from: a copy of the chart's own option with its title, unit
 * and period above it and its sources below, so an image pasted into a report still says what it
 * shows and where the figures come from.
 *
 * The texts are ECharts `graphic` text elements: plain canvas/SVG text, never HTML and never rich
 * text (no `rich` style is set, so `{a|…}` in a region name is drawn as written). The plot is moved
 * down and up by exactly the room the captions take. Scrolling (dataZoom) is removed: an export shows
 * every row, never the window the reader happened to scroll to. Animation is off, so the first frame
 * is the final one.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { ChartPalette } from '../charts/palette'
import { estimateTextWidth } from '../charts/common'
import { copyOption } from './optionCopy'

export interface ChartCaption {
  title: string
  /** Unit and period in one line, e.g. "单位：% · 期间：2023年1-10月"; '' for none. */
  subtitle: string
  /** The sources, e.g. "来源：《京口新闻》2023-11"; '' for none. */
  footer: string
}

export interface CaptionLayout {
  /** The size the chart is laid out at (CSS pixels). */
  width: number
  height: number
  palette: ChartPalette
  /** A CSS colour, or null for a transparent background. */
  background: string | null
  /** The page's font stack, so Chinese glyphs come from the same fonts as on screen. */
  fontFamily: string
}

export const CAPTION_STYLE = {
  padding: 16,
  titleSize: 20,
  titleLineHeight: 26,
  subtitleSize: 13,
  subtitleLineHeight: 18,
  footerSize: 12,
  footerLineHeight: 16,
  maxTitleLines: 2,
  maxFooterLines: 3,
  /** Between the captions and the plot. */
  gap: 8,
} as const

export interface CaptionMetrics {
  titleLines: number
  subtitleLines: number
  footerLines: number
  /** Room above and below the plot, in CSS pixels. */
  header: number
  footer: number
}

function linesFor(text: string, fontSize: number, available: number, max: number, bold = false): number {
  if (text === '') return 0
  // Bold glyphs run about 8 % wider than the estimate's regular ones.
  const width = estimateTextWidth(text, fontSize) * (bold ? 1.08 : 1)
  return Math.max(1, Math.min(max, Math.ceil(width / Math.max(1, available))))
}

/** How many lines each caption takes at this width, and the room they need. */
export function captionMetrics(caption: ChartCaption | null, width: number): CaptionMetrics {
  if (caption === null) return { titleLines: 0, subtitleLines: 0, footerLines: 0, header: 0, footer: 0 }
  const s = CAPTION_STYLE
  const available = width - 2 * s.padding
  const titleLines = linesFor(caption.title, s.titleSize, available, s.maxTitleLines, true)
  const subtitleLines = linesFor(caption.subtitle, s.subtitleSize, available, 1)
  const footerLines = linesFor(caption.footer, s.footerSize, available, s.maxFooterLines)
  const headerText = titleLines * s.titleLineHeight + subtitleLines * s.subtitleLineHeight
  return {
    titleLines,
    subtitleLines,
    footerLines,
    header: headerText === 0 ? 0 : s.padding + headerText + s.gap,
    footer: footerLines === 0 ? 0 : footerLines * s.footerLineHeight + s.padding,
  }
}

type OptionRecord = Record<string, unknown>

function asRecords(value: unknown): OptionRecord[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.filter((v): v is OptionRecord => typeof v === 'object' && v !== null)
}

/** ECharts' default grid margin where an option gives none (or a percentage). */
const DEFAULT_GRID_MARGIN = 60

function shiftGrid(grid: OptionRecord, header: number, footer: number): OptionRecord {
  const top = typeof grid.top === 'number' ? grid.top : DEFAULT_GRID_MARGIN
  const bottom = typeof grid.bottom === 'number' ? grid.bottom : DEFAULT_GRID_MARGIN
  return { ...grid, top: top + header, bottom: bottom + footer }
}

/**
 * The height that shows every category of a chart that scrolls (a dataZoom window over a category
 * axis): the shown height plus the rows outside the window at the same row height. Other charts keep
 * the shown height.
 */
export function fullDataHeight(option: EChartsCoreOption, shownHeight: number): number {
  const zoom = asRecords(option.dataZoom).find((z) => typeof z.startValue === 'number' && typeof z.endValue === 'number')
  if (!zoom) return shownHeight
  const visible = (zoom.endValue as number) - (zoom.startValue as number) + 1
  const axes = [...asRecords(option.yAxis), ...asRecords(option.xAxis)]
  const categories = Math.max(0, ...axes.map((a) => (a.type === 'category' && Array.isArray(a.data) ? a.data.length : 0)))
  if (visible <= 0 || categories <= visible) return shownHeight
  const grid = asRecords(option.grid)[0] ?? {}
  const margins =
    (typeof grid.top === 'number' ? grid.top : DEFAULT_GRID_MARGIN) +
    (typeof grid.bottom === 'number' ? grid.bottom : DEFAULT_GRID_MARGIN)
  const rowHeight = Math.max(1, (shownHeight - margins) / visible)
  return Math.round(shownHeight + (categories - visible) * rowHeight)
}

interface TextElement {
  type: 'text'
  id: string
  left: number
  top?: number
  bottom?: number
  silent: true
  style: {
    text: string
    fill: string
    fontSize: number
    fontWeight: 'bold' | 'normal'
    fontFamily: string
    lineHeight: number
    width: number
    height: number
    overflow: 'break' | 'truncate'
    lineOverflow: 'truncate'
  }
}

/**
 * The captioned copy of `option` for an image of `layout.width` × `layout.height`. With a null
 * caption only the background, font, animation and scrolling are changed (slides carry their title
 * as slide text).
 */
export function buildCaptionedOption(
  option: EChartsCoreOption,
  caption: ChartCaption | null,
  layout: CaptionLayout,
): EChartsCoreOption {
  const s = CAPTION_STYLE
  const metrics = captionMetrics(caption, layout.width)
  const copy = copyOption(option) as OptionRecord
  delete copy.dataZoom
  copy.animation = false
  copy.backgroundColor = layout.background ?? 'transparent'
  const textStyle = typeof copy.textStyle === 'object' && copy.textStyle !== null ? (copy.textStyle as OptionRecord) : {}
  copy.textStyle = { ...textStyle, fontFamily: layout.fontFamily }

  if (copy.grid !== undefined) {
    const grids = asRecords(copy.grid).map((g) => shiftGrid(g, metrics.header, metrics.footer))
    copy.grid = Array.isArray(copy.grid) ? grids : grids[0]
  } else if (metrics.header + metrics.footer > 0) {
    copy.grid = { top: DEFAULT_GRID_MARGIN + metrics.header, bottom: DEFAULT_GRID_MARGIN + metrics.footer }
  }

  if (caption === null) return copy

  const width = Math.max(1, layout.width - 2 * s.padding)
  const text = (
    id: string,
    value: string,
    size: number,
    lineHeight: number,
    lines: number,
    colour: string,
    bold: boolean,
    place: { top: number } | { bottom: number },
  ): TextElement => ({
    type: 'text',
    id,
    left: s.padding,
    ...place,
    silent: true,
    style: {
      text: value,
      fill: colour,
      fontSize: size,
      fontWeight: bold ? 'bold' : 'normal',
      fontFamily: layout.fontFamily,
      lineHeight,
      width,
      height: lines * lineHeight,
      overflow: lines > 1 ? 'break' : 'truncate',
      lineOverflow: 'truncate',
    },
  })
  const elements: TextElement[] = []
  if (metrics.titleLines > 0)
    elements.push(text('export-title', caption.title, s.titleSize, s.titleLineHeight, metrics.titleLines, layout.palette.text, true, { top: s.padding }))
  if (metrics.subtitleLines > 0)
    elements.push(
      text('export-subtitle', caption.subtitle, s.subtitleSize, s.subtitleLineHeight, 1, layout.palette.muted, false, {
        top: s.padding + metrics.titleLines * s.titleLineHeight,
      }),
    )
  if (metrics.footerLines > 0)
    elements.push(
      text('export-footer', caption.footer, s.footerSize, s.footerLineHeight, metrics.footerLines, layout.palette.muted, false, {
        bottom: s.padding - 4,
      }),
    )
  const existing = asRecords(copy.graphic).flatMap((g) => (Array.isArray(g.elements) ? (g.elements as unknown[]) : [g]))
  copy.graphic = { elements: [...existing, ...elements] }
  return copy
}
