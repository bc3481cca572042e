/**
 * The period a figure covers, from the phrase that opens its sentence or stands before it:
 * "1-10月", "截至10月底", "今年以来", "上半年", "前三季度", "当年", "2023年". Phrases are found here;
 * turning one into a span of months is `parsePeriod`'s job, which needs the report's year (and,
 * for year-to-date, its date) when the phrase does not state them.
 *
 * Every pattern is a short alternation with bounded repeats, matched left to right once over the
 * text, so the cost is linear.
 */
import type { YearMonth } from '../domain/model'
import { parsePeriod, periodKey } from '../domain/period'

export interface PeriodPhrase {
  start: number
  end: number
  /** As written, e.g. "1-10月". */
  text: string
  /** A year the phrase states ("2023年1-10月" → 2023), else null. */
  year: number | null
  /** The phrase dates a plan ("全年任务", "年度目标"), not the figure after it. */
  ofTarget: boolean
  /**
   * A span of months in a headline ("各街道1-10月固定资产投资完成情况通报"): the period of the
   * lines under it that state none. 全年 and 今年 in a headline are rhetoric ("打好全年收官战").
   */
  heading: boolean
}

/** A headline is a short line without the punctuation of prose. */
const MAX_HEADING = 40
const PROSE = new Set(['，', ',', '。', '；', ';'])
const RHETORIC = /^(?:全年|当年|今年|本年度?|今年以来|今年来|年初以来|年初至今|截[至止](?:目前|当前))$/

function inHeading(text: string, start: number, end: number): boolean {
  let from = start
  while (from > 0 && text[from - 1] !== '\n') {
    if (start - from >= MAX_HEADING || PROSE.has(text[from - 1] ?? '')) return false
    from--
  }
  let to = end
  while (to < text.length && text[to] !== '\n' && text[to] !== '\r') {
    if (to - from >= MAX_HEADING || PROSE.has(text[to] ?? '')) return false
    to++
  }
  return true
}

/** After a period phrase, words that make it the period of a target: 全年任务, 年度目标, 全年计划. */
const TARGET_NOUN = /^(?:的)?(?:目标|任务|计划)/

const M = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])'
const Y = '(?:(?:19|20)\\d\\d年)'
const PATTERNS: readonly RegExp[] = [
  // Spans of months, possibly with a year: 1-10月, 2023年1至10月, 1月-10月份.
  new RegExp(`${Y}?${M}月?(?:-|—|–|~|～|至|到)${M}月份?`, 'g'),
  // Up to the end of a month: 截至10月底, 截止2023年7月末.
  new RegExp(`截[至止]到?${Y}?${M}月(?:底|末|份)?`, 'g'),
  // Halves and quarters: 上半年, 2023年前三季度, 一季度.
  new RegExp(`${Y}?(?:上半年|下半年|前[一二两三1-3]个?季度|第?[一二三四1-4]季度)`, 'g'),
  // Year to date and the current year.
  /今年以来|年初以来|年初至今|今年来|截[至止]目前|截[至止]当前|全年|当年|今年|本年度?/g,
  // A single month that is not the start of a date ("10月份", "10月," but not "12月18日").
  new RegExp(`${Y}?${M}月份?(?![0-9一二三四五六七八九十日号初中上下底末旬])`, 'g'),
  // A year alone: "2023年列入…" (but not "自2021年成立以来", "成立于2017年").
  new RegExp(`${Y}度?(?![0-9一二三四五六七八九十上下前第成以起至建])`, 'g'),
]
/** Words before a dated phrase that make it the date of an event (成立于2017年3月), not a figure's period. */
const EVENT_BEFORE = ['自', '于', '从', '在']

/** Every period phrase, in order, without overlaps (the earliest, then the longest, wins). */
export function findPeriodPhrases(text: string): PeriodPhrase[] {
  const all: PeriodPhrase[] = []
  for (const re of PATTERNS) {
    re.lastIndex = 0
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const phrase = m[0]
      const start = m.index
      const year = /^(?:19|20)\d\d年/.test(phrase) ? Number(phrase.slice(0, 4)) : null
      if (year !== null && EVENT_BEFORE.includes(text[start - 1] ?? '')) continue
      const end = start + phrase.length
      const ofTarget = TARGET_NOUN.test(text.slice(end, end + 3))
      const heading = !RHETORIC.test(phrase) && inHeading(text, start, end)
      all.push({ start, end, text: phrase, year, ofTarget, heading })
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: PeriodPhrase[] = []
  for (const p of all) {
    const last = out[out.length - 1]
    if (last !== undefined && p.start < last.end) continue
    out.push(p)
  }
  return out
}

export interface PeriodContext {
  /** The report's year, for phrases that do not state one. */
  year?: number
  /** When the report was written, for "今年以来" and "截至目前". */
  asOf?: YearMonth
}

/** The canonical key of a phrase, or null when it needs a year (or date) nobody gave. */
export function periodKeyOf(phrase: PeriodPhrase, ctx: PeriodContext): string | null {
  const year = phrase.year ?? ctx.year ?? ctx.asOf?.year
  if (year === undefined) return null
  // 当年/今年/本年 name the report's year as a whole: parsePeriod reads that as 全年.
  const rest = phrase.year === null ? phrase.text.replace(/^(?:当年|今年|本年度?)$/, '全年') : phrase.text
  const period = parsePeriod(rest, { year, ...(ctx.asOf ? { asOf: ctx.asOf } : {}) })
  return period === null ? null : periodKey(period)
}

/** Index of the last phrase ending at or before `at`, or −1 (phrases are in text order). */
function lastEndingBefore(phrases: readonly PeriodPhrase[], at: number): number {
  let lo = 0
  let hi = phrases.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((phrases[mid]?.end ?? Infinity) <= at) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/**
 * Period phrases indexed for look-up by figure. A figure takes the last phrase before it in its
 * sentence; a phrase that dates a plan ("占全年任务的28.3%") is the period of a target only. A
 * sentence with none takes the span of months of the last headline above it.
 */
export interface PeriodIndex {
  before(sentenceStart: number, at: number, target: boolean): PeriodPhrase | null
  headlineBefore(at: number): PeriodPhrase | null
}

/** How far a sentence's look-up walks back past phrases that date plans; bounds the work per figure. */
const MAX_SKIPPED = 8

export function indexPeriods(phrases: readonly PeriodPhrase[]): PeriodIndex {
  const headings = phrases.filter((p) => p.heading)
  return {
    before(sentenceStart, at, target) {
      for (let j = lastEndingBefore(phrases, at), n = 0; j >= 0 && n < MAX_SKIPPED; j--, n++) {
        const p = phrases[j]
        if (p === undefined || p.start < sentenceStart) return null
        if (target || !p.ofTarget) return p
      }
      return null
    },
    headlineBefore(at) {
      return headings[lastEndingBefore(headings, at)] ?? null
    },
  }
}
