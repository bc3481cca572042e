import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { IdIndex } from '../../src/io/idIndex'

/** Adds ids in order as the mapper does (only ids not taken yet), checking each look-up against a Map. */
function replay(ids: readonly string[]): void {
  const taken: string[] = []
  const index = new IdIndex(ids.length, (row) => taken[row] ?? '')
  const reference = new Map<string, number>()
  for (const id of ids) {
    expect(index.get(id)).toBe(reference.get(id))
    if (reference.has(id)) continue
    const row = taken.length
    taken.push(id)
    index.add(id, row)
    reference.set(id, row)
  }
  for (const id of ids) expect(index.get(id)).toBe(reference.get(id))
}

/** The same with `claim`, which looks up and adds in one probe. */
function replayClaims(ids: readonly string[]): void {
  const taken: string[] = []
  const index = new IdIndex(ids.length, (row) => taken[row] ?? '')
  const reference = new Map<string, number>()
  for (const id of ids) {
    const row = taken.length
    taken.push(id) // the row's id is recorded before it claims it, as the mapper does
    const known = reference.get(id)
    expect(index.claim(id, row)).toBe(known)
    if (known === undefined) reference.set(id, row)
    else taken[row] = '' // a row that did not take its id: never asked for
  }
  for (const id of ids) expect(index.get(id)).toBe(reference.get(id))
}

describe('IdIndex', () => {
  it('finds the row that took an id, like a Map, for any ids', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 14, maxLength: 14 }).map((h) => `o-${h}`)
    fc.assert(
      fc.property(fc.array(fc.oneof(hex, fc.string({ maxLength: 10 })), { maxLength: 200 }), (ids) => {
        // Repeat some ids, as duplicate rows do.
        replay([...ids, ...ids.slice(0, ids.length / 3)])
        replayClaims([...ids, ...ids.slice(0, ids.length / 3)])
      }),
      { seed: 20261123, numRuns: 200 },
    )
  }, 20_000)

  it('keeps ids apart that end the same way (they land in the same slot)', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `o-${String(i).padStart(6, '0')}deadbeef`)
    replay([...ids, ...ids])
    replayClaims([...ids, ...ids])
  })

  it('holds as many rows as it was made for, and refuses more than it can hold instead of looping', () => {
    replay(Array.from({ length: 5000 }, (_, i) => `o-${(i * 2654435761).toString(16)}`))
    const index = new IdIndex(1, (row) => String(row))
    for (let row = 0; row < 8; row++) index.add(String(row), row)
    expect([index.get('0'), index.get('7'), index.get('8')]).toEqual([0, 7, undefined])
    expect(() => index.add('8', 8)).toThrow(/more than 8 rows/)
  })
})
