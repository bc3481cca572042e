/**
 * Sentences and clauses of the (page-break-joined) text. A figure's role is read from its clause
 * ("当年计划投资4.97亿元" is a target, the next clause "完成项目投资4.32亿元" is not); its subject
 * and period from its sentence ("1-10月,街道实现…增幅43.7%,位列京口区第一" all belongs to 1-10月).
 *
 * Both are found once, in one pass, and looked up by binary search, so the cost stays linear in
 * the text whatever its shape.
 */

/** Marks that end a sentence. A line break that survived page-break joining ends one too. */
const SENTENCE_MARKS = new Set(['。', '！', '？', '!', '?', '\n', '\r'])
/**
 * Marks that end a clause. 、 separates list items ("弥陀寺巷、演军巷片区"), each of which may carry
 * its own figure; spaces separate the parts of a headline.
 */
const CLAUSE_MARKS = new Set([...SENTENCE_MARKS, '，', ',', '；', ';', '：', ':', '、', ' ', '\u3000', '\t'])

export interface Bounds {
  start: number
  end: number
}

export interface Segments {
  sentenceAt(i: number): Bounds
  clauseAt(i: number): Bounds
}

/** Offsets where a segment starts, given the marks that end one. */
function starts(text: string, marks: Set<string>): Int32Array {
  const out: number[] = [0]
  for (let i = 0; i < text.length; i++) {
    if (marks.has(text[i] ?? '') && i + 1 < text.length) out.push(i + 1)
  }
  return Int32Array.from(out)
}

/** The segment holding offset `i`: the last start at or before it, up to the next start. */
function lookup(starts: Int32Array, length: number, i: number): Bounds {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= i) lo = mid
    else hi = mid - 1
  }
  return { start: starts[lo] ?? 0, end: starts[lo + 1] ?? length }
}

/** Drops the closing mark and surrounding spaces, so a segment reads as the words it holds. */
function trimmed(text: string, b: Bounds, marks: Set<string>): Bounds {
  let { start, end } = b
  while (end > start && marks.has(text[end - 1] ?? '')) end--
  while (start < end && (text[start] === ' ' || text[start] === '\u3000')) start++
  return { start, end }
}

export function segment(text: string): Segments {
  const sentences = starts(text, SENTENCE_MARKS)
  const clauses = starts(text, CLAUSE_MARKS)
  return {
    sentenceAt: (i) => trimmed(text, lookup(sentences, text.length, i), SENTENCE_MARKS),
    clauseAt: (i) => trimmed(text, lookup(clauses, text.length, i), CLAUSE_MARKS),
  }
}
