/**
 * EChart.vue merges a new option into the drawn one when both have the same structure (keeping
 * ECharts' views, which a filter change on a large table cannot afford to rebuild), and replaces it
 * otherwise. These tests pin that rule: a merge of an equal-shaped option draws exactly what the
 * option drawn alone draws.
 */
import { describe, expect, it } from 'vitest'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { CHART_PARTS } from '../../src/charts/chartParts'
import { optionShape } from '../../src/charts/optionShape'
import { buildBulletChartOption, sortByGap, type BulletRow } from '../../src/charts/bulletChart'
import { buildRankedBarOption, type BarRow } from '../../src/charts/rankedBarChart'
import { buildPeriodLineOption } from '../../src/charts/periodLineChart'
import { DARK_PALETTE } from '../../src/charts/palette'
import type { ProgressStatus } from '../../src/domain/progress'

use([SVGRenderer, ...CHART_PARTS])

const LABELS = {
  completion: '完成率',
  elapsed: '序时进度',
  target: '目标',
  gap: (gap: number) => `差 ${gap.toFixed(1)} 个百分点`,
  status: { ahead: '超序时', 'on-time': '达序时', behind: '滞后' },
  unitCaption: '完成率（%）',
}

function bullets(count: number, seed: number): BulletRow[] {
  const statuses: ProgressStatus[] = ['ahead', 'on-time', 'behind']
  return Array.from({ length: count }, (_, i) => {
    const completion = ((i * 37 + seed * 11) % 130) - 5
    return {
      id: `${seed}-${i}`,
      label: `街道${seed}-${i}`,
      completion,
      elapsed: 50 + seed,
      gap: completion - 50 - seed,
      status: statuses[(i + seed) % 3] as ProgressStatus,
      actualText: `${completion}亿元`,
      targetText: '100亿元',
    }
  })
}

function bars(count: number, seed: number): BarRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${seed}-${i}`,
    label: `街道${seed}-${i}`,
    value: ((i * 13 + seed * 7) % 50) - 10,
    valueText: `${((i * 13 + seed * 7) % 50) - 10}%`,
    ...(i === 0 ? { badge: '第一' } : {}),
  }))
}

function points(count: number, seed: number) {
  return Array.from({ length: count }, (_, i) => ({ id: String(i), label: `${i + 1}月`, value: i * seed, valueText: `${i * seed}亿元` }))
}

const svgOf = (chart: ReturnType<typeof init>): string =>
  chart
    .renderToSVGString()
    // ECharts numbers its clip paths, patterns and hover classes per instance and per style made;
    // the drawing is what is compared.
    .replace(/zr\d+-/g, 'zr-')
    .replace(/zr-cls-\d+/g, 'zr-cls')

/** `second` drawn alone, and drawn as a merge over `first` (both without animation, as on updates). */
function drawn(first: EChartsCoreOption, second: EChartsCoreOption): { alone: string; merged: string } {
  const alone = init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 700 })
  const merged = init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 700 })
  try {
    alone.setOption({ ...second, animation: false })
    merged.setOption({ ...first, animation: false })
    merged.setOption({ ...second, animation: false })
    return { alone: svgOf(alone), merged: svgOf(merged) }
  } finally {
    alone.dispose()
    merged.dispose()
  }
}

const pairs: Array<[string, EChartsCoreOption, EChartsCoreOption]> = [
  ['bullet rows of one district, then another', buildBulletChartOption(sortByGap(bullets(20, 1)), LABELS), buildBulletChartOption(sortByGap(bullets(20, 2)), LABELS)],
  ['bullet rows, fewer of them', buildBulletChartOption(bullets(12, 1), LABELS), buildBulletChartOption(bullets(5, 3), LABELS)],
  ['bullet rows that scroll, then others that scroll', buildBulletChartOption(bullets(60, 1), LABELS), buildBulletChartOption(bullets(40, 4), LABELS)],
  [
    'ranked bars with an average, then others',
    buildRankedBarOption(bars(8, 1), { axisName: '%', average: '平均 +1%' }, { showAverage: true, axisSuffix: '%' }),
    buildRankedBarOption(bars(11, 2), { axisName: '%', average: '平均 +2%' }, { showAverage: true, axisSuffix: '%' }),
  ],
  ['a period line, then another', buildPeriodLineOption(points(6, 1), { axisName: '亿元', seriesName: '甲' }), buildPeriodLineOption(points(9, 2), { axisName: '万元', seriesName: '乙' })],
]

describe('merging an option of the same structure', () => {
  it.each(pairs)('%s: same shape, and the merge draws what the option alone draws', (_, first, second) => {
    expect(optionShape(second)).toBe(optionShape(first))
    const { alone, merged } = drawn(first, second)
    expect(merged).toBe(alone)
  })
})

describe('options of another structure are replaced, not merged', () => {
  it.each<[string, EChartsCoreOption, EChartsCoreOption]>([
    ['a list that starts to scroll (a dataZoom appears)', buildBulletChartOption(bullets(20, 1), LABELS), buildBulletChartOption(bullets(30, 1), LABELS)],
    ['bars that lose their average line', buildRankedBarOption(bars(5, 1), { axisName: '%', average: 'a' }, { showAverage: true }), buildRankedBarOption(bars(1, 1), { axisName: '%' }, { showAverage: true })],
    ['bars with fixed bounds, then without', buildRankedBarOption(bars(5, 1), { axisName: '%' }, { min: 0, max: 100 }), buildRankedBarOption(bars(5, 1), { axisName: '%' })],
    ['bars, then a line (the explorer switching mode)', buildRankedBarOption(bars(5, 1), { axisName: '%' }), buildPeriodLineOption(points(5, 1), { axisName: '%', seriesName: '甲' })],
    ['bullets with decals, then without', buildBulletChartOption(bullets(5, 1), LABELS, { decal: true }), buildBulletChartOption(bullets(5, 1), LABELS)],
  ])('%s', (_, first, second) => {
    expect(optionShape(second)).not.toBe(optionShape(first))
  })

  it('a theme of other colours keeps the structure (colours are values)', () => {
    expect(optionShape(buildBulletChartOption(bullets(5, 1), LABELS, { palette: DARK_PALETTE }))).toBe(
      optionShape(buildBulletChartOption(bullets(5, 2), LABELS)),
    )
  })

  it('reads keys at every level, type and id values, and treats arrays inside a component as values', () => {
    expect(optionShape({ series: [{ type: 'bar', id: 'a', data: [1] }] })).toBe(optionShape({ series: [{ type: 'bar', id: 'a', data: [{ value: 2 }] }] }))
    expect(optionShape({ series: [{ type: 'bar' }] })).not.toBe(optionShape({ series: [{ type: 'line' }] }))
    expect(optionShape({ series: [{ id: 'a' }] })).not.toBe(optionShape({ series: [{ id: 'b' }] }))
    expect(optionShape({ grid: { left: 1 } })).not.toBe(optionShape({ grid: { left: 1, right: 2 } }))
    expect(optionShape({ label: { show: true } })).not.toBe(optionShape({ label: { show: true, formatter: () => '' } }))
    expect(optionShape({ series: [{}, {}] })).not.toBe(optionShape({ series: [{}] }))
  })
})
