/**
 * From report text to candidate figures: where each figure is, what it is for, whom and what it is
 * about, and when. Pure: a string in, plain objects out, so the CLI and the review page share it.
 *
 * The text is first joined across page breaks (offsets still point into the caller's string), cut
 * into sentences and clauses, and searched once each for figures, names and period phrases; each
 * figure then reads its role, subject, indicator and period from its clause and sentence.
 */
import { unitInfo } from '../domain/units'
import { findFigures, type Figure } from './figures'
import { headlineIndicator, indicatorPhrase } from './indicators'
import { joinPageBreaks, toInputSpan, type JoinedText } from './pageBreaks'
import { findPeriodPhrases, indexPeriods, periodKeyOf, type PeriodContext, type PeriodIndex, type PeriodPhrase } from './periods'
import { figureKind, readRole } from './roles'
import { segment, type Bounds, type Segments } from './segments'
import { findMentions, indexMentions, nameBefore, scopeBefore, subjectFor, type MentionIndex } from './subjects'
import type { Candidate, Role, Span, SubjectRef } from './types'

export type ExtractOptions = PeriodContext

const COMPLETION_WORDS = new Set(['竣工', '完工'])
/**
 * How far a figure's clause and sentence may reach on either side. Real clauses are far shorter;
 * the bound keeps the work per figure, and the size of what is returned, independent of the
 * length of a text without punctuation.
 */
const CLAUSE_REACH = 120
const SENTENCE_REACH = 400

function clip(b: Bounds, start: number, end: number, reach: number): Bounds {
  return { start: Math.max(b.start, start - reach), end: Math.min(b.end, end + reach) }
}

/** Roles that describe the figure stated just before them rather than a thing of their own. */
const INHERITING_ROLES = new Set<Role>(['rank', 'completion_rate', 'gap'])

function inputSpan(raw: string, joined: JoinedText, start: number, end: number): Span {
  const span = toInputSpan(joined, start, end)
  return { ...span, text: raw.slice(span.start, span.end) }
}

/** A fall or a lag read from the words (下降3.2%) makes the figure negative. */
function signed(value: number, sign: 1 | -1): number {
  return sign < 0 && value > 0 ? -value : value
}

/** The unit as a reader writes it after the number: 元 for CNY, 个百分点 for pp, the word itself for 台. */
function writtenUnit(f: Figure): string {
  if (f.unit === null) return ''
  if (f.family === 'measure' || f.family === 'multiple') return f.unit
  return unitInfo(f.unit).zh
}

/** Everything a figure's reading needs, found once per text. */
interface Context {
  raw: string
  joined: JoinedText
  mentions: MentionIndex
  periods: PeriodIndex
  options: ExtractOptions
  /** Headline indicators by headline offset: one headline serves many lines. */
  headlineNames: Map<number, string | null>
}

/** The figure before, in text order: a later figure of the same sentence may lean on it. */
interface Previous {
  /** Start of its (unclipped) sentence in the joined text. */
  sentenceStart: number
  end: number
  indicator: string | null
  role: Role
}

/** The figure's subject, and where its mention ends (for the indicator, which starts after it). */
function subjectOf(ctx: Context, f: Figure, clause: Bounds, sentence: Bounds, completionWord: boolean): { subject: SubjectRef | null; end: number } {
  const s = ctx.joined.text
  const named = completionWord ? nameBefore(s.slice(clause.start, f.start)) : null
  if (named !== null) {
    const subject: SubjectRef = { ...inputSpan(ctx.raw, ctx.joined, f.start - named.length, f.start), name: named, level: 'project', via: 'clause' }
    return { subject, end: -1 }
  }
  const found = subjectFor(ctx.mentions, f.start, f.end, clause, sentence)
  if (found === null) return { subject: null, end: -1 }
  const { mention, via } = found
  const name = mention.generic ? (mention.refersTo ?? mention.name) : mention.name
  return { subject: { ...inputSpan(ctx.raw, ctx.joined, mention.start, mention.end), name, level: mention.level, via }, end: mention.end }
}

/** The rest of the line after `at`, at most a headline's length. */
const HEADLINE_REACH = 40

function lineAfter(text: string, at: number): string {
  let end = at
  while (end < text.length && end - at < HEADLINE_REACH && text[end] !== '\n' && text[end] !== '\r') end++
  return text.slice(at, end)
}

function headlineNameOf(ctx: Context, headline: PeriodPhrase): string | null {
  if (!ctx.headlineNames.has(headline.start)) {
    ctx.headlineNames.set(headline.start, headlineIndicator(lineAfter(ctx.joined.text, headline.end)))
  }
  return ctx.headlineNames.get(headline.start) ?? null
}

function readFigure(ctx: Context, segments: Segments, f: Figure, previous: Previous | null): Candidate {
  const s = ctx.joined.text
  // A figure may hold a clause mark ("12,345"): its clause runs from its first part's start to its last part's end.
  const first = segments.clauseAt(f.start)
  const last = segments.clauseAt(Math.max(f.start, f.end - 1))
  const clause = clip({ start: first.start, end: Math.max(last.end, f.end) }, f.start, f.end, CLAUSE_REACH)
  const whole = segments.sentenceAt(f.start)
  const sentence = clip({ start: whole.start, end: Math.max(whole.end, clause.end) }, f.start, f.end, SENTENCE_REACH)
  const completionWord = COMPLETION_WORDS.has(s.slice(f.start, f.end))
  const same = previous !== null && previous.sentenceStart === whole.start ? previous : null

  const reading = readRole({ before: s.slice(clause.start, f.start), after: s.slice(f.end, clause.end), family: f.family, completionWord })
  // "力争全年完成收入3.1亿元,固定资产投资22亿元以上": a plan stated once covers the list after it.
  const planContinues = !reading.cued && same !== null && same.role === 'target'
  const role: Role = planContinues && (reading.role === 'actual' || reading.role === 'count') ? 'target' : reading.role

  const { subject, end: subjectEnd } = subjectOf(ctx, f, clause, sentence, completionWord)
  const own = ctx.periods.before(sentence.start, f.start, role === 'target')
  const headline = own === null ? ctx.periods.headlineBefore(sentence.start) : null
  const phrase = own ?? headline

  // The indicator is what the clause says between its subject, its period or the figure before and this figure.
  let from = clause.start
  if (subjectEnd <= f.start && subjectEnd > from) from = subjectEnd
  if (phrase !== null && phrase.start >= clause.start && phrase.end <= f.start && phrase.end > from) from = phrase.end
  if (previous !== null && previous.end <= f.start && previous.end > from) from = previous.end
  let indicator = completionWord
    ? '工程进度'
    : indicatorPhrase({ before: s.slice(from, f.start), after: s.slice(f.end, clause.end), family: f.family, role })
  // "增幅43.7%,位列京口区第一", "完成17.2亿元,占年度目标的86%": a rank, a completion rate or a gap
  // is of the figure the sentence has just stated, and so is a figure whose clause names nothing.
  if (same !== null && (indicator === null || INHERITING_ROLES.has(role))) indicator = same.indicator
  // "各街道1-10月固定资产投资完成情况通报": the lines under a headline measure what it names.
  if (indicator === null && headline !== null) indicator = headlineNameOf(ctx, headline)

  return {
    ...inputSpan(ctx.raw, ctx.joined, f.start, f.end),
    value: signed(f.value, reading.sign),
    upper: f.upper === null ? null : signed(f.upper, reading.sign),
    unit: writtenUnit(f),
    baseUnit: f.unit ?? '',
    kind: figureKind(f.family, role),
    role,
    qualifier: f.qualifier,
    subject,
    indicator,
    period: phrase === null ? null : { ...inputSpan(ctx.raw, ctx.joined, phrase.start, phrase.end), key: periodKeyOf(phrase, ctx.options) },
    rankScope: role === 'rank' ? (scopeBefore(ctx.mentions, clause.start, f.start)?.name ?? null) : null,
    clause: inputSpan(ctx.raw, ctx.joined, clause.start, clause.end),
    sentence: inputSpan(ctx.raw, ctx.joined, sentence.start, sentence.end),
    quote: s.slice(clause.start, clause.end),
  }
}

/** Every figure in `text` with its reading. Offsets are into `text` itself. */
export function extractFigures(text: string, options: ExtractOptions = {}): Candidate[] {
  const joined = joinPageBreaks(text)
  const s = joined.text
  const segments = segment(s)
  const ctx: Context = {
    raw: text,
    joined,
    mentions: indexMentions(findMentions(s)),
    periods: indexPeriods(findPeriodPhrases(s)),
    options,
    headlineNames: new Map(),
  }
  let previous: Previous | null = null
  const out: Candidate[] = []
  for (const f of findFigures(s)) {
    const c = readFigure(ctx, segments, f, previous)
    out.push(c)
    previous = { sentenceStart: segments.sentenceAt(f.start).start, end: f.end, indicator: c.indicator, role: c.role }
  }
  return out
}
