import { describe, expect, it } from 'vitest'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { CHART_PARTS } from '../../src/charts/chartParts'
import {
  VISIBLE_BARS,
  averageOf,
  buildRankedBarOption,
  rankedBarChartHeight,
  type BarRow,
} from '../../src/charts/rankedBarChart'
import { LONG_LINE_POINTS, buildPeriodLineOption } from '../../src/charts/periodLineChart'
import { DARK_PALETTE, LIGHT_PALETTE } from '../../src/charts/palette'
import { estimateTextWidth } from '../../src/charts/common'

use([SVGRenderer, ...CHART_PARTS])

const PAYLOAD = '<img src=x onerror=alert(1)>'

function bars(count: number, label = (i: number) => `街道${i}`): BarRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(i),
    label: label(i),
    value: (i % 9) * 5 - 10,
    valueText: `${(i % 9) * 5 - 10}%`,
  }))
}

interface SeriesView {
  data: { value: number; itemStyle: { color: string } }[]
  markLine?: { data: { xAxis: number; name: string }[] }
  label: { formatter: (p: { dataIndex: number }) => string }
}
const seriesOf = (option: EChartsCoreOption): SeriesView => (option.series as SeriesView[])[0] as SeriesView
const tooltipOf = (option: EChartsCoreOption) =>
  (option.tooltip as { formatter: (p: unknown) => string }).formatter

function renderSvg(option: EChartsCoreOption, height = 600): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 800, height })
  try {
    chart.setOption(option)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

describe('ranked bars', () => {
  it('marks the average of the rows and a fixed reference', () => {
    const rows = bars(4)
    const option = buildRankedBarOption(rows, { axisName: '%', average: '平均', reference: '100%' }, {
      showAverage: true,
      referenceValue: 100,
    })
    const lines = seriesOf(option).markLine?.data ?? []
    expect(lines.map((l) => [l.name, l.xAxis])).toEqual([
      ['平均', averageOf(rows)],
      ['100%', 100],
    ])
  })

  it('draws no average for a single row (an average of one says nothing)', () => {
    const option = buildRankedBarOption(bars(1), { axisName: '%', average: '平均' }, { showAverage: true })
    expect(seriesOf(option).markLine).toBeUndefined()
  })

  it('colours falls differently from rises, and keeps a given status colour', () => {
    const rows: BarRow[] = [
      { id: 'a', label: 'A', value: 5, valueText: '+5%' },
      { id: 'b', label: 'B', value: -3, valueText: '−3%' },
      { id: 'c', label: 'C', value: 9, valueText: '9', color: '#123456' },
    ]
    const colors = seriesOf(buildRankedBarOption(rows, { axisName: '%' }, { palette: DARK_PALETTE })).data.map(
      (d) => d.itemStyle.color,
    )
    expect(colors).toEqual([DARK_PALETTE.bar, DARK_PALETTE.negative, '#123456'])
  })

  it('labels each bar with its exact text and badge', () => {
    const rows: BarRow[] = [{ id: 'a', label: '大市口街道', value: 43.7, valueText: '+43.7%', badge: '京口区第一' }]
    expect(seriesOf(buildRankedBarOption(rows, { axisName: '%' })).label.formatter({ dataIndex: 0 })).toBe('+43.7% 京口区第一')
  })

  it('escapes data in tooltips', () => {
    const rows: BarRow[] = [{ id: 'a', label: PAYLOAD, value: 1, valueText: PAYLOAD, details: [PAYLOAD] }]
    const html = tooltipOf(buildRankedBarOption(rows, { axisName: '%' }))([{ dataIndex: 0 }])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it(`scrolls past ${VISIBLE_BARS} rows instead of squeezing labels`, () => {
    expect(buildRankedBarOption(bars(VISIBLE_BARS), { axisName: '%' }).dataZoom).toBeUndefined()
    expect(buildRankedBarOption(bars(VISIBLE_BARS + 1), { axisName: '%' }).dataZoom).toHaveLength(2)
    expect(rankedBarChartHeight(200)).toBe(rankedBarChartHeight(VISIBLE_BARS))
  })

  it('turns aria on and decals on request', () => {
    expect(buildRankedBarOption(bars(2), { axisName: '%' }).aria).toEqual({ enabled: true, decal: { show: false } })
    expect(buildRankedBarOption(bars(2), { axisName: '%' }, { decal: true }).aria).toEqual({
      enabled: true,
      decal: { show: true },
    })
  })

  it.each([0, 1, 200])('renders %i rows in Node with a hostile label as text', (count) => {
    const svg = renderSvg(
      buildRankedBarOption(bars(count, (i) => (i === 0 ? PAYLOAD : `街道${i}`)), { axisName: '%', average: '平均' }, {
        showAverage: true,
        decal: true,
      }),
    )
    expect(svg).toContain('<svg')
    expect(svg).not.toContain('<img')
    if (count > 0) expect(svg).toContain('&lt;img')
  })
})

describe('period line', () => {
  const points = [
    { id: 'a', label: '2023年1-6月', value: 2.1, valueText: '2.1亿元' },
    { id: 'b', label: '2023年1-10月', value: 4.32, valueText: '4.32亿元' },
  ]

  it('puts the exact figure on every point and escapes the tooltip', () => {
    const option = buildPeriodLineOption(points, { axisName: '亿元', seriesName: PAYLOAD }, { palette: LIGHT_PALETTE })
    const series = (option.series as { label: { formatter: (p: { dataIndex: number }) => string } }[])[0]
    expect(series?.label.formatter({ dataIndex: 1 })).toBe('4.32亿元')
    const html = tooltipOf(option)([{ dataIndex: 1 }])
    expect(html).toContain('&lt;img')
    expect(html).toContain('2023年1-10月: 4.32亿元')
  })

  it('renders in Node', () => {
    expect(renderSvg(buildPeriodLineOption(points, { axisName: '亿元', seriesName: '大市口街道' }), 400)).toContain('4.32亿元')
  })
})

describe('long lists (a city of 1,000 streets)', () => {
  it('scrolls a window of rows and lays out only those: 1,000 bars draw about 25 rectangles', () => {
    const option = buildRankedBarOption(bars(1000), { axisName: '%' })
    const zooms = option.dataZoom as { filterMode: string; startValue: number; endValue: number }[]
    expect(zooms.map((z) => z.filterMode)).toEqual(['filter', 'filter'])
    expect(zooms[0]).toMatchObject({ startValue: 0, endValue: VISIBLE_BARS - 1 })
    const svg = renderSvg(option, rankedBarChartHeight(1000))
    // The bars in view carry their own labels; a street beyond the window is not drawn at all.
    expect(svg).toContain('街道0')
    expect(svg).not.toContain('街道999')
    const barRects = svg.match(/<path d="M[^"]*Z" [^>]*ecmeta_series_index="0"/g) ?? []
    expect(barRects.length).toBeGreaterThanOrEqual(VISIBLE_BARS - 1)
    expect(barRects.length).toBeLessThanOrEqual(VISIBLE_BARS + 1)
  })

  it('leaves room for the widest value label of tens of thousands of rows without a spread', () => {
    expect(() => buildRankedBarOption(bars(200_000), { axisName: '%' })).not.toThrow()
  })
})

describe('long lines', () => {
  const line = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: String(i), label: `第${i + 1}期`, value: Math.sin(i / 10), valueText: String(i) }))
  type LineView = { sampling?: string; showSymbol?: boolean; label: { show: boolean } }
  const seriesOf = (option: EChartsCoreOption) => (option.series as LineView[])[0] as LineView

  it.each([[2], [LONG_LINE_POINTS]])('%d points: every point with its symbol and exact label, nothing sampled', (count) => {
    const series = seriesOf(buildPeriodLineOption(line(count), { axisName: '亿元', seriesName: 'x' }))
    expect(series.sampling).toBeUndefined()
    expect(series.label.show).toBe(true)
  })

  it('more points: downsampled (LTTB), without a symbol or label per point; the tooltip keeps every figure', () => {
    const option = buildPeriodLineOption(line(LONG_LINE_POINTS + 1), { axisName: '亿元', seriesName: 'x' })
    expect(seriesOf(option)).toMatchObject({ sampling: 'lttb', showSymbol: false, label: { show: false } })
    expect(tooltipOf(option)([{ dataIndex: LONG_LINE_POINTS }])).toContain(`第${LONG_LINE_POINTS + 1}期: ${LONG_LINE_POINTS}`)
    expect(renderSvg(option, 400)).toContain('<svg')
  })
})

describe('label width estimate', () => {
  it.each([
    ['abc', 22],
    ['京口区', 36],
    ['+43.7% 京口区第一', 111],
  ])('%s ≈ %i px', (text, width) => {
    expect(estimateTextWidth(text)).toBe(width)
  })
})
