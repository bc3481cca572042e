import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseUnit } from '../../src/domain/units'
import {
  inferKind,
  inferLevel,
  isBlankCell,
  parseCategory,
  parseDirection,
  parseFigure,
  parseGrowth,
  parseLevel,
  parsePlainFigure,
  parsePlainGrowth,
  parsePlainRank,
  parseRank,
  plainFigureValue,
  plainRankValue,
} from '../../src/io/interchangeValues'

function unit(text: string) {
  const u = parseUnit(text)
  if (!u) throw new Error(`no unit ${text}`)
  return u
}

describe('figures in base units', () => {
  it.each<[string, string, number, number | null, string | null]>([
    // cell, unit as written, value, upper, qualifier
    ['4.32', '亿元', 432_000_000, null, null],
    ['4.97', '亿元', 497_000_000, null, null],
    ['1,234.5', '万元', 12_345_000, null, null],
    ['1，234', '元', 1234, null, null],
    ['12,345', '件', 12_345, null, null],
    ['７.８５', '万平方米', 78_500, null, null],
    ['300余', '件', 300, null, 'more-than'],
    ['300多', '件', 300, null, 'more-than'],
    ['约5000', '万美元', 50_000_000, null, 'about'],
    ['98.6左右', '%', 98.6, null, 'about'],
    ['近万', '人', 10_000, null, 'nearly'],
    ['超过300', '户', 300, null, 'over'],
    ['75%至80%', '%', 75, 80, 'range'],
    ['3-5', '亿元', 300_000_000, 500_000_000, 'range'],
    ['86.9%', '%', 86.9, null, null],
    // a cell that writes its own magnitude or unit is not scaled again
    ['4.32亿元', '亿元', 432_000_000, null, null],
    ['4.32亿', '元', 432_000_000, null, null],
    ['5000万美元', '美元', 50_000_000, null, null],
    ['三百', '万元', 3_000_000, null, null],
    ['-3.2', '%', -3.2, null, null],
  ])('%s with unit %s → %d', (cell, unitText, value, upper, qualifier) => {
    expect(parseFigure(cell, unit(unitText))).toEqual({ ok: true, value: { value, upper, qualifier } })
  })

  it.each<[string, string, string]>([
    ['abc', '件', 'finite'],
    ['4.3.2', '件', 'finite'],
    ['41,2', '亿元', 'finite'],
    ['43.7%', '件', 'unitMismatch'],
    ['5亿元', '亩', 'unitMismatch'],
  ])('%s with unit %s is refused (%s)', (cell, unitText, code) => {
    const result = parseFigure(cell, unit(unitText))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe(code)
      expect(result.params.value).toBe(cell)
    }
  })
})

describe('growth, rank and vocabularies', () => {
  it.each<[string, number]>([
    ['43.7%', 43.7],
    ['43.7', 43.7],
    ['-3.2%', -3.2],
    ['下降3.2%', -3.2],
    ['同比下降3.2%', -3.2],
    ['增长12%', 12],
  ])('growth %s → %d', (cell, value) => {
    const r = parseGrowth(cell)
    expect(r.ok && r.value.value).toBe(value)
  })

  it('refuses a growth in another unit', () => {
    expect(parseGrowth('12亿元').ok).toBe(false)
  })

  it.each<[string, number | string]>([
    ['1', 1],
    ['第1', 1],
    ['第一', 1],
    ['第2名', 2],
    ['1.5', 'integer'],
    ['0', 'rankMin'],
    ['约3', 'finite'],
    ['x', 'finite'],
  ])('rank %s → %s', (cell, expected) => {
    const r = parseRank(cell)
    expect(r.ok ? r.value : r.code).toBe(expected)
  })

  it.each<[string, string | null]>([
    ['street', 'street'],
    ['街道', 'street'],
    ['镇', 'town'],
    ['社区', 'community'],
    ['村', 'village'],
    ['区', 'district'],
    ['单位', 'org'],
    ['galaxy', null],
  ])('level %s → %s', (cell, expected) => {
    const r = parseLevel(cell)
    expect(r.ok ? r.value : null).toBe(expected)
  })

  it.each<[string, string]>([
    ['大市口街道', 'street'],
    ['大路镇', 'town'],
    ['盘香沟社区', 'community'],
    ['武桥村', 'village'],
    ['京口区', 'district'],
    ['镇江市', 'city'],
    ['瀚瑞金控', 'org'],
  ])('a name ending tells the level: %s → %s', (name, level) => {
    expect(inferLevel(name)).toBe(level)
  })

  it.each<[string, string | null]>([
    ['经济发展', 'economy'],
    ['项目建设', 'projects'],
    ['民生保障', 'livelihood'],
    ['社会治理', 'governance'],
    ['finance', 'finance'],
    ['党建', null],
  ])('category %s → %s', (cell, expected) => {
    const r = parseCategory(cell)
    expect(r.ok ? r.value : null).toBe(expected)
  })

  it.each<[string, string | null]>([
    ['higher', 'higher'],
    ['lower', 'lower'],
    ['正向', 'higher'],
    ['逆向', 'lower'],
    ['越低越好', 'lower'],
    ['sideways', null],
  ])('direction %s → %s', (cell, expected) => {
    const r = parseDirection(cell)
    expect(r.ok ? r.value : null).toBe(expected)
  })

  it.each<[string, string, string]>([
    ['CNY', '项目投资', 'amount'],
    ['m2', '改造面积', 'area'],
    ['%', '按时办结率', 'rate'],
    ['%', '销售额增幅', 'growth'],
    ['%', '实缴出资占比', 'share'],
    ['%', '工程进度', 'progress'],
    ['件', '矛盾纠纷化解', 'count'],
  ])('kind of %s %s → %s', (u, name, kind) => {
    expect(inferKind(u, name)).toBe(kind)
  })

  it.each<[string, boolean]>([
    ['', true],
    ['  ', true],
    ['-', true],
    ['—', true],
    ['无', true],
    ['暂无', true],
    ['N/A', true],
    ['0', false],
    ['无锡', false],
    ['大市口街道', false],
  ])('blank cell %j → %s', (cell, blank) => {
    expect(isBlankCell(cell)).toBe(blank)
  })
})

describe('blank cells, by the short cuts and by the plain rule alike', () => {
  // The rule the short cuts in isBlankCell must agree with: the cell, trimmed when short, is a mark.
  const MARKS = new Set(['', '-', '—', '–', '--', '/', '\\', '无', '空', '暂无', 'n/a', 'na', 'null', 'none', '#n/a'])
  const plainRule = (text: string): boolean => {
    const t = text.length > 6 ? text : text.trim()
    return t.length <= 6 && MARKS.has(t.toLowerCase())
  }

  it('for any cell made of marks, letters, digits, spaces and CJK', () => {
    const piece = fc.oneof(
      fc.constantFrom(...MARKS, 'N/A', 'NULL', 'None', '#N/A', 'street', 'Higher', '%', '亿元', '无锡', '暂', ' ', '\u3000', '\t', '\n', 'İ', 'K'),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => isBlankCell(pieces.join('')) === plainRule(pieces.join(''))),
      { seed: 20261123, numRuns: 500 },
    )
  }, 20_000) // fast-check builds its string generators on first use: a second or more on a busy machine
})

describe('plain decimals read without the full reader, to the same figure', () => {
  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max })
  const plain = fc.oneof(
    digits(1, 15),
    fc.tuple(digits(1, 8), digits(1, 7)).map(([a, b]) => `${a}.${b}`),
    fc.tuple(digits(1, 16), digits(1, 16)).map(([a, b]) => `${a}.${b}`), // over 15 digits: left to the full reader
    fc.constantFrom('0', '00', '0.0', '007', '0.50', '999999999999999', '9999999999999999', '0.1', '0.2', '0.3', '1.005', '4.35'),
  )
  const other = fc.oneof(
    fc.constantFrom('', '.5', '5.', '1.2.3', '-3', '+3', ' 12', '12 ', '1,234', '1e5', '４', '3%', '300余', '4.32亿', '第1', '12.8%'),
    fc.string({ maxLength: 6 }),
  )
  // With the factors of real units (powers of ten), one of a trillion, and ones that are not powers of ten.
  const units = [
    ...['件', '%', '亿元', '万元', '亩', '个百分点', '万平方米', '万亿元'].map(unit),
    { unit: 'mu', factor: 666.67 },
    { unit: '件', factor: 3 },
  ]

  it('a figure in any unit: what parseFigure gives, or null for the full reader', () => {
    fc.assert(
      fc.property(fc.oneof(plain, other), fc.constantFrom(...units), (text, u) => {
        const fast = parsePlainFigure(text, u)
        if (fast !== null) expect(fast).toEqual(parseFigure(text, u))
      }),
      { seed: 20261123, numRuns: 3000 },
    )
  }, 20_000)

  it('a decimal of up to 15 digits times a power of ten: as parseFigure rounds it', () => {
    // Worked out without `clean` for powers of ten: every cell of these digit counts and factors.
    const decimal = fc.tuple(digits(1, 9), digits(0, 6)).map(([a, b]) => (b === '' ? a : `${a}.${b}`))
    fc.assert(
      fc.property(decimal, fc.constantFrom(1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e12), (text, factor) => {
        const u = { unit: '件', factor }
        expect(parsePlainFigure(text, u)).toEqual(parseFigure(text, u))
      }),
      { seed: 20261123, numRuns: 20_000 },
    )
  }, 30_000)

  it('the bare values the mapper reads: what the full readers give, or NaN for them to decide', () => {
    fc.assert(
      fc.property(fc.oneof(plain, other), fc.constantFrom(...units), (text, u) => {
        const figure = plainFigureValue(text, u.factor)
        if (!Number.isNaN(figure)) expect(parseFigure(text, u)).toEqual({ ok: true, value: { value: figure, upper: null, qualifier: null } })
        else expect(parsePlainFigure(text, u)).toBeNull()
        const growth = plainFigureValue(text, 1)
        if (!Number.isNaN(growth)) expect(parseGrowth(text)).toEqual({ ok: true, value: { value: growth, upper: null, qualifier: null } })
        const rank = plainRankValue(text)
        if (!Number.isNaN(rank)) expect(parseRank(text)).toEqual({ ok: true, value: rank })
        else expect(parsePlainRank(text)).toBeNull()
      }),
      { seed: 20261123, numRuns: 3000 },
    )
  }, 20_000)

  it('a growth rate: what parseGrowth gives, or null for the full reader', () => {
    fc.assert(
      fc.property(fc.oneof(plain, other), (text) => {
        const fast = parsePlainGrowth(text)
        if (fast !== null) expect(fast).toEqual(parseGrowth(text))
      }),
      { seed: 20261123, numRuns: 3000 },
    )
  }, 20_000)

  it('a rank: what parseRank gives, or null for the full reader', () => {
    fc.assert(
      fc.property(fc.oneof(plain, other), (text) => {
        const fast = parsePlainRank(text)
        if (fast !== null) expect(fast).toEqual(parseRank(text))
      }),
      { seed: 20261123, numRuns: 3000 },
    )
    expect([parsePlainRank('2'), parsePlainRank('0'), parsePlainRank('1.0'), parsePlainRank('第2')]).toEqual([{ ok: true, value: 2 }, null, null, null])
  }, 20_000)

  it.each([
    ['3.42', '件', 3.42],
    ['12', '%', 12],
    ['007', '件', 7],
    ['3.42', '亿元', 342_000_000],
    ['4.35', '万元', 43_500],
    ['0.07', '万平方米', 700],
  ])('%s in %s is read here as %s', (text, u, value) => {
    expect(parsePlainFigure(text, unit(u))).toEqual({ ok: true, value: { value, upper: null, qualifier: null } })
  })

  it.each([
    ['1234567890123456', '件'], // 16 digits: more than a double holds exactly
    ['-3', '件'],
    ['3.', '件'],
    [' 3', '件'],
  ])('%s in %s is left to the full reader', (text, u) => {
    expect(parsePlainFigure(text, unit(u))).toBeNull()
  })
})
