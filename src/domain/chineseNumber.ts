/**
 * Reading figures the way Chinese reports write them: "4.32亿元", "300余件", "约5000万美元",
 * "75%至80%", "十几年", "位列京口区第一". Values come out in base units (magnitude applied) with the
 * qualifier kept as data, because "300余件" is *more than* 300 and must never turn into plain 300.
 *
 * Everything here is a hand-written left-to-right scanner rather than one big regular expression:
 * the input may be a whole newspaper page, and every step below looks at a bounded number of
 * characters ahead of its position, so reading stays linear in the length of the text.
 */
// A leaf module with no imports of its own: the one place that knows how to copy a string in V8.
import { detachedString } from '../io/detachedString'
import type { Qualifier } from './model'
import { MAGNITUDES, MEASURE_WORDS, UNIT_FORMS } from './units'

export interface Quantity {
  /** In base units with any magnitude word applied: "4.32亿元" → 432000000. */
  value: number
  /** Upper bound of a range ("75%至80%" → 80); null otherwise. */
  upper: number | null
  /** Base unit id from `units.ts`, a measure word such as '件', or null for a bare number. */
  unit: string | null
  qualifier: Qualifier | null
}

export interface QuantityMatch extends Quantity {
  /** Offsets into the searched text, `end` exclusive; `text` is that slice as written. */
  start: number
  end: number
  text: string
}

// ---------------------------------------------------------------------------------------------
// Characters

const HAN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const HAN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const HAN_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 }
// A longer run of numeral characters is not a number anyone writes; refusing it bounds the work.
const MAX_HAN_RUN = 32

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
}

function isAlnum(ch: string | undefined): boolean {
  return isDigit(ch) || isLatin(ch)
}

function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const code = ch.charCodeAt(0)
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || ch === '〇'
}

/** Every numeral character, in one set: asked of each character of every text scanned. */
const HAN_NUMERALS: ReadonlySet<string> = new Set([
  ...Object.keys(HAN_DIGITS),
  ...Object.keys(HAN_SMALL_UNITS),
  ...Object.keys(HAN_BIG_UNITS),
])

function isHanNumeral(ch: string | undefined): boolean {
  return ch !== undefined && HAN_NUMERALS.has(ch)
}

/**
 * Full-width ASCII forms (４．３２％, as Chinese IMEs type them) read as ASCII. One UTF-16 unit
 * maps to one, so offsets found in the normalised text are offsets in the original. The
 * full-width comma is left alone: in prose it separates clauses, never thousands.
 */
function normalize(text: string): string {
  // Unchanged stretches are copied as slices, not character by character: most text has nothing
  // to normalise, and quotes are read for every row of a large table.
  let out = ''
  let copied = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let ascii: string
    if (code >= 0xff01 && code <= 0xff5e && code !== 0xff0c) ascii = String.fromCharCode(code - 0xfee0)
    else if (code === 0x2212) ascii = '-'
    else if (code === 0x301c) ascii = '~'
    else if (code === 0x3000) ascii = ' '
    else continue
    out += text.slice(copied, i) + ascii
    copied = i + 1
  }
  return copied === 0 ? text : out + text.slice(copied)
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Magnitude words, longest first so that "千万" wins over "千". */
const MAGNITUDE_WORDS: ReadonlyArray<readonly [word: string, exponent: number]> = Object.entries(MAGNITUDES)
  .map(([word, factor]): readonly [string, number] => [word, Math.round(Math.log10(factor))])
  .sort((a, b) => b[0].length - a[0].length)

/** "3千米" is 3 km and "5千克" 5 kg: 千 there belongs to the unit, not to the number. */
const NOT_MAGNITUDE_AFTER_QIAN = new Set(['米', '克', '瓦'])

/** Written units and measure words, longest first so that "个百分点" wins over "个". */
const UNIT_TABLE: ReadonlyArray<readonly [written: string, unit: string]> = (() => {
  const seen = new Set<string>()
  const table: Array<readonly [string, string]> = []
  for (const entry of [...UNIT_FORMS, ...MEASURE_WORDS.map((w): readonly [string, string] => [w, w])]) {
    if (seen.has(entry[0])) continue
    seen.add(entry[0])
    table.push(entry)
  }
  return table.sort((a, b) => b[0].length - a[0].length)
})()

/**
 * `UNIT_TABLE` by the code of each form's first character, in table order: a unit is looked for
 * after every number, and only forms starting with the character there can match (a scan of the
 * whole table was a third of the time spent reading a quote).
 */
const UNITS_BY_FIRST: ReadonlyMap<number, ReadonlyArray<readonly [written: string, unit: string]>> = (() => {
  const index = new Map<number, Array<readonly [string, string]>>()
  for (const entry of UNIT_TABLE) {
    const first = entry[0].charCodeAt(0)
    const list = index.get(first)
    if (list) list.push(entry)
    else index.set(first, [entry])
  }
  return index
})()

/** Words before a number, longest first. `bareOnly`: only before a bare magnitude ("上万", not "上3个"). */
const PREFIXES: ReadonlyArray<{ word: string; qualifier: Qualifier; bareOnly?: boolean; notAfter?: string }> = [
  { word: '将近', qualifier: 'nearly' },
  { word: '接近', qualifier: 'nearly' },
  { word: '超过', qualifier: 'over' },
  { word: '突破', qualifier: 'over' },
  { word: '大约', qualifier: 'about' },
  // 签约, 节约, 预约 …: the character before decides whether 约 means "about".
  { word: '约', qualifier: 'about', notAfter: '签预节制公合履违特邀相集条契守失婚践赴解毁爽立缔续租隐简' },
  // 最近, 附近, 靠近 …: "recent" and "nearby", not "nearly".
  { word: '近', qualifier: 'nearly', notAfter: '最附靠邻就贴亲' },
  { word: '超', qualifier: 'over', notAfter: '赶高' },
  { word: '逾', qualifier: 'more-than' },
  { word: '上', qualifier: 'over', bareOnly: true },
]

/** Words after the number or its unit. */
const SUFFIXES: ReadonlyArray<readonly [word: string, qualifier: Qualifier]> = [
  ['左右', 'about'],
  ['上下', 'about'],
  ['以上', 'more-than'],
  ['有余', 'more-than'],
]

const RANGE_SEPARATORS = new Set(['至', '到', '-', '~', '—', '–'])

/** What may follow a bare number for it to count as a figure: the end of a clause, not a noun or list mark. */
const BARE_NUMBER_ENDS = new Set([',', '，', '。', ';', '；', '!', '！', '?', '？', '"', '”', '’', "'", ' ', '\n', '\r', '\t'])

/** "3个月", "三个小时": spans of time, which no indicator here counts in 个. */
const TIME_AFTER_GE = ['月', '小时', '星期', '礼拜', '工作日']

// Completion of a project reads as 100 % progress, so it sits on the same scale as "完成工程进度60%".
const COMPLETION_WORDS = ['竣工', '完工']
/** Markers of a plan or a negation shortly before 竣工 ("力争年底竣工", "尚未完工"): not done yet. */
const NOT_YET_MARKERS = ['未', '没有', '将', '拟', '待', '计划', '预计', '力争', '确保', '争取', '有望', '年内', '年底', '底前', '月前', '之前', '以前']
/** 竣工 as an attribute of something else ("竣工面积", "完工率") rather than an event. */
const COMPLETION_ATTRIBUTES = ['率', '面积', '时间', '日期', '期限', '目标', '计划']

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * One section below 万 (up to 9999). `atStart`: the section opens the numeral, where a leading
 * unit stands for one of it ("十五", "百余"). `impliedUnit`: the unit a lone trailing digit stands
 * for ("一万二" is 12000).
 */
function parseHanSection(s: string, atStart: boolean, impliedUnit: number | null): number | null {
  let total = 0
  let digit: number | null = null
  let lastUnit = 1e4
  let zeroSeen = false
  let units = 0
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? ''
    const d = HAN_DIGITS[ch]
    if (d !== undefined) {
      if (digit !== null) return null
      if (d === 0) zeroSeen = true
      else digit = d
      continue
    }
    const u = HAN_SMALL_UNITS[ch]
    if (u === undefined || u >= lastUnit) return null
    if (digit === null) {
      if ((i === 0 && atStart) || (u === 10 && zeroSeen)) digit = 1
      else return null
    }
    total += digit * u
    digit = null
    lastUnit = u
    zeroSeen = false
    units++
  }
  if (digit !== null) {
    // "一百五" is 150 and "三千五" 3500: a digit straight after a unit of 百 or more is the next place.
    if (units === 0) total += impliedUnit !== null && !zeroSeen ? digit * impliedUnit : digit
    else if (!zeroSeen && lastUnit >= 100) total += (digit * lastUnit) / 10
    else total += digit
  }
  return total
}

/** A numeral below 亿, with 万 as its only big unit. */
function parseHanBelowYi(s: string, atStart: boolean, impliedUnit: number | null): number | null {
  const k = s.lastIndexOf('万')
  if (k < 0) return parseHanSection(s, atStart, impliedUnit)
  const leftText = s.slice(0, k)
  const left = leftText === '' ? (atStart ? 1 : null) : parseHanSection(leftText, atStart, null)
  if (left === null || left === 0) return null
  const right = parseHanSection(s.slice(k + 1), false, 1000)
  return right === null ? null : left * 1e4 + right
}

/** Chinese integer numerals: "二十五", "一万二千", "两百", "十", "一千零五", "二〇二三", "近万"'s "万". */
function parseHanInteger(s: string): number | null {
  if (s === '' || s.length > MAX_HAN_RUN) return null
  // Digit by digit, as years are written (二〇二三). 两 is never used that way.
  if (s.length > 1 && [...s].every((ch) => ch in HAN_DIGITS && ch !== '两')) {
    return Number([...s].map((ch) => HAN_DIGITS[ch]).join(''))
  }
  const k = s.lastIndexOf('亿')
  if (k < 0) return parseHanBelowYi(s, true, null)
  const left = k === 0 ? 1 : parseHanBelowYi(s.slice(0, k), true, null)
  if (left === null || left === 0) return null
  const right = parseHanBelowYi(s.slice(k + 1), false, 1e7)
  return right === null ? null : left * 1e8 + right
}

interface NumberToken {
  start: number
  end: number
  kind: 'arabic' | 'han'
  /** Value as written, before any magnitude word after it. */
  value: number
  /** Arabic only: the number as a decimal string, signed, without separators ("-1234.5"). */
  decimal: string
  /** Arabic only: the integer digits, for year, phone and code checks. */
  intDigits: string
  fraction: boolean
  grouped: boolean
  /** Han only: contains 万 or 亿, so it is as good as a number with a magnitude word. */
  hanMagnitude: boolean
  /** Han only: written as a unit alone ("万", "百", "千万"), which is a number only after a qualifier. */
  bareUnit: boolean
  /** Han only: digit by digit ("二〇二三"). */
  positional: boolean
  /** Han only: its last character, which decides whether "来" can follow ("十来场"). */
  lastChar: string
}

type Read<T> = T | { failEnd: number } | null

function isFailure<T extends object>(r: T | { failEnd: number }): r is { failEnd: number } {
  return 'failEnd' in r
}

function readArabic(s: string, i: number, allowSign: boolean): Read<NumberToken> {
  let j = i
  let sign = ''
  if (allowSign && (s[j] === '-' || s[j] === '+') && isDigit(s[j + 1])) {
    sign = s[j] === '-' ? '-' : ''
    j++
  }
  const digitsStart = j
  while (isDigit(s[j])) j++
  if (j === digitsStart) return null
  let intDigits = s.slice(digitsStart, j)
  let grouped = false
  // Thousands separators only in the regular form 1,234,567: a comma in prose separates clauses.
  if (intDigits.length <= 3) {
    let k = j
    let groups = ''
    while (s[k] === ',' && isDigit(s[k + 1]) && isDigit(s[k + 2]) && isDigit(s[k + 3]) && !isDigit(s[k + 4])) {
      groups += s.slice(k + 1, k + 4)
      k += 4
    }
    if (groups !== '') {
      intDigits += groups
      grouped = true
      j = k
    }
  }
  let fractionDigits = ''
  if (s[j] === '.' && isDigit(s[j + 1])) {
    let k = j + 1
    while (isDigit(s[k])) k++
    fractionDigits = s.slice(j + 1, k)
    j = k
  }
  const decimal = `${sign}${intDigits}${fractionDigits === '' ? '' : `.${fractionDigits}`}`
  const value = Number(decimal)
  if (!Number.isFinite(value)) return { failEnd: j }
  return {
    start: i,
    end: j,
    kind: 'arabic',
    value,
    decimal,
    intDigits,
    fraction: fractionDigits !== '',
    grouped,
    hanMagnitude: false,
    bareUnit: false,
    positional: false,
    lastChar: s[j - 1] ?? '',
  }
}

function readHan(s: string, i: number): Read<NumberToken> {
  let j = i
  while (isHanNumeral(s[j])) j++
  if (j === i) return null
  const run = s.slice(i, j)
  const value = parseHanInteger(run)
  if (value === null || !Number.isFinite(value)) return { failEnd: j }
  const first = run[0] ?? ''
  const positional = run.length > 1 && [...run].every((ch) => ch in HAN_DIGITS)
  return {
    start: i,
    end: j,
    kind: 'han',
    value,
    decimal: String(value),
    intDigits: '',
    fraction: false,
    grouped: false,
    hanMagnitude: run.includes('万') || run.includes('亿'),
    bareUnit: first !== '十' && !(first in HAN_DIGITS),
    positional,
    lastChar: run[run.length - 1] ?? '',
  }
}

function readNumber(s: string, i: number, allowSign: boolean): Read<NumberToken> {
  if (isDigit(s[i]) || (allowSign && (s[i] === '-' || s[i] === '+'))) return readArabic(s, i, allowSign)
  return readHan(s, i)
}

/** The number times 10^exponent, computed on the decimal text so that 4.32亿 is exactly 432000000. */
function scale(num: NumberToken, exponent: number): number {
  if (exponent === 0) return num.value
  return num.kind === 'arabic' ? Number(`${num.decimal}e${exponent}`) : num.value * 10 ** exponent
}

/**
 * A whole string that is one number: Arabic (with sign, thousands separators, decimals and an
 * optional magnitude word: "1.5万", "12,345") or Chinese ("一万二千", "两百", "〇"). No unit, no
 * qualifier. Null for anything else.
 */
export function parseChineseNumeral(text: string): number | null {
  if (typeof text !== 'string') return null
  const s = normalize(text).trim()
  if (s === '') return null
  const num = readNumber(s, 0, true)
  if (num === null || isFailure(num)) return null
  let end = num.end
  let exponent = 0
  if (num.kind === 'arabic') {
    const magnitude = matchMagnitude(s, end)
    if (magnitude) {
      exponent = magnitude[1]
      end += magnitude[0].length
    }
  }
  if (end !== s.length) return null
  const value = scale(num, exponent)
  return Number.isFinite(value) ? value : null
}

// ---------------------------------------------------------------------------------------------
// Quantities

/**
 * The UTF-16 codes the words start with. The matchers below ask after every number whether one of
 * their words starts there; the answer is nearly always no, and one set look-up by code says so
 * without trying each word (the same answers, in a fraction of the time).
 */
function firstCodes(words: Iterable<string>): ReadonlySet<number> {
  return new Set([...words].map((w) => w.charCodeAt(0)))
}

const MAGNITUDE_STARTS = firstCodes(MAGNITUDE_WORDS.map(([word]) => word))
const PREFIX_STARTS = firstCodes(PREFIXES.map((p) => p.word))
const SUFFIX_STARTS = firstCodes(SUFFIXES.map(([word]) => word))

function matchMagnitude(s: string, i: number): readonly [string, number] | null {
  if (!MAGNITUDE_STARTS.has(s.charCodeAt(i))) return null
  for (const entry of MAGNITUDE_WORDS) {
    if (!s.startsWith(entry[0], i)) continue
    if (entry[0] === '千' && NOT_MAGNITUDE_AFTER_QIAN.has(s[i + 1] ?? '')) return null
    return entry
  }
  return null
}

/** The unit written at `i`. 位 without 第 counts people ("3位专家"); other rank words need 第. */
function matchUnit(s: string, i: number): readonly [string, string] | null {
  for (const entry of UNITS_BY_FIRST.get(s.charCodeAt(i)) ?? []) {
    if (!s.startsWith(entry[0], i)) continue
    if (entry[1] !== 'rank') return entry
    if (entry[0] === '位') return ['位', '位']
  }
  return null
}

function matchPrefix(s: string, i: number): (typeof PREFIXES)[number] | null {
  if (!PREFIX_STARTS.has(s.charCodeAt(i))) return null
  for (const prefix of PREFIXES) {
    if (!s.startsWith(prefix.word, i)) continue
    if (prefix.notAfter !== undefined && i > 0 && prefix.notAfter.includes(s[i - 1] ?? '')) return null
    return prefix
  }
  return null
}

/** One side of a possible range: everything from an opening qualifier to a closing one. */
interface Side {
  start: number
  end: number
  num: NumberToken
  value: number
  /** Exponent of the magnitude word written after an Arabic number (万 → 4), 0 if none. */
  exponent: number
  unit: string | null
  qualifier: Qualifier | null
  rank: boolean
  /** The unit was written as a rank word (第2位, 第三名) rather than inferred from 第 alone. */
  rankWord: boolean
  percentWord: boolean
  timeSpan: boolean
}

/** "十来场", "20来人": 来 means "about" only after a round number and before a unit. */
function laiMeansAbout(s: string, num: NumberToken, i: number): boolean {
  const round = num.kind === 'han' ? '十百千万'.includes(num.lastChar) : !num.fraction && num.value % 10 === 0
  return round && (matchUnit(s, i) !== null || matchMagnitude(s, i) !== null)
}

function readSide(s: string, i: number, first: boolean): Read<Side> {
  let j = i
  let qualifier: Qualifier | null = null
  let bareOnly = false
  if (first) {
    const prefix = matchPrefix(s, j)
    if (prefix) {
      j += prefix.word.length
      qualifier = prefix.qualifier
      bareOnly = prefix.bareOnly === true
    }
  }
  const rank = first && qualifier === null && s[j] === '第'
  if (rank) j++
  const percentWord = first && !rank && s.startsWith('百分之', j)
  if (percentWord) j += 3

  const num = readNumber(s, j, first && !rank && !percentWord)
  if (num === null) return null
  if (isFailure(num)) return num
  if (bareOnly && !(num.kind === 'han' && num.bareUnit)) return null

  let k = num.end
  let exponent = 0
  let unit: string | null = null
  let rankWord = false
  let timeSpan = false
  if (rank) {
    if (s.startsWith('名次', k)) k += 2
    else if (s[k] === '位' || s[k] === '名') k++
    rankWord = k > num.end
    unit = 'rank'
  } else if (percentWord) {
    unit = '%'
  } else {
    // Between the number and its unit: 余/多/几 ("300余万元", "十几年"), 来 ("十来场"), the magnitude
    // word, and 余/多 again after it ("1万余元").
    let inner: Qualifier | null = null
    const next = s[k]
    if (next === '余' || next === '多' || next === '几') inner = 'more-than'
    else if (next === '来' && laiMeansAbout(s, num, k + 1)) inner = 'about'
    if (inner !== null) k++
    if (num.kind === 'arabic' || inner !== null) {
      const magnitude = matchMagnitude(s, k)
      if (magnitude) {
        exponent = magnitude[1]
        k += magnitude[0].length
        if (inner === null && (s[k] === '余' || s[k] === '多')) {
          inner = 'more-than'
          k++
        }
      }
    }
    qualifier ??= inner
    const written = matchUnit(s, k)
    if (written) {
      unit = written[1]
      k += written[0].length
      if (unit === '个') timeSpan = TIME_AFTER_GE.some((w) => s.startsWith(w, k) || s.startsWith(`多${w}`, k))
    }
    // After the unit: 左右, 以上 …; 余/多 only where they cannot start the next word ("1年多", not "5个多功能厅").
    const suffix = SUFFIX_STARTS.has(s.charCodeAt(k)) ? SUFFIXES.find(([word]) => s.startsWith(word, k)) : undefined
    if (suffix) {
      qualifier ??= suffix[1]
      k += suffix[0].length
    } else if ((s[k] === '余' || s[k] === '多') && (unit === '年' || !isHan(s[k + 1]))) {
      qualifier ??= 'more-than'
      k++
    } else if (s[k] === '+' && !isAlnum(s[k + 1])) {
      qualifier ??= 'more-than'
      k++
    }
  }
  return {
    start: i,
    end: k,
    num,
    value: scale(num, exponent),
    exponent,
    unit,
    qualifier,
    rank,
    rankWord,
    percentWord,
    timeSpan,
  }
}

type Mode = 'find' | 'whole'

/** Why a side cannot be a figure whatever follows it: a year, a phone number, a code, an idiom. */
function sideRejected(s: string, side: Side, unit: string | null, qualifier: Qualifier | null, mode: Mode): boolean {
  const { num } = side
  if (!Number.isFinite(side.value) || side.timeSpan) return true
  if (num.bareUnit && qualifier === null && !side.rank) return true
  if (side.rank && (!Number.isInteger(side.value) || side.value < 1)) return true
  // "2023年", "二〇二三年" name a year, not a duration of 2023 years.
  const yearLike = num.kind === 'arabic' ? num.intDigits.length === 4 && !num.fraction && !num.grouped : num.positional
  if (unit === '年' && yearLike && side.exponent === 0) return true
  if (mode === 'whole') return false

  if (num.kind === 'han') {
    if (num.positional) return true
    const counted = unit !== null || qualifier !== null || side.rank
    if (!counted) return true
    // "一个平台", "一件事": a lone 一 with a measure word is the indefinite article.
    if (num.value === 1 && num.end - num.start === 1 && qualifier === null && !side.rank && !side.percentWord) return true
    // "几十个", "数百人": vague amounts with no number to report.
    const before = s[num.start - 1]
    if (before === '几' || before === '数' || before === '好') return true
    return false
  }
  // Codes: leading zeros (0511), phone and ID numbers, e-mail and web addresses, model names (5G, IPO2).
  if (num.intDigits.length > 1 && num.intDigits.startsWith('0')) return true
  if (num.intDigits.length >= 7 && !num.grouped && unit === null && side.exponent === 0) return true
  const before = s[num.start - 1]
  // A sign straight after a digit or letter is a hyphen: "2023-06-30", "COVID-19".
  if ((s[num.start] === '-' || s[num.start] === '+') && isAlnum(before)) return true
  if (isLatin(before) || (before !== undefined && '@_#/\\&='.includes(before))) return true
  if (before !== undefined && '.-+:'.includes(before) && isAlnum(s[num.start - 2])) return true
  return false
}

/** Why a complete quantity cannot be a figure given what follows it. */
function followRejected(s: string, end: number, q: Quantity, hasMagnitude: boolean, rank: Side | null): boolean {
  const next = s[end]
  if (isLatin(next) || (next !== undefined && '@_#\\'.includes(next))) return true
  if (next !== undefined && '.:+'.includes(next) && isAlnum(s[end + 1])) return true
  if (next === '/' && q.unit === null) return true
  if (rank) return !rank.rankWord && (isHan(next) || isAlnum(next))
  // "12345热线", "1-10月", "18日", "1、": a bare number before a noun or list mark is a name or a date.
  const bare = q.unit === null && !hasMagnitude && q.qualifier === null
  return bare && next !== undefined && !BARE_NUMBER_ENDS.has(next)
}

/** Characters other than numerals that can open a quantity; everything else is passed over cheaply. */
const MAY_START = new Set(['-', '+', '第', ...PREFIXES.map((p) => p.word[0] ?? ''), ...COMPLETION_WORDS.map((w) => w[0] ?? '')])

/**
 * Every character that can open a quantity (digits, numerals, `MAY_START`), by UTF-16 code: the
 * scan asks this of every character of a text, and asking by code passes over prose without
 * making a one-character string of each Chinese character (half the time of reading a quote).
 */
const MAY_OPEN: ReadonlySet<number> = new Set(
  [...'0123456789', ...HAN_NUMERALS, ...MAY_START].filter((ch) => ch.length === 1).map((ch) => ch.charCodeAt(0)),
)

interface Scan {
  end: number
  quantity: Quantity | null
}

/** A quantity starting at `i`, a stretch to skip, or null when nothing number-like starts here. */
function scanQuantity(s: string, i: number, mode: Mode): Scan | null {
  const left = readSide(s, i, true)
  if (left === null) return null
  if (isFailure(left)) return { end: Math.max(left.failEnd, i + 1), quantity: null }

  if (!left.rank && !left.percentWord && RANGE_SEPARATORS.has(s[left.end] ?? '')) {
    const right = readSide(s, left.end + 1, false)
    if (right !== null && isFailure(right)) return { end: right.failEnd, quantity: null }
    if (right !== null && (left.unit === null || right.unit === null || left.unit === right.unit)) {
      return scanRange(s, left, right, mode)
    }
  }
  const q: Quantity = { value: left.value, upper: null, unit: left.unit, qualifier: left.qualifier }
  const hasMagnitude = left.exponent > 0 || left.num.hanMagnitude
  if (sideRejected(s, left, left.unit, left.qualifier, mode)) return { end: left.end, quantity: null }
  if (mode === 'find' && followRejected(s, left.end, q, hasMagnitude, left.rank ? left : null)) {
    return { end: left.end, quantity: null }
  }
  return { end: left.end, quantity: q }
}

function scanRange(s: string, left: Side, right: Side, mode: Mode): Scan {
  const skip: Scan = { end: right.end, quantity: null }
  const unit = left.unit ?? right.unit
  // "3-5万元" is 3万 to 5万: a plain left side takes the magnitude written on the right.
  let low = left.value
  if (left.exponent === 0 && !left.num.hanMagnitude && left.unit === null && right.exponent > 0) {
    if (left.num.value <= right.num.value) low = scale(left.num, right.exponent)
  }
  // A falling "range" is a score, a date (2023-06) or a code, not a span of values.
  if (!(low <= right.value)) return skip
  const q: Quantity = { value: low, upper: right.value, unit, qualifier: 'range' }
  if (sideRejected(s, left, unit, 'range', mode) || sideRejected(s, right, unit, 'range', mode)) return skip
  const hasMagnitude = right.exponent > 0 || right.num.hanMagnitude
  // The qualifier 'range' must not excuse a bare "1-10" before 月: judge what follows as for a bare number.
  const asBare: Quantity = { ...q, qualifier: null }
  if (mode === 'find' && followRejected(s, right.end, asBare, hasMagnitude, null)) return skip
  return { end: right.end, quantity: q }
}

/** 竣工/完工 at `i` as 100 % progress, unless it is planned, negated or an attribute. */
function scanCompletion(s: string, i: number): Scan | null {
  const word = COMPLETION_WORDS.find((w) => s.startsWith(w, i))
  if (word === undefined) return null
  const end = i + word.length
  if (COMPLETION_ATTRIBUTES.some((a) => s.startsWith(a, end))) return { end, quantity: null }
  let from = Math.max(0, i - 6)
  for (let k = i - 1; k >= from; k--) {
    if (!isHan(s[k])) {
      from = k + 1
      break
    }
  }
  const before = s.slice(from, i).replace('目前', '')
  if (NOT_YET_MARKERS.some((m) => before.includes(m))) return { end, quantity: null }
  return { end, quantity: { value: 100, upper: null, unit: '%', qualifier: null } }
}

/**
 * The whole text (trimmed; spaces inside are ignored) as one quantity: "4.32亿元", "300余件",
 * "约5000万美元", "75%至80%", "近万", "十几年", "第一", "竣工" (100 % progress). Null when any part of
 * the text is not the quantity, or when it names a year ("2023年") rather than an amount.
 */
export function parseQuantity(text: string): Quantity | null {
  if (typeof text !== 'string') return null
  const s = normalize(text).replace(/\s+/g, '')
  if (s === '') return null
  if (COMPLETION_WORDS.includes(s)) return { value: 100, upper: null, unit: '%', qualifier: null }
  const scan = scanQuantity(s, 0, 'whole')
  if (scan === null || scan.quantity === null || scan.end !== s.length) return null
  return scan.quantity
}

/**
 * Every quantity in a sentence or page, in order and without overlaps. Left out on purpose: dates
 * and periods ("1-10月", "2023年", "18日"), phone and ID numbers, codes glued to Latin letters or
 * to @ and /, bare numbers naming things ("12345热线"), ordinals that are names ("第一网格"), and
 * Chinese numerals in idioms ("一事一法"). 竣工/完工 count as 100 % progress.
 */
export function findQuantities(text: string): QuantityMatch[] {
  if (typeof text !== 'string') return []
  const cached = FOUND_CACHE.get(text)
  // Copies: a caller may change what it gets, and the cache must not see it.
  if (cached !== undefined) return cached.map(copyMatch)
  const found = scanText(text)
  if (text.length <= FOUND_CACHE_MAX_TEXT && seenBefore(text)) {
    if (FOUND_CACHE.size >= FOUND_CACHE_SIZE) FOUND_CACHE.clear()
    // Copies of the text and of the matched pieces cut from it: a quote cut from a file shares the
    // file's characters (a V8 sliced string), and this cache lives as long as the page.
    FOUND_CACHE.set(detachedString(text), found.map(detachedMatch))
  }
  return found
}

function copyMatch(m: QuantityMatch): QuantityMatch {
  return { value: m.value, upper: m.upper, unit: m.unit, qualifier: m.qualifier, start: m.start, end: m.end, text: m.text }
}

function detachedMatch(m: QuantityMatch): QuantityMatch {
  const text = detachedString(m.text)
  return { value: m.value, upper: m.upper, unit: m.unit, qualifier: m.qualifier, start: m.start, end: m.end, text }
}

/**
 * Recent quotes and what they state. Validating a dataset reads a row's quote once for each figure
 * it is the evidence of: the same short text read up to four times. Only quote-sized texts are
 * kept (never whole pages), and at most a few thousand.
 */
const FOUND_CACHE = new Map<string, QuantityMatch[]>()

/**
 * Texts are cached the second time they are read, not the first: an import reads each row's quote
 * once, and copying what 36,000 distinct quotes state into a cache that forgets them again made
 * reading them a third slower. A text read once leaves a mark here, at a slot given by a hash of
 * its characters; read again, it finds the mark (as may another text of the same slot, which is
 * then cached early: no harm). The marks are wiped once an eighth of the slots hold one.
 */
const SEEN = new Uint8Array(1 << 16)
let seenMarks = 0

function seenBefore(text: string): boolean {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  const slot = (hash ^ (hash >>> 16)) & (SEEN.length - 1)
  if (SEEN[slot] === 1) return true
  if (seenMarks >= SEEN.length / 8) {
    SEEN.fill(0)
    seenMarks = 0
  }
  SEEN[slot] = 1
  seenMarks++
  return false
}
const FOUND_CACHE_SIZE = 4096
const FOUND_CACHE_MAX_TEXT = 500

function scanText(text: string): QuantityMatch[] {
  const s = normalize(text)
  const found: QuantityMatch[] = []
  let i = 0
  while (i < s.length) {
    if (!MAY_OPEN.has(s.charCodeAt(i))) {
      i++
      continue
    }
    const scan = scanCompletion(s, i) ?? scanQuantity(s, i, 'find')
    if (scan === null) {
      i++
      continue
    }
    const q = scan.quantity
    if (q !== null) {
      // Written out rather than spread: the spread was the slowest line of reading a quote.
      found.push({ value: q.value, upper: q.upper, unit: q.unit, qualifier: q.qualifier, start: i, end: scan.end, text: text.slice(i, scan.end) })
    }
    i = Math.max(scan.end, i + 1)
  }
  return found
}
