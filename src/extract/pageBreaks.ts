/**
 * Print editions break sentences across pages and columns: "续建项\n\n目1个", "100余\n\n件". Read as
 * they stand, such breaks split a figure from its unit and a subject from its verb. This joins
 * them, and keeps a map back to the input so that every offset reported is an offset into the
 * caller's text.
 *
 * A line break continues the sentence when the line before it is prose (it holds a comma or a full
 * stop) whose last sentence is unfinished, or when it ends in a mark that cannot end one (a comma,
 * an opening quote). Headlines separate their parts with spaces, not commas, and a byline stands
 * after the last full stop behind a space ("…暖心桥。 杨丽君"): both keep their break, as do lines
 * ending in 。！？.
 */

/**
 * Punctuation of running prose; a line without any is a headline, byline or caption. Not 、, which
 * also numbers headings ("三、工业和建筑业").
 */
const PROSE_MARKS = new Set(['，', ',', '。', '；', ';'])
const SENTENCE_ENDS = new Set(['。', '！', '？', '!', '?', '…'])
const CLOSING_QUOTES = new Set(['”', '’', '」', '』', '"', '）', ')'])
/** Marks after which the sentence must go on, whatever the line's length. */
const CONTINUING = new Set(['，', ',', '、', '：', ':', '；', ';', '“', '‘', '「', '（', '(', '—'])

export interface JoinedText {
  /** The text with page-break whitespace removed. */
  text: string
  /** `origin[i]` is the input offset of `text[i]`; one extra entry maps the end of the text. */
  origin: Int32Array
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\u3000' || ch === '\f' || ch === '\v'
}

/** Does the line that ends at `lineEnd` (its last character before the whitespace run) go on? */
function continues(raw: string, lineStart: number, lineEnd: number): boolean {
  if (lineEnd <= lineStart) return false
  const last = raw[lineEnd - 1] ?? ''
  if (CONTINUING.has(last)) return true
  if (SENTENCE_ENDS.has(last)) return false
  if (CLOSING_QUOTES.has(last) && SENTENCE_ENDS.has(raw[lineEnd - 2] ?? '')) return false
  // The unfinished last sentence: prose when the line has prose marks, a byline or a headline
  // part when a space stands in it.
  let prose = false
  for (let k = lineEnd - 1; k >= lineStart; k--) {
    const ch = raw[k] ?? ''
    if (ch === ' ' || ch === '\u3000' || ch === '\t') return false
    if (PROSE_MARKS.has(ch)) {
      prose = true
      if (SENTENCE_ENDS.has(ch)) break
    }
  }
  return prose
}

export function joinPageBreaks(raw: string): JoinedText {
  const origin = new Int32Array(raw.length + 1)
  let out = ''
  let n = 0
  let lineStart = 0
  let i = 0
  while (i < raw.length) {
    const ch = raw[i] ?? ''
    if (!isSpace(ch)) {
      out += ch
      origin[n++] = i
      i++
      continue
    }
    // A run of whitespace: spaces inside a line stay; a run holding a line break may be a page break.
    let j = i
    let breaks = false
    while (j < raw.length && isSpace(raw[j])) {
      if (raw[j] === '\n') breaks = true
      j++
    }
    const join = breaks && j < raw.length && continues(raw, lineStart, i)
    if (!join) {
      for (let k = i; k < j; k++) {
        out += raw[k]
        origin[n++] = k
      }
    }
    if (breaks) {
      // The next line starts after the last line break of the run (its leading spaces count as indent).
      lineStart = raw.lastIndexOf('\n', j - 1) + 1
      while (lineStart < j && isSpace(raw[lineStart])) lineStart++
    }
    i = j
  }
  origin[n] = raw.length
  return { text: out, origin: origin.slice(0, n + 1) }
}

/** A span of the joined text as a span of the input: `end` maps past the last character it covers. */
export function toInputSpan(joined: JoinedText, start: number, end: number): { start: number; end: number } {
  const from = joined.origin[start] ?? 0
  if (end <= start) return { start: from, end: from }
  const last = joined.origin[end - 1] ?? from
  return { start: from, end: last + 1 }
}
