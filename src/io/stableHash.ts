/**
 * A small, stable, non-cryptographic string hash for deterministic ids and remembered keys.
 *
 * Imported rows name regions and indicators in Chinese, which the id pattern of the dataset format
 * (`[A-Za-z0-9._-]`) cannot hold. Hashing the name gives the same id for the same name on every
 * import, in every tab and after every reload, so merges and remembered selections line up without
 * a counter that would depend on row order. Nothing here is a security boundary: ids only need to
 * be stable and practically collision-free for a few hundred thousand names.
 */

/**
 * cyrb53 (public domain): two 32-bit multiply-xor lanes folded into 53 bits, written as 14 hex
 * digits so the result is fixed-width and safe in ids, URLs and IndexedDB keys.
 */
export function stableHash(text: string, seed = 0): string {
  feed(0xdeadbeef ^ seed, 0x41c6ce57 ^ seed, text)
  fold()
  return String.fromCharCode(
    hex(folded2, 20), hex(folded2, 16), hex(folded2, 12), hex(folded2, 8), hex(folded2, 4), hex(folded2, 0),
    hex(folded1, 28), hex(folded1, 24), hex(folded1, 20), hex(folded1, 16), hex(folded1, 12), hex(folded1, 8), hex(folded1, 4), hex(folded1, 0),
  )
}

/** An id in the dataset's id alphabet: a readable prefix and the hash of the parts. */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  // U+001F (unit separator) cannot occur in a trimmed cell, so ("a b", "c") and ("a", "b c") differ.
  return `${prefix}-${stableHash(parts.join('\u001f'))}`
}

/** The hash's two lanes after reading the first characters of a text (seed 0), to be read on from. */
export interface HashPrefix {
  readonly h1: number
  readonly h2: number
}

const START: HashPrefix = { h1: 0xdeadbeef, h2: 0x41c6ce57 }

/** The state after reading `text` on from `from` (the start of a text by default). */
export function hashPrefix(text: string, from: HashPrefix = START): HashPrefix {
  feed(from.h1, from.h2, text)
  return { h1: lane1, h2: lane2 }
}

/**
 * `stableId(prefix, whole)` where `whole` is the text `state` was read from followed by `rest`,
 * without making `whole`: a table's observation ids are hashes of (region, indicator, period)
 * keys, and the region and indicator part is shared by a dozen rows. `prefix` is one character.
 */
export function stableIdFrom(prefix: string, state: HashPrefix, rest: string): string {
  feed(state.h1, state.h2, rest)
  fold()
  // One string of 16 characters rather than a join of a number's digits: writing the digits with
  // toString(16) and padStart took a third of a microsecond per id, as long as the hashing.
  return String.fromCharCode(
    prefix.charCodeAt(0), 45, // '-'
    hex(folded2, 20), hex(folded2, 16), hex(folded2, 12), hex(folded2, 8), hex(folded2, 4), hex(folded2, 0),
    hex(folded1, 28), hex(folded1, 24), hex(folded1, 20), hex(folded1, 16), hex(folded1, 12), hex(folded1, 8), hex(folded1, 4), hex(folded1, 0),
  )
}

// The lanes after `feed` and the 53 bits after `fold`: module variables, so that hashing a text
// allocates nothing but the id it writes.
let lane1 = 0
let lane2 = 0
let folded1 = 0
let folded2 = 0

function feed(start1: number, start2: number, text: string): void {
  let h1 = start1
  let h2 = start2
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  lane1 = h1
  lane2 = h2
}

/**
 * The 53-bit value 2^32 × (21 bits of h2) + (h1 >>> 0), kept as its two halves: written as 6 and 8
 * hex digits they are the same 14 digits as value.toString(16).padStart(14, '0').
 */
function fold(): void {
  let h1 = lane1
  let h2 = lane2
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  folded1 = h1
  folded2 = 2097151 & h2
}

/** Character code of the hex digit of `value` at bit `shift` (lower-case, as toString(16) writes). */
function hex(value: number, shift: number): number {
  const digit = (value >>> shift) & 15
  return digit < 10 ? 48 + digit : 87 + digit
}
