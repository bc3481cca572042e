import { describe, expect, it } from 'vitest'
import { buildRegionBulletin } from '../../src/bulletin/regionBulletin'
import { figuresOf, segmentsText } from '../../src/bulletin/segments'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset, Indicator, LocaleCode, Observation, Period } from '../../src/domain/model'

function ytd(month: number): Period {
  return { start: { year: 2023, month: 1 }, end: { year: 2023, month } }
}

const INDICATORS: Indicator[] = [
  { id: 'inv', name: { zh: '项目投资', en: 'Project investment' }, category: 'projects', unit: 'CNY', kind: 'amount', direction: 'higher' },
  { id: 'energy', name: { zh: '能耗费用', en: 'Energy spending' }, category: 'economy', unit: 'CNY', kind: 'amount', direction: 'lower' },
  { id: 'rate', name: { zh: '按时办结率', en: 'On-time rate' }, category: 'governance', unit: '%', kind: 'rate', direction: 'higher' },
]

function obs(id: string, indicatorId: string, month: number, actual: number, target: number, qualifier: Observation['qualifier'] = null): Observation {
  return {
    id,
    subjectId: 'jia',
    indicatorId,
    period: ytd(month),
    actual,
    actualUpper: null,
    qualifier,
    target,
    targetPeriod: null,
    yoy: null,
    rank: null,
    rankScopeId: null,
    documentId: 'doc',
    evidence: [{ field: 'actual', quote: `${id} actual` }, { field: 'target', quote: `${id} target` }],
  }
}

/**
 * 甲街道: investment reported for 1-3, 1-6, 1-9 and 1-11月 (a pace speeding up; by hand, the trend
 * line through 0.2, 0.3, 0.467 and 1.1亿元 a month gives 6.11亿元 for the year), energy spending under
 * a ceiling, and a rate, which is never projected.
 */
const DATASET: Dataset = {
  schemaVersion: 1,
  name: { zh: '测试', en: 'Test' },
  documents: [],
  subjects: [{ id: 'jia', level: 'street', name: { zh: '甲街道', en: 'Jia Subdistrict' }, parentId: null }],
  indicators: INDICATORS,
  observations: [
    obs('a3', 'inv', 3, 0.6e8, 5e8),
    obs('a6', 'inv', 6, 1.5e8, 5e8),
    obs('a9', 'inv', 9, 2.9e8, 5e8),
    obs('e9', 'energy', 9, 2e6, 3e6, 'about'),
    obs('e10', 'energy', 10, 2.4e6, 3e6),
    obs('done', 'inv', 11, 5.1e8, 5e8),
    obs('r9', 'rate', 9, 97, 95),
    obs('y12', 'energy', 12, 2.9e6, 3e6),
  ],
}
const INDEX = buildDatasetIndex(DATASET)

function projectionTexts(month: number, locale: LocaleCode): string[] {
  const bulletin = buildRegionBulletin(DATASET, INDEX, { subjectId: 'jia', period: ytd(month), locale, projections: true })
  return bulletin.projections.map((p) => segmentsText(p.segments))
}

describe('projection sentences', () => {
  it.each<[string, number, LocaleCode, string[]]>([
    [
      'pace and monthly trend; an approximate ceiling',
      9,
      'zh-CN',
      [
        '（预测）按目前进度测算，甲街道全年项目投资预计完成3.87亿元，为年度计划的77.3%，难以完成年度计划；按月度趋势测算，预计完成4.67亿元，为年度计划的93.3%，难以完成年度计划；完成年度计划还需月均完成0.70亿元。',
        '（预测）按目前进度测算，甲街道全年能耗费用预计约为266.67万元，为年度控制目标的88.9%，可控制在目标以内；剩余月份月均不超过33.33万元方可控制在年度控制目标以内。',
      ],
    ],
    [
      'pace and monthly trend; an approximate ceiling',
      9,
      'en',
      [
        "(Projection) At the current pace, Jia Subdistrict's project investment would reach CNY 386.67 million for the full year, 77.3% of the annual plan, short of it; on the monthly trend, it would reach CNY 466.67 million for the full year, 93.3% of the annual plan, short of it; meeting the annual plan requires CNY 70 million a month on average.",
        "(Projection) At the current pace, Jia Subdistrict's energy spending would reach about CNY 2.67 million for the full year, 88.9% of the annual ceiling, within it; staying within the annual ceiling allows at most CNY 333,333 a month.",
      ],
    ],
    [
      'a ceiling at 1-10月',
      10,
      'zh-CN',
      ['（预测）按目前进度测算，甲街道全年能耗费用预计为288万元，为年度控制目标的96.0%，可控制在目标以内；剩余月份月均不超过30万元方可控制在年度控制目标以内。'],
    ],
    [
      'a plan already met',
      11,
      'zh-CN',
      ['（预测）按目前进度测算，甲街道全年项目投资预计完成5.56亿元，为年度计划的111.3%，可完成年度计划；按月度趋势测算，预计完成6.11亿元，为年度计划的122.2%，可完成年度计划；已完成年度计划。'],
    ],
    [
      'a plan already met',
      11,
      'en',
      [
        "(Projection) At the current pace, Jia Subdistrict's project investment would reach CNY 556.36 million for the full year, 111.3% of the annual plan, enough to meet it; on the monthly trend, it would reach CNY 610.86 million for the full year, 122.2% of the annual plan, enough to meet it; the annual plan has already been met.",
      ],
    ],
    ['nothing left to project at year end', 12, 'zh-CN', []],
  ])('%s (1-%i月, %s)', (_name, month, locale, expected) => {
    expect(projectionTexts(month, locale)).toEqual(expected)
  })

  it('a rate is not projected: it does not add up over months', () => {
    const bulletin = buildRegionBulletin(DATASET, INDEX, { subjectId: 'jia', period: ytd(9), locale: 'zh-CN', projections: true })
    expect(bulletin.projections.map((p) => p.indicatorId)).toEqual(['inv', 'energy'])
  })

  it('marks every figure as a projection and cites the cumulative actuals it rests on', () => {
    const bulletin = buildRegionBulletin(DATASET, INDEX, { subjectId: 'jia', period: ytd(9), locale: 'zh-CN', projections: true })
    const figures = figuresOf(bulletin.projections[0]?.segments ?? [])
    expect(figures.map((f) => [f.role, f.projection, f.derived])).toEqual([
      ['projected', true, true],
      ['projected-completion', true, true],
      ['projected', true, true],
      ['projected-completion', true, true],
      ['monthly-needed', true, true],
    ])
    expect(figures[0]?.sources.map((s) => s.quote)).toEqual(['a3 actual', 'a6 actual', 'a9 actual'])
    expect(figures[4]?.sources.map((s) => s.quote)).toEqual(['a9 actual', 'a9 target'])
  })

  it('states only the pace when asked', () => {
    const bulletin = buildRegionBulletin(DATASET, INDEX, {
      subjectId: 'jia',
      period: ytd(9),
      locale: 'zh-CN',
      projections: true,
      projectionMethods: ['pace'],
    })
    expect(segmentsText(bulletin.projections[0]?.segments ?? [])).not.toContain('趋势')
  })

  it('adds no projection unless asked', () => {
    expect(buildRegionBulletin(DATASET, INDEX, { subjectId: 'jia', period: ytd(9), locale: 'zh-CN' }).projections).toEqual([])
  })
})
