/**
 * The district summary in words, from the facts of `districtSummary.ts`:
 *
 *   1-10月，京口区12个街道合计完成项目投资52.30亿元，占年度计划的85.2%，平均每个街道4.36亿元。
 *   7个街道超序时进度，4个滞后，1个与序时进度基本持平。超序时进度的有：甲、乙…；滞后的有：…。
 *   其中，甲进度最快，占年度计划的95.0%，超序时进度11.7个百分点；癸进度最慢，…。
 *
 * Name lists follow the ranking, best first, in every group. The pooled 完成率 is stated only when
 * every street in the total has a plan: otherwise the total and the plans would cover different
 * streets and the sentence would compare unlike sums.
 */
import type { LocaleCode, Observation, SubjectLevel } from '../domain/model'
import { unitInfo } from '../domain/units'
import type { DistrictEntry, DistrictSummary } from './districtSummary'
import { completionPhrase, gapPhrase, planLabel } from './progressPhrases'
import { capitalize, derivedPercent, inlineName, nameList, periodPhrase, reportQuantity, statedPercent } from './reportFormat'
import { figure, normalizeSegments, sourceOf, text, type FigureSource, type Segment } from './segments'

export interface DistrictTextOptions {
  locale: LocaleCode
  includeYear?: boolean
}

interface Noun {
  zh: string
  one: string
  other: string
}

const NOUNS: Partial<Record<SubjectLevel, Noun>> = {
  district: { zh: '区', one: 'district', other: 'districts' },
  street: { zh: '街道', one: 'subdistrict', other: 'subdistricts' },
  town: { zh: '镇', one: 'town', other: 'towns' },
  community: { zh: '社区', one: 'community', other: 'communities' },
  village: { zh: '村', one: 'village', other: 'villages' },
}

/** What the children are called together: 街道, 镇, 镇街 (both), 村（社区） … */
function nounFor(entries: readonly DistrictEntry[]): Noun {
  const levels = new Set(entries.map((e) => e.subject.level))
  if (levels.size === 1) {
    const [level] = [...levels]
    const noun = level === undefined ? undefined : NOUNS[level]
    if (noun) return noun
  }
  if ([...levels].every((l) => l === 'street' || l === 'town')) {
    return { zh: '镇街', one: 'subdistrict or town', other: 'subdistricts and towns' }
  }
  if ([...levels].every((l) => l === 'community' || l === 'village')) {
    return { zh: '村（社区）', one: 'community or village', other: 'communities and villages' }
  }
  return { zh: '地区', one: 'area', other: 'areas' }
}

function counted(n: number, noun: Noun, locale: LocaleCode, sources: FigureSource[]): Segment[] {
  const count = figure(String(n), { role: 'count', value: n, sources, derived: true })
  if (locale === 'zh-CN') return [count, text(`个${noun.zh}`)]
  return [count, text(` ${n === 1 ? noun.one : noun.other}`)]
}

function countFigure(n: number, sources: FigureSource[]): Segment {
  return figure(String(n), { role: 'count', value: n, sources, derived: true })
}

function actualSources(entries: readonly DistrictEntry[]): FigureSource[] {
  return entries.map((e) => sourceOf(e.observation, 'actual'))
}

function planSources(entries: readonly DistrictEntry[]): FigureSource[] {
  return entries.flatMap((e) => [sourceOf(e.observation, 'actual'), sourceOf(e.observation, 'target')])
}

function names(entries: readonly DistrictEntry[], locale: LocaleCode): string {
  return nameList(
    entries.map((e) => (locale === 'zh-CN' ? e.subject.name.zh : e.subject.name.en)),
    locale,
  )
}

function quantity(s: DistrictSummary, value: number, locale: LocaleCode, o: Observation | null): string {
  return reportQuantity(value, s.indicator.unit, locale, o ? { qualifier: o.qualifier, upper: o.actualUpper } : {})
}

/** Sentence 1: the total, the pooled 完成率 and the average. */
function totalSentence(s: DistrictSummary, opts: DistrictTextOptions): Segment[] {
  const { locale } = opts
  const zh = locale === 'zh-CN'
  const when = periodPhrase(s.period, locale, opts.includeYear ?? false)
  const name = zh ? s.indicator.name.zh : inlineName(s.indicator.name.en)
  const withActual = s.measure === 'yoy' ? s.entries : s.entries.concat(s.withoutPlan)
  const noun = nounFor(withActual)
  const parentName = zh ? s.parent.name.zh : s.parent.name.en
  const n = withActual.length
  const all = actualSources(withActual)
  const out: Segment[] = []

  if (s.measure === 'yoy') {
    const avg = s.average ?? 0
    const avgFigure = figure(derivedPercent(Math.abs(avg), locale), { role: 'average', value: avg, sources: s.entries.map((e) => sourceOf(e.observation, 'yoy')), derived: true })
    if (zh) {
      out.push(text(`${when}，${parentName}`), ...counted(n, noun, locale, []), text(`${name}平均同比${avg < 0 ? '下降' : '增长'}`), avgFigure)
    } else {
      out.push(text(`In ${when}, ${name} in the `), ...counted(n, noun, locale, []), text(` of ${parentName} ${avg < 0 ? 'fell' : 'grew'} `), avgFigure, text(' year on year on average'))
    }
    out.push(text(zh ? '。' : '.'))
    return out
  }

  const higherTotal = s.total !== null && s.indicator.direction === 'higher'
  // English "completed … of" fits money only; other totals "came to".
  const completedEn = higherTotal && s.indicator.kind === 'amount'
  if (zh) out.push(text(`${when}，${parentName}`), ...counted(n, noun, locale, all))
  else if (completedEn) out.push(text(`In ${when}, the `), ...counted(n, noun, locale, all), text(` of ${parentName}`))
  else out.push(text(`In ${when}, ${name} in the `), ...counted(n, noun, locale, all), text(` of ${parentName}`))

  if (s.total !== null) {
    const total = figure(quantity(s, s.total, locale, null), { role: 'total', value: s.total, sources: all, derived: true })
    if (zh) out.push(text(higherTotal ? `合计完成${name}` : `${name}合计`), total)
    else out.push(text(completedEn ? ` completed ${name} of ` : ' came to '), total, text(' in total'))
    const everyPlanned = s.measure === 'progress' && s.withoutPlan.length === 0
    if (everyPlanned && s.pooledCompletion !== null) {
      const label = planLabel(s.entries[0]?.observation.targetPeriod ?? null, s.indicator.direction, locale)
      out.push(text(zh ? '，' : ', '), ...completionPhrase(s.pooledCompletion, label, s.indicator.direction, locale, planSources(s.entries)))
    }
  }
  if (s.average !== null) {
    // A mean is computed, so a mean rate takes the computed-rate rule (one fixed decimal).
    const printed = unitInfo(s.indicator.unit).family === 'percent' ? derivedPercent(s.average, locale) : quantity(s, s.average, locale, null)
    const average = figure(printed, { role: 'average', value: s.average, sources: all, derived: true })
    if (s.total !== null) {
      if (zh) out.push(text(`，平均每个${noun.zh}`), average)
      else out.push(text(', an average of '), average, text(` per ${noun.one}`))
    } else {
      out.push(text(zh ? `${name}平均为` : ' averaged '), average)
    }
  }
  out.push(text(zh ? '。' : '.'))
  return out
}

interface Group {
  entries: DistrictEntry[]
  zh: string
  en: string
  zhList: string
  enList: string
}

function progressGroups(s: DistrictSummary): Group[] {
  const lower = s.indicator.direction === 'lower'
  return [
    lower
      ? { entries: s.ahead, zh: '低于序时进度', en: 'below the time-elapsed share', zhList: '低于序时进度的有：', enList: 'below the time-elapsed share: ' }
      : { entries: s.ahead, zh: '超序时进度', en: 'ahead of schedule', zhList: '超序时进度的有：', enList: 'ahead of schedule: ' },
    lower
      ? { entries: s.behind, zh: '高于序时进度', en: 'above it', zhList: '高于序时进度的有：', enList: 'above the time-elapsed share: ' }
      : { entries: s.behind, zh: '滞后', en: 'behind', zhList: '滞后的有：', enList: 'behind schedule: ' },
    { entries: s.onTime, zh: '与序时进度基本持平', en: 'broadly on schedule', zhList: '基本持平的有：', enList: 'broadly on schedule: ' },
  ].filter((g) => g.entries.length > 0)
}

/** Sentence 2: "7个街道超序时进度，4个滞后" with the lists in ranking order. */
function statusSentences(s: DistrictSummary, locale: LocaleCode): Segment[] {
  const zh = locale === 'zh-CN'
  const groups = progressGroups(s)
  const noun = nounFor(s.entries)
  const out: Segment[] = []
  groups.forEach((g, i) => {
    const sources = planSources(g.entries)
    if (zh) {
      out.push(text(i === 0 ? '' : '，'))
      out.push(...(i === 0 ? counted(g.entries.length, noun, locale, sources) : [countFigure(g.entries.length, sources), text('个')]))
      out.push(text(g.zh))
    } else {
      out.push(text(i === 0 ? '' : i === groups.length - 1 ? ' and ' : ', '))
      if (i === 0) out.push(...counted(g.entries.length, noun, locale, sources), text(g.entries.length === 1 ? ' is ' : ' are '))
      else out.push(countFigure(g.entries.length, sources), text(' '))
      out.push(text(g.en))
    }
  })
  if (s.withoutPlan.length > 0) {
    const k = s.withoutPlan.length
    const sources = actualSources(s.withoutPlan)
    if (zh) out.push(text('；另有'), countFigure(k, sources), text(`个${nounFor(s.withoutPlan).zh}未设计划（${names(s.withoutPlan, locale)}）`))
    else out.push(text('; '), countFigure(k, sources), text(` more ${k === 1 ? 'has' : 'have'} no plan (${names(s.withoutPlan, locale)})`))
  }
  out.push(text(zh ? '。' : '. '))
  const lists = groups.map((g) => (zh ? `${g.zhList}${names(g.entries, locale)}` : `${g.enList}${names(g.entries, locale)}`))
  const joined = lists.join(zh ? '；' : '; ')
  out.push(text(zh ? `${joined}。` : `${capitalize(joined)}.`))
  return out
}

/** Sentence 3 ('progress'): the best and the worst with their 完成率 and gap. */
function extremesProgress(s: DistrictSummary, locale: LocaleCode): Segment[] {
  const zh = locale === 'zh-CN'
  const { best, worst } = s
  if (!best?.assessment || !worst?.assessment) return []
  const lower = s.indicator.direction === 'lower'
  const label = planLabel(best.observation.targetPeriod, s.indicator.direction, locale)
  const part = (e: DistrictEntry, isBest: boolean): Segment[] => {
    const a = e.assessment
    if (!a) return []
    const sources = planSources([e])
    const name = zh ? e.subject.name.zh : e.subject.name.en
    const lead = zh
      ? `${name}${lower ? (isBest ? '控制最好' : '控制最差') : isBest ? '进度最快' : '进度最慢'}，`
      : `${name} ${isBest ? 'leads' : 'trails'} at `
    const completion = completionPhrase(a.completion, label, s.indicator.direction, locale, sources)
    return [text(lead), ...completion, text(zh ? '，' : ', '), ...gapPhrase(a.gap, a.status, s.indicator.direction, locale, sources)]
  }
  return [text(zh ? '其中，' : ''), ...part(best, true), text(zh ? '；' : '; '), ...part(worst, false), text(zh ? '。' : '.')]
}

/** Sentences 2–3 ('actual', 'yoy'): highest and lowest, then the whole ranking. */
function extremesLevel(s: DistrictSummary, locale: LocaleCode): Segment[] {
  const zh = locale === 'zh-CN'
  const { best, worst } = s
  if (!best || !worst) return []
  const yoy = s.measure === 'yoy'
  const lower = s.indicator.direction === 'lower'
  const [high, low] = lower ? [worst, best] : [best, worst]
  const name = zh ? s.indicator.name.zh : inlineName(s.indicator.name.en)
  const valueOf = (e: DistrictEntry): Segment => {
    const o = e.observation
    if (yoy) {
      const v = o.yoy ?? 0
      return figure(`${v < 0 ? '-' : ''}${statedPercent(Math.abs(v), locale)}`, { role: 'yoy', value: v, sources: [sourceOf(o, 'yoy')] })
    }
    const v = o.actual ?? 0
    return figure(quantity(s, v, locale, o), { role: 'actual', value: v, sources: [sourceOf(o, 'actual')] })
  }
  const nm = (e: DistrictEntry): string => (zh ? e.subject.name.zh : e.subject.name.en)
  const ranking = names(lower ? [...s.entries].reverse() : s.entries, locale)
  if (zh) {
    const what = yoy ? `${name}增幅` : name
    return [
      text(`${what}最高的是${nm(high)}，为`),
      valueOf(high),
      text(`；最低的是${nm(low)}，为`),
      valueOf(low),
      text(`。由高到低依次为：${ranking}。`),
    ]
  }
  const what = yoy ? `${name} growth` : name
  return [
    text(`${nm(high)} has the highest ${what}, `),
    valueOf(high),
    text(`; ${nm(low)} the lowest, `),
    valueOf(low),
    text(`. From highest to lowest: ${ranking}.`),
  ]
}

/** The summary as sentences (segment lists); a renderer joins them into a paragraph. */
export function districtSummarySentences(s: DistrictSummary, opts: DistrictTextOptions): Segment[][] {
  const sentences: Segment[][] = [totalSentence(s, opts)]
  if (s.measure === 'progress') {
    sentences.push(statusSentences(s, opts.locale))
    if (s.entries.length > 1) sentences.push(extremesProgress(s, opts.locale))
  } else if (s.entries.length > 1) {
    sentences.push(extremesLevel(s, opts.locale))
  }
  return sentences.map((x) => normalizeSegments(x)).filter((x) => x.length > 0)
}
