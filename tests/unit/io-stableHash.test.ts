import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hashPrefix, stableHash, stableId, stableIdFrom } from '../../src/io/stableHash'

/** The hash as first written: one 53-bit number in hex. Ids already stored must not change. */
function referenceHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}

describe('stableHash', () => {
  it('writes the same 14 digits as the 53-bit number it stands for', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer(), (text, seed) => {
        expect(stableHash(text, seed)).toBe(referenceHash(text, seed))
      }),
      { seed: 20261123, numRuns: 300 },
    )
    // And many short ids, where the high half is often small (leading zeros in both halves).
    for (let i = 0; i < 20_000; i++) expect(stableHash(`o-${i}`, i % 7)).toBe(referenceHash(`o-${i}`, i % 7))
  }, 30_000)

  it('keeps the ids of known names', () => {
    expect(stableHash('')).toBe(referenceHash(''))
    expect(stableHash('大市口街道')).toMatch(/^[0-9a-f]{14}$/)
    expect(stableId('s', '大市口街道', '京口区')).toBe(`s-${referenceHash('大市口街道\u001f京口区')}`)
  })

  it('reads on from a prefix to the id of the whole text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b, c) => {
        expect(stableIdFrom('o', hashPrefix(a), b)).toBe(`o-${referenceHash(a + b)}`)
        expect(stableIdFrom('s', hashPrefix(b, hashPrefix(a)), c)).toBe(`s-${referenceHash(a + b + c)}`)
      }),
      { seed: 20261123, numRuns: 300 },
    )
    const start = hashPrefix('s-0011\u001fi-22\u001f')
    for (let i = 0; i < 5_000; i++) {
      const period = `2023-${i}..2024-${i % 12}`
      expect(stableIdFrom('o', start, period)).toBe(`o-${referenceHash(`s-0011\u001fi-22\u001f${period}`)}`)
    }
  })
})
