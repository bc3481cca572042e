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
  // The 53-bit value 2^32 × (21 bits of h2) + (h1 >>> 0), written as its two halves: the same 14
  // digits as value.toString(16).padStart(14, '0'), which costs ~1 µs per id for a float that large
  // (12 % of reading the 360,000-row benchmark table; npm run bench:import).
  return (2097151 & h2).toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0')
}

/** An id in the dataset's id alphabet: a readable prefix and the hash of the parts. */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  // U+001F (unit separator) cannot occur in a trimmed cell, so ("a b", "c") and ("a", "b c") differ.
  return `${prefix}-${stableHash(parts.join('\u001f'))}`
}
