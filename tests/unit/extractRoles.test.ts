import { describe, expect, it } from 'vitest'
import { extractFigures, ROLES, type FigureKind, type Role } from '../../src/extract'

/** The candidate for `figure` in `text` (the first whose text it is). */
function candidate(text: string, figure: string) {
  const c = extractFigures(text).find((x) => x.text === figure)
  if (c === undefined) throw new Error(`no figure ${figure} in ${text}`)
  return c
}

// Sentences written for these tests, none from the seeds: each row is one rule of report grammar.
describe('role: read from the words that govern the figure', () => {
  it.each<[rule: string, text: string, figure: string, role: Role, kind: FigureKind]>([
    ['计划 before the verb: target', '当年计划投资8.2亿元', '8.2亿元', 'target', 'amount'],
    ['目标任务: target', '全年目标任务为5000万元', '5000万元', 'target', 'amount'],
    ['力争 + 完成: a plan, not an actual', '力争完成6000万元', '6000万元', 'target', 'amount'],
    ['a planned count is a target', '计划新建停车位100个', '100个', 'target', 'count'],
    ['…的目标 after the figure', '确定了实现产值10亿元的目标', '10亿元', 'target', 'amount'],
    ['力争 anywhere before the verb', '力争全年完成一般公共预算收入3.1亿元', '3.1亿元', 'target', 'amount'],
    ['按计划完成 is done as planned: actual', '按计划完成投资3亿元', '3亿元', 'actual', 'amount'],
    ['完成: actual', '1-10月完成项目投资3.1亿元', '3.1亿元', 'actual', 'amount'],
    ['实现: actual', '实现销售收入5000万元', '5000万元', 'actual', 'amount'],
    ['an area reached: actual', '完成老旧小区改造12.6万平方米', '12.6万平方米', 'actual', 'area'],
    ['a physical measure: actual', '新建道路3.5公里', '3.5公里', 'actual', 'measure'],
    ['a tally: count', '受理群众诉求300余件', '300余件', 'count', 'count'],
    ['新增 is new, not growth', '新增就业岗位1200个', '1200个', 'count', 'count'],
    ['…的86.85% of the plan: completion', '完成年度计划的86.85%', '86.85%', 'completion_rate', 'rate'],
    ['占…任务的: completion', '占全年任务的28.3%', '28.3%', 'completion_rate', 'rate'],
    ['完成率: completion', '完成率为75%', '75%', 'completion_rate', 'rate'],
    ['同比增长: growth', '当年投资同比增长21%', '21%', 'growth', 'growth'],
    ['增幅: growth', '销售额增幅17.3%', '17.3%', 'growth', 'growth'],
    ['增速: growth', '增速达到6.5%', '6.5%', 'growth', 'growth'],
    ['a change in points is growth in points', '比去年提高2.3个百分点', '2.3个百分点', 'growth', 'points'],
    ['a change in units needs its comparison', '比上年增加1,200人次', '1,200人次', 'growth', 'count'],
    ['a multiple', '营业收入增长1.5倍', '1.5倍', 'growth', 'growth'],
    ['超序时进度: gap', '超序时进度3.5个百分点', '3.5个百分点', 'gap', 'points'],
    ['高于时间进度: gap', '高于时间进度16.7个百分点', '16.7个百分点', 'gap', 'points'],
    ['占比: share', '其中外资占比12.5%', '12.5%', 'share', 'share'],
    ['比重: share', '服务业比重达到35%', '35%', 'share', 'share'],
    ['a percentage of people: share', '参加体检的居民达到85%', '85%', 'share', 'share'],
    ['a rate reached: actual rate', '群众满意率达到98.6%', '98.6%', 'actual', 'rate'],
    ['提升至 states a level, not a change', '满意率提升至98.6%', '98.6%', 'actual', 'rate'],
    ['位列: rank', '位列全区第一。', '第一', 'rank', 'rank'],
    ['排名: rank', '排名第3的企业', '第3', 'rank', 'rank'],
    ['工程进度: progress', '完成工程进度45%', '45%', 'progress', 'progress'],
    ['形象进度: progress', '形象进度达80%', '80%', 'progress', 'progress'],
    ['竣工: progress 100', '滨江公园改造工程竣工开放', '竣工', 'progress', 'progress'],
  ])('%s: %s', (_rule, text, figure, role, kind) => {
    const c = candidate(text, figure)
    expect([c.role, c.kind]).toEqual([role, kind])
    expect(ROLES).toContain(c.role)
  })
})

describe('role: falls and lags are negative', () => {
  it.each<[string, string, Role, number]>([
    ['同比下降3.2%', '3.2%', 'growth', -3.2],
    ['工业用电量减少5.6%', '5.6%', 'growth', -5.6],
    ['比上年降低1.5个百分点', '1.5个百分点', 'growth', -1.5],
    ['落后序时进度2.1个百分点', '2.1个百分点', 'gap', -2.1],
    ['低于时间进度4个百分点', '4个百分点', 'gap', -4],
    ['超序时进度3.5个百分点', '3.5个百分点', 'gap', 3.5],
  ])('%s', (text, figure, role, value) => {
    const c = candidate(text, figure)
    expect([c.role, c.value]).toEqual([role, value])
  })
})

describe('role: a clause of its own for each figure', () => {
  it('lets a plan stated once cover the list after it', () => {
    const text = '下一步,街道将力争全年完成一般公共预算收入3.1亿元,固定资产投资22亿元以上。'
    expect(extractFigures(text).map((c) => [c.text, c.role])).toEqual([
      ['3.1亿元', 'target'],
      ['22亿元以上', 'target'],
    ])
  })

  it('reads target, actual, completion and gap from one sentence', () => {
    const text = '城东街道全年计划完成工业投资20亿元,截至10月底完成17.2亿元,占年度目标的86%,超序时进度2.7个百分点。'
    expect(extractFigures(text).map((c) => [c.text, c.role])).toEqual([
      ['20亿元', 'target'],
      ['17.2亿元', 'actual'],
      ['86%', 'completion_rate'],
      ['2.7个百分点', 'gap'],
    ])
  })
})
