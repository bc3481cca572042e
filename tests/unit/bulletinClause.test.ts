import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { buildClause } from '../../src/bulletin/bulletinClause'
import { buildRegionBulletin, bulletinObservations, bulletinSentences } from '../../src/bulletin/regionBulletin'
import { figuresOf, segmentsText } from '../../src/bulletin/segments'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset, Indicator, LocaleCode, Observation, Period } from '../../src/domain/model'
import { validateDatasetText } from '../../src/io/validateDataset'

const { dataset: seed } = validateDatasetText(readFileSync('data/dataset.json', 'utf8'), 'data/dataset.json')
if (!seed) throw new Error('the seed dataset does not validate')
const seedIndex = buildDatasetIndex(seed)

function p(startYear: number, startMonth: number, endYear: number, endMonth: number): Period {
  return { start: { year: startYear, month: startMonth }, end: { year: endYear, month: endMonth } }
}
const JAN_OCT = p(2023, 1, 2023, 10)

const ZH_SEED =
  '1-10月，大市口街道完成项目投资4.32亿元，占年度计划的86.9%，超序时进度3.6个百分点；限上批发业商品销售额增幅43.7%，位列京口区第一。'
const EN_SEED =
  'In January–October, Dashikou Subdistrict completed project investment of CNY 432 million, 86.9% of the annual plan, 3.6 percentage points ahead of schedule; wholesale sales of enterprises above designated size grew 43.7% year on year, ranking first in Jingkou District.'

describe('the seed bulletin for 大市口街道, 1-10月 2023', () => {
  it.each<[LocaleCode, string]>([
    ['zh-CN', ZH_SEED],
    ['en', EN_SEED],
  ])('%s', (locale, expected) => {
    const bulletin = buildRegionBulletin(seed, seedIndex, { subjectId: 'dashikou', period: JAN_OCT, locale })
    expect(segmentsText(bulletin.sentence)).toBe(expected)
    expect(bulletin.clauses.map((c) => c.observationId)).toEqual(['000-07', '000-02'])
    expect(bulletin.projections).toEqual([])
  })

  it.each<[LocaleCode, string]>([
    ['zh-CN', '2023年1-10月，大市口街道完成项目投资4.32亿元'],
    ['en', 'In January–October 2023, Dashikou Subdistrict completed'],
  ])('with the year named (%s)', (locale, start) => {
    const bulletin = buildRegionBulletin(seed, seedIndex, { subjectId: 'dashikou', period: JAN_OCT, locale, includeYear: true })
    expect(segmentsText(bulletin.sentence).startsWith(start)).toBe(true)
  })

  it.each<[LocaleCode, string]>([
    [
      'zh-CN',
      '（预测）按目前进度测算，大市口街道全年项目投资预计完成5.18亿元，为年度计划的104.3%，可完成年度计划；完成年度计划还需月均完成0.33亿元。',
    ],
    [
      'en',
      "(Projection) At the current pace, Dashikou Subdistrict's project investment would reach CNY 518.4 million for the full year, 104.3% of the annual plan, enough to meet it; meeting the annual plan requires CNY 32.5 million a month on average.",
    ],
  ])('with the projection sentence (%s)', (locale, projection) => {
    const bulletin = buildRegionBulletin(seed, seedIndex, { subjectId: 'dashikou', period: JAN_OCT, locale, projections: true })
    expect(bulletinSentences(bulletin).map(segmentsText)).toEqual([locale === 'zh-CN' ? ZH_SEED : EN_SEED, projection])
    const projected = bulletin.projections[0]
    expect(projected?.outlook.pace.kind).toBe('projection')
    // Every figure of the projection sentence is marked as an estimate.
    expect(figuresOf(projected?.segments ?? []).every((f) => f.projection)).toBe(true)
  })

  it('links every figure to its observation, field and quote', () => {
    const bulletin = buildRegionBulletin(seed, seedIndex, { subjectId: 'dashikou', period: JAN_OCT, locale: 'zh-CN' })
    const figures = figuresOf(bulletin.sentence).map((f) => ({
      text: f.text,
      role: f.role,
      derived: f.derived,
      status: f.status,
      sources: f.sources.map((s) => `${s.observationId}.${s.field}「${s.quote ?? ''}」`),
    }))
    const actual = '000-07.actual「1-10月,完成项目投资4.32亿元」'
    const target = '000-07.target「当年计划投资4.97亿元」'
    expect(figures).toEqual([
      { text: '4.32亿元', role: 'actual', derived: false, status: null, sources: [actual] },
      { text: '86.9%', role: 'completion', derived: true, status: null, sources: [actual, target] },
      { text: '3.6个百分点', role: 'gap', derived: true, status: 'ahead', sources: [actual, target] },
      { text: '43.7%', role: 'yoy', derived: false, status: null, sources: ['000-02.yoy「街道实现限上批发业商品销售额增幅43.7%」'] },
      { text: '第一', role: 'rank', derived: false, status: null, sources: ['000-02.rank「位列京口区第一」'] },
    ])
  })

  it('follows an explicit indicator order, naming the region in the first clause only', () => {
    const bulletin = buildRegionBulletin(seed, seedIndex, {
      subjectId: 'dashikou',
      period: JAN_OCT,
      locale: 'zh-CN',
      indicatorIds: ['wholesale-sales', 'project-investment', 'no-such-indicator'],
    })
    expect(segmentsText(bulletin.sentence)).toBe(
      '1-10月，大市口街道限上批发业商品销售额增幅43.7%，位列京口区第一；完成项目投资4.32亿元，占年度计划的86.9%，超序时进度3.6个百分点。',
    )
  })

  it('says nothing for a region without figures in the period', () => {
    const bulletin = buildRegionBulletin(seed, seedIndex, { subjectId: 'jingkou', period: JAN_OCT, locale: 'zh-CN' })
    expect(bulletin.sentence).toEqual([])
    expect(bulletinSentences(bulletin)).toEqual([])
  })

  it('orders clauses: plans first, then stated levels, then growth and rank alone', () => {
    const ids = bulletinObservations(seed, 'dashikou', p(2023, 1, 2023, 12)).map((o) => o.id)
    expect(ids[ids.length - 1]).toBe('000-08') // 当年投资同比增长179%: growth only
    expect(ids.slice(0, 3)).toEqual(['000-01', '000-03', '000-04'])
  })
})

// A small world for clause variants: one street in one district.
const BASE_INDICATOR: Indicator = {
  id: 'ind',
  name: { zh: '项目投资', en: 'Project investment' },
  category: 'projects',
  unit: 'CNY',
  kind: 'amount',
  direction: 'higher',
}

function clauseText(
  indicator: Partial<Indicator>,
  observation: Partial<Observation>,
  locale: LocaleCode,
  options: { nameSubject?: boolean; tolerancePoints?: number } = {},
): string | null {
  const o: Observation = {
    id: 'o1',
    subjectId: 'jia',
    indicatorId: 'ind',
    period: JAN_OCT,
    actual: null,
    actualUpper: null,
    qualifier: null,
    target: null,
    targetPeriod: null,
    yoy: null,
    rank: null,
    rankScopeId: null,
    documentId: null,
    evidence: [],
    ...observation,
  }
  const dataset: Dataset = {
    schemaVersion: 1,
    name: { zh: '测试', en: 'Test' },
    documents: [],
    subjects: [
      { id: 'xin', level: 'district', name: { zh: '新城区', en: 'Xincheng District' }, parentId: null },
      { id: 'jia', level: 'street', name: { zh: '甲街道', en: 'Jia Subdistrict' }, parentId: 'xin' },
    ],
    indicators: [{ ...BASE_INDICATOR, ...indicator }],
    observations: [o],
  }
  const clause = buildClause(o, buildDatasetIndex(dataset), {
    locale,
    nameSubject: options.nameSubject ?? true,
    ...(options.tolerancePoints === undefined ? {} : { tolerancePoints: options.tolerancePoints }),
  })
  return clause === null ? null : segmentsText(clause.segments)
}

const CEILING: Partial<Indicator> = {
  name: { zh: '信访投诉量', en: 'Petitions and complaints' },
  unit: '件',
  kind: 'count',
  direction: 'lower',
}
const RATE: Partial<Indicator> = {
  name: { zh: '按时办结率', en: 'On-time completion rate' },
  unit: '%',
  kind: 'rate',
}
const DISPUTES: Partial<Indicator> = { name: { zh: '化解纠纷', en: 'Disputes resolved' }, unit: '件', kind: 'count' }

describe('clause variants', () => {
  it.each<[string, Partial<Indicator>, Partial<Observation>, string, string]>([
    [
      'behind 序时进度',
      {},
      { actual: 3e8, target: 5e8 },
      '甲街道完成项目投资3.00亿元，占年度计划的60.0%，落后序时进度23.3个百分点',
      'Jia Subdistrict completed project investment of CNY 300 million, 60.0% of the annual plan, 23.3 percentage points behind schedule',
    ],
    [
      'within the 0.5-point tolerance',
      {},
      { actual: 4.18e8, target: 5e8 },
      '甲街道完成项目投资4.18亿元，占年度计划的83.6%，与序时进度基本持平',
      'Jia Subdistrict completed project investment of CNY 418 million, 83.6% of the annual plan, broadly on schedule',
    ],
    [
      'exactly on 序时进度',
      {},
      { actual: 2.5e8, target: 3e8 },
      '甲街道完成项目投资2.50亿元，占年度计划的83.3%，与序时进度持平',
      'Jia Subdistrict completed project investment of CNY 250 million, 83.3% of the annual plan, on schedule',
    ],
    [
      'a ceiling kept under the line (lower is better)',
      CEILING,
      { actual: 700, target: 1200 },
      '甲街道信访投诉量700件，为年度控制目标的58.3%，低于序时进度25.0个百分点',
      "Jia Subdistrict's petitions and complaints stood at 700 cases, 58.3% of the annual ceiling, 25.0 percentage points below the time-elapsed share",
    ],
    [
      'a ceiling used up too fast',
      CEILING,
      { actual: 1100, target: 1200, yoy: -4.5 },
      '甲街道信访投诉量1100件，为年度控制目标的91.7%，高于序时进度8.3个百分点，同比下降4.5%',
      "Jia Subdistrict's petitions and complaints stood at 1,100 cases, 91.7% of the annual ceiling, 8.3 percentage points above the time-elapsed share, down 4.5% year on year",
    ],
    [
      'qualifier 余 kept on the actual',
      DISPUTES,
      { actual: 300, qualifier: 'more-than', target: 400 },
      '甲街道完成化解纠纷300余件，占年度计划的75.0%，落后序时进度8.3个百分点',
      "Jia Subdistrict's disputes resolved reached 300+ cases, 75.0% of the annual plan, 8.3 percentage points behind schedule",
    ],
    [
      'qualifier 约 and YoY growth',
      {},
      { actual: 4.5e8, qualifier: 'about', target: 5e8, yoy: 12.5 },
      '甲街道完成项目投资约4.50亿元，占年度计划的90.0%，超序时进度6.7个百分点，同比增长12.5%',
      'Jia Subdistrict completed project investment of ≈ CNY 450 million, 90.0% of the annual plan, 6.7 percentage points ahead of schedule, up 12.5% year on year',
    ],
    [
      'a plan for the first half',
      {},
      { actual: 2e8, target: 3e8, period: p(2023, 1, 2023, 4), targetPeriod: p(2023, 1, 2023, 6) },
      '甲街道完成项目投资2.00亿元，占上半年计划的66.7%，与序时进度持平',
      'Jia Subdistrict completed project investment of CNY 200 million, 66.7% of the plan for the first half, on schedule',
    ],
    [
      'a stated level with flat YoY and a rank',
      DISPUTES,
      { actual: 1000, qualifier: 'more-than', yoy: 0, rank: 2, rankScopeId: 'xin' },
      '甲街道化解纠纷1000余件，与上年持平，位列新城区第二',
      "Jia Subdistrict's disputes resolved reached 1,000+ cases, flat year on year, ranking second in Xincheng District",
    ],
    [
      'a rate with a target: stated beside it, no 序时 comparison',
      RATE,
      { actual: 98.5, target: 95 },
      '甲街道按时办结率为98.5%，年度计划为95%',
      "Jia Subdistrict's on-time completion rate stood at 98.5%, against the annual plan of 95%",
    ],
    [
      'growth alone, falling',
      {},
      { yoy: -3.2 },
      '甲街道项目投资降幅3.2%',
      "Jia Subdistrict's project investment fell 3.2% year on year",
    ],
    [
      'growth alone, flat',
      {},
      { yoy: 0 },
      '甲街道项目投资与上年持平',
      "Jia Subdistrict's project investment was flat year on year",
    ],
    [
      'rank alone within a district',
      {},
      { rank: 3, rankScopeId: 'xin' },
      '甲街道项目投资位列新城区第三',
      "Jia Subdistrict's project investment ranked third in Xincheng District",
    ],
    ['rank alone, no scope', {}, { rank: 12 }, '甲街道项目投资位列第12', "Jia Subdistrict's project investment ranked 12th"],
    [
      'a plan without an actual',
      {},
      { target: 5e8, yoy: 8 },
      '甲街道项目投资年度计划为5.00亿元，同比增长8%',
      "Jia Subdistrict's annual plan for project investment is CNY 500 million, up 8% year on year",
    ],
  ])('%s', (_name, indicator, observation, zh, en) => {
    expect(clauseText(indicator, observation, 'zh-CN')).toBe(zh)
    expect(clauseText(indicator, observation, 'en')).toBe(en)
  })

  it.each<[LocaleCode, string]>([
    ['zh-CN', '完成项目投资3.00亿元，占年度计划的60.0%，落后序时进度23.3个百分点'],
    ['en', 'it completed project investment of CNY 300 million, 60.0% of the annual plan, 23.3 percentage points behind schedule'],
  ])('a later clause leaves the region understood (%s)', (locale, expected) => {
    expect(clauseText({}, { actual: 3e8, target: 5e8 }, locale, { nameSubject: false })).toBe(expected)
  })

  it('a tolerance of 0 states even a small gap', () => {
    expect(clauseText({}, { actual: 4.18e8, target: 5e8 }, 'zh-CN', { tolerancePoints: 0 })).toBe(
      '甲街道完成项目投资4.18亿元，占年度计划的83.6%，超序时进度0.3个百分点',
    )
  })

  it('an observation with nothing to say gives no clause', () => {
    expect(clauseText({}, {}, 'zh-CN')).toBeNull()
  })
})
