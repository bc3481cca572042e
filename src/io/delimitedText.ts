/**
 * CSV and TSV reading: RFC 4180 quoting ("a ""b""", fields with delimiters and line breaks inside
 * quotes), CRLF, LF or lone CR line ends, and the tab-separated text Excel puts on the clipboard.
 *
 * Hand-written rather than a library because the import needs exactly this and no more: a reader
 * that hands out one record at a time (so the caller maps each row as it goes, reports progress
 * every N rows and never holds a second copy of a 500,000-row table as arrays of strings), with
 * record numbers that match what a spreadsheet shows. Every character is looked at once, so reading
 * is linear in the text; `indexOf` skips through quoted fields and unquoted runs in native code.
 *
 * Lenient where Excel is lenient: a quote inside an unquoted field is an ordinary character, text
 * after a closing quote is kept, and an unclosed quote runs to the end of the text and is reported.
 */

export type Delimiter = ',' | '\t' | ';' | '|'

export const DELIMITERS: readonly Delimiter[] = ['\t', ',', ';', '|']

const QUOTE = 34 // "
const CR = 13
const LF = 10

export interface DelimitedRecord {
  cells: string[]
  /** 1-based record number, as a spreadsheet numbers rows: a line break inside quotes stays in one row. */
  row: number
}

export interface DelimitedReader {
  /** The next record, or null at the end of the text. */
  next(): DelimitedRecord | null
  /** Characters consumed so far, for progress (compare with the text's length). */
  readonly offset: number
  /** Row numbers of records whose quote was never closed (the field ran to the end of the text). */
  readonly unclosedQuoteRows: readonly number[]
}

/** A reader over `text`. The text should have no BOM (see `decodeBytes`). */
export function createDelimitedReader(text: string, delimiter: Delimiter): DelimitedReader {
  const length = text.length
  const delim = delimiter.charCodeAt(0)
  let pos = 0
  let row = 0
  const unclosedQuoteRows: number[] = []

  // Next known positions of the delimiter, LF and CR at or after some earlier point (-1: none left).
  // A position is searched again only once the reader has passed it, so each character is
  // scanned by `indexOf` at most once per kind: reading stays linear however long a line is.
  let nextDelim = -2
  let nextLf = -2
  let nextCr = -2

  /** End of an unquoted run: the next delimiter, CR or LF. */
  function unquotedEnd(from: number): number {
    if (nextDelim !== -1 && nextDelim < from) nextDelim = text.indexOf(delimiter, from)
    if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from)
    if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from)
    let end = length
    if (nextDelim >= 0 && nextDelim < end) end = nextDelim
    if (nextLf >= 0 && nextLf < end) end = nextLf
    if (nextCr >= 0 && nextCr < end) end = nextCr
    return end
  }

  function readQuoted(): string {
    // pos is just after the opening quote.
    let value = ''
    let start = pos
    for (;;) {
      const q = text.indexOf('"', start)
      if (q < 0) {
        // Unclosed: the rest of the text is this field. Reported, and the row is still returned.
        value += text.slice(start)
        pos = length
        unclosedQuoteRows.push(row)
        return value
      }
      value += text.slice(start, q)
      if (text.charCodeAt(q + 1) === QUOTE) {
        value += '"'
        start = q + 2
        continue
      }
      pos = q + 1
      // Text between the closing quote and the next delimiter is kept as written ("a"b → ab).
      if (pos < length) {
        const c = text.charCodeAt(pos)
        if (c !== delim && c !== CR && c !== LF) {
          const end = unquotedEnd(pos)
          value += text.slice(pos, end)
          pos = end
        }
      }
      return value
    }
  }

  function next(): DelimitedRecord | null {
    if (pos >= length) return null
    row++
    const cells: string[] = []
    for (;;) {
      let value: string
      if (text.charCodeAt(pos) === QUOTE) {
        pos++
        value = readQuoted()
      } else {
        const end = unquotedEnd(pos)
        value = text.slice(pos, end)
        pos = end
      }
      cells.push(value)
      if (pos >= length) break
      const c = text.charCodeAt(pos)
      if (c === delim) {
        pos++
        // A delimiter at the very end still opens one more (empty) field.
        if (pos >= length) {
          cells.push('')
          break
        }
        continue
      }
      // Line end: CRLF, LF or a lone CR.
      pos++
      if (c === CR && text.charCodeAt(pos) === LF) pos++
      break
    }
    return { cells, row }
  }

  return {
    next,
    get offset() {
      return pos
    },
    get unclosedQuoteRows() {
      return unclosedQuoteRows
    },
  }
}

/** How many records the sniffer looks at, and how much text at most. */
const SNIFF_RECORDS = 20
export const SNIFF_CHARS = 64 * 1024

/**
 * Guesses the delimiter from the first records: the candidate that splits the header into the most
 * columns while keeping the same column count on the rows below it. Tabs win ties because a paste
 * from Excel is tab-separated and its cells may well contain commas ("1,234").
 */
export function sniffDelimiter(text: string): Delimiter {
  let sample = text.slice(0, SNIFF_CHARS)
  if (text.length > SNIFF_CHARS) {
    const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'))
    if (lastBreak > 0) sample = sample.slice(0, lastBreak)
  }
  let best: Delimiter = ','
  let bestScore = -1
  for (const delimiter of DELIMITERS) {
    const reader = createDelimitedReader(sample, delimiter)
    const counts: number[] = []
    for (let record = reader.next(); record !== null && counts.length < SNIFF_RECORDS; record = reader.next()) {
      if (record.cells.length === 1 && record.cells[0] === '') continue
      counts.push(record.cells.length)
    }
    const header = counts[0] ?? 1
    if (header < 2) continue
    const consistent = counts.filter((n) => n === header).length
    // Consistency first (a comma inside "1,234" makes ragged rows), then more columns.
    const score = consistent * 1000 + header
    if (score > bestScore) {
      bestScore = score
      best = delimiter
    }
  }
  return best
}

/** Reads a whole (small) text at once: every record as an array of cells. */
export function parseDelimited(text: string, delimiter: Delimiter = sniffDelimiter(text)): { delimiter: Delimiter; rows: string[][] } {
  const reader = createDelimitedReader(text, delimiter)
  const rows: string[][] = []
  for (let record = reader.next(); record !== null; record = reader.next()) rows.push(record.cells)
  return { delimiter, rows }
}

export interface ChunkedDelimitedReader {
  /** Adds the next piece of the text; `last` says it ends the text. */
  push(piece: string, last: boolean): void
  /**
   * The next record, exactly as `createDelimitedReader` would read it from the whole text; null
   * when the text pushed so far holds no complete record more (push more), or after the last piece
   * at the end of the text.
   */
  next(): DelimitedRecord | null
  /** True when the record just returned has a quote that was never closed (only at the end of the text). */
  lastUnclosed(): boolean
  /** The text has ended and every record was read. */
  readonly done: boolean
}

/**
 * A reader over a text that arrives in pieces (a file still downloading), so its rows can be read
 * while the rest is on its way. A record is handed out once the text after it is known: a record
 * that reaches the end of what arrived so far (a line end or a closing quote may be the last
 * character, a quoted field may go on) waits for the next piece. Each piece starts a reader on the
 * unread rest plus the piece; a record longer than a piece waits until the unread text has doubled,
 * so a huge quoted field is not read again for every piece.
 */
export function createChunkedDelimitedReader(delimiter: Delimiter): ChunkedDelimitedReader {
  let buffer = ''
  let ended = false
  let reader: DelimitedReader | null = null
  /** Where the records handed out from `buffer` end. */
  let consumed = 0
  /** Records handed out before `buffer` begins. */
  let rowBase = 0
  let rowsInBuffer = 0
  /** Below this length, the unread text is known to hold no complete record. */
  let waitFor = 0
  let unclosed = false
  let finished = false

  /** The buffer becomes the unread rest and `piece`: the records handed out are let go. */
  function startAtUnread(piece: string): void {
    const rest = buffer.slice(consumed)
    buffer = rest === '' ? piece : piece === '' ? rest : [rest, piece].join('')
    consumed = 0
    rowBase += rowsInBuffer
    rowsInBuffer = 0
    reader = null
  }

  return {
    push(piece, last) {
      startAtUnread(piece)
      if (last) ended = true
    },
    next() {
      unclosed = false
      if (finished || (!ended && buffer.length - consumed < waitFor)) return null
      if (reader === null) {
        if (consumed > 0) startAtUnread('')
        reader = createDelimitedReader(buffer, delimiter)
      }
      const unclosedBefore = reader.unclosedQuoteRows.length
      const record = reader.next()
      if (record === null) {
        if (ended) finished = true
        else {
          waitFor = 0
          reader = null
        }
        return null
      }
      if (!ended && reader.offset >= buffer.length) {
        // It may go on in the next piece: read it again then, from its start (a record as long as
        // the whole unread text waits for that to double).
        const rest = buffer.length - consumed
        waitFor = consumed === 0 ? rest * 2 : rest + 1
        reader = null
        return null
      }
      waitFor = 0
      consumed = reader.offset
      rowsInBuffer = record.row
      unclosed = reader.unclosedQuoteRows.length > unclosedBefore
      return { cells: record.cells, row: rowBase + record.row }
    },
    lastUnclosed: () => unclosed,
    get done() {
      return finished
    },
  }
}
