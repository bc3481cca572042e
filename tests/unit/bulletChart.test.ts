import { describe, expect, it } from 'vitest'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { CHART_PARTS } from '../../src/charts/chartParts'
import { SVGRenderer } from 'echarts/renderers'
import type { TooltipComponentFormatterCallbackParams } from 'echarts'
import {
  STATUS_COLORS,
  VISIBLE_ROWS,
  buildBulletChartOption,
  sortByGap,
  type BulletChartLabels,
  type BulletRow,
} from '../../src/charts/bulletChart'
import type { ProgressStatus } from '../../src/domain/progress'

const LABELS: BulletChartLabels = {
  completion: '完成率',
  elapsed: '序时进度',
  target: '目标',
  gap: (gap) => `差 ${gap.toFixed(1)} 个百分点`,
  status: { ahead: '超序时', 'on-time': '达序时', behind: '滞后' },
  unitCaption: '完成率（%）',
}

function row(id: string, gap: number, status: ProgressStatus = 'on-time', label = `街道${id}`): BulletRow {
  return {
    id,
    label,
    completion: 80 + gap,
    elapsed: 80,
    gap,
    status,
    actualText: '4.32亿元',
    targetText: '5亿元',
  }
}

function rowsOf(count: number): BulletRow[] {
  return Array.from({ length: count }, (_, i) => row(String(i), (i % 7) - 3))
}

// The option is typed loosely (EChartsCoreOption); tests read it through these small views.
interface SeriesView {
  id?: string
  type?: string
  data?: unknown[]
}
function seriesOf(option: EChartsCoreOption): SeriesView[] {
  return option.series as SeriesView[]
}
function seriesById(option: EChartsCoreOption, id: string): SeriesView {
  const found = seriesOf(option).find((s) => s.id === id)
  if (!found) throw new Error(`no series ${id}`)
  return found
}
function yAxesOf(option: EChartsCoreOption): { data: string[]; inverse?: boolean }[] {
  return option.yAxis as { data: string[]; inverse?: boolean }[]
}
type Formatter = (params: TooltipComponentFormatterCallbackParams) => string
function tooltipFormatterOf(option: EChartsCoreOption): Formatter {
  return (option.tooltip as { formatter: Formatter }).formatter
}
function paramsFor(dataIndex: number): TooltipComponentFormatterCallbackParams {
  // Only dataIndex is read by the formatter; the rest of CallbackDataParams is irrelevant here.
  return [{ dataIndex } as TooltipComponentFormatterCallbackParams extends (infer P)[] ? P : never]
}

describe('sortByGap', () => {
  it.each<[string, number[], string[]]>([
    ['descending gap, best first', [-3, 5, 0.2], ['1', '2', '0']],
    ['ties keep input order', [1, 1, 2], ['2', '0', '1']],
    ['non-finite gaps last', [Number.NaN, -10, 3], ['2', '1', '0']],
    ['empty', [], []],
  ])('%s', (_name, gaps, expectedIds) => {
    const rows = gaps.map((gap, i) => row(String(i), gap))
    expect(sortByGap(rows).map((r) => r.id)).toEqual(expectedIds)
  })

  it('reverses for a lower-is-better indicator', () => {
    const rows = [row('a', -3), row('b', 5), row('c', 0)]
    expect(sortByGap(rows, 'lower').map((r) => r.id)).toEqual(['a', 'c', 'b'])
  })

  it('does not mutate its input', () => {
    const rows = [row('a', -3), row('b', 5)]
    sortByGap(rows)
    expect(rows.map((r) => r.id)).toEqual(['a', 'b'])
  })
})

describe('buildBulletChartOption', () => {
  it.each<[number]>([[1], [3], [200]])('%d rows → one category per row, in order, first at the top', (count) => {
    const rows = sortByGap(rowsOf(count))
    const option = buildBulletChartOption(rows, LABELS)
    for (const axis of yAxesOf(option)) {
      expect(axis.data).toEqual(rows.map((r) => r.label))
      expect(axis.inverse).toBe(true)
    }
    for (const series of seriesOf(option)) expect(series.data).toHaveLength(count)
  })

  it.each<[ProgressStatus, string]>([
    ['ahead', '#1a7f37'],
    ['on-time', '#b58100'],
    ['behind', '#b42318'],
  ])('a %s row is drawn in %s', (status, color) => {
    expect(STATUS_COLORS[status]).toBe(color)
    const option = buildBulletChartOption([row('x', 0, status)], LABELS)
    const data = seriesById(option, 'completion').data as { itemStyle: { color: string } }[]
    expect(data[0]?.itemStyle.color).toBe(color)
  })

  it('places the 序时进度 tick at [elapsed, row index]', () => {
    const option = buildBulletChartOption([row('a', 2), row('b', -1)], LABELS)
    expect(seriesById(option, 'elapsed').data).toEqual([
      [80, 0],
      [80, 1],
    ])
  })

  it('draws the target as a markLine at 100 %', () => {
    const option = buildBulletChartOption([row('a', 2)], LABELS)
    const completion = seriesById(option, 'completion') as SeriesView & { markLine: { data: { xAxis: number }[] } }
    expect(completion.markLine.data).toEqual([expect.objectContaining({ xAxis: 100 })])
  })

  it.each<[number[], number, number, number]>([
    [[50, 80], 0, 120, 20],
    [[131], 0, 140, 20],
    [[250], 0, 250, 50],
    [[-15, 90], -20, 120, 20],
  ])('completions %j → x axis %d..%d %% in steps of %d', (completions, min, max, interval) => {
    const rows = completions.map((c, i) => ({ ...row(String(i), 0), completion: c }))
    const axis = buildBulletChartOption(rows, LABELS).xAxis as { min: number; max: number; interval: number }
    expect(axis).toMatchObject({ min, max, interval })
    // A whole number of steps: no stray max label beside the last tick.
    expect((axis.max - axis.min) % axis.interval).toBe(0)
  })

  it.each<[number, number | null]>([
    [1, null],
    [VISIBLE_ROWS, null],
    [VISIBLE_ROWS + 1, VISIBLE_ROWS],
    [200, VISIBLE_ROWS],
  ])('%d rows → dataZoom window of %s rows', (count, window) => {
    const option = buildBulletChartOption(rowsOf(count), LABELS)
    const zooms = option.dataZoom as { type: string; startValue: number; endValue: number; yAxisIndex: number[] }[] | undefined
    if (window === null) {
      expect(zooms).toBeUndefined()
      return
    }
    expect(zooms?.map((z) => z.type)).toEqual(['slider', 'inside'])
    for (const zoom of zooms ?? []) {
      expect(zoom.endValue - zoom.startValue + 1).toBe(window)
      expect(zoom.yAxisIndex).toEqual([0, 1])
    }
  })

  it('shows every region label, truncated to a width', () => {
    const option = buildBulletChartOption(rowsOf(200), LABELS)
    expect(yAxesOf(option)[0]).toMatchObject({ axisLabel: { interval: 0, overflow: 'truncate', width: expect.any(Number) } })
  })

  it.each<[string, string]>([
    ['label', 'label'],
    ['actualText', 'actualText'],
    ['targetText', 'targetText'],
  ])('tooltip escapes HTML in %s', (_name, field) => {
    const payload = '<img src=x onerror=alert(1)>'
    const hostile = { ...row('x', -2, 'behind'), [field]: payload }
    const option = buildBulletChartOption([row('a', 1), hostile], LABELS)
    const html = tooltipFormatterOf(option)(paramsFor(1))
    expect(html).toContain('&lt;img')
    expect(html).not.toContain('<img')
  })

  it('tooltip escapes HTML in translated labels too', () => {
    const labels: BulletChartLabels = { ...LABELS, completion: '<b>x</b>', gap: () => '<script>' }
    const html = tooltipFormatterOf(buildBulletChartOption([row('a', 1)], labels))(paramsFor(0))
    expect(html).not.toMatch(/<b>|<script>/)
  })

  it('tooltip names the row under the pointer, with its status as a word', () => {
    const option = buildBulletChartOption([row('a', 1, 'ahead'), row('b', -4, 'behind')], LABELS)
    const html = tooltipFormatterOf(option)(paramsFor(1))
    expect(html).toContain('街道b')
    expect(html).toContain('滞后')
    expect(html).toContain('差 -4.0 个百分点')
  })

  it('enables aria', () => {
    expect(buildBulletChartOption([row('a', 1)], LABELS).aria).toMatchObject({ enabled: true })
  })

  it.each<[{ decal?: boolean } | undefined, boolean]>([
    [undefined, false],
    [{}, false],
    [{ decal: false }, false],
    [{ decal: true }, true],
  ])('decal option %j → aria.decal.show %s', (options, show) => {
    const option = buildBulletChartOption([row('a', 1)], LABELS, options)
    expect(option.aria).toMatchObject({ decal: { show } })
  })

  describe('the grey bands behind the bars (large-data settings)', () => {
    interface BandView extends SeriesView {
      large?: boolean
      largeThreshold?: number
      silent?: boolean
      itemStyle?: { color?: string; decal?: unknown }
    }
    const bands = (option: EChartsCoreOption): BandView[] =>
      (option.series as BandView[]).filter((s) => s.id?.startsWith('band-'))

    it.each([[1], [20], [1000]])('draws each band as one shape for all %d rows (large mode, whatever the count)', (count) => {
      const list = bands(buildBulletChartOption(rowsOf(count), LABELS))
      expect(list).toHaveLength(3)
      for (const band of list) {
        expect(band).toMatchObject({ large: true, largeThreshold: 0, silent: true })
        expect(band.data).toHaveLength(count)
      }
    })

    it('carries the transparent decal only when decals are on (it costs a pattern per draw otherwise)', () => {
      for (const band of bands(buildBulletChartOption(rowsOf(3), LABELS))) expect(band.itemStyle?.decal).toBeUndefined()
      for (const band of bands(buildBulletChartOption(rowsOf(3), LABELS, { decal: true }))) {
        expect(band.itemStyle?.decal).toEqual({ color: 'rgba(0, 0, 0, 0)' })
      }
    })
  })

  it.each<[number]>([[0], [1], [200]])('renders %d rows in ECharts without error (server-side SVG)', (count) => {
    use([SVGRenderer, ...CHART_PARTS])
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 600 })
    try {
      const hostile = [...rowsOf(count), row('evil', 0, 'behind', '<img src=x onerror=alert(1)>')]
      chart.setOption(buildBulletChartOption(sortByGap(hostile), LABELS, { decal: true }))
      const svg = chart.renderToSVGString()
      expect(svg).toContain('<svg')
      // Canvas/SVG text is never markup: the payload may only appear escaped.
      expect(svg).not.toContain('<img')
    } finally {
      chart.dispose()
    }
  })
})
