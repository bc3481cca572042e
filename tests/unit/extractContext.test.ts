import { describe, expect, it } from 'vitest'
import type { SubjectLevel } from '../../src/domain/model'
import { extractFigures, toOutputCandidate, type ExtractOptions } from '../../src/extract'

function candidate(text: string, figure: string, options?: ExtractOptions) {
  const c = extractFigures(text, options).find((x) => x.text === figure)
  if (c === undefined) throw new Error(`no figure ${figure} in ${text}`)
  return c
}

describe('subject: the region, organisation or project the figure is about', () => {
  it.each<[rule: string, text: string, figure: string, name: string, level: SubjectLevel | null]>([
    ['the topic of the clause', '城东街道全年计划完成工业投资20亿元', '20亿元', '城东街道', 'street'],
    ['the innermost of a chain of names', '近日,南山区桃源街道新建口袋公园3处', '3处', '桃源街道', 'street'],
    ['a village under its town', '新桥镇武陵村今年新建文化广场2处', '2处', '武陵村', 'village'],
    ['a town-street is one name', '18日,狼山镇街道开展宣传活动12场', '12场', '狼山镇街道', 'street'],
    ['a company', '江苏某某科技有限公司今年实现销售收入5000万元', '5000万元', '江苏某某科技有限公司', 'org'],
    ['a project after its grade', '目前,市重点项目星河科技产业园完成工程进度45%', '45%', '星河科技产业园', 'project'],
    ['a project named only before 竣工', '滨江公园改造工程竣工开放', '竣工', '滨江公园改造工程', 'project'],
    ['a headline names its project after the figure', '总投资约2亿元 新能源电池材料项目 落户开发区', '约2亿元', '新能源电池材料项目', 'project'],
    ['全区 stands for the district', '全区共有社区56个', '56个', '全区', 'district'],
    ['a name after a verb is an object, not the subject', '青山社区今年走进滨河小学开展活动8场', '8场', '青山社区', 'community'],
  ])('%s: %s', (_rule, text, figure, name, level) => {
    expect(candidate(text, figure).subject).toMatchObject({ name, level })
  })

  it('resolves a bare 街道 to the street named before it', () => {
    const text = '近日,南山区桃源街道召开推进会。1-10月,街道实现社会消费品零售总额增幅12.4%,位列南山区第一。'
    const growth = candidate(text, '12.4%')
    expect(growth.subject).toMatchObject({ name: '桃源街道', text: '街道', via: 'clause' })
    const rank = candidate(text, '第一')
    expect(rank.subject?.name).toBe('桃源街道')
    expect(rank.rankScope).toBe('南山区')
  })

  it('carries the last topic into later sentences, and 社区 to the community named', () => {
    const text = '青山社区位于城区东部。社区今年组织活动40余场。全年发放宣传资料2000余份。'
    expect(candidate(text, '40余场').subject?.name).toBe('青山社区')
    expect(candidate(text, '2000余份').subject).toMatchObject({ name: '青山社区', via: 'earlier' })
  })

  it('does not take a quoted brand or a list item for a subject', () => {
    const text = '大桥街道开设“美好大桥市”视频号。推进甲巷、乙巷片区改造5.2万平方米。'
    expect(candidate(text, '5.2万平方米').subject?.name).toBe('大桥街道')
  })

  it.each([
    ['常住人口城镇化率达到61.5%', '61.5%'],
    ['推进城乡融合,完成改造12个', '12个'],
    ['改造老旧小区9个', '9个'],
  ])('does not take a common noun for a name: %s', (text, figure) => {
    expect(candidate(text, figure).subject).toBeNull()
  })

  it('gives the subject’s span in the input, for highlighting', () => {
    const text = '城东街道全年计划完成工业投资20亿元'
    const s = candidate(text, '20亿元').subject!
    expect(text.slice(s.start, s.end)).toBe(s.text)
    expect(s.text).toBe('城东街道')
  })
})

describe('period: from the phrase before the figure in its sentence', () => {
  const ctx: ExtractOptions = { year: 2023, asOf: { year: 2023, month: 10 } }
  it.each<[text: string, figure: string, phrase: string | null, key: string | null]>([
    ['1-10月,完成投资4.6亿元', '4.6亿元', '1-10月', '2023-01..2023-10'],
    ['截至10月底,累计完成17.2亿元', '17.2亿元', '截至10月底', '2023-01..2023-10'],
    ['今年以来,开展活动100余场', '100余场', '今年以来', '2023-01..2023-10'],
    ['上半年,规上工业增加值同比增长8.5%', '8.5%', '上半年', '2023-01..2023-06'],
    ['前三季度,引进项目15个', '15个', '前三季度', '2023-01..2023-09'],
    ['10月份,工业用电量同比下降5.6%', '5.6%', '10月份', '2023-10'],
    ['2022年1-6月,完成投资3亿元', '3亿元', '2022年1-6月', '2022-01..2022-06'],
    ['当年计划投资8.2亿元', '8.2亿元', '当年', '2023'],
    ['新建道路3.5公里', '3.5公里', null, null],
    ['基金成立于2017年3月,实缴出资2.5亿元', '2.5亿元', null, null],
    ['一季度实现税收1.5亿元,占全年任务的28.3%', '28.3%', '一季度', '2023-01..2023-03'],
  ])('%s → %s', (text, figure, phrase, key) => {
    const p = candidate(text, figure, ctx).period
    expect(p === null ? null : [p.text, p.key]).toEqual(phrase === null ? null : [phrase, key])
  })

  it('keeps the phrase as written when no year is known, and the CLI prints that phrase', () => {
    const c = candidate('1-10月,完成投资4.6亿元', '4.6亿元')
    expect(c.period).toMatchObject({ text: '1-10月', key: null })
    expect(toOutputCandidate(c).period).toBe('1-10月')
  })

  it('takes the year the sentence states', () => {
    expect(candidate('2024年,红星村集体经营性收入达到85万元', '85万元').period?.key).toBe('2024')
  })
})

describe('headline: period and indicator for the lines under it', () => {
  const report = [
    '各街道1-10月固定资产投资完成情况通报',
    '城东街道：年度目标5亿元，完成4.2亿元，完成率84%；',
    '南湖街道：年度目标4.5亿元，完成3.1亿元，落后序时进度14.4个百分点。',
  ].join('\n')

  it('gives its span of months and its indicator to lines that state none', () => {
    expect(extractFigures(report, { year: 2023 }).map((c) => [c.text, c.subject?.name, c.indicator, c.period?.key, c.role])).toEqual([
      ['5亿元', '城东街道', '固定资产投资', '2023-01..2023-10', 'target'],
      ['4.2亿元', '城东街道', '固定资产投资', '2023-01..2023-10', 'actual'],
      ['84%', '城东街道', '固定资产投资', '2023-01..2023-10', 'completion_rate'],
      ['4.5亿元', '南湖街道', '固定资产投资', '2023-01..2023-10', 'target'],
      ['3.1亿元', '南湖街道', '固定资产投资', '2023-01..2023-10', 'actual'],
      ['14.4个百分点', '南湖街道', '固定资产投资', '2023-01..2023-10', 'gap'],
    ])
  })

  it('does not take 全年 in a headline for a period ("打好全年收官战")', () => {
    const c = candidate('城东街道：冲刺状态打好全年“收官战”\n街道新建口袋公园3处。', '3处')
    expect(c.period).toBeNull()
  })
})

describe('indicator: the thing measured, as the clause names it', () => {
  it.each<[text: string, figure: string, indicator: string | null]>([
    ['1-10月,完成项目投资3.1亿元', '3.1亿元', '项目投资'],
    ['月均办理热线工单300余件', '300余件', '热线工单'],
    ['当年投资同比增长21%', '21%', '投资'],
    ['基金共投资31个项目', '31个', '项目'],
    ['招募志愿者100余人', '100余人', '志愿者'],
    ['群众满意率达到98.6%', '98.6%', '群众满意率'],
    ['打造5处便民充电桩及车棚', '5处', '便民充电桩及车棚'],
    ['完成8个片区共12.5万平方米的物业管理提升', '12.5万平方米', '物业管理提升'],
    ['销售额增幅17.3%,位列全区第一。', '第一', '销售额'],
    ['计划完成工业投资20亿元,完成17.2亿元,占年度目标的86%', '86%', '工业投资'],
    ['规上工业总产值完成42.7亿元', '42.7亿元', '规上工业总产值'],
    ['发放各类救助资金约560万元', '约560万元', '救助资金'],
    ['群众满意率97.8%,较去年同期提高1.5个百分点', '1.5个百分点', '群众满意率'],
    ['年度目标5亿元', '5亿元', null],
  ])('%s → %s', (text, figure, indicator) => {
    expect(candidate(text, figure).indicator).toBe(indicator)
  })
})
