import { describe, expect, it } from 'vitest'
import { extractFigures, toOutputCandidate, type OutputQualifier } from '../../src/extract'

type Found = [text: string, value: number, unit: string, qualifier: OutputQualifier | null]

/** The figures of a text in the CLI's shape, reduced to what a reader checks first. */
function found(text: string): Found[] {
  return extractFigures(text).map(toOutputCandidate).map((c) => [c.text, c.value, c.unit, c.qualifier])
}

// None of these sentences is in the seed reports: the extractor is judged on text it has never seen.
describe('extractFigures: value and unit, magnitude applied', () => {
  it.each<[string, Found[]]>([
    ['全年完成固定资产投资36.5亿元', [['36.5亿元', 3_650_000_000, '元', null]]],
    ['实际到位外资1200万美元', [['1200万美元', 12_000_000, '美元', null]]],
    ['新增绿化面积3.2万平方米', [['3.2万平方米', 32_000, '平方米', null]]],
    ['辖区面积12.5平方公里', [['12.5平方公里', 12.5, '平方公里', null]]],
    ['同比增长12.5%', [['12.5%', 12.5, '%', null]]],
    ['比上年提高2.3个百分点', [['2.3个百分点', 2.3, '个百分点', null]]],
    ['全年共接待游客12,345人次', [['12,345人次', 12_345, '人次', null]]],
    ['招募志愿者一千余人', [['一千余人', 1000, '人', 'more_than']]],
    ['本次活动共有三百多名志愿者参与', [['三百多名', 300, '名', 'more_than']]],
    ['东城两个安置房小区完成改造', [['两个', 2, '个', null]]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('extractFigures: qualifiers kept as data', () => {
  it.each<[string, Found[]]>([
    ['受理群众诉求1600件左右', [['1600件左右', 1600, '件', 'about']]],
    ['流转土地约1500亩', [['约1500亩', 1500, '亩', 'about']]],
    ['每年举办活动十来场', [['十来场', 10, '场', 'about']]],
    ['举办培训十几场', [['十几场', 10, '场', 'more_than']]],
    ['化解矛盾纠纷800余件', [['800余件', 800, '件', 'more_than']]],
    ['完成改造1000件以上,', [['1000件以上', 1000, '件', 'more_than']]],
    ['服务群众近万人次', [['近万人次', 10_000, '人次', 'nearly']]],
    ['惠及群众超过2万户', [['超过2万户', 20_000, '户', 'over']]],
    ['满意度保持在75%至80%', [['75%至80%', 75, '%', 'range']]],
    ['总投资3-5亿元', [['3-5亿元', 300_000_000, '元', 'range']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it('keeps the upper end of a range', () => {
    expect(extractFigures('总投资3-5亿元').map((c) => [c.value, c.upper])).toEqual([[300_000_000, 500_000_000]])
  })
})

describe('extractFigures: measure words beyond the catalogue, tenths and multiples', () => {
  it.each<[string, Found[]]>([
    ['建成充电桩30台,安装路灯200余盏', [['30台', 30, '台', null], ['200余盏', 200, '盏', 'more_than']]],
    ['新建道路3.5公里,改造管网十余公里', [['3.5公里', 3.5, '公里', null], ['十余公里', 10, '公里', 'more_than']]],
    ['全年发生安全事故3起', [['3起', 3, '起', null]]],
    ['近八成居民表示满意', [['近八成', 80, '%', 'nearly']]],
    ['参与率超过七成', [['超过七成', 70, '%', 'over']]],
    ['营业收入增长1.5倍', [['1.5倍', 1.5, '倍', null]]],
    ['新增产能30万吨', [['30万吨', 300_000, '吨', null]]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each(['一成不变', '建成投用', '2023届毕业生', '一台电脑'])('%j holds no figure', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('extractFigures: ranks and completion', () => {
  it.each<[string, Found[]]>([
    ['位列全市第一。', [['第一', 1, '位', null]]],
    ['增幅居全省第2位', [['第2位', 2, '位', null]]],
    ['排名第3的企业获得表彰', [['第3', 3, '位', null]]],
    ['城南污水处理厂项目已竣工投用', [['竣工', 100, '%', null]]],
    ['主体结构已完工,正在装修', [['完工', 100, '%', null]]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('extractFigures: what is not a figure', () => {
  it.each([
    ['a period', '1-10月,'],
    ['a year', '2023年'],
    ['a date and a time', '会议于2023年11月15日下午3点30分召开'],
    ['a date in a headline', '12月18日上午'],
    ['a phone number', '联系电话0511-85021234'],
    ['a hotline name', '拨打12345热线反映问题'],
    ['a hotline number', '咨询热线12345,欢迎来电'],
    ['an e-mail address', '投稿邮箱abc123@163.com'],
    ['a document number', '根据镇政办发〔2023〕15号文件'],
    ['list marks', '一是抓项目,二是抓招商,三是抓服务'],
    ['ordinal list marks', '第一,要提高认识;第二,要狠抓落实。'],
    ['an ordinal name', '第二网格党支部与供电所携手'],
    ['an idiom with 第一', '网格员第一时间赶到'],
    ['a quoted slogan', '坚持“一事一法”,形成“三张清单”'],
    ['a duration', '十几年来,他们坚持送戏下乡'],
    ['the age of a building', '小区建成已有14年'],
    ['hours', '三个小时之后,问题得到解决'],
    ['months', '在这3个月里'],
    ['an age threshold', '成员大多是60岁以上的老年人'],
    ['a planned completion', '项目计划2024年6月竣工投产'],
    ['a negated completion', '该工程尚未竣工'],
    ['an indefinite article', '家里只有一个人'],
    ['a term', '三次产业结构调整为4.8:47.8:47.4'],
    ['a band of ranks', '对排名后3位的街道进行约谈'],
    ['codes glued to letters', '新建5G基站,COVID-19疫情,iPhone15发布'],
  ])('%s: %j', (_why, text) => {
    expect(found(text)).toEqual([])
  })

  it.each<[string, Found[]]>([
    ['全县引进亿元以上项目15个', [['15个', 15, '个', null]]],
    ['其中收入超100万元的村有7个', [['7个', 7, '个', null]]],
    ['完成超过5亿元的目标', [['超过5亿元', 500_000_000, '元', 'over']]],
  ])('keeps the count but not a threshold that qualifies a noun: %s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('extractFigures: offsets into the caller’s text', () => {
  it('reports spans such that text === input.slice(start, end)', () => {
    const input = '1-10月,全区累计完成固定资产投资36.5亿元,完成年度计划的86.85%,超序时进度3.5个百分点。'
    for (const c of extractFigures(input)) expect(input.slice(c.start, c.end)).toBe(c.text)
  })

  it('reads a figure across a page break of the print edition, with the break inside its span', () => {
    const input = '成功解决路面积水等问题,先后处理群众矛盾纠纷100余\n\n件。建立协同办理机制。'
    const [c] = extractFigures(input)
    expect(c).toMatchObject({ text: '100余\n\n件', value: 100, unit: '件', qualifier: 'more-than' })
    expect(input.slice(c!.start, c!.end)).toBe(c!.text)
    expect(c!.quote).toBe('先后处理群众矛盾纠纷100余件')
  })

  it('does not join a headline or a byline to the next line', () => {
    const input = '社区打造“红色家园”。 杨丽君\n\n总投资约2亿元 新能源项目 落户开发区\n\n晚报讯 该项目用地30亩。'
    expect(found(input)).toEqual([
      ['约2亿元', 200_000_000, '元', 'about'],
      ['30亩', 30, '亩', null],
    ])
    const [headline] = extractFigures(input)
    expect(headline?.sentence.text).toBe('总投资约2亿元 新能源项目 落户开发区')
  })

  it('offsets count UTF-16 units and survive a BOM and CRLF line ends', () => {
    const input = '\uFEFF标题\r\n\r\n街道完成投资4.32亿元。'
    const [c] = extractFigures(input)
    expect(c?.text).toBe('4.32亿元')
    expect(input.slice(c!.start, c!.end)).toBe('4.32亿元')
  })
})
