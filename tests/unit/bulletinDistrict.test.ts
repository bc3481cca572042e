import { describe, expect, it } from 'vitest'
import { paragraphText } from '../../src/bulletin/bulletinText'
import { summarizeDistrict, type DistrictSummary } from '../../src/bulletin/districtSummary'
import { districtSummarySentences } from '../../src/bulletin/districtSummaryText'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset, Indicator, LocaleCode, Observation, Period, Subject, SubjectLevel } from '../../src/domain/model'

const JAN_OCT: Period = { start: { year: 2023, month: 1 }, end: { year: 2023, month: 10 } }

/** Twelve synthetic streets: [zh, en, actual 亿元, annual plan 亿元]. 序时进度 for 1-10月 is 83.3%. */
const STREETS: Array<[string, string, number, number]> = [
  ['东城', 'Dongcheng', 4.6, 5.0], // 92.0%, +8.7
  ['西城', 'Xicheng', 3.8, 4.5], // 84.4%, +1.1
  ['南湖', 'Nanhu', 2.5, 3.0], // 83.3%, 0.0
  ['北山', 'Beishan', 4.2, 5.2], // 80.8%, −2.6
  ['金山', 'Jinshan', 6.1, 6.8], // 89.7%, +6.4
  ['银河', 'Yinhe', 1.95, 2.4], // 81.3%, −2.1
  ['青松', 'Qingsong', 3.33, 4.0], // 83.3%, −0.1
  ['白云', 'Baiyun', 5.5, 6.0], // 91.7%, +8.3
  ['红桥', 'Hongqiao', 2.1, 3.0], // 70.0%, −13.3
  ['绿洲', 'Luzhou', 4.45, 5.5], // 80.9%, −2.4
  ['春江', 'Chunjiang', 3.7, 4.2], // 88.1%, +4.8
  ['秋实', 'Qiushi', 2.88, 3.4], // 84.7%, +1.4
]

const INDICATORS: Indicator[] = [
  { id: 'inv', name: { zh: '项目投资', en: 'Project investment' }, category: 'projects', unit: 'CNY', kind: 'amount', direction: 'higher' },
  { id: 'energy', name: { zh: '能耗费用', en: 'Energy spending' }, category: 'economy', unit: 'CNY', kind: 'amount', direction: 'lower' },
  { id: 'disputes', name: { zh: '化解纠纷', en: 'Disputes resolved' }, category: 'governance', unit: '件', kind: 'count', direction: 'higher' },
  { id: 'retail', name: { zh: '社会消费品零售额', en: 'Retail sales' }, category: 'economy', unit: 'CNY', kind: 'amount', direction: 'higher' },
]

function observation(id: string, subjectId: string, indicatorId: string, fields: Partial<Observation>): Observation {
  return {
    id,
    subjectId,
    indicatorId,
    period: JAN_OCT,
    actual: null,
    actualUpper: null,
    qualifier: null,
    target: null,
    targetPeriod: null,
    yoy: null,
    rank: null,
    rankScopeId: null,
    documentId: 'table',
    evidence: [],
    ...fields,
  }
}

interface WorldOptions {
  extra?: Array<{ zh: string; en: string; level: SubjectLevel; fields: Partial<Observation> }>
  levelOf?: (i: number) => SubjectLevel
}

/** The district table as a dataset: 新城区 with its twelve streets, four indicators each. */
function world(options: WorldOptions = {}): Dataset {
  const subjects: Subject[] = [{ id: 'xin', level: 'district', name: { zh: '新城区', en: 'Xincheng District' }, parentId: null }]
  const observations: Observation[] = []
  STREETS.forEach(([zh, en, actual, plan], i) => {
    const level = options.levelOf?.(i) ?? 'street'
    const id = `s${i}`
    subjects.push({
      id,
      level,
      name: level === 'town' ? { zh: `${zh}镇`, en: `${en} Town` } : { zh: `${zh}街道`, en: `${en} Subdistrict` },
      parentId: 'xin',
    })
    const money = { actual: Math.round(actual * 1e8), target: Math.round(plan * 1e8) }
    observations.push(observation(`inv-${i}`, id, 'inv', money))
    observations.push(observation(`energy-${i}`, id, 'energy', money))
    observations.push(observation(`disputes-${i}`, id, 'disputes', { actual: 100 + ((i * 37) % 90) }))
    observations.push(observation(`retail-${i}`, id, 'retail', { yoy: Number((((i * 7.3) % 20) - 5).toFixed(1)) }))
  })
  options.extra?.forEach((x, i) => {
    const id = `x${i}`
    subjects.push({ id, level: x.level, name: { zh: x.zh, en: x.en }, parentId: 'xin' })
    observations.push(observation(`extra-${i}`, id, 'inv', x.fields))
  })
  // A project under the district is not a street and must not be counted.
  subjects.push({ id: 'proj', level: 'project', name: { zh: '某项目', en: 'A project' }, parentId: 'xin' })
  observations.push(observation('proj-inv', 'proj', 'inv', { actual: 1e8, target: 9e8 }))
  return { schemaVersion: 1, name: { zh: '测试', en: 'Test' }, documents: [], subjects, indicators: INDICATORS, observations }
}

function summary(dataset: Dataset, indicatorId: string): DistrictSummary {
  const s = summarizeDistrict(dataset, buildDatasetIndex(dataset), { parentId: 'xin', indicatorId, period: JAN_OCT })
  if (!s) throw new Error('no summary')
  return s
}

function textOf(dataset: Dataset, indicatorId: string, locale: LocaleCode): string {
  return paragraphText(districtSummarySentences(summary(dataset, indicatorId), { locale }), locale)
}

const zhNames = (s: readonly { subject: Subject }[]): string[] => s.map((e) => e.subject.name.zh)

describe('district summary facts for a generated table of 12 streets', () => {
  const s = summary(world(), 'inv')

  it('classifies by 序时进度 and lists names in gap order, best first', () => {
    expect(s.measure).toBe('progress')
    expect(zhNames(s.ahead)).toEqual(['东城街道', '白云街道', '金山街道', '春江街道', '秋实街道', '西城街道'])
    expect(zhNames(s.behind)).toEqual(['银河街道', '绿洲街道', '北山街道', '红桥街道'])
    expect(zhNames(s.onTime)).toEqual(['南湖街道', '青松街道'])
    expect(s.best?.subject.name.zh).toBe('东城街道')
    expect(s.worst?.subject.name.zh).toBe('红桥街道')
    expect(s.entries).toHaveLength(12)
  })

  it('totals and averages the streets (not the project below the district)', () => {
    expect(s.total).toBe(4_511_000_000)
    expect(s.totalTarget).toBe(5_300_000_000)
    expect(s.pooledCompletion).toBeCloseTo((45.11 / 53) * 100, 10)
    expect(s.average).toBeCloseTo(4_511_000_000 / 12, 3)
    expect(s.averageCount).toBe(12)
  })

  it('ranks a lower-is-better figure the other way round', () => {
    const lower = summary(world(), 'energy')
    expect(lower.best?.subject.name.zh).toBe('红桥街道')
    expect(zhNames(lower.ahead)).toEqual(['红桥街道', '北山街道', '绿洲街道', '银河街道'])
  })

  it('is null for an unknown parent or indicator, or without figures', () => {
    const dataset = world()
    const index = buildDatasetIndex(dataset)
    expect(summarizeDistrict(dataset, index, { parentId: 'nowhere', indicatorId: 'inv', period: JAN_OCT })).toBeNull()
    expect(summarizeDistrict(dataset, index, { parentId: 'xin', indicatorId: 'nothing', period: JAN_OCT })).toBeNull()
    const otherPeriod: Period = { start: { year: 2023, month: 1 }, end: { year: 2023, month: 9 } }
    expect(summarizeDistrict(dataset, index, { parentId: 'xin', indicatorId: 'inv', period: otherPeriod })).toBeNull()
  })
})

describe('district summary text', () => {
  it.each<[string, string, LocaleCode, string]>([
    [
      'plans, higher is better',
      'inv',
      'zh-CN',
      '1-10月，新城区12个街道合计完成项目投资45.11亿元，占年度计划的85.1%，平均每个街道3.76亿元。' +
        '6个街道超序时进度，4个滞后，2个与序时进度基本持平。' +
        '超序时进度的有：东城街道、白云街道、金山街道、春江街道、秋实街道、西城街道；滞后的有：银河街道、绿洲街道、北山街道、红桥街道；基本持平的有：南湖街道、青松街道。' +
        '其中，东城街道进度最快，占年度计划的92.0%，超序时进度8.7个百分点；红桥街道进度最慢，占年度计划的70.0%，落后序时进度13.3个百分点。',
    ],
    [
      'plans, higher is better',
      'inv',
      'en',
      'In January–October, the 12 subdistricts of Xincheng District completed project investment of CNY 4.51 billion in total, 85.1% of the annual plan, an average of CNY 375.92 million per subdistrict. ' +
        '6 subdistricts are ahead of schedule, 4 behind and 2 broadly on schedule. ' +
        'Ahead of schedule: Dongcheng Subdistrict, Baiyun Subdistrict, Jinshan Subdistrict, Chunjiang Subdistrict, Qiushi Subdistrict and Xicheng Subdistrict; behind schedule: Yinhe Subdistrict, Luzhou Subdistrict, Beishan Subdistrict and Hongqiao Subdistrict; broadly on schedule: Nanhu Subdistrict and Qingsong Subdistrict. ' +
        'Dongcheng Subdistrict leads at 92.0% of the annual plan, 8.7 percentage points ahead of schedule; Hongqiao Subdistrict trails at 70.0% of the annual plan, 13.3 percentage points behind schedule.',
    ],
    [
      'a ceiling, lower is better',
      'energy',
      'zh-CN',
      '1-10月，新城区12个街道能耗费用合计45.11亿元，为年度控制目标的85.1%，平均每个街道3.76亿元。' +
        '4个街道低于序时进度，6个高于序时进度，2个与序时进度基本持平。' +
        '低于序时进度的有：红桥街道、北山街道、绿洲街道、银河街道；高于序时进度的有：西城街道、秋实街道、春江街道、金山街道、白云街道、东城街道；基本持平的有：青松街道、南湖街道。' +
        '其中，红桥街道控制最好，为年度控制目标的70.0%，低于序时进度13.3个百分点；东城街道控制最差，为年度控制目标的92.0%，高于序时进度8.7个百分点。',
    ],
    [
      'a ceiling, lower is better',
      'energy',
      'en',
      'In January–October, energy spending in the 12 subdistricts of Xincheng District came to CNY 4.51 billion in total, 85.1% of the annual ceiling, an average of CNY 375.92 million per subdistrict. ' +
        '4 subdistricts are below the time-elapsed share, 6 above it and 2 broadly on schedule. ' +
        'Below the time-elapsed share: Hongqiao Subdistrict, Beishan Subdistrict, Luzhou Subdistrict and Yinhe Subdistrict; above the time-elapsed share: Xicheng Subdistrict, Qiushi Subdistrict, Chunjiang Subdistrict, Jinshan Subdistrict, Baiyun Subdistrict and Dongcheng Subdistrict; broadly on schedule: Qingsong Subdistrict and Nanhu Subdistrict. ' +
        'Hongqiao Subdistrict leads at 70.0% of the annual ceiling, 13.3 percentage points below the time-elapsed share; Dongcheng Subdistrict trails at 92.0% of the annual ceiling, 8.7 percentage points above the time-elapsed share.',
    ],
    [
      'actuals without plans',
      'disputes',
      'zh-CN',
      '1-10月，新城区12个街道合计完成化解纠纷1662件，平均每个街道138.5件。化解纠纷最高的是白云街道，为179件；最低的是东城街道，为100件。' +
        '由高到低依次为：白云街道、南湖街道、绿洲街道、金山街道、秋实街道、青松街道、西城街道、红桥街道、北山街道、春江街道、银河街道、东城街道。',
    ],
    [
      'actuals without plans',
      'disputes',
      'en',
      'In January–October, disputes resolved in the 12 subdistricts of Xincheng District came to 1,662 cases in total, an average of 138.5 cases per subdistrict. ' +
        'Baiyun Subdistrict has the highest disputes resolved, 179 cases; Dongcheng Subdistrict the lowest, 100 cases. ' +
        'From highest to lowest: Baiyun Subdistrict, Nanhu Subdistrict, Luzhou Subdistrict, Jinshan Subdistrict, Qiushi Subdistrict, Qingsong Subdistrict, Xicheng Subdistrict, Hongqiao Subdistrict, Beishan Subdistrict, Chunjiang Subdistrict, Yinhe Subdistrict and Dongcheng Subdistrict.',
    ],
    [
      'growth only',
      'retail',
      'zh-CN',
      '1-10月，新城区12个街道社会消费品零售额平均同比增长3.5%。社会消费品零售额增幅最高的是红桥街道，为13.4%；最低的是东城街道，为-5%。' +
        '由高到低依次为：红桥街道、银河街道、南湖街道、春江街道、白云街道、金山街道、西城街道、绿洲街道、青松街道、北山街道、秋实街道、东城街道。',
    ],
    [
      'growth only',
      'retail',
      'en',
      'In January–October, retail sales in the 12 subdistricts of Xincheng District grew 3.5% year on year on average. ' +
        'Hongqiao Subdistrict has the highest retail sales growth, 13.4%; Dongcheng Subdistrict the lowest, -5%. ' +
        'From highest to lowest: Hongqiao Subdistrict, Yinhe Subdistrict, Nanhu Subdistrict, Chunjiang Subdistrict, Baiyun Subdistrict, Jinshan Subdistrict, Xicheng Subdistrict, Luzhou Subdistrict, Qingsong Subdistrict, Beishan Subdistrict, Qiushi Subdistrict and Dongcheng Subdistrict.',
    ],
  ])('%s (%s, %s)', (_name, indicatorId, locale, expected) => {
    expect(textOf(world(), indicatorId, locale)).toBe(expected)
  })

  it.each<[LocaleCode, string, string]>([
    ['zh-CN', '1-10月，新城区13个街道合计完成项目投资46.31亿元，平均每个街道3.56亿元。', '；另有1个街道未设计划（长安街道）。'],
    ['en', 'the 13 subdistricts of Xincheng District completed project investment of CNY 4.63 billion in total, an average of', '; 1 more has no plan (Chang’an Subdistrict). '],
  ])('a street without a plan is counted in the total, named apart, and the pooled rate is left out (%s)', (locale, total, apart) => {
    const dataset = world({ extra: [{ zh: '长安街道', en: 'Chang’an Subdistrict', level: 'street', fields: { actual: 1.2e8 } }] })
    const text = textOf(dataset, 'inv', locale)
    expect(text).toContain(total)
    expect(text).toContain(apart)
    expect(text).not.toContain(locale === 'zh-CN' ? '占年度计划的85' : '% of the annual plan, an average')
  })

  it.each<[LocaleCode, string]>([
    ['zh-CN', '1-10月，新城区12个镇街合计完成项目投资'],
    ['en', 'In January–October, the 12 subdistricts and towns of Xincheng District'],
  ])('names a mix of streets and towns together (%s)', (locale, start) => {
    const dataset = world({ levelOf: (i) => (i % 2 === 0 ? 'street' : 'town') })
    expect(textOf(dataset, 'inv', locale).startsWith(start)).toBe(true)
  })

  it.each<[LocaleCode, string]>([
    ['zh-CN', '13个街道超序时进度。超序时进度的有：'],
    ['en', '13 subdistricts are ahead of schedule. Ahead of schedule: '],
  ])('leaves out empty groups (%s)', (locale, expected) => {
    // Every street at 100% of its plan, one more with its own: all 13 ahead, no 滞后 group.
    const dataset = world({ extra: [{ zh: '长安街道', en: 'Chang’an Subdistrict', level: 'street', fields: { actual: 9e8, target: 9e8 } }] })
    const allDone = { ...dataset, observations: dataset.observations.map((o) => (o.indicatorId === 'inv' ? { ...o, actual: o.target } : o)) }
    const text = textOf(allDone, 'inv', locale)
    expect(text).toContain(expected)
    expect(text).not.toMatch(locale === 'zh-CN' ? /滞后|持平/ : /behind|broadly/)
  })
})
