import { describe, expect, it } from 'vitest'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { GraphicComponent } from 'echarts/components'
import { CHART_PARTS } from '../../src/charts/chartParts'
import { buildRankedBarOption, type BarRow } from '../../src/charts/rankedBarChart'
import { DARK_PALETTE, LIGHT_PALETTE } from '../../src/charts/palette'
import { buildCaptionedOption, captionMetrics, fullDataHeight, CAPTION_STYLE, type ChartCaption } from '../../src/export/captionedOption'
import { copyOption } from '../../src/export/optionCopy'
import { recolorOption } from '../../src/export/recolor'
import { sizeSvg } from '../../src/export/renderChartImage'
import { fitImage, IMAGE_BOX } from '../../src/export/pptxDeck'

use([SVGRenderer, GraphicComponent, ...CHART_PARTS])

const PAYLOAD = '<img src=x onerror=alert(1)>{a|rich}'

function bars(count: number, label = (i: number) => `街道${i}`): BarRow[] {
  return Array.from({ length: count }, (_, i) => ({ id: String(i), label: label(i), value: i * 3, valueText: `${i * 3}%` }))
}
const option = (count = 5, palette = LIGHT_PALETTE): EChartsCoreOption =>
  buildRankedBarOption(bars(count), { axisName: '同比增长（%）' }, { palette })

const caption: ChartCaption = {
  title: '限上批发业商品销售额增幅：京口区',
  subtitle: '单位：%   期间：2023年1-10月',
  footer: '来源：《京口新闻》2023年11月',
}
const layout = { width: 960, height: 540, palette: LIGHT_PALETTE, background: '#ffffff', fontFamily: "'Noto Sans CJK SC', sans-serif" }

type Rec = Record<string, unknown>
const elementsOf = (o: EChartsCoreOption) => ((o.graphic as Rec).elements as Array<{ id: string; style: Rec; top?: number; bottom?: number }>)

function renderSvg(o: EChartsCoreOption, width = 960, height = 540): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(o)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

describe('the captioned option of an exported image', () => {
  it('adds title, unit/period and source as plain graphic text, and moves the plot to make room', () => {
    const source = option()
    const captioned = buildCaptionedOption(source, caption, layout)
    const metrics = captionMetrics(caption, layout.width)
    expect(metrics.header).toBe(CAPTION_STYLE.padding + CAPTION_STYLE.titleLineHeight + CAPTION_STYLE.subtitleLineHeight + CAPTION_STYLE.gap)
    const grid = captioned.grid as Rec
    expect(grid.top).toBe(((source.grid as Rec).top as number) + metrics.header)
    expect(grid.bottom).toBe(((source.grid as Rec).bottom as number) + metrics.footer)
    const elements = elementsOf(captioned)
    expect(elements.map((e) => [e.id, e.style.text])).toEqual([
      ['export-title', caption.title],
      ['export-subtitle', caption.subtitle],
      ['export-footer', caption.footer],
    ])
    for (const e of elements) {
      expect(e.style).not.toHaveProperty('rich')
      expect(e.style.fontFamily).toBe(layout.fontFamily)
    }
    expect(captioned.backgroundColor).toBe('#ffffff')
    expect(captioned.animation).toBe(false)
    expect((captioned.textStyle as Rec).fontFamily).toBe(layout.fontFamily)
  })

  it('leaves the on-screen option untouched and keeps its formatters', () => {
    const source = option()
    const before = JSON.stringify(source)
    const captioned = buildCaptionedOption(source, caption, { ...layout, background: null })
    expect(JSON.stringify(source)).toBe(before)
    expect(captioned.backgroundColor).toBe('transparent')
    const label = ((captioned.series as Rec[])[0]?.label as Rec).formatter
    expect(label).toBe(((source.series as Rec[])[0]?.label as Rec).formatter)
  })

  it('shows every row of a scrolling chart: no dataZoom, and "as shown" grows to fit', () => {
    const source = option(60)
    expect(source.dataZoom).toBeDefined()
    const captioned = buildCaptionedOption(source, caption, layout)
    expect(captioned.dataZoom).toBeUndefined()
    expect(fullDataHeight(source, 600)).toBeGreaterThan(1200)
    expect(fullDataHeight(option(5), 300)).toBe(300)
  })

  it('draws untrusted names as text in SVG: no element, no rich-text markup', () => {
    const hostile = buildRankedBarOption(bars(3, () => PAYLOAD), { axisName: PAYLOAD }, { palette: LIGHT_PALETTE })
    const svg = renderSvg(buildCaptionedOption(hostile, { title: PAYLOAD, subtitle: PAYLOAD, footer: PAYLOAD }, layout))
    expect(svg).not.toContain('<img')
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;{a|rich}')
  })

  it('renders the Chinese title and source into the SVG', () => {
    const svg = renderSvg(buildCaptionedOption(option(), caption, layout))
    expect(svg).toContain(caption.title)
    expect(svg).toContain(caption.footer)
    const sized = sizeSvg(svg, 1920, 1080, 960, 540)
    expect(sized).toMatch(/^<\?xml[^>]*>\n<svg width="1920" height="1080" viewBox="0 0 960 540"/)
    expect(sized.match(/<svg\b[^>]*>/)?.[0].match(/width=/g)).toHaveLength(1)
  })

  it('wraps a long source over at most three lines and cuts a long title at two', () => {
    const long = { title: '很长的标题'.repeat(40), subtitle: '', footer: '来源'.repeat(400) }
    const metrics = captionMetrics(long, 600)
    expect(metrics.titleLines).toBe(CAPTION_STYLE.maxTitleLines)
    expect(metrics.footerLines).toBe(CAPTION_STYLE.maxFooterLines)
    expect(captionMetrics(null, 600)).toMatchObject({ header: 0, footer: 0 })
  })
})

describe('re-colouring for a white background', () => {
  it('maps every dark palette colour to its light counterpart', () => {
    const dark = option(5, DARK_PALETTE)
    const light = recolorOption(dark, DARK_PALETTE, LIGHT_PALETTE)
    const text = JSON.stringify(light)
    expect(text).not.toContain(DARK_PALETTE.text)
    expect(text).toContain(LIGHT_PALETTE.text)
    expect(JSON.stringify(dark)).toContain(DARK_PALETTE.text)
  })

  it('copies without sharing objects and without a prototype from data keys', () => {
    const source = { a: { b: [1, { c: 'x' }] }, f: () => 1 }
    const copy = copyOption(source)
    expect(copy).toEqual(source)
    expect(copy.a).not.toBe(source.a)
    expect(copy.f).toBe(source.f)
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as Rec
    const copied = copyOption(hostile)
    expect(({} as Rec).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype)
  })
})

describe('slide images', () => {
  it('fit the picture box, centred, keeping their aspect ratio', () => {
    const box = fitImage(1120, 490)
    expect(box.w / box.h).toBeCloseTo(1120 / 490, 6)
    expect(box.w).toBeLessThanOrEqual(IMAGE_BOX.w + 1e-9)
    expect(box.h).toBeLessThanOrEqual(IMAGE_BOX.h + 1e-9)
    expect(box.x + box.w / 2).toBeCloseTo(IMAGE_BOX.x + IMAGE_BOX.w / 2, 6)
  })
})
