/**
 * Segments rendered as text: plain text for the clipboard, Markdown for download. Both read the
 * same segments the view shows, so the copied text cannot differ from the screen.
 *
 * A bulletin is paragraphs of sentences of segments. Markdown keeps the evidence: every figure
 * that rests on stated figures gets a footnote quoting them ("[^1]: 「1-10月,完成项目投资4.32亿元」"),
 * one footnote per distinct set of quotes; projected figures are set in italics.
 */
import type { LocaleCode } from '../domain/model'
import { segmentsText, type FigureSegment, type FigureSource, type Segment } from './segments'

export type Sentence = readonly Segment[]
export type Paragraph = readonly Sentence[]

function sentenceSeparator(locale: LocaleCode): string {
  // Chinese sentences end in 。 and run on without a space; English ones take one.
  return locale === 'zh-CN' ? '' : ' '
}

export function paragraphText(paragraph: Paragraph, locale: LocaleCode): string {
  return paragraph.map((s) => segmentsText(s)).join(sentenceSeparator(locale))
}

/** Paragraphs separated by a blank line: what "copy as plain text" puts on the clipboard. */
export function toPlainText(paragraphs: readonly Paragraph[], locale: LocaleCode): string {
  return paragraphs
    .map((p) => paragraphText(p, locale))
    .filter((p) => p !== '')
    .join('\n\n')
}

/** Backslash-escapes every character Markdown could read as markup (CommonMark allows it on any ASCII punctuation). */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`)
}

export interface MarkdownOptions {
  locale: LocaleCode
  /** A heading line, e.g. "大市口街道 2023年1-10月". */
  title?: string
  /** Footnotes with the quotes behind each figure (default true). */
  footnotes?: boolean
  /** The title of a source document, to name it in footnotes; absent: quotes only. */
  documentTitle?: (documentId: string) => string | null
}

function quoteLine(sources: readonly FigureSource[], options: MarkdownOptions): string | null {
  const seen = new Set<string>()
  const parts: string[] = []
  for (const s of sources) {
    if (s.quote === null) continue
    const key = `${s.documentId ?? ''}\u0000${s.quote}`
    if (seen.has(key)) continue
    seen.add(key)
    const title = s.documentId === null ? null : (options.documentTitle?.(s.documentId) ?? null)
    const zh = options.locale === 'zh-CN'
    const quoted = zh ? `「${s.quote}」` : `“${s.quote}”`
    parts.push(title === null ? quoted : zh ? `${quoted}（《${title}》）` : `${quoted} (${title})`)
  }
  return parts.length === 0 ? null : parts.map(escapeMarkdown).join(options.locale === 'zh-CN' ? '；' : '; ')
}

function figureMarkdown(segment: FigureSegment): string {
  const printed = escapeMarkdown(segment.text)
  return segment.projection ? `*${printed}*` : printed
}

/** The bulletin as a Markdown document, with footnotes citing the source quotes. */
export function toMarkdown(paragraphs: readonly Paragraph[], options: MarkdownOptions): string {
  const withNotes = options.footnotes ?? true
  const notes = new Map<string, number>()
  const body = paragraphs
    .map((paragraph) =>
      paragraph
        .map((sentence) =>
          sentence
            .map((segment) => {
              if (segment.kind === 'text') return escapeMarkdown(segment.text)
              const line = withNotes ? quoteLine(segment.sources, options) : null
              if (line === null) return figureMarkdown(segment)
              let n = notes.get(line)
              if (n === undefined) {
                n = notes.size + 1
                notes.set(line, n)
              }
              return `${figureMarkdown(segment)}[^${n}]`
            })
            .join(''),
        )
        .join(sentenceSeparator(options.locale)),
    )
    .filter((p) => p !== '')
  const parts: string[] = []
  if (options.title !== undefined) parts.push(`# ${escapeMarkdown(options.title)}`)
  parts.push(...body)
  if (notes.size > 0) parts.push([...notes.entries()].map(([line, n]) => `[^${n}]: ${line}`).join('\n'))
  return `${parts.join('\n\n')}\n`
}
