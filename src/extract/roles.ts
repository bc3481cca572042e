/**
 * What a figure is for, read from the words before it in its clause (and a few after it). Chinese
 * puts the word that governs a figure right in front of it: 计划投资4.97亿元, 完成投资4.32亿元,
 * 增幅43.7%, 完成工程进度27%, 占比7.78%. So the *nearest* role word before the figure decides,
 * with these refinements:
 *
 * - a modal before an achievement verb makes a plan: 计划完成, 力争全年实现, 预计达到 → target
 *   (but 按计划完成 is done as planned);
 * - 达到 only links: in "居民达到90%" the words before it say what the percentage is;
 * - a rise or fall verb followed by 到/至 states a level, not a change: 满意率提升至98% is a rate;
 * - a percentage of a plan is a completion rate: 完成年度计划的86.85%, 占全年目标的72%.
 *
 * Falls (下降, 减少, 落后序时进度) come back as sign −1: a decline of 3.2 % is growth −3.2.
 */
import type { FigureFamily } from './figures'
import type { FigureKind, Role } from './types'

/** How far back a role word may stand from its figure, within the clause. */
const LOOKBACK = 24
const LOOKAHEAD = 8

type Cue = 'target' | 'actual' | 'reach' | 'completion' | 'growth' | 'fall' | 'gap' | 'progress' | 'share' | 'rate' | 'compare'

/** Role words. Where two end at the same place the longer wins (序时进度 over 进度), whatever the order here. */
const CUES: ReadonlyArray<readonly [word: string, cue: Cue]> = [
  ['序时进度', 'gap'],
  ['时间进度', 'gap'],
  ['序时', 'gap'],
  ['完成率', 'completion'],
  ['完成比例', 'completion'],
  ['执行率', 'completion'],
  ['进度', 'progress'],
  ['计划', 'target'],
  ['目标', 'target'],
  ['任务', 'target'],
  ['预计', 'target'],
  ['预期', 'target'],
  ['力争', 'target'],
  ['争取', 'target'],
  ['确保', 'target'],
  ['拟', 'target'],
  ['完成', 'actual'],
  ['实现', 'actual'],
  ['累计', 'actual'],
  ['达到', 'reach'],
  ['达', 'reach'],
  ['同比', 'compare'],
  ['环比', 'compare'],
  ['比上年', 'compare'],
  ['较上年', 'compare'],
  ['比去年', 'compare'],
  ['较去年', 'compare'],
  ['比上年同期', 'compare'],
  ['负增长', 'fall'],
  ['增长', 'growth'],
  ['增幅', 'growth'],
  ['增速', 'growth'],
  ['涨幅', 'growth'],
  ['上升', 'growth'],
  ['提高', 'growth'],
  ['提升', 'growth'],
  ['增加', 'growth'],
  ['下降', 'fall'],
  ['降幅', 'fall'],
  ['降低', 'fall'],
  ['减少', 'fall'],
  ['回落', 'fall'],
  ['下滑', 'fall'],
  ['收窄', 'fall'],
  ['落后', 'fall'],
  ['低于', 'fall'],
  ['滞后', 'fall'],
  ['慢于', 'fall'],
  ['占比', 'share'],
  ['比重', 'share'],
  ['份额', 'share'],
  ['占', 'share'],
  ['满意度', 'rate'],
  ['知晓度', 'rate'],
  ['参与度', 'rate'],
  ['指数', 'rate'],
  ['率', 'rate'],
]

/** Modals that turn an achievement verb after them in the clause into a plan ("力争全年完成…"). */
const MODALS = ['计划', '预计', '力争', '争取', '确保', '预期', '拟', '有望', '将']
/** After a rise verb, these make it a level ("提升至98%"), not a change. */
const LEVEL_AFTER = ['到', '至', '为']
/** After the figure: "…5亿元的目标", "…为目标任务" make it the target. */
const TARGET_AFTER = /^(?:的)?(?:年度|全年)?(?:目标|任务|计划)/

interface Found {
  cue: Cue
  /** Offset in the window where the word starts. */
  at: number
  word: string
}

/** Cues by their last character, so that a backward scan checks only the words that can end at a position. */
const BY_LAST = new Map<string, Array<readonly [string, Cue]>>()
for (const entry of [...CUES].sort((a, b) => b[0].length - a[0].length)) {
  const last = entry[0][entry[0].length - 1] ?? ''
  BY_LAST.set(last, [...(BY_LAST.get(last) ?? []), entry])
}

/**
 * The nearest role word before the end of `window`: the one ending last, the longest of those
 * ending at the same place ("序时进度" over "进度"). One backward scan that stops at the first hit.
 */
function nearestCue(window: string): Found | null {
  for (let end = window.length; end > 0; end--) {
    for (const [word, cue] of BY_LAST.get(window[end - 1] ?? '') ?? []) {
      const at = end - word.length
      if (at >= 0 && window.startsWith(word, at)) return { cue, at, word }
    }
  }
  return null
}

function any(window: string, cue: Cue): boolean {
  return CUES.some(([word, c]) => c === cue && window.includes(word))
}

interface Reading {
  role: Role
  /** −1 where the words say the figure falls or lags (下降3.2%, 落后序时进度2个百分点). */
  sign: 1 | -1
}

export interface RoleReading extends Reading {
  /** False when no role word stood in the clause: the role is only the default for the unit. */
  cued: boolean
}

export interface RoleInput {
  /** The clause text before the figure (the role reader looks at its last characters only). */
  before: string
  /** The clause text after the figure. */
  after: string
  family: FigureFamily
  /** True for 竣工/完工, which the number reader reports as 100 % progress. */
  completionWord: boolean
}

function percentRole(before: string, cue: Found | null): Reading {
  if (cue === null) return { role: 'share', sign: 1 }
  switch (cue.cue) {
    case 'gap':
      return { role: 'gap', sign: any(before, 'fall') ? -1 : 1 }
    case 'progress':
      return { role: 'progress', sign: 1 }
    case 'completion':
      return { role: 'completion_rate', sign: 1 }
    case 'target':
      // "完成年度计划的86.85%", "占全年目标的72%": a percentage *of* the plan.
      return /的$/.test(before) || any(before, 'actual') || before.includes('占')
        ? { role: 'completion_rate', sign: 1 }
        : { role: 'target', sign: 1 }
    case 'actual':
      // "已完成86%": a percentage after an achievement verb is how much of the work is done.
      return { role: 'completion_rate', sign: 1 }
    case 'share':
      return { role: 'share', sign: 1 }
    case 'rate':
      return { role: 'actual', sign: 1 }
    case 'growth':
    case 'fall':
    case 'compare':
      return { role: 'growth', sign: cue.cue === 'fall' ? -1 : 1 }
    case 'reach':
      // "居民达到90%": 达到 only links; what comes before it says what the percentage is.
      return percentRole(before.slice(0, cue.at), nearestCue(before.slice(0, cue.at)))
  }
}

/** Is the rise or fall word followed by 到/至/为, so that it states a level? */
function statesLevel(before: string, cue: Found): boolean {
  const rest = before.slice(cue.at + cue.word.length)
  return LEVEL_AFTER.some((w) => rest.startsWith(w))
}

export function readRole(input: RoleInput): RoleReading {
  const cued = nearestCue(input.before.slice(-LOOKBACK)) !== null || TARGET_AFTER.test(input.after)
  return { ...readRoleOnce(input), cued }
}

function readRoleOnce(input: RoleInput): Reading {
  const { family } = input
  if (family === 'rank') return { role: 'rank', sign: 1 }
  if (input.completionWord) return { role: 'progress', sign: 1 }
  const before = input.before.slice(-LOOKBACK)
  const after = input.after.slice(0, LOOKAHEAD)
  let cue = nearestCue(before)

  // 计划完成, 力争全年实现: the plan governs the verb.
  if (cue !== null && (cue.cue === 'actual' || cue.cue === 'reach')) {
    // 按计划完成, 超计划完成: done as (or beyond) planned, which is an actual.
    const lead = before.slice(0, cue.at).replace(/(?:按照?|超额?|提前)计划/g, '')
    if (MODALS.some((m) => lead.includes(m))) return { role: 'target', sign: 1 }
  }
  if (cue !== null && (cue.cue === 'growth' || cue.cue === 'fall') && statesLevel(before, cue)) {
    // "满意率提升至98.6%" states where the rate now is: read it as 达到 and look further back.
    cue = { cue: 'reach', at: cue.at, word: cue.word }
  }

  if (family === 'points') {
    if (any(before, 'gap')) return { role: 'gap', sign: any(before, 'fall') ? -1 : 1 }
    return { role: 'growth', sign: cue !== null && cue.cue === 'fall' ? -1 : 1 }
  }
  if (family === 'percent') return percentRole(before, cue)
  if (cue !== null && cue.cue === 'reach') cue = { cue: 'actual', at: cue.at, word: cue.word }
  if (family === 'multiple') return { role: 'growth', sign: 1 }

  // Amounts, areas and counts.
  if (TARGET_AFTER.test(after)) return { role: 'target', sign: 1 }
  if (cue !== null && cue.cue === 'target') return { role: 'target', sign: 1 }
  // A change in yuan or in units is growth only where the comparison is said (同比增加1.2亿元);
  // "新增停车位100个" is a count of new places, not a change.
  if (any(before, 'compare') && cue !== null && (cue.cue === 'growth' || cue.cue === 'fall' || cue.cue === 'compare')) {
    return { role: 'growth', sign: cue.cue === 'fall' ? -1 : 1 }
  }
  if (family === 'count' || family === 'bare') return { role: 'count', sign: 1 }
  return { role: 'actual', sign: 1 }
}

/** The kind of figure, from its unit and role. */
export function figureKind(family: FigureFamily, role: Role): FigureKind {
  switch (family) {
    case 'currency':
      return 'amount'
    case 'area':
      return 'area'
    case 'rank':
      return 'rank'
    case 'points':
      return 'points'
    case 'measure':
      return 'measure'
    case 'multiple':
      return 'growth'
    case 'percent':
      if (role === 'growth' || role === 'share' || role === 'progress') return role
      return 'rate'
    case 'count':
    case 'bare':
      return 'count'
  }
}
