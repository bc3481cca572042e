import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createChunkedDelimitedReader, createDelimitedReader, parseDelimited, sniffDelimiter, type Delimiter } from '../../src/io/delimitedText'

function records(text: string, delimiter: Delimiter): Array<[number, string[]]> {
  const reader = createDelimitedReader(text, delimiter)
  const out: Array<[number, string[]]> = []
  for (let r = reader.next(); r !== null; r = reader.next()) out.push([r.row, r.cells])
  return out
}

describe('reading delimited text (RFC 4180 and Excel paste)', () => {
  it.each<[string, string, Delimiter, Array<[number, string[]]>]>([
    ['LF line ends', 'a,b\n1,2\n', ',', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['CRLF line ends', 'a,b\r\n1,2\r\n', ',', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['lone CR line ends (old Mac)', 'a,b\r1,2', ',', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['no final line end', 'a,b\n1,2', ',', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['quoted delimiter', '"1,234",x', ',', [[1, ['1,234', 'x']]]],
    ['escaped quotes', '"say ""hi""",b', ',', [[1, ['say "hi"', 'b']]]],
    [
      'line break inside quotes stays in one row, and row numbers follow records',
      'a,b\n"line 1\nline 2",c\nd,e\n',
      ',',
      [[1, ['a', 'b']], [2, ['line 1\nline 2', 'c']], [3, ['d', 'e']]],
    ],
    ['CRLF inside quotes', '"x\r\ny",z\r\n', ',', [[1, ['x\r\ny', 'z']]]],
    ['empty fields and a trailing delimiter', 'a,,c,\n', ',', [[1, ['a', '', 'c', '']]]],
    ['blank line is a record of one empty cell', 'a\n\nb\n', ',', [[1, ['a']], [2, ['']], [3, ['b']]]],
    ['quote inside an unquoted field is literal', 'ab"c,d', ',', [[1, ['ab"c', 'd']]]],
    ['text after a closing quote is kept', '"ab"c,d', ',', [[1, ['abc', 'd']]]],
    ['tab-separated paste with commas in numbers', '地区\t完成\n大市口街道\t1,234.5\n', '\t', [[1, ['地区', '完成']], [2, ['大市口街道', '1,234.5']]]],
    ['semicolons', 'a;b\n1;2', ';', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['empty text', '', ',', []],
    ['a quoted cell above does not stand for the same text unquoted', '"a,b",x\na,b,x\n', ',', [[1, ['a,b', 'x']], [2, ['a', 'b', 'x']]]],
    ['a cell above that is the start of a longer cell', 'ab,x\nabc,x\nab\n', ',', [[1, ['ab', 'x']], [2, ['abc', 'x']], [3, ['ab']]]],
  ])('%s', (_name, text, delimiter, expected) => {
    expect(records(text, delimiter)).toEqual(expected)
  })

  it('reports a quote that is never closed, and returns the rest of the text as that cell', () => {
    const reader = createDelimitedReader('a,b\n"open,x\ny,z', ',')
    expect(reader.next()?.cells).toEqual(['a', 'b'])
    expect(reader.next()).toEqual({ row: 2, cells: ['open,x\ny,z'] })
    expect(reader.next()).toBeNull()
    expect(reader.unclosedQuoteRows).toEqual([2])
  })

  it('reports progress as an offset into the text', () => {
    const text = 'a,b\n1,2\n'
    const reader = createDelimitedReader(text, ',')
    reader.next()
    expect(reader.offset).toBe(4)
    reader.next()
    expect(reader.offset).toBe(text.length)
  })

  it('reads long lines and many rows in linear time (no rescanning of the line for each cell)', () => {
    const wide = Array.from({ length: 5000 }, (_, i) => String(i)).join(',')
    const text = `${wide}\n`.repeat(200)
    const { rows } = parseDelimited(text, ',')
    expect(rows).toHaveLength(200)
    expect(rows[199]?.[4999]).toBe('4999')
  })
})

/**
 * The reading rules one character at a time, as plainly as they can be written: what the reader
 * must give whatever shortcuts it takes (indexOf runs, cells handed out again from the row above).
 */
function referenceRecords(text: string, delimiter: Delimiter): { records: Array<[number, string[]]>; unclosed: number[] } {
  const records: Array<[number, string[]]> = []
  const unclosed: number[] = []
  const ends = (ch: string | undefined): boolean => ch === delimiter || ch === '\r' || ch === '\n'
  let pos = 0
  let row = 0
  while (pos < text.length) {
    row++
    const cells: string[] = []
    for (;;) {
      let value = ''
      if (text[pos] === '"') {
        pos++
        for (;;) {
          if (pos >= text.length) {
            unclosed.push(row)
            break
          }
          if (text[pos] === '"') {
            if (text[pos + 1] === '"') {
              value += '"'
              pos += 2
              continue
            }
            pos++
            while (pos < text.length && !ends(text[pos])) value += text[pos++]
            break
          }
          value += text[pos++]
        }
      } else {
        while (pos < text.length && !ends(text[pos])) value += text[pos++]
      }
      cells.push(value)
      if (pos >= text.length) break
      const c = text[pos]
      pos++
      if (c === delimiter) {
        if (pos >= text.length) {
          cells.push('')
          break
        }
        continue
      }
      if (c === '\r' && text[pos] === '\n') pos++
      break
    }
    records.push([row, cells])
  }
  return { records, unclosed }
}

describe('reading by the rules, for any text', () => {
  it('gives what the rules give, rows that repeat the row above included', () => {
    // Rows drawn from a few, so that cells often repeat the cell above, with quotes, delimiters
    // and line breaks in and around them.
    const cell = fc.oneof(
      fc.constantFrom('', 'a', 'b', 'a,b', 'ab', 'abc', 'ab"c', '"a"', '"a,b"', '"a""b"', '"x"y', '"a\nb"', '大市口街道', '大市口', '1.5', ' '),
      fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', '\t', ';'), maxLength: 4 }),
    )
    const line = fc.array(cell, { minLength: 1, maxLength: 5 })
    const text = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\n', '\r\n', '\r', ',', '')), { maxLength: 12 }))
      .map(([lines, picks]) => picks.map(([k, end]) => (lines[k % lines.length] as string[]).join(',') + end).join(''))
    fc.assert(
      fc.property(text, fc.constantFrom<Delimiter>(',', '\t', ';'), (t, delimiter) => {
        const reader = createDelimitedReader(t, delimiter)
        const got: Array<[number, string[]]> = []
        for (let r = reader.next(); r !== null; r = reader.next()) got.push([r.row, r.cells])
        const expected = referenceRecords(t, delimiter)
        expect(got).toEqual(expected.records)
        expect(reader.unclosedQuoteRows).toEqual(expected.unclosed)
      }),
      { seed: 20261123, numRuns: 3000 },
    )
  }, 30_000)
})

/** Every record of a chunked reader fed `pieces` (asking for records after each piece, as a download would). */
function readInPieces(pieces: readonly string[], delimiter: Delimiter): { records: Array<[number, string[]]>; unclosed: number[] } {
  const reader = createChunkedDelimitedReader(delimiter)
  const records: Array<[number, string[]]> = []
  const unclosed: number[] = []
  pieces.forEach((piece, i) => {
    reader.push(piece, i === pieces.length - 1)
    for (let r = reader.next(); r !== null; r = reader.next()) {
      records.push([r.row, r.cells])
      if (reader.lastUnclosed()) unclosed.push(r.row)
    }
  })
  expect(reader.done).toBe(true)
  return { records, unclosed }
}

/** `text` cut at `cuts` (positions, in any order, repeats allowed: empty pieces too). */
function cutAt(text: string, cuts: readonly number[]): string[] {
  const at = [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)
  const pieces: string[] = []
  let from = 0
  for (const c of at) {
    pieces.push(text.slice(from, c))
    from = c
  }
  pieces.push(text.slice(from))
  return pieces
}

describe('reading a text that arrives in pieces', () => {
  it('gives the records (and row numbers, and unclosed quotes) of the whole text, however it is cut', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'a', 'a,b', 'ab"c', '"a"', '"a,b"', '"a""b"', '"x"y', '"a\nb"', '"a\r\nb"', '大市口街道', '1.5', ' '),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\t'), maxLength: 4 }),
    )
    const line = fc.array(cell, { minLength: 1, maxLength: 5 })
    const text = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\n', '\r\n', '\r', ',', '')), { maxLength: 12 }))
      .map(([lines, picks]) => picks.map(([k, end]) => (lines[k % lines.length] as string[]).join(',') + end).join(''))
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom<Delimiter>(',', '\t'), (t, cuts, delimiter) => {
        const whole = createDelimitedReader(t, delimiter)
        const records: Array<[number, string[]]> = []
        for (let r = whole.next(); r !== null; r = whole.next()) records.push([r.row, r.cells])
        expect(readInPieces(cutAt(t, cuts), delimiter)).toEqual({ records, unclosed: [...whole.unclosedQuoteRows] })
      }),
      { seed: 20261204, numRuns: 3000 },
    )
  }, 30_000)

  it('holds a record back until what follows it is known: a CRLF cut in two, a doubled quote cut in two', () => {
    const reader = createChunkedDelimitedReader(',')
    reader.push('a,b\r', false)
    expect(reader.next()).toBeNull()
    reader.push('\n"x""', false)
    expect(reader.next()).toEqual({ cells: ['a', 'b'], row: 1 })
    expect(reader.next()).toBeNull()
    reader.push('y",', true)
    expect(reader.next()).toEqual({ cells: ['x"y', ''], row: 2 })
    expect(reader.next()).toBeNull()
    expect(reader.done).toBe(true)
  })

  it('reads a field much longer than the pieces', () => {
    const reader = createChunkedDelimitedReader(',')
    const field = 'x'.repeat(100_000)
    const text = `"${field}",1\nb,2\n`
    const pieces = cutAt(text, Array.from({ length: 1000 }, (_, i) => i * 100))
    const records: string[][] = []
    pieces.forEach((piece, i) => {
      reader.push(piece, i === pieces.length - 1)
      for (let r = reader.next(); r !== null; r = reader.next()) records.push(r.cells)
    })
    expect(records).toEqual([[field, '1'], ['b', '2']])
  })
})

describe('sniffing the delimiter', () => {
  it.each<[string, string, Delimiter]>([
    ['comma CSV', '地区,指标,完成\n大市口街道,投资,4.32\n', ','],
    ['Excel paste (tabs, commas inside numbers)', '地区\t完成\n大市口街道\t"1,234"\n正东路街道\t5,678\n', '\t'],
    ['semicolon CSV (European Excel)', 'a;b;c\n1,5;2;3\n4;5;6\n', ';'],
    ['pipes', 'a|b\n1|2\n', '|'],
    ['a single column falls back to comma', '地区\n大市口街道\n', ','],
    ['quoted commas do not count', '"a,b",c\n"d,e",f\n', ','],
  ])('%s', (_name, text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected)
  })
})
