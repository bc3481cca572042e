/**
 * Draws a chart for export, off screen, from the same option the page draws: PNG through the canvas
 * renderer at the chosen pixel ratio, SVG through ECharts' SVG renderer in server-side mode (a string,
 * no DOM). The on-screen chart is never resized, re-themed or touched.
 *
 * Colours: a white background always gets the light palette (a dark-theme chart re-coloured, or its
 * light text would vanish); transparent and theme backgrounds keep the page's palette.
 */
import { init, type EChartsCoreOption } from 'echarts/core'
import { DARK_PALETTE, PALETTES, type ChartPalette, type ThemeName } from '../charts/palette'
import { buildCaptionedOption, type ChartCaption } from './captionedOption'
import type { ImageBackground, ImageDimensions, ImageFormat } from './imageSettings'
import { recolorOption } from './recolor'

export interface ChartImageRequest {
  option: EChartsCoreOption
  caption: ChartCaption | null
  format: ImageFormat
  dimensions: ImageDimensions
  /** The theme the option was built for (the page's). */
  theme: ThemeName
  background: ImageBackground
  /** The chart panel's background colour in the page's theme (for `theme`). */
  themeBackground: string
  fontFamily: string
}

export const MIME_TYPES: Readonly<Record<ImageFormat, string>> = { png: 'image/png', svg: 'image/svg+xml' }

export function exportPalette(theme: ThemeName, background: ImageBackground): ChartPalette {
  return background === 'white' ? PALETTES.light : PALETTES[theme]
}

function backgroundColour(background: ImageBackground, themeBackground: string): string | null {
  if (background === 'white') return '#ffffff'
  if (background === 'transparent') return null
  return themeBackground
}

/** The option as drawn for this export: re-coloured if needed, captioned, sized. */
export function exportOption(request: ChartImageRequest): { option: EChartsCoreOption; echartsTheme: string | undefined } {
  const palette = exportPalette(request.theme, request.background)
  const recoloured = recolorOption(request.option, PALETTES[request.theme], palette)
  const option = buildCaptionedOption(recoloured, request.caption, {
    width: request.dimensions.layoutWidth,
    height: request.dimensions.layoutHeight,
    palette,
    background: backgroundColour(request.background, request.themeBackground),
    fontFamily: request.fontFamily,
  })
  return { option, echartsTheme: palette === DARK_PALETTE ? 'dark' : undefined }
}

/**
 * The root element sized to the chosen size (its drawing keeps the layout size as its viewBox), and
 * an XML declaration so the file stands on its own.
 */
export function sizeSvg(svg: string, width: number, height: number, layoutWidth: number, layoutHeight: number): string {
  const root = /<svg\b[^>]*>/.exec(svg)
  if (!root) return svg
  let tag = root[0].replace(/\s(width|height|viewBox)="[^"]*"/g, '')
  tag = tag.replace(/^<svg\b/, `<svg width="${width}" height="${height}" viewBox="0 0 ${layoutWidth} ${layoutHeight}"`)
  const body = svg.slice(0, root.index) + tag + svg.slice(root.index + root[0].length)
  return body.startsWith('<?xml') ? body : `<?xml version="1.0" encoding="UTF-8"?>\n${body}`
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png')
  })
}

export async function renderChartImage(request: ChartImageRequest): Promise<Blob> {
  await import('./exportRenderers')
  // System fonts need no loading, but a web font the page uses would: draw only once they are ready.
  await document.fonts?.ready
  const { option, echartsTheme } = exportOption(request)
  const d = request.dimensions
  if (request.format === 'svg') {
    const chart = init(null, echartsTheme, { renderer: 'svg', ssr: true, width: d.layoutWidth, height: d.layoutHeight })
    try {
      chart.setOption(option)
      const svg = sizeSvg(chart.renderToSVGString(), d.width, d.height, d.layoutWidth, d.layoutHeight)
      return new Blob([svg], { type: MIME_TYPES.svg })
    } finally {
      chart.dispose()
    }
  }
  // A detached element: ECharts lays out at the given size without it ever entering the page.
  const host = document.createElement('div')
  const chart = init(host, echartsTheme, {
    renderer: 'canvas',
    width: d.layoutWidth,
    height: d.layoutHeight,
    devicePixelRatio: d.pixelRatio,
  })
  try {
    chart.setOption(option)
    const canvas = chart.renderToCanvas({ pixelRatio: d.pixelRatio })
    return await canvasToBlob(canvas)
  } finally {
    chart.dispose()
  }
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(blob)
  })
}
