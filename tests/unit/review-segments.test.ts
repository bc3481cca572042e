import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractFigures } from '../../src/extract'
import { highlightSegments, type HighlightSegment } from '../../src/components/review/highlightSegments'

const SEEDS = '../shared/seeds'
const SEED_FILES = ['000_bd2e9a7aa564cbf7.txt', '003_90886c475d947d8b.txt']
const haveSeeds = SEED_FILES.every((f) => existsSync(join(SEEDS, f)))

/** Joined, the segments are the text; each starts where the one before ended. */
function expectCover(text: string, segments: readonly HighlightSegment[]): void {
  expect(segments.map((s) => s.text).join('')).toBe(text)
  let at = 0
  for (const s of segments) {
    expect(s.start).toBe(at)
    expect(s.end).toBeGreaterThan(s.start)
    expect(s.text).toBe(text.slice(s.start, s.end))
    at = s.end
  }
  expect(at).toBe(text.length)
}

describe('highlightSegments: the review text as plain and figure stretches', () => {
  it('splits a sentence around its figures, each figure pointing at its candidate', () => {
    const text = '1-9月，东湖街道完成项目投资3.15亿元，占年度计划的78.8%，同比增长12.5%。'
    const candidates = extractFigures(text, { year: 2024 })
    const segments = highlightSegments(text, candidates)
    expectCover(text, segments)
    const figures = segments.filter((s) => s.kind === 'figure')
    expect(figures.map((s) => s.text)).toEqual(['3.15亿元', '78.8%', '12.5%'])
    expect(figures.map((s) => (s.kind === 'figure' ? s.index : -1))).toEqual([0, 1, 2])
  })

  it.each<[string, string, Array<{ start: number; end: number }>, string[]]>([
    ['no spans', 'abc', [], ['abc']],
    ['a span at each end', 'abcdef', [{ start: 0, end: 2 }, { start: 4, end: 6 }], ['[ab]', 'cd', '[ef]']],
    ['the whole text', 'abc', [{ start: 0, end: 3 }], ['[abc]']],
    ['unsorted spans', 'abcdef', [{ start: 4, end: 5 }, { start: 1, end: 2 }], ['a', '[b]', 'cd', '[e]', 'f']],
    ['overlapping spans: the first kept', 'abcdef', [{ start: 1, end: 4 }, { start: 2, end: 5 }], ['a', '[bcd]', 'ef']],
    ['two starting together: the longer kept', 'abcdef', [{ start: 1, end: 2 }, { start: 1, end: 4 }], ['a', '[bcd]', 'ef']],
    ['adjacent spans', 'abcd', [{ start: 0, end: 2 }, { start: 2, end: 4 }], ['[ab]', '[cd]']],
    ['empty, reversed, fractional and out-of-range spans are ignored', 'abc', [{ start: 1, end: 1 }, { start: 2, end: 1 }, { start: 0.5, end: 2 }, { start: -1, end: 2 }, { start: 2, end: 9 }], ['abc']],
    ['an empty text', '', [{ start: 0, end: 1 }], []],
  ])('%s', (_name, text, spans, expected) => {
    const segments = highlightSegments(text, spans)
    expect(segments.map((s) => (s.kind === 'figure' ? `[${s.text}]` : s.text))).toEqual(expected)
    expectCover(text, segments)
  })

  it('keeps hostile text as text: markup, scripts and entities come back character for character', () => {
    const text = '<img src=x onerror=alert(1)>完成投资<b>3亿元</b>，&lt;script&gt;同比增长5%</p>\u202e'
    const candidates = extractFigures(text, { year: 2024 })
    const segments = highlightSegments(text, candidates)
    expectCover(text, segments)
    expect(segments.filter((s) => s.kind === 'figure').map((s) => s.text)).toEqual(['3亿元', '5%'])
    expect(segments[0]).toMatchObject({ kind: 'text', text: '<img src=x onerror=alert(1)>完成投资<b>' })
  })

  it.skipIf(!haveSeeds)('covers both seed reports exactly, page breaks and all, with every candidate highlighted once', () => {
    for (const file of SEED_FILES) {
      const text = readFileSync(join(SEEDS, file), 'utf8')
      const candidates = extractFigures(text, { year: 2023, asOf: { year: 2023, month: 10 } })
      const segments = highlightSegments(text, candidates)
      expectCover(text, segments)
      const indices = segments.flatMap((s) => (s.kind === 'figure' ? [s.index] : []))
      expect(indices).toEqual(candidates.map((_, i) => i))
    }
  })
})
