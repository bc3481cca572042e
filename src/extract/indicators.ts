/**
 * The thing a figure measures, as its clause names it. Chinese puts it on one of two sides:
 * before the figure, after the verb ("完成项目投资4.32亿元", "月均办理12345热线工单300余件"), or,
 * for counts, after the measure word ("投资31个项目", "打造5处便民充电桩及车棚"). What is left once
 * the subject, the period, the verb and the role words are cut away is the indicator phrase.
 *
 * This is a suggestion for a reviewer to correct, not a catalogue match: a report names its
 * indicators in its own words, and the review page is where they meet the dataset's names.
 */
import type { FigureFamily } from './figures'
import type { Role } from './types'

/** Verbs and openers: the indicator starts after the last of them. */
const CUT_WORDS = [
  '其中', '完成', '实现', '累计', '计划', '开展', '组织', '召开', '举办', '办理', '招募', '收集', '建成', '新增',
  '打造', '处理', '化解', '解决', '发放', '评选出', '列入', '推进', '达到', '共有', '现有', '已有', '拥有', '帮扶',
  '按照',
  '为', '对', '向',
]
/** Words between the indicator and the figure that are not part of it. */
const TRAILING = ['同比增长', '同比下降', '同比增加', '同比减少', '同比', '环比', '比上年同期', '比上年末', '较上年末', '较上年同期', '比去年同期', '较去年同期', '同期', '比上年', '较上年', '比去年', '较去年', '控制在', '保持在', '增长', '增幅', '增速', '下降', '降幅', '上升', '提高', '提升', '降低', '减少', '占比', '比重', '超序时进度', '落后序时进度', '序时进度', '时间进度', '为', '是', '达到', '达', '约', '共计', '共', '累计', '合计', '总计', '超过', '超', '已达', '已', '了', '的', '到', '至', '有', '计', '分别', '近', '逾', '突破', '等', '由', '和', '及', '与', '均', '分别比上年增长'].sort(
  (a, b) => b.length - a.length,
)
/** Time and scope words at the start that belong to the period or the subject. */
const LEADING = /^(?:该|本|此|今年以来|年初以来|截至目前|目前|当年|全年|今年|年度|其中|各类|各项|各种|各|已|累计|先后|成功|共同|积极|已经)/
const QUOTES = /[“”‘’「」『』"]/g
const ROLE_WORDS_ONLY = /^(?:年度|全年)?(?:目标任务|目标|任务|计划|完成率|完成|实际|排名|占比|比重|增幅|增速)$/
/** A count's noun after the measure word stops at a verb or connective. */
const AFTER_STOP = /(?:实现|开展|完成|更换|组成|进行|用于|参与|建设|主要|的|共|[0-9]|,|，|。|；|;|、|\s)/
const MAX_AFTER = 10
const MAX_PHRASE = 16
const MAX_STRIP = 6
/** Only the end of the clause before a figure can name it; longer stretches are cut to this. */
const MAX_BEFORE = 40

/** Word lists and endsWith rather than an end-anchored regex, which would be tried at every position. */
function stripTrailing(s: string): string {
  let out = s
  for (let n = 0; n < MAX_STRIP; n++) {
    const word = TRAILING.find((w) => out.endsWith(w))
    if (word === undefined) break
    out = out.slice(0, out.length - word.length)
  }
  return out
}

function stripLeading(s: string): string {
  let out = s
  for (let n = 0; n < MAX_STRIP; n++) {
    const next = out.replace(LEADING, '')
    if (next === out) break
    out = next
  }
  return out
}

/**
 * The part after the last verb or opener ("完成项目投资" → "项目投资"); when the verb ends the
 * stretch, the noun before it ("规上工业总产值完成" → "规上工业总产值").
 */
function afterLastCut(s: string): string {
  let cut = 0
  let cutAt = 0
  for (const w of CUT_WORDS) {
    const at = s.lastIndexOf(w)
    if (at >= 0 && at + w.length > cut) {
      cut = at + w.length
      cutAt = at
    }
  }
  if (cut < s.length || cutAt === 0) return s.slice(cut)
  return afterLastCut(s.slice(0, cutAt))
}

/** The noun a measure word counts, read after it ("31个项目" → "项目"). */
function nounAfter(after: string): string {
  // "…1.2%和2.4%": a connective after the figure starts the next figure, not a noun.
  if (/^[和及与或]/.test(after)) return ''
  const head = after.slice(0, MAX_AFTER + 2)
  const stop = AFTER_STOP.exec(head)
  const noun = (stop === null ? head : head.slice(0, stop.index)).slice(0, MAX_AFTER)
  return /^[\u3400-\u9fffA-Za-z0-9]+$/.test(noun) ? noun : ''
}

export interface IndicatorInput {
  /** Clause text from after the subject and period (whichever ends later) up to the figure. */
  before: string
  /** Clause text after the figure. */
  after: string
  family: FigureFamily
  role: Role
}

export function indicatorPhrase(input: IndicatorInput): string | null {
  const after = input.after.replace(QUOTES, '')
  // Number, measure word, noun: "投资31个项目", "等12项指标", "由4幢居民公寓楼…组成" count the noun after.
  if (input.family === 'count' || input.family === 'bare') {
    const noun = nounAfter(after)
    if (noun.length > 0) return noun
  }
  const phrase = stripLeading(afterLastCut(stripTrailing(input.before.slice(-MAX_BEFORE).replace(QUOTES, ''))))
  // "共22.53万平方米的物业管理提升": the figure first, then what it measures, when nothing (or only
  // the noun of the figure before, "5个片区共…") names it in front.
  if (phrase.length <= 2 && after.startsWith('的')) {
    const noun = nounAfter(after.slice(1))
    if (noun.length > 2) return noun
  }
  if (phrase.length === 0) {
    const noun = nounAfter(after)
    return noun.length > 0 ? noun : null
  }
  // "年度目标5亿元": role words alone name no indicator.
  if (ROLE_WORDS_ONLY.test(phrase)) return null
  return phrase.length > MAX_PHRASE ? phrase.slice(-MAX_PHRASE) : phrase
}

/** Report words that end a headline without being its indicator: "…完成情况通报", "…统计表". */
const HEADLINE_TAIL = /(?:完成情况通报|完成情况|进展情况|情况通报|情况|通报|统计表|一览表|汇总表|排名表|表)$/
const HEADLINE_HEAD = /^(?:各街道|各镇街|各镇|各乡镇|各社区|各村|各单位|全区|全市|全县|全镇|各)/

/**
 * The indicator a headline names after its period ("各街道1-10月固定资产投资完成情况通报" →
 * "固定资产投资"), for the lines under it that name none ("城东街道：年度目标5亿元，完成4.2亿元").
 */
export function headlineIndicator(afterPeriod: string): string | null {
  const name = afterPeriod.trim().replace(HEADLINE_TAIL, '').replace(HEADLINE_HEAD, '')
  return name.length >= 2 && name.length <= MAX_PHRASE && /^[\u3400-\u9fffA-Za-z0-9]+$/.test(name) ? name : null
}
