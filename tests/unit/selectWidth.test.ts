import { describe, expect, it } from 'vitest'
import { selectWidth } from '../../src/components/selectWidth'

const em = (width: string): number => Number.parseFloat(width)

describe('a picker sized from its longest option (so Chromium need not measure 1,000 options per change)', () => {
  it('fits the longest label: Chinese glyphs count a full em, Latin letters about half', () => {
    const zh = em(selectWidth(['全部地区', '　　京口区大市口街道']))
    const en = em(selectWidth(['All regions', 'Dashikou']))
    // 10 CJK glyphs (indent included) + the select's own chrome (padding, border, arrow).
    expect(zh).toBeCloseTo(10 + 2.5, 5)
    expect(en).toBeLessThan(zh)
  })

  it.each<[string[], number]>([
    [[], 10],
    [['区'], 10],
    [['一'.repeat(100)], 24 + 2.5],
  ])('keeps between the minimum and a cap: %j → %s em', (labels, expected) => {
    expect(em(selectWidth(labels))).toBeCloseTo(expected, 5)
  })

  it('grows with a longer name and gives a CSS length', () => {
    expect(em(selectWidth(['合成甲西区安平1街道'.repeat(2)]))).toBeGreaterThan(em(selectWidth(['合成甲西区安平1街道'])))
    expect(selectWidth(['合成甲西区'])).toMatch(/^\d+(\.\d+)?em$/)
  })
})
