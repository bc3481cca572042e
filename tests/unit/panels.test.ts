import { beforeAll, describe, expect, it } from 'vitest'
import { syntheticDistrict } from '../fixtures/syntheticDistrict'
import { validateDatasetValue } from '../../src/io/validateDataset'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import { formatGrowth, formatPercent, formatPoints, formatQuantity, formatRank } from '../../src/domain/format'
import { formatPeriod } from '../../src/domain/period'
import type { Dataset, LocaleCode } from '../../src/domain/model'
import type { PanelContext, PanelFormat } from '../../src/panels/panelModel'
import { LIGHT_PALETTE } from '../../src/charts/palette'
import { buildTargetsPanel } from '../../src/panels/targetsPanel'
import { buildGrowthPanels } from '../../src/panels/growthPanels'
import { buildLivelihoodPanels } from '../../src/panels/livelihoodPanels'
import { buildProjectGroups } from '../../src/panels/projectsPanels'
import { buildExplorerPanel } from '../../src/panels/explorerPanel'
import { readFileSync } from 'node:fs'
import { runImport } from '../../src/io/importPipeline'
import { periodsOf } from '../../src/domain/scope'
import { periodKey } from '../../src/domain/period'
import { largeTableText } from '../../bench/largeTable'

// Read as plain JSON: importing it would go through the i18n plugin, which compiles messages to functions.
const zh: unknown = JSON.parse(readFileSync('src/locales/zh-CN.json', 'utf8'))

/** Translations as vue-i18n would give them for the simple {name} messages used here. */
function translate(key: string, params: Record<string, unknown> = {}): string {
  let node: unknown = zh
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part]
  if (typeof node !== 'string') throw new Error(`missing message ${key}`)
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
}

function formatFor(locale: LocaleCode): PanelFormat {
  return {
    locale: { value: locale },
    name: (text) => (locale === 'zh-CN' ? text.zh : text.en),
    quantity: (value, unit, qualifier = null, upper = null) => formatQuantity(value, unit, locale, { qualifier, upper }),
    percent: (value) => formatPercent(value, locale),
    growth: (value) => formatGrowth(value, locale),
    points: (value) => formatPoints(value, locale),
    rank: (value) => formatRank(value, locale),
    period: (p) => formatPeriod(p, locale),
  }
}

function context(dataset: Dataset, scope: Partial<Pick<PanelContext, 'regionId' | 'periodKey' | 'indicatorId'>> = {}): PanelContext {
  return {
    dataset,
    index: buildDatasetIndex(dataset),
    regionId: null,
    periodKey: null,
    indicatorId: null,
    ...scope,
    t: translate,
    format: formatFor('zh-CN'),
    style: { palette: LIGHT_PALETTE, decal: false },
  }
}

const seed = loadEmbeddedDataset().dataset as Dataset
const district = validateDatasetValue(syntheticDistrict({ streets: 60 }), 'synthetic.json').dataset as Dataset

describe('targets panel', () => {
  it('on the seed: one row with the figures of the report', () => {
    const { panel, indicatorId } = buildTargetsPanel(context(seed))
    expect(indicatorId).toBe('project-investment')
    expect(panel.title).toBe('京口区各地区项目投资完成情况')
    expect(panel.period).toBe('2023年1-10月')
    expect(panel.rows).toEqual([
      {
        id: '000-07',
        region: '大市口街道',
        actual: '4.32亿元',
        target: '4.97亿元',
        completion: '86.9%',
        elapsed: '83.3%',
        gap: '+3.6个百分点',
        status: '超序时',
      },
    ])
    expect(panel.headline).toBe('1个地区中1个达到或超过序时进度（超序时1个，达序时0个，滞后0个）。')
  })

  it('on 60 streets: every street once, best first, status words by the 序时进度 rule', () => {
    const { panel } = buildTargetsPanel(context(district, { regionId: 'syn-district' }))
    expect(panel.rows).toHaveLength(60)
    const gaps = panel.observations.map((r) => r.gap ?? Number.NaN)
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a))
    for (const row of panel.observations) {
      const expected = (row.gap ?? 0) > 0.5 ? '超序时' : (row.gap ?? 0) < -0.5 ? '滞后' : '达序时'
      expect(panel.rows.find((r) => r.id === row.observation.id)?.status).toBe(expected)
    }
    expect(panel.height).toBeLessThan(1000)
  })

  it('names the region and indicator when there is nothing to draw', () => {
    const { panel } = buildTargetsPanel(context(seed, { regionId: 'dagang' }))
    expect(panel.option).toBeNull()
    expect(panel.emptyText).toBe('大港街道没有“项目投资”的数据。')
  })
})

describe('the other panels on the seed', () => {
  it('growth: 43.7% with its rank badge, one chart per indicator and period', () => {
    const panels = buildGrowthPanels(context(seed))
    expect(panels.map((p) => [p.id, p.period, p.rows])).toEqual([
      ['growth:wholesale-sales', '2023年1-10月', [{ id: '000-02', region: '大市口街道', growth: '+43.7%', rank: '京口区第一' }]],
      ['growth:annual-investment', '2023年', [{ id: '000-08', region: '大市口街道', growth: '+179%', rank: '—' }]],
    ])
  })

  it('livelihood: the hotline rate against 100%, counts with their qualifiers', () => {
    const panels = buildLivelihoodPanels(context(seed, { regionId: 'dashikou' }))
    expect(panels[0]?.id).toBe('livelihood:%')
    expect(panels[0]?.rows.map((r) => r.value)).toEqual(['100%'])
    const cases = panels.find((p) => p.id === 'livelihood:件')
    expect(cases?.rows.map((r) => r.value)).toEqual(['1000余件', '300余件', '100余件'])
    const areas = panels.find((p) => p.id === 'livelihood:m2')
    expect(areas?.title).toBe('面积（万平方米）')
  })

  it('projects: 27%, 60% and 竣工 under 大市口街道', () => {
    const groups = buildProjectGroups(context(seed, { regionId: 'jingkou' }))
    expect(groups.map((g) => g.regionLabel)).toEqual(['大市口街道'])
    expect(groups[0]?.panel.rows.map((r) => [r.project, r.progress])).toEqual([
      ['京东优购智慧云', '竣工'],
      ['华府人才集聚科创园', '竣工'],
      ['金融智享交易平台', '60%'],
      ['汇鸿科智孵化基地', '27%'],
    ])
  })

  it('explorer: compares regions by default, and says when periods cannot be compared', () => {
    const explorer = buildExplorerPanel(context(seed, { indicatorId: 'wholesale-sales' }), 'periods')
    expect(explorer.mode).toBe('regions')
    expect(explorer.canComparePeriods).toBe(false)
    expect(explorer.panel.rows).toEqual([{ id: '000-02', region: '大市口街道', period: '2023年1-10月', value: '+43.7%' }])
  })
})

describe('panels from the per-dataset look-ups (large tables) are those from a plain scan', () => {
  let city: Dataset
  beforeAll(async () => {
    // Cities, districts and streets, 30 indicators over 4 months: growth, rates, counts and areas.
    const text = largeTableText({ cities: 1, districtsPerCity: 2, streetsPerDistrict: 3, indicators: 30, months: 4, districtRows: true })
    const result = await runImport({ kind: 'text', text, name: 'large.csv' })
    if (!result.dataset) throw new Error('synthetic table did not import')
    city = result.dataset
  })

  /** The panel as data: option formatters are closures made anew on each build, so JSON drops them. */
  const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

  it.each<[string, (ctx: PanelContext) => unknown]>([
    ['growth', (ctx) => buildGrowthPanels(ctx)],
    ['livelihood', (ctx) => buildLivelihoodPanels(ctx)],
    ['projects', (ctx) => buildProjectGroups(ctx)],
    ['explorer by region', (ctx) => buildExplorerPanel(ctx, 'regions')],
    ['explorer by period', (ctx) => buildExplorerPanel(ctx, 'periods')],
  ])('%s, for every region and period, on the seed and a city table', (_, build) => {
    for (const dataset of [seed, city]) {
      const index = buildDatasetIndex(dataset)
      const copy = { ...dataset, observations: [...dataset.observations] }
      const periods = [null, ...periodsOf(dataset.observations).map(periodKey)]
      for (const regionId of [null, ...dataset.subjects.map((s) => s.id)]) {
        for (const key of periods) {
          const scope = { regionId, periodKey: key }
          expect(plain(build({ ...context(dataset, scope), index }))).toEqual(plain(build({ ...context(copy, scope), index })))
        }
      }
    }
  }, 30_000)

  it('explorer: the indicators kept per region follow a new dataset (a new index), never the old one', () => {
    const index = buildDatasetIndex(city)
    const before = buildExplorerPanel({ ...context(city), index }, null).options.map((i) => i.id)
    // Again from the kept list: the same.
    expect(buildExplorerPanel({ ...context(city), index }, null).options.map((i) => i.id)).toEqual(before)
    const dropped = before[0] as string
    const after: Dataset = { ...city, observations: city.observations.filter((o) => o.indicatorId !== dropped) }
    const options = buildExplorerPanel({ ...context(after), index: buildDatasetIndex(after) }, null).options.map((i) => i.id)
    expect(options).toEqual(before.filter((id) => id !== dropped))
  })

  it('livelihood and growth draw each indicator in one period: the latest with figures, unless one is chosen', () => {
    const index = buildDatasetIndex(city)
    const latest = periodsOf(city.observations)[0]
    for (const panel of [...buildLivelihoodPanels({ ...context(city), index }), ...buildGrowthPanels({ ...context(city), index })]) {
      const keys = new Set(panel.observations.map((r) => periodKey(r.observation.period)))
      expect([...keys]).toEqual([periodKey(latest as NonNullable<typeof latest>)])
    }
    const first = periodsOf(city.observations).at(-1) as NonNullable<typeof latest>
    for (const panel of buildLivelihoodPanels({ ...context(city, { periodKey: periodKey(first) }), index })) {
      expect(new Set(panel.observations.map((r) => periodKey(r.observation.period)))).toEqual(new Set([periodKey(first)]))
    }
  })
})
