/**
 * Where the figures are: every quantity the domain's number reader finds (`findQuantities`, which
 * already leaves out dates, years, phone numbers, e-mail addresses, hotline names and list marks),
 * then three rules of report prose it does not know:
 *
 * 1. Spans of time and ages are not indicators: "十几年来", "建成已有14年", "3个多月".
 * 2. A Chinese numeral inside a short quoted name is part of the name: “三张清单”, “十百千”项目.
 * 3. Reports count in more measure words than the dashboard stores (30台, 5起, 3.5公里, 1.5倍, 八成),
 *    and rank in more ways than "第一" at the end of a clause ("排名第2的企业").
 * 4. A range of amounts in running text ("总投资3-5亿元"), which the domain reader only takes as a
 *    whole string, because "2023-06" in running text is a date.
 * 5. A threshold that qualifies a noun is not a figure: "亿元以上项目15个" counts projects, and
 *    "60岁以上的老年人" describes people.
 * 6. Numbers that name rather than count: a bare number after 热线/电话/编号 ("咨询热线12345"), an
 *    ordinal opening a clause ("第一,要提高认识"), and 竣工 that is still a plan ("计划2024年6月竣工")
 *    or an attribute ("竣工项目5个").
 *
 * Every step reads a bounded number of characters around its position, so the whole pass is
 * linear in the length of the text.
 */
import { findQuantities, parseQuantity, type QuantityMatch } from '../domain/chineseNumber'
import type { Qualifier } from '../domain/model'
import { MAGNITUDES, unitInfo } from '../domain/units'
import { matchDuration, matchExtraUnit, type ExtraUnit } from './measureWords'

export type FigureFamily = 'currency' | 'area' | 'percent' | 'points' | 'rank' | 'count' | 'measure' | 'multiple' | 'bare'

export interface Figure {
  /** Offsets into the text searched (the page-break-joined text). */
  start: number
  end: number
  value: number
  upper: number | null
  /** Catalogue id (CNY, m2, %, pp, rank, 件 …), an extra measure word (台, 公里, 倍), or null for a bare number. */
  unit: string | null
  family: FigureFamily
  qualifier: Qualifier | null
}

const HAN_NUMERALS = new Set([...'零〇一二两三四五六七八九十百千万亿'])
const HAN_DIGITS_ONLY = new Set([...'零〇一二两三四五六七八九'])
/** Qualifier words before a number, longest first (the same readings as the domain parser's). */
const PREFIXES = ['将近', '接近', '超过', '突破', '大约', '约', '近', '逾', '超']
/** Characters before 约 that make it part of a word (签约, 节约, 预约), not "about". */
const NOT_ABOUT_BEFORE = new Set([...'签预节制公合履违特邀相集条契守失婚践赴解毁爽立缔续租隐简'])
const SUFFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['左右', 'about'],
  ['上下', 'about'],
  ['以上', 'more-than'],
  ['有余', 'more-than'],
]
/** After 成, words that make it a verb or noun ("成为", "成立", "成果"), not tenths. */
const NOT_TENTHS_AFTER = new Set([...'为立功长本果绩员交就都型品熟效像片群批套'])
/** Words that put a following 第N in a ranking even when a noun follows ("排名第2的企业"). */
const RANK_CONTEXT = ['排名', '排在', '排第', '位列', '位居', '名列', '居全', '居第', '列全', '跻身']
const RANK_LOOKBACK = 8
const QUOTE_OPEN = new Set(['“', '"', '「', '『', '‘'])
const QUOTE_CLOSE = new Set(['”', '"', '」', '』', '’'])
/** A quoted name is short; a quoted sentence may well state a real figure. */
const MAX_QUOTED_NAME = 8
const MAGNITUDE_WORDS = Object.keys(MAGNITUDES).sort((a, b) => b.length - a.length)

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
}

function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const code = ch.charCodeAt(0)
  return code >= 0x3400 && code <= 0x9fff
}

function familyOf(unit: string | null): FigureFamily {
  if (unit === null) return 'bare'
  const info = unitInfo(unit)
  if (info.family === 'duration') return 'count'
  return info.family
}

/** Does the figure's number use Chinese numerals only (no Arabic digit)? */
function isHanFigure(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isDigit(text[i])) return false
  return true
}

/** Rule 2: “三张清单” — a short quoted phrase holding the figure is a name. */
function insideQuotedName(text: string, start: number, end: number): boolean {
  let open = -1
  for (let i = start - 1; i >= Math.max(0, start - MAX_QUOTED_NAME); i--) {
    const ch = text[i] ?? ''
    if (QUOTE_CLOSE.has(ch) && !QUOTE_OPEN.has(ch)) return false
    if (QUOTE_OPEN.has(ch)) {
      open = i
      break
    }
  }
  if (open < 0) return false
  for (let i = end; i < Math.min(text.length, open + MAX_QUOTED_NAME + 2); i++) {
    const ch = text[i] ?? ''
    if (QUOTE_CLOSE.has(ch)) return true
    if (QUOTE_OPEN.has(ch) && ch !== '"') return false
  }
  return false
}

/** A qualifier written after the unit: 左右, 以上 …, or 余/多 where they do not start the next word. */
function readSuffix(text: string, i: number): { end: number; qualifier: Qualifier | null } {
  for (const [word, qualifier] of SUFFIXES) if (text.startsWith(word, i)) return { end: i + word.length, qualifier }
  if ((text[i] === '余' || text[i] === '多') && !isHan(text[i + 1])) return { end: i + 1, qualifier: 'more-than' }
  return { end: i, qualifier: null }
}

/** 成 as tenths only after one Chinese digit (八成, 近九成) and not as the start of a word (成为, 成立). */
function tenthsAllowed(text: string, numberText: string, unitAt: number): boolean {
  const digits = [...numberText].filter((ch) => HAN_NUMERALS.has(ch))
  if (digits.length !== 1 || !HAN_DIGITS_ONLY.has(digits[0] ?? '') || digits[0] === '一') return false
  return !NOT_TENTHS_AFTER.has(text[unitAt + 1] ?? '')
}

/** A figure in an extra unit, from the number text before it (qualifier included) and the unit. */
function withExtraUnit(text: string, start: number, unitAt: number, unit: ExtraUnit, base: Figure | null): Figure | null {
  const numberText = text.slice(start, unitAt)
  const q = base ?? (() => {
    const parsed = parseQuantity(numberText)
    if (parsed === null || parsed.unit !== null) return null
    return { start, end: unitAt, value: parsed.value, upper: parsed.upper, unit: null, family: 'bare' as const, qualifier: parsed.qualifier }
  })()
  if (q === null) return null
  const suffix = readSuffix(text, unitAt + unit.word.length)
  const qualifier = q.qualifier ?? suffix.qualifier
  if (unit.family === 'tenths') {
    if (!tenthsAllowed(text, numberText, unitAt)) return null
    const scale = (v: number): number => Math.round(v * 10 * 1e6) / 1e6
    return { ...q, end: suffix.end, value: scale(q.value), upper: q.upper === null ? null : scale(q.upper), unit: '%', family: 'percent', qualifier }
  }
  return { ...q, end: suffix.end, unit: unit.word, family: unit.family, qualifier }
}

function fromMatch(m: QuantityMatch): Figure {
  return { start: m.start, end: m.end, value: m.value, upper: m.upper, unit: m.unit, family: familyOf(m.unit), qualifier: m.qualifier }
}

/** Rules 1–3 applied to one match of the domain reader; null drops it. */
function refine(text: string, m: QuantityMatch): Figure | null {
  if (m.unit !== null && unitInfo(m.unit).family === 'duration') return null
  // "三次产业": the three sectors of an economy, a term, not a count.
  if (m.unit === '次' && text.startsWith('产业', m.end)) return null
  const figure = fromMatch(m)
  if (m.unit === null) {
    if (matchDuration(text, m.end) !== null) return null
    const extra = matchExtraUnit(text, m.end)
    if (extra !== null) return withExtraUnit(text, m.start, m.end, extra, figure)
  }
  return figure
}

/** The end of a number written at `i` (Arabic with separators and decimals, or Chinese numerals), or -1. */
function numberEnd(text: string, i: number): number {
  let j = i
  if (isDigit(text[j])) {
    while (isDigit(text[j]) || (text[j] === ',' && isDigit(text[j + 1])) || (text[j] === '.' && isDigit(text[j + 1]))) j++
    return j
  }
  while (HAN_NUMERALS.has(text[j] ?? '')) j++
  return j > i ? j : -1
}

/** Rule 3 for a number the domain reader passed over: "30台", "约3.5公里", "八成", "1.5倍". */
function scanExtra(text: string, i: number): Figure | null {
  const before = text[i - 1]
  if (isDigit(before) || isLatin(before) || before === '.' || before === '第' || before === '几' || before === '数') return null
  if (HAN_NUMERALS.has(before ?? '')) return null
  const numEnd = numberEnd(text, i)
  if (numEnd < 0) return null
  const run = text.slice(i, numEnd)
  if (isDigit(text[i])) {
    if (run.length > 1 && run.startsWith('0') && !run.startsWith('0.')) return null
    // "2023届毕业生", "2023期": a year, not a count.
    if (/^(19|20)\d\d$/.test(run) && (text[numEnd] === '届' || text[numEnd] === '期')) return null
  } else {
    // A lone 一 with a measure word is the indefinite article ("一台电脑"); 二三 is not a number.
    if (run === '一' || (run.length > 1 && [...run].every((ch) => HAN_DIGITS_ONLY.has(ch)))) return null
  }
  let k = numEnd
  if (text[k] === '余' || text[k] === '多' || text[k] === '几' || text[k] === '来') k++
  if (isDigit(text[i])) {
    const magnitude = MAGNITUDE_WORDS.find((w) => text.startsWith(w, k))
    if (magnitude !== undefined) {
      k += magnitude.length
      if (text[k] === '余' || text[k] === '多') k++
    }
  }
  const unit = matchExtraUnit(text, k)
  if (unit === null) return null
  let start = i
  const prefix = PREFIXES.find((p) => text.startsWith(p, i - p.length))
  if (prefix !== undefined && !(prefix === '约' && NOT_ABOUT_BEFORE.has(text[i - 2] ?? ''))) start = i - prefix.length
  return withExtraUnit(text, start, k, unit, null)
}

/** Rule 3 for ranks: 第N after a ranking word, whatever follows ("排名第2的企业", "居全市第三方阵"). */
function scanRank(text: string, i: number): Figure | null {
  if (text[i] !== '第') return null
  const numEnd = numberEnd(text, i + 1)
  if (numEnd < 0) return null
  const window = text.slice(Math.max(0, i - RANK_LOOKBACK), i)
  if (!RANK_CONTEXT.some((w) => window.includes(w))) return null
  const parsed = parseQuantity(text.slice(i, numEnd))
  if (parsed === null || parsed.unit !== 'rank') return null
  let end = numEnd
  if (text[end] === '位' || text[end] === '名') end++
  return { start: i, end, value: parsed.value, upper: null, unit: 'rank', family: 'rank', qualifier: null }
}

const RANGE_SEPARATORS = new Set(['-', '~', '至', '到', '—', '–'])
/** How far past the second number a unit may reach ("3-5万平方米" is 5 characters). */
const MAX_RANGE_TAIL = 6

/** Rule 4: "3-5亿元" in running text, read by the domain parser as a whole; a unit is required. */
function scanRange(text: string, i: number): Figure | null {
  if (!isDigit(text[i]) || isDigit(text[i - 1]) || isLatin(text[i - 1]) || text[i - 1] === '.' || text[i - 1] === '-') return null
  const leftEnd = numberEnd(text, i)
  if (!RANGE_SEPARATORS.has(text[leftEnd] ?? '') || !isDigit(text[leftEnd + 1])) return null
  const rightEnd = numberEnd(text, leftEnd + 1)
  for (let end = Math.min(text.length, rightEnd + MAX_RANGE_TAIL); end > rightEnd; end--) {
    const q = parseQuantity(text.slice(i, end))
    if (q !== null && q.qualifier === 'range' && q.unit !== null && unitInfo(q.unit).family !== 'duration') {
      return { start: i, end, value: q.value, upper: q.upper, unit: q.unit, family: familyOf(q.unit), qualifier: 'range' }
    }
  }
  return null
}

/** After "超100万元的", words that make the figure a goal rather than a threshold ("…的目标"). */
const GOAL_AFTER = /^的(?:年度|全年)?(?:目标|任务|计划)/

/**
 * Rule 5: "亿元以上项目", "10%以上的企业", "超100万元的村有7个": a threshold written before the
 * noun it qualifies.
 */
function isThreshold(text: string, f: Figure): boolean {
  const tail = text.slice(Math.max(f.start, f.end - 2), f.end)
  const next = text[f.end]
  if (tail === '以上' || tail === '以下' || tail === '以内') return next === '的' || isHan(next)
  const head = text.slice(f.start, f.start + 2)
  if (head === '超过' || head[0] === '超' || head[0] === '逾') return next === '的' && !GOAL_AFTER.test(text.slice(f.end, f.end + 6))
  // "排名前3位的街道", "后5名的单位": a band of ranks that picks out units.
  const before = text[f.start - 1]
  if ((before === '前' || before === '后') && (f.unit === '位' || f.unit === '名')) return next === '的'
  return false
}

/** Words after which a bare number is a number *of* something: a line, a code, a document. */
const NAMING_WORDS = ['热线', '电话', '手机', '号码', '编号', '代码', '邮编', '传真', '专线', '账号', '文号', '门牌']
const NAMING_LOOKBACK = 4
const CLAUSE_MARKS = new Set(['，', ',', '。', '；', ';', '：', ':', '！', '？', '\n', '\r', ' ', '\u3000', '、'])
const COMPLETION_WORDS = new Set(['竣工', '完工'])
/** Plans and negations before 竣工 in its clause: "计划2024年6月竣工", "预计年底前完工", "尚未竣工". */
const NOT_YET = ['计划', '预计', '力争', '争取', '确保', '拟', '将', '有望', '未', '没有', '年底', '底前', '月前', '之前']
const COMPLETION_LOOKBACK = 16
/** 竣工 as an attribute of a noun: "竣工项目5个" counts projects, "竣工验收" is a procedure. */
const COMPLETION_AS_ATTRIBUTE = ['项目', '工程', '企业', '数', '的', '验收', '备案', '决算', '结算']

function clauseStart(text: string, i: number, limit: number): number {
  let k = i
  while (k > 0 && i - k < limit && !CLAUSE_MARKS.has(text[k - 1] ?? '')) k--
  return k
}

/** Rule 6. */
function namesSomething(text: string, f: Figure): boolean {
  if (f.family === 'bare' && f.qualifier === null) {
    const before = text.slice(Math.max(0, f.start - NAMING_LOOKBACK), f.start)
    if (NAMING_WORDS.some((w) => before.includes(w))) return true
  }
  if (f.family === 'rank' && text[f.start] === '第') {
    const from = clauseStart(text, f.start, RANK_LOOKBACK)
    const next = text[f.end]
    if (from === f.start && (next === ',' || next === '，' || next === '、' || next === '是')) return true
  }
  if (COMPLETION_WORDS.has(text.slice(f.start, f.end))) {
    const before = text.slice(clauseStart(text, f.start, COMPLETION_LOOKBACK), f.start)
    if (NOT_YET.some((w) => before.includes(w))) return true
    if (COMPLETION_AS_ATTRIBUTE.some((w) => text.startsWith(w, f.end))) return true
  }
  return false
}

/** Every figure in the text, in order, without overlaps. */
export function findFigures(text: string): Figure[] {
  const matches = findQuantities(text)
  const out: Figure[] = []
  let next = 0
  let i = 0
  const push = (f: Figure | null): void => {
    if (f === null) return
    if (isHanFigure(text, f.start, f.end) && insideQuotedName(text, f.start, f.end)) return
    if (isThreshold(text, f) || namesSomething(text, f)) return
    out.push(f)
  }
  while (i < text.length) {
    while ((matches[next]?.start ?? Infinity) < i) next++
    const m = matches[next]
    if (m !== undefined && m.start === i) {
      const f = refine(text, m)
      push(f)
      i = Math.max(i + 1, m.end, f?.end ?? 0)
      next++
      continue
    }
    const limit = m?.start ?? text.length
    const ch = text[i] ?? ''
    if (isDigit(ch) || HAN_NUMERALS.has(ch) || ch === '第') {
      const f = scanRank(text, i) ?? scanRange(text, i) ?? scanExtra(text, i)
      if (f !== null && f.end <= limit) {
        push(f)
        i = f.end
        continue
      }
      // Skip the rest of this number so that "123台" is not read again from "23".
      const end = ch === '第' ? i + 1 : numberEnd(text, i)
      i = Math.max(i + 1, Math.min(end, limit))
      continue
    }
    i++
  }
  return out
}
