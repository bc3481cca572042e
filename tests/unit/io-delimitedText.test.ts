import { describe, expect, it } from 'vitest'
import { createDelimitedReader, parseDelimited, sniffDelimiter, type Delimiter } from '../../src/io/delimitedText'

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
