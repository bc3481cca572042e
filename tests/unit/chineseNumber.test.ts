import { describe, expect, it } from 'vitest'
import { findQuantities, parseChineseNumeral, parseQuantity } from '../../src/domain/chineseNumber'
import type { Qualifier } from '../../src/domain/model'

type Row = [text: string, value: number, upper: number | null, unit: string | null, qualifier: Qualifier | null]

/** Compact form of a match for table comparisons. */
function brief(text: string): Array<[string, number, number | null, string | null, Qualifier | null]> {
  return findQuantities(text).map((m) => [m.text, m.value, m.upper, m.unit, m.qualifier])
}

describe('parseChineseNumeral', () => {
  it.each<[string, number]>([
    ['一千', 1000],
    ['二十五', 25],
    ['十', 10],
    ['十五', 15],
    ['一万二千', 12000],
    ['一万二', 12000],
    ['两百', 200],
    ['一百五', 150],
    ['三', 3],
    ['〇', 0],
    ['零', 0],
    ['一千零五', 1005],
    ['三亿五千万', 350_000_000],
    ['一万亿', 1e12],
    ['二〇二三', 2023],
    ['万', 10_000],
    ['1.5万', 15_000],
    ['5千万', 50_000_000],
    ['12,345', 12_345],
    ['1,234,567.5', 1_234_567.5],
    ['４．３２', 4.32],
    ['-3', -3],
    [' 42 ', 42],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value)
  })

  it.each(['', ' ', 'abc', '十百千', '百百', '二三百', '1..2', '.', '1.', '12,34', '1,2345', '1.5万元', '第一', '9'.repeat(400)])(
    '%j is not a number',
    (text) => {
      expect(parseChineseNumeral(text)).toBeNull()
    },
  )
})

describe('parseQuantity: the whole text is one figure', () => {
  it.each<Row>([
    ['4.32亿元', 432_000_000, null, 'CNY', null],
    ['12.86亿元', 1_286_000_000, null, 'CNY', null],
    ['7.85万平方米', 78_500, null, 'm2', null],
    ['6580平方米', 6580, null, 'm2', null],
    ['1,234.5万元', 12_345_000, null, 'CNY', null],
    ['约5000万美元', 50_000_000, null, 'USD', 'about'],
    ['约30亩', 30, null, 'mu', 'about'],
    ['1600件左右', 1600, null, '件', 'about'],
    ['十来场', 10, null, '场', 'about'],
    ['300余件', 300, null, '件', 'more-than'],
    ['100余场', 100, null, '场', 'more-than'],
    ['20余名', 20, null, '名', 'more-than'],
    ['40多处', 40, null, '处', 'more-than'],
    ['1000件以上', 1000, null, '件', 'more-than'],
    ['一千余件', 1000, null, '件', 'more-than'],
    ['十几年', 10, null, '年', 'more-than'],
    ['300余万元', 3_000_000, null, 'CNY', 'more-than'],
    ['1万余元', 10_000, null, 'CNY', 'more-than'],
    ['逾百家', 100, null, '家', 'more-than'],
    ['300+', 300, null, null, 'more-than'],
    ['近万', 10_000, null, null, 'nearly'],
    ['近1万件', 10_000, null, '件', 'nearly'],
    ['将近3年', 3, null, '年', 'nearly'],
    ['超过1万元', 10_000, null, 'CNY', 'over'],
    ['突破5亿元', 500_000_000, null, 'CNY', 'over'],
    ['上万', 10_000, null, null, 'over'],
    ['75%至80%', 75, 80, '%', 'range'],
    ['75%-80%', 75, 80, '%', 'range'],
    ['75～80%', 75, 80, '%', 'range'],
    ['75%到80%', 75, 80, '%', 'range'],
    ['3-5万元', 30_000, 50_000, 'CNY', 'range'],
    ['三至五年', 3, 5, '年', 'range'],
    ['第一', 1, null, 'rank', null],
    ['第2位', 2, null, 'rank', null],
    ['第三名', 3, null, 'rank', null],
    ['43.7%', 43.7, null, '%', null],
    ['百分之三十', 30, null, '%', null],
    ['3.6个百分点', 3.6, null, 'pp', null],
    ['-3.2%', -3.2, null, '%', null],
    ['－3.2％', -3.2, null, '%', null],
    ['4.32 亿元', 432_000_000, null, 'CNY', null],
    ['12,345', 12_345, null, null, null],
    ['1.5万', 15_000, null, null, null],
    ['一千', 1000, null, null, null],
    ['10年', 10, null, '年', null],
    ['3位', 3, null, '位', null],
    ['200张', 200, null, '张', null],
    ['7场次', 7, null, '场次', null],
  ])('%s → %d..%s %s %s', (text, value, upper, unit, qualifier) => {
    expect(parseQuantity(text)).toEqual({ value, upper, unit, qualifier })
  })

  it('reads 竣工 and 完工 as 100 % progress, on the same scale as 完成工程进度60%', () => {
    expect(parseQuantity('竣工')).toEqual({ value: 100, upper: null, unit: '%', qualifier: null })
    expect(parseQuantity('完工')).toEqual({ value: 100, upper: null, unit: '%', qualifier: null })
  })

  it.each([
    '',
    '   ',
    'abc',
    '亿元',
    '万元',
    '第',
    '.',
    '1..2',
    '下降3.2%', // the direction word is the sentence's, not the figure's
    '2023年', // a year, not 2023 years
    '二〇二三年',
    '1-10月',
    '80%至75%', // a range must rise
    '75%至80件', // and keep one unit
    '4.32亿元整理',
    '3个月',
  ])('%j is not one quantity', (text) => {
    expect(parseQuantity(text)).toBeNull()
  })
})

describe('findQuantities: every figure in a sentence', () => {
  it.each<[string, Row[]]>([
    ['1-10月,完成项目投资4.32亿元', [['4.32亿元', 432_000_000, null, 'CNY', null]]],
    [
      '月均办理12345热线工单300余件,按时办结率为100%',
      [
        ['300余件', 300, null, '件', 'more-than'],
        ['100%', 100, null, '%', null],
      ],
    ],
    ['位列京口区第一', [['第一', 1, null, 'rank', null]]],
    ['排名全市第2位', [['第2位', 2, null, 'rank', null]]],
    ['京东优购智慧云竣工运营', [['竣工', 100, null, '%', null]]],
    ['华府人才集聚科创园已完工', [['完工', 100, null, '%', null]]],
    ['金浦临港基金成立于2017年3月', []],
    [
      '实缴出资12.86亿元,其中镇高新出资1亿元,占比7.78%',
      [
        ['12.86亿元', 1_286_000_000, null, 'CNY', null],
        ['1亿元', 100_000_000, null, 'CNY', null],
        ['7.78%', 7.78, null, '%', null],
      ],
    ],
    ['召开“服务积分卡座谈会”7场次', [['7场次', 7, null, '场次', null]]],
    ['为世纪新城、东城两个安置房小区更换插座', [['两个', 2, null, '个', null]]],
    ['“新力量”3支队伍建设', [['3支', 3, null, '支', null]]],
    ['今年都会演出十来场', [['十来场', 10, null, '场', 'about']]],
    ['坚持了十几年', [['十几年', 10, null, '年', 'more-than']]],
    ['用地约30亩,总投资约5000万美元', [
      ['约30亩', 30, null, 'mu', 'about'],
      ['约5000万美元', 50_000_000, null, 'USD', 'about'],
    ]],
    ['停车费收缴已超过1万元', [['超过1万元', 10_000, null, 'CNY', 'over']]],
    ['满意率保持在75%至80%之间', [['75%至80%', 75, 80, '%', 'range']]],
    ['超序时进度3.6个百分点', [['3.6个百分点', 3.6, null, 'pp', null]]],
    ['销售额下降3.2%', [['3.2%', 3.2, null, '%', null]]],
    ['增幅为-3.2%', [['-3.2%', -3.2, null, '%', null]]],
    ['服务群众近万人次', [['近万人次', 10_000, null, '人次', 'nearly']]],
    ['邀请3位专家', [['3位', 3, null, '位', null]]],
    ['完成投资1,234.5万元。', [['1,234.5万元', 12_345_000, null, 'CNY', null]]],
    ['总数达到12345,', [['12345', 12_345, null, null, null]]],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected)
  })

  it.each([
    ['periods and dates', '1-10月,1至10月,12月18日,18日上午,截至7月底'],
    ['years', '成立于2005年,2021年度,2021-2023年,二〇二三年'],
    ['ISO-like dates and times', '2023-06-30 9:30 2023/01/05 2023.1.5'],
    ['phone and ID numbers', '电话0511-85012345,手机13812345678,证号320102199001011234'],
    ['e-mail and web addresses', '投稿邮箱:100538817@qq.com,网址www.js12345.gov.cn/a/2023/1.html'],
    ['digits glued to Latin letters', '获IPO2次,5G基站,G20峰会,COVID-19,“134+X”模式'],
    ['bare numbers naming things', '拨打12345便民服务热线,附51号'],
    ['ordinals that are names', '第一时间联系,第二网格党支部,第三街区,市第一人民医院'],
    ['Chinese numerals in idioms and names', '一事一法,一老一小,三官一律,千家万户,十分重要,百姓,五星商户,两委班子'],
    ['一 as an article', '织好一张“网”,一件事,新开一家火锅店'],
    ['spans of time in 个', '三个小时之后,用了3个月'],
    ['vague amounts', '几十个,数百人'],
    ['planned or unfinished completion', '力争年底竣工,尚未完工,竣工面积,完工率'],
    ['list marks', '1、加强领导;(2)完善制度'],
  ])('skips %s', (_what, text) => {
    expect(brief(text)).toEqual([])
  })

  it('reports offsets into the original text, full-width forms included', () => {
    const text = '增幅４３．７％,位列京口区第一'
    const found = findQuantities(text)
    expect(found.map((m) => [m.start, m.end, m.text, m.value])).toEqual([
      [2, 7, '４３．７％', 43.7],
      [13, 15, '第一', 1],
    ])
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text)
  })

  it('reads a whole report page in order without overlaps', () => {
    const page =
      '1-10月,街道实现限上批发业商品销售额增幅43.7%,位列京口区第一。产业项目总投资9.46亿元,当年计划投资4.97亿元,' +
      '当年投资同比增长179%。1-10月,完成项目投资4.32亿元。市重点项目汇鸿科智孵化基地完成工程进度27%,京东优购智慧云竣工运营。'
    const found = findQuantities(page)
    expect(found.map((m) => m.text)).toEqual(['43.7%', '第一', '9.46亿元', '4.97亿元', '179%', '4.32亿元', '27%', '竣工'])
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end)
  })
})

describe('robustness', () => {
  const hostile = [
    '1'.repeat(100_000),
    '1,'.repeat(50_000),
    '1.'.repeat(50_000),
    '1-'.repeat(50_000),
    '一'.repeat(100_000),
    '十百'.repeat(50_000),
    '约'.repeat(100_000),
    '第'.repeat(100_000),
    '近万'.repeat(50_000),
    '3个'.repeat(50_000),
    '竣工'.repeat(50_000),
    '%'.repeat(100_000),
  ]

  it.each(hostile.map((text) => [`${text.slice(0, 6)}… (${text.length} chars)`, text]))(
    'reads %s without throwing',
    (_label, text) => {
      // No stopwatch here (speed belongs in benchmarks, and a loaded CI machine makes timings flaky):
      // a quadratic or backtracking scanner on 100k characters runs for minutes and hits the timeout.
      expect(() => findQuantities(text)).not.toThrow()
      expect(() => parseQuantity(text)).not.toThrow()
      expect(() => parseChineseNumeral(text)).not.toThrow()
    },
    30_000,
  )

  it('never throws on random mixtures of digits, numerals, units and punctuation', () => {
    const alphabet = '0123456789.,-~%至到第约近余多几来十百千万亿一二两零元件个年月日位名平方米美元@aZ 、，。'
    let seed = 42
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    for (let n = 0; n < 2000; n++) {
      let text = ''
      const length = Math.floor(random() * 20)
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      const found = findQuantities(text)
      for (const m of found) {
        expect(Number.isFinite(m.value)).toBe(true)
        expect(text.slice(m.start, m.end)).toBe(m.text)
      }
      const q = parseQuantity(text)
      if (q) expect(Number.isFinite(q.value)).toBe(true)
      parseChineseNumeral(text)
    }
  })
})

describe('what findQuantities hands out', () => {
  it('is the caller’s own: changing one answer does not change the next answer for the same text', () => {
    const text = '完成项目投资4.32亿元，同比增长12.5%'
    const first = findQuantities(text)
    const [m] = first
    if (m) {
      m.value = -1
      m.text = 'changed'
    }
    first.pop()
    expect(brief(text)).toEqual([
      ['4.32亿元', 432_000_000, null, 'CNY', null],
      ['12.5%', 12.5, null, '%', null],
    ])
    // And twice in a row (the second answer comes from the cache): equal, but not the same objects.
    const a = findQuantities(text)
    const b = findQuantities(text)
    expect(a).toEqual(b)
    expect(a[0]).not.toBe(b[0])
  })

  it('is the caller’s own whichever reading of a text put it in the cache', () => {
    // A text is cached on its second reading: change what each of the first three readings gave.
    const text = '受理12345热线工单231件，办结率98.6%'
    const expected = findQuantities(`${text} `).map((m) => [m.text, m.value])
    for (let reading = 0; reading < 3; reading++) {
      const answer = findQuantities(text)
      expect(answer.map((m) => [m.text, m.value])).toEqual(expected)
      for (const m of answer) m.value = -1
      answer.length = 0
    }
    expect(findQuantities(text).map((m) => [m.text, m.value])).toEqual(expected)
  })
})
