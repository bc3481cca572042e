import { describe, expect, it } from 'vitest'
import { extractFigures } from '../../src/extract'

const N = 100_000
const repeat = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N)

// Texts built to trip scanners that look back or ahead without bound: runs with no punctuation (one
// clause of 100k characters), numbers glued together, endless name suffixes, unclosed quotes,
// figures on every second character. A quadratic step would take minutes on any of them.
const HOSTILE: Array<[string, string]> = [
  ['digits', repeat('1')],
  ['thousands separators', repeat('1,')],
  ['percentages without punctuation', repeat('1%')],
  ['tenths without punctuation', repeat('八成')],
  ['name suffixes', repeat('街道')],
  ['a chain of names', repeat('京口区大市口街道')],
  ['ranks', repeat('排名第一')],
  ['qualifiers', repeat('约')],
  ['month spans', repeat('1-10月')],
  ['unclosed quotes', repeat('“三')],
  ['page breaks', repeat('续建项\n\n目1个,')],
  ['a headline over one endless line', `1-10月完成情况\n${repeat('1%')}`.slice(0, N)],
  ['a report paragraph', repeat('1-10月,街道完成投资4.32亿元,同比增长3%,位列全区第一。')],
]

describe('extractFigures stays linear on hostile input', () => {
  it.each(HOSTILE)('%s (100k characters)', (_name, text) => {
    const t0 = performance.now()
    const found = extractFigures(text)
    const ms = performance.now() - t0
    expect(text.length).toBe(N)
    for (const c of found.slice(0, 50)) expect(text.slice(c.start, c.end)).toBe(c.text)
    // Typically 0.3–2 s on a busy two-core machine; the bound leaves room for slow CI while a
    // quadratic step (minutes) still fails.
    expect(ms).toBeLessThan(10_000)
  }, 30_000)
})
