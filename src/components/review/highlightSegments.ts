/**
 * The review page's text as a list of plain stretches and figure stretches, so the template can
 * render it as text nodes and spans (never markup: the text is untrusted). Pure.
 *
 * The segments never overlap and, joined, give back the text exactly. A span that is empty, falls
 * outside the text or overlaps one already kept is left unhighlighted (the extractor does not
 * produce such spans; the page must still never show a character twice or lose one).
 */

export interface PlainSegment {
  kind: 'text'
  start: number
  end: number
  text: string
}

export interface FigureSegment {
  kind: 'figure'
  start: number
  end: number
  text: string
  /** Position of the span in the list given to `highlightSegments`. */
  index: number
}

export type HighlightSegment = PlainSegment | FigureSegment

export interface HighlightSpan {
  start: number
  end: number
}

export function highlightSegments(text: string, spans: readonly HighlightSpan[]): HighlightSegment[] {
  const order = spans
    .map((span, index) => ({ start: span.start, end: span.end, index }))
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)
    // By start; of two starting together, the longer first.
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index)
  const out: HighlightSegment[] = []
  let at = 0
  for (const s of order) {
    if (s.start < at) continue
    if (s.start > at) out.push({ kind: 'text', start: at, end: s.start, text: text.slice(at, s.start) })
    out.push({ kind: 'figure', start: s.start, end: s.end, text: text.slice(s.start, s.end), index: s.index })
    at = s.end
  }
  if (at < text.length) out.push({ kind: 'text', start: at, end: text.length, text: text.slice(at) })
  return out
}
