/**
 * A large synthetic interchange table (npm run gen:large): by default 1,000 streets in 50 districts of
 * 5 cities, 30 indicators, 12 monthly cumulative periods (2023-01..2023-01 through 2023-01..2023-12),
 * one row per (street, indicator, period): 360,000 rows. What a city statistics office would export,
 * at the scale the benchmark needs. Never shipped, never in data/.
 *
 * Clearly synthetic: every city and district name starts with 合成, the source column of every row
 * says 合成数据 (so every chart's source caption does), and every quote ends with （合成数据）. Deterministic: the same options give
 * the same bytes (a seeded generator, no clock, no Math.random).
 *
 * Values are realistic for a street: annual targets in the range a street is given, actuals
 * cumulated month by month around the elapsed share of the year (some ahead, some behind), rates
 * and shares as levels, and three indicators where lower is better (hotline tickets, petitions,
 * accidents: the target is a cap). Rank is the street's place in its district by 完成率.
 */

/** The interchange header (domain guide), in its English form. */
export const LARGE_TABLE_HEADER = [
  'region',
  'parent',
  'level',
  'indicator',
  'category',
  'unit',
  'period',
  'target',
  'actual',
  'yoy',
  'rank',
  'better',
  'source',
  'quote',
] as const

export const SYNTHETIC_SOURCE = '合成数据（gen:large，非真实统计）'

/**
 * How the figures of one indicator behave:
 * - flow: cumulated over the year (investment, cases); the target is for the whole year;
 * - level: a rate or share measured each month (on-time rate); the target is a level;
 * - growth: a growth rate in % measured each month, against a target rate;
 * - progress: construction progress in %, rising towards 100.
 */
type Shape = 'flow' | 'level' | 'growth' | 'progress'

export interface LargeIndicator {
  name: string
  category: string
  /** As written in the unit column. */
  unit: string
  better: 'higher' | 'lower'
  shape: Shape
  /** Annual target of one street (flows), or the target level (rates), in the written unit. */
  target: readonly [min: number, max: number]
  /** Decimals written (in the written unit). */
  decimals: number
  /** The quote's verb phrase before the figure. */
  verb: string
}

/** Thirty indicators across the six categories, in their written units. */
export const LARGE_INDICATORS: readonly LargeIndicator[] = [
  // 经济发展
  { name: '一般公共预算收入', category: '经济发展', unit: '亿元', better: 'higher', shape: 'flow', target: [0.5, 5], decimals: 2, verb: '完成一般公共预算收入' },
  { name: '固定资产投资', category: '经济发展', unit: '亿元', better: 'higher', shape: 'flow', target: [3, 20], decimals: 2, verb: '完成固定资产投资' },
  { name: '社会消费品零售总额', category: '经济发展', unit: '亿元', better: 'higher', shape: 'flow', target: [5, 60], decimals: 2, verb: '实现社会消费品零售总额' },
  { name: '限上批发业销售额', category: '经济发展', unit: '亿元', better: 'higher', shape: 'flow', target: [10, 150], decimals: 2, verb: '实现限上批发业销售额' },
  { name: '规上工业总产值', category: '经济发展', unit: '亿元', better: 'higher', shape: 'flow', target: [5, 120], decimals: 2, verb: '完成规上工业总产值' },
  { name: '实际利用外资', category: '经济发展', unit: '万美元', better: 'higher', shape: 'flow', target: [200, 5000], decimals: 0, verb: '实际利用外资' },
  { name: '新增市场主体', category: '经济发展', unit: '家', better: 'higher', shape: 'flow', target: [200, 1500], decimals: 0, verb: '新增市场主体' },
  { name: '规上工业增加值增速', category: '经济发展', unit: '%', better: 'higher', shape: 'growth', target: [5, 8], decimals: 1, verb: '规上工业增加值增长' },
  { name: '高新技术产业产值占比', category: '经济发展', unit: '%', better: 'higher', shape: 'level', target: [40, 60], decimals: 1, verb: '高新技术产业产值占比' },
  // 项目建设
  { name: '招商引资签约项目', category: '项目建设', unit: '个', better: 'higher', shape: 'flow', target: [5, 40], decimals: 0, verb: '签约招商引资项目' },
  { name: '重点项目开工', category: '项目建设', unit: '个', better: 'higher', shape: 'flow', target: [3, 20], decimals: 0, verb: '开工重点项目' },
  { name: '重点项目完成投资', category: '项目建设', unit: '亿元', better: 'higher', shape: 'flow', target: [2, 15], decimals: 2, verb: '重点项目完成投资' },
  { name: '重点项目形象进度', category: '项目建设', unit: '%', better: 'higher', shape: 'progress', target: [100, 100], decimals: 0, verb: '重点项目形象进度达' },
  { name: '房屋征收面积', category: '项目建设', unit: '万平方米', better: 'higher', shape: 'flow', target: [1, 20], decimals: 2, verb: '完成房屋征收' },
  { name: '盘活低效用地', category: '项目建设', unit: '亩', better: 'higher', shape: 'flow', target: [10, 300], decimals: 0, verb: '盘活低效用地' },
  // 民生保障
  { name: '城镇新增就业', category: '民生保障', unit: '人', better: 'higher', shape: 'flow', target: [500, 3000], decimals: 0, verb: '城镇新增就业' },
  { name: '困难家庭帮扶', category: '民生保障', unit: '户', better: 'higher', shape: 'flow', target: [50, 500], decimals: 0, verb: '帮扶困难家庭' },
  { name: '新增养老服务床位', category: '民生保障', unit: '张', better: 'higher', shape: 'flow', target: [20, 200], decimals: 0, verb: '新增养老服务床位' },
  { name: '12345热线按时办结率', category: '民生保障', unit: '%', better: 'higher', shape: 'level', target: [95, 98], decimals: 1, verb: '12345热线按时办结率' },
  { name: '12345热线工单量', category: '民生保障', unit: '件', better: 'lower', shape: 'flow', target: [2000, 15000], decimals: 0, verb: '受理12345热线工单' },
  { name: '老旧小区改造面积', category: '民生保障', unit: '万平方米', better: 'higher', shape: 'flow', target: [1, 15], decimals: 2, verb: '完成老旧小区改造' },
  // 社会治理
  { name: '矛盾纠纷化解', category: '社会治理', unit: '件', better: 'higher', shape: 'flow', target: [100, 800], decimals: 0, verb: '化解矛盾纠纷' },
  { name: '信访件次', category: '社会治理', unit: '件', better: 'lower', shape: 'flow', target: [50, 400], decimals: 0, verb: '受理信访' },
  { name: '安全生产事故', category: '社会治理', unit: '起', better: 'lower', shape: 'flow', target: [3, 15], decimals: 0, verb: '发生安全生产事故' },
  { name: '网格巡查', category: '社会治理', unit: '次', better: 'higher', shape: 'flow', target: [2000, 20000], decimals: 0, verb: '开展网格巡查' },
  { name: '群众安全感满意率', category: '社会治理', unit: '%', better: 'higher', shape: 'level', target: [92, 96], decimals: 1, verb: '群众安全感满意率' },
  // 社区建设
  { name: '志愿服务活动', category: '社区建设', unit: '场', better: 'higher', shape: 'flow', target: [100, 800], decimals: 0, verb: '开展志愿服务活动' },
  { name: '新增注册志愿者', category: '社区建设', unit: '人', better: 'higher', shape: 'flow', target: [200, 2000], decimals: 0, verb: '新增注册志愿者' },
  // 财政金融
  { name: '税收收入', category: '财政金融', unit: '亿元', better: 'higher', shape: 'flow', target: [1, 10], decimals: 2, verb: '完成税收收入' },
  { name: '专项债资金到位', category: '财政金融', unit: '万元', better: 'higher', shape: 'flow', target: [500, 10000], decimals: 0, verb: '争取专项债资金到位' },
]

export interface LargeTableOptions {
  cities?: number
  /** Districts per city. */
  districtsPerCity?: number
  /** Streets per district. */
  streetsPerDistrict?: number
  /** The first n indicators of LARGE_INDICATORS (at most 30). */
  indicators?: number
  /** Months: periods 2023-01..2023-01 up to 2023-01..2023-{months}. */
  months?: number
  seed?: number
  /** One row in `quoteEvery` carries a quote stating its actual (0: none). */
  quoteEvery?: number
  /**
   * Also write rows for the districts (the sum or mean of their streets, parent: the city), so the
   * hierarchy reaches the cities. Off by default: the default table is exactly streets × indicators
   * × months rows, and its districts are then the top-level regions.
   */
  districtRows?: boolean
}

export const LARGE_DEFAULTS: Required<LargeTableOptions> = {
  cities: 5,
  districtsPerCity: 10,
  streetsPerDistrict: 20,
  indicators: 30,
  months: 12,
  seed: 20230101,
  quoteEvery: 10,
  districtRows: false,
}

const CITY_CHARS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']
const DISTRICT_CHARS = ['东', '西', '南', '北', '中', '新', '滨', '湖', '山', '港', '桥', '城', '阳', '林', '川', '泉', '石', '河', '云', '溪']
const SYLLABLES = ['安', '平', '和', '兴', '华', '康', '宁', '江', '长', '福', '泰', '丰', '明', '清', '文', '德', '仁', '盛', '荣', '鼎']

export function cityName(c: number): string {
  return `合成${CITY_CHARS[c % CITY_CHARS.length] ?? '甲'}${c >= CITY_CHARS.length ? c + 1 : ''}市`
}

export function districtName(c: number, d: number): string {
  const city = CITY_CHARS[c % CITY_CHARS.length] ?? '甲'
  return `合成${city}${c >= CITY_CHARS.length ? c + 1 : ''}${DISTRICT_CHARS[d % DISTRICT_CHARS.length] ?? '东'}${d >= DISTRICT_CHARS.length ? d + 1 : ''}区`
}

/** Globally numbered, so every street name is unique: 安平1街道 (its district says 合成). */
export function largeStreetName(i: number): string {
  const a = SYLLABLES[i % SYLLABLES.length] ?? '安'
  const b = SYLLABLES[(Math.floor(i / SYLLABLES.length) + 3 * i + 1) % SYLLABLES.length] ?? '平'
  return `${a}${b}${i + 1}街道`
}

/** A 32-bit hash of a few integers (murmur-style mixing): reproducible noise without state. */
function hash(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

/** Uniform in [0, 1) from the hash of the parts. */
function unit(...parts: number[]): number {
  return hash(...parts) / 2 ** 32
}

function between(range: readonly [number, number], r: number): number {
  return range[0] + (range[1] - range[0]) * r
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

function written(value: number, decimals: number): string {
  return value.toFixed(decimals)
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

interface StreetFigures {
  target: number
  actual: number
  yoy: number | null
  completion: number
}

/**
 * One street's figures for one indicator in month `m` (1..12). Flows are cumulated: the actual of
 * 1-m月 is the street's pace × the seasonal share of the year up to m, so it never goes down.
 */
function figures(ind: LargeIndicator, k: number, street: number, m: number, seed: number): StreetFigures {
  const rTarget = unit(seed, 1, street, k)
  const pace = unit(seed, 2, street, k)
  if (ind.shape === 'flow') {
    const target = round(between(ind.target, rTarget), ind.decimals) || 10 ** -ind.decimals
    // Pace around the elapsed share: 0.75..1.2 of it (for a cap, the same spread around the cap's pace).
    const factor = 0.75 + 0.45 * pace
    // A mild seasonal curve (slow start after the Spring Festival) with a little noise per month.
    let share = 0
    for (let i = 1; i <= m; i++) share += (i <= 2 ? 0.6 : 1.07) * (0.9 + 0.2 * unit(seed, 3, street, k, i))
    const actual = round((target * factor * share) / 12, ind.decimals)
    const yoy = round(-15 + 45 * unit(seed, 4, street, k, m), 1)
    return { target, actual, yoy, completion: actual / target }
  }
  if (ind.shape === 'progress') {
    const target = 100
    const actual = Math.min(100, Math.round((100 * m * (0.7 + 0.5 * pace)) / 12))
    return { target, actual, yoy: null, completion: actual / target }
  }
  const target = round(between(ind.target, rTarget), ind.decimals)
  if (ind.shape === 'growth') {
    const actual = round(target - 4 + 8 * pace + 2 * (unit(seed, 5, street, k, m) - 0.5), 1)
    return { target, actual, yoy: null, completion: actual / target }
  }
  // level: around the target, a little better or worse each month, never above 100 %.
  const spread = ind.unit === '%' && target > 90 ? 8 : 15
  const actual = Math.min(100, round(target - spread * 0.6 + spread * pace + (unit(seed, 6, street, k, m) - 0.5) * 2, ind.decimals))
  return { target, actual, yoy: null, completion: actual / target }
}

export interface LargeTableSummary {
  rows: number
  streets: number
  districts: number
  cities: number
  indicators: number
  periods: number
}

export function largeTableSummary(options: LargeTableOptions = {}): LargeTableSummary {
  const o = { ...LARGE_DEFAULTS, ...options }
  const districts = o.cities * o.districtsPerCity
  const streets = districts * o.streetsPerDistrict
  const indicators = Math.min(o.indicators, LARGE_INDICATORS.length)
  const perPeriod = (streets + (o.districtRows ? districts : 0)) * indicators
  return { rows: perPeriod * o.months, streets, districts, cities: o.cities, indicators, periods: o.months }
}

/**
 * The table as CSV lines (header first), without line ends; join with "\r\n" or write one by one.
 * Ordered as offices export: by period, then city, district, street, indicator.
 */
export function* largeTableLines(options: LargeTableOptions = {}): Generator<string> {
  const o = { ...LARGE_DEFAULTS, ...options }
  const indicators = LARGE_INDICATORS.slice(0, Math.min(o.indicators, LARGE_INDICATORS.length))
  if (o.months < 1 || o.months > 12) throw new RangeError('months must be 1..12')
  yield LARGE_TABLE_HEADER.join(',')
  const source = csvCell(SYNTHETIC_SOURCE)
  let row = 0
  for (let m = 1; m <= o.months; m++) {
    const period = `2023-01..2023-${String(m).padStart(2, '0')}`
    const monthLabel = m === 1 ? '1月' : `1-${m}月`
    for (let c = 0; c < o.cities; c++) {
      const city = cityName(c)
      for (let d = 0; d < o.districtsPerCity; d++) {
        const district = districtName(c, d)
        const first = (c * o.districtsPerCity + d) * o.streetsPerDistrict
        // Every street's figures of this district and month, so each can be ranked in the district.
        const table: StreetFigures[][] = []
        for (let s = 0; s < o.streetsPerDistrict; s++) table.push(indicators.map((ind, k) => figures(ind, k, first + s, m, o.seed)))
        const ranks = indicators.map((ind, k) => {
          const order = table
            .map((f, s) => ({ s, c: f[k]?.completion ?? 0 }))
            .sort((a, b) => (ind.better === 'lower' ? a.c - b.c : b.c - a.c) || a.s - b.s)
          const rank = new Array<number>(order.length)
          order.forEach((x, i) => (rank[x.s] = i + 1))
          return rank
        })
        for (let s = 0; s < o.streetsPerDistrict; s++) {
          const street = largeStreetName(first + s)
          for (const [k, ind] of indicators.entries()) {
            const f = table[s]?.[k]
            if (!f) continue
            row++
            const actual = written(f.actual, ind.decimals)
            const quote =
              o.quoteEvery > 0 && row % o.quoteEvery === 0 ? `${street}2023年${monthLabel}${ind.verb}${actual}${ind.unit}（合成数据）` : ''
            yield [
              street,
              district,
              'street',
              ind.name,
              ind.category,
              ind.unit,
              period,
              written(f.target, ind.decimals),
              actual,
              f.yoy === null ? '' : written(f.yoy, 1),
              String(ranks[k]?.[s] ?? ''),
              ind.better,
              source,
              csvCell(quote),
            ].join(',')
          }
        }
        if (o.districtRows) {
          for (const [k, ind] of indicators.entries()) {
            const column = table.map((f) => f[k]).filter((f): f is StreetFigures => f !== undefined)
            const pool = ind.shape === 'flow' ? 1 : column.length
            const target = column.reduce((a, f) => a + f.target, 0) / pool
            const actual = column.reduce((a, f) => a + f.actual, 0) / pool
            yield [
              district,
              city,
              'district',
              ind.name,
              ind.category,
              ind.unit,
              period,
              written(round(target, ind.decimals), ind.decimals),
              written(round(actual, ind.decimals), ind.decimals),
              '',
              '',
              ind.better,
              source,
              '',
            ].join(',')
          }
        }
      }
    }
  }
}

/** The whole table as one string (for tests and small instances; the CLI streams the lines). */
export function largeTableText(options: LargeTableOptions = {}): string {
  return `${[...largeTableLines(options)].join('\r\n')}\r\n`
}
