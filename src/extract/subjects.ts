/**
 * Who a figure is about. Chinese administrative and organisational names end in a small set of
 * words (街道, 镇, 社区, 村, 区, 市; 公司, 基金, 协会; 项目, 基地, 平台 …), so names are found by
 * their ending, and by reading back from it to where the name must begin: a punctuation mark, a
 * function word (的, 在, 向, 与 …) or the end of the name before it ("京口区" + "大市口街道").
 *
 * Which name a figure belongs to follows the shape of a Chinese report sentence: the topic stands
 * at the start of a clause ("大市口街道2023年列入京口区产业项目14个"), while a name after a verb is
 * an object or a scope ("列入京口区…", "位列京口区第一") and is not the subject. A bare "街道" or
 * "社区" refers back to the last one named.
 */
import type { SubjectLevel } from '../domain/model'

export interface Mention {
  /** Offsets into the searched text: the whole mention, e.g. "市重点项目汇鸿科智孵化基地". */
  start: number
  end: number
  /** The innermost name: "汇鸿科智孵化基地". Equal to the suffix alone for a bare "街道". */
  name: string
  level: SubjectLevel | null
  /** Stands at the start of a clause (or continues a name that does): the clause's topic. */
  topic: boolean
  /** A bare "街道"/"社区" that stands for the last one named. */
  generic: boolean
  /** For a generic mention, the name it stands for (the last street or community named before it). */
  refersTo: string | null
}

interface Suffix {
  word: string
  level: SubjectLevel | null
  /** Longest name in front of the suffix; longer runs are phrases, not names. */
  maxName: number
  minName: number
}

const REGION = 6
const NAMED = 12

/** Name endings, longest first. Bare 园, 所, 站 are left out: 家园, 所住, 服务站 are not names. */
const SUFFIXES: readonly Suffix[] = (
  [
    ['街道', 'street', REGION, 2],
    ['社区', 'community', REGION, 2],
    ['镇', 'town', REGION, 2],
    ['乡', 'town', REGION, 2],
    ['村', 'village', REGION, 2],
    ['区', 'district', REGION, 2],
    ['县', 'district', REGION, 2],
    ['市', 'city', REGION, 2],
    ['省', null, REGION, 2],
    ['公司', 'org', NAMED, 2],
    ['集团', 'org', NAMED, 2],
    ['基金', 'org', NAMED, 2],
    ['协会', 'org', NAMED, 2],
    ['商会', 'org', NAMED, 2],
    ['银行', 'org', NAMED, 2],
    ['医院', 'org', NAMED, 2],
    ['分院', 'org', NAMED, 2],
    ['学校', 'org', NAMED, 2],
    ['小学', 'org', NAMED, 2],
    ['中学', 'org', NAMED, 2],
    ['大学', 'org', NAMED, 2],
    ['派出所', 'org', NAMED, 2],
    ['供电所', 'org', NAMED, 2],
    ['管理所', 'org', NAMED, 2],
    ['大队', 'org', NAMED, 2],
    ['支队', 'org', NAMED, 2],
    ['委员会', 'org', NAMED, 2],
    ['合作社', 'org', NAMED, 2],
    ['乐队', 'org', NAMED, 2],
    ['演唱队', 'org', NAMED, 2],
    ['项目', 'project', NAMED, 4],
    ['基地', 'project', NAMED, 2],
    ['平台', 'project', NAMED, 3],
    ['园区', 'project', NAMED, 2],
    ['产业园', 'project', NAMED, 2],
    ['科创园', 'project', NAMED, 2],
    ['科技园', 'project', NAMED, 2],
    ['工业园', 'project', NAMED, 2],
    ['小区', 'project', NAMED, 2],
    ['街区', 'project', NAMED, 2],
  ] as const
)
  .map(([word, level, maxName, minName]): Suffix => ({ word, level, maxName, minName }))
  .sort((a, b) => b.word.length - a.word.length)

/** Administrative units (街道, 镇, 区 …), as opposed to organisations and projects. */
function isRegion(s: Suffix): boolean {
  return s.maxName === REGION && s.level !== null
}

/** Suffixes a bare mention of which refers back ("街道实现…" is the street just named). */
const GENERIC_OK = new Set(['街道', '社区'])
const DEMONSTRATIVES = new Set(['该', '本', '此', '这'])
/** "全区", "全市", "全街道": the whole of a unit the report is about, named or not. */
const WHOLE_OF = '全'
/** After a one-character suffix, characters that make it the start of a word (市场, 区域, 村民, 区委). */
const NOT_SUFFIX_BEFORE = new Set([...'域场民级委内外里属直容貌化'])
/** Common nouns that end like a name: 城镇, 城乡, 乡村, 城市, 农村 (the last character before the suffix, and the suffix). */
const COMMON_NOUNS = new Set(['城镇', '城乡', '乡村', '城市', '农村', '山村', '渔村', '乡镇', '村镇'])

/** Characters that cannot be inside a name: where reading back stops. 和 is left out (永和佳苑). */
const STOP_CHARS = new Set([...'的在向于对把被从给让使经据到与及等为是了着由将以并即也都还又已再就其该各每全本这那共我个'])
/** Words that open a clause before its topic ("其中", "目前", "近日"): a name right after them is the topic. */
const OPENERS = new Set(['其中', '目前', '近日', '今年', '以来', '同时', '此外', '另外', '记者', '日前', '近年', '去年', '当天', '随后', '截至'])
/**
 * Verbs a name follows as an object or a scope ("位列京口区第一", "获得镇江市…称号", "感谢社区"):
 * reading back stops at them, and the name is not the clause's topic.
 */
const VERBS = new Set([
  '家住', '位于', '地处', '位列', '位居', '列入', '名列', '获得', '荣获', '实现', '完成', '开展', '推进', '组织', '建成', '打造', '联合',
  '成为', '属于', '来自', '感谢', '走进', '落户', '进入', '覆盖', '包括', '携手', '依托', '联系', '通过', '按照',
  '围绕', '针对', '深入', '前往', '参加', '参与', '入选', '选址', '签约', '投资', '支持', '服务', '帮助', '指导',
  '改造', '新建', '建设', '提升', '整治', '涉及', '惠及', '覆盖', '新增', '走访', '慰问',
])
/** Names made only of these are legal forms, not names ("股份有限公司"). */
const GENERIC_NAMES = new Set([
  '股份有限', '有限', '有限责任', '股份', '分', '总', '子', '该', '本',
  // Kinds of estate, not names: 老旧小区, 安置房小区.
  '老旧', '安置', '安置房', '商品房', '住宅', '居民', '开放式', '封闭式', '城中村', '农村', '重点', '产业',
])

function isNameChar(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const code = ch.charCodeAt(0)
  const han = code >= 0x3400 && code <= 0x9fff
  const latin = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
  return (han && !STOP_CHARS.has(ch)) || latin || ch === '·'
}

function matchSuffix(text: string, i: number): Suffix | null {
  for (const s of SUFFIXES) {
    if (!text.startsWith(s.word, i)) continue
    if (s.word.length === 1 && NOT_SUFFIX_BEFORE.has(text[i + 1] ?? '')) return null
    return s
  }
  return null
}

/**
 * Clause openings: what may stand right before a topic. Not 、 (the next item of a list, an object
 * like the first) and not an opening quote (a quoted name is a brand: “美好大市口”); a closing quote
 * ends a quoted sentence, so what follows opens the next.
 */
function opensClause(ch: string | undefined): boolean {
  return ch === undefined || '，,。；;：:！!？?\n\r \u3000”」』'.includes(ch)
}

/** How far back a clause's opening modifier may reach ("总投资12亿元的华创…项目"). */
const MODIFIER_REACH = 24

/**
 * "总投资12亿元的华创智能制造产业园项目完成投资…", "位于深南路的第三街区由4幢…组成": a name after 的
 * that is the first name of its clause heads the clause's subject, however long its modifier.
 */
function headsClause(text: string, k: number, lastEnd: number): boolean {
  if (text[k - 1] !== '的') return false
  for (let j = k - 2; j >= Math.max(0, k - MODIFIER_REACH); j--) {
    if (j < lastEnd) return false
    if (opensClause(text[j])) return true
  }
  return k - MODIFIER_REACH <= 0 && lastEnd < 0
}

/** Does a name have to begin at `k`, because an opener or a verb ends there? */
function stopsBefore(text: string, k: number): boolean {
  const two = text.slice(k - 2, k)
  return OPENERS.has(two) || VERBS.has(two)
}

/**
 * The innermost name inside a run: "市重点项目汇鸿科智孵化" + 基地 → "汇鸿科智孵化基地". Splits after
 * the last inner suffix that leaves at least two characters of name on its right.
 */
function innermost(run: string, suffix: string): string {
  for (let k = run.length - 3; k > 0; k--) {
    const inner = SUFFIXES.find((s) => k - s.word.length + 1 > 0 && run.startsWith(s.word, k - s.word.length + 1))
    if (inner !== undefined) return run.slice(k + 1) + suffix
  }
  return run + suffix
}

/** Every name in the text, in order. Linear: each suffix reads back at most `maxName` characters. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = []
  const lastNamed = new Map<SubjectLevel | null, string>()
  let lastEnd = -1
  let lastTopic = false
  let i = 0
  while (i < text.length) {
    const suffix = matchSuffix(text, i)
    if (suffix === null) {
      i++
      continue
    }
    // Read the name back from the suffix to where a name must begin.
    let k = i
    while (k > 0 && k > lastEnd && i - k < suffix.maxName + 1 && isNameChar(text[k - 1]) && !stopsBefore(text, k)) k--
    const run = text.slice(k, i)
    const chained = k === lastEnd
    const bounded = chained || k === 0 || !isNameChar(text[k - 1]) || stopsBefore(text, k)
    const end = i + suffix.word.length
    const previous = out[out.length - 1]
    if (run === '' && chained && previous !== undefined && (GENERIC_OK.has(suffix.word) || suffix.level === 'project' || suffix.level === 'org')) {
      // "狼山镇街道": a street named after the town it was; "…产业园项目", "…基金公司": one name.
      out[out.length - 1] = { ...previous, end, name: previous.name + suffix.word, level: suffix.level }
      lastNamed.set(suffix.level, previous.name + suffix.word)
      lastEnd = end
      i = end
      continue
    }
    if (run === '' && text[i - 1] === WHOLE_OF && isRegion(suffix)) {
      const topic = opensClause(text[i - 2])
      const refersTo = lastNamed.get(suffix.level) ?? null
      out.push({ start: i - 1, end, name: WHOLE_OF + suffix.word, level: suffix.level, topic, generic: true, refersTo })
      lastEnd = end
      lastTopic = topic
      i = end
      continue
    }
    if (run === '' && GENERIC_OK.has(suffix.word)) {
      // "该街道", "本社区": the demonstrative belongs to the mention, which may still open its clause.
      const demonstrative = DEMONSTRATIVES.has(text[i - 1] ?? '')
      const from = demonstrative ? i - 1 : i
      const topic = opensClause(text[from - 1]) || OPENERS.has(text.slice(from - 2, from))
      const refersTo = lastNamed.get(suffix.level) ?? null
      out.push({ start: from, end, name: text.slice(from, end), level: suffix.level, topic, generic: true, refersTo })
      lastEnd = end
      lastTopic = topic
      i = end
      continue
    }
    const common = COMMON_NOUNS.has((run[run.length - 1] ?? '') + suffix.word)
    if (!bounded || common || run.length < suffix.minName || run.length > suffix.maxName || GENERIC_NAMES.has(run)) {
      i += suffix.word.length
      continue
    }
    const name = innermost(run, suffix.word)
    if (name.length - suffix.word.length < Math.min(suffix.minName, 2)) {
      i += suffix.word.length
      continue
    }
    const topic = chained ? lastTopic : opensClause(text[k - 1]) || OPENERS.has(text.slice(k - 2, k)) || headsClause(text, k, lastEnd)
    out.push({ start: k, end, name, level: suffix.level, topic, generic: false, refersTo: null })
    lastNamed.set(suffix.level, name)
    lastEnd = end
    lastTopic = topic
    i = end
  }
  return out
}

/** Opening words before a project name that are not part of it ("市重点项目", "目前"). */
const NOT_NAME_OPENING = /^(?:目前|近日|其中|同时|[省市区县]?(?:级)?重点项目)/
/** Adverbs between a project name and 竣工 ("…工程已竣工", "…顺利完工"). */
const NOT_NAME_CLOSING = /(?:已经|已|全面|顺利|基本|正式|如期|提前)+$/
const MAX_PROJECT_NAME = 20

/**
 * "京东优购智慧云竣工运营": a project named without a suffix, as the whole clause before 竣工.
 * Only when that stretch is a plain run of name characters of a plausible length.
 */
export function nameBefore(clauseBefore: string): string | null {
  if (clauseBefore.length > MAX_PROJECT_NAME + 12) return null
  const run = clauseBefore.replace(NOT_NAME_OPENING, '').replace(NOT_NAME_CLOSING, '')
  if (run.length < 2 || run.length > MAX_PROJECT_NAME) return null
  for (const ch of run) if (!isNameChar(ch)) return null
  return run
}

export type SubjectVia = 'clause' | 'sentence' | 'after' | 'earlier'

export interface MentionIndex {
  mentions: Mention[]
  /** `lastTopic[j]`: index of the last topic mention among mentions 0..j, or −1. */
  lastTopic: Int32Array
}

export function indexMentions(mentions: Mention[]): MentionIndex {
  const lastTopic = new Int32Array(mentions.length)
  let last = -1
  mentions.forEach((m, j) => {
    if (m.topic) last = j
    lastTopic[j] = last
  })
  return { mentions, lastTopic }
}

/** Index of the last mention ending at or before `pos`, or −1. */
function lastEndingBefore(mentions: Mention[], pos: number): number {
  let lo = 0
  let hi = mentions.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((mentions[mid]?.end ?? Infinity) <= pos) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** How many names after a figure a headline may hold before its subject; bounds the search. */
const MAX_AFTER = 8

/**
 * The subject of a figure at [start, end): the topic of its clause, else of its sentence, else
 * a topic named later in the same sentence (a headline names its project after the figure), else
 * the last topic before the sentence.
 */
export function subjectFor(
  index: MentionIndex,
  start: number,
  end: number,
  clause: { start: number; end: number },
  sentence: { start: number; end: number },
): { mention: Mention; via: SubjectVia } | null {
  const { mentions, lastTopic } = index
  const before = lastEndingBefore(mentions, start)
  const t = before < 0 ? -1 : (lastTopic[before] ?? -1)
  const topic = t < 0 ? undefined : mentions[t]
  if (topic !== undefined && topic.start >= clause.start) return { mention: topic, via: 'clause' }
  if (topic !== undefined && topic.start >= sentence.start) return { mention: topic, via: 'sentence' }
  // After the figure: any name in its own clause ("总投资12亿元的X项目"), a topic elsewhere in the sentence.
  for (let j = before + 1, seen = 0; j < mentions.length && seen < MAX_AFTER; j++, seen++) {
    const m = mentions[j]
    if (m === undefined || m.end > sentence.end) break
    if (m.start >= end && (m.topic || m.end <= clause.end)) return { mention: m, via: 'after' }
  }
  return topic === undefined ? null : { mention: topic, via: 'earlier' }
}

/** A name in the clause before a rank that is not its topic: the scope it is ranked in ("位列京口区第一"). */
export function scopeBefore(index: MentionIndex, clauseStart: number, at: number): Mention | null {
  for (let j = lastEndingBefore(index.mentions, at); j >= 0; j--) {
    const m = index.mentions[j]
    if (m === undefined || m.start < clauseStart) break
    if (!m.topic) return m
  }
  return null
}
