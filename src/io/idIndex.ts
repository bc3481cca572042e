/**
 * Which row took each observation id, for the mapper's check of duplicate rows and of ids that
 * two different keys hash to (`interchangeMapper.ts`).
 *
 * An open-addressing hash table in one Int32Array, sized once for the rows to come, instead of a
 * Map keyed by the id strings. On the 360,000-row table the Map's look-ups were most of the
 * mapping phase's own time (about a third of a second on the bench machine): each new id had to
 * be flattened and hashed, and the map grew by rehashing. Here a look-up reads the id's last
 * characters (ids are hex digits of a hash, evenly spread), probes a few slots of one 8 MB array
 * that holds each slot's row and that row's id's hash side by side, and compares strings only
 * where the two hashes are the same.
 */
export class IdIndex {
  /**
   * Two numbers per slot: row + 1 of the row that took the id hashed to this slot (or a later
   * slot), 0 when empty; and the id's hash, so that a probe compares numbers in the slot it has
   * just read and asks for the row's id (in an object elsewhere in memory, a cache miss away)
   * only when the hashes agree, which is almost only when the id is the same.
   */
  private readonly slots: Int32Array
  private readonly mask: number
  private readonly capacity: number
  private added = 0

  /**
   * `rows`: how many rows will be added at most. `idOf(row)`: the id a row took (asked only of
   * rows added, so the caller must have recorded it by then).
   */
  constructor(
    rows: number,
    private readonly idOf: (row: number) => string,
  ) {
    // At most half full, so that a probe ends after a slot or two.
    let size = 16
    while (size < rows * 2) size *= 2
    this.slots = new Int32Array(size * 2)
    this.mask = size - 1
    this.capacity = size / 2
  }

  /** The row that took `id`, or undefined. */
  get(id: string): number | undefined {
    const hash = hashOf(id)
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[2 * slot] ?? 0
      if (entry === 0) return undefined
      if (this.slots[2 * slot + 1] === hash && this.idOf(entry - 1) === id) return entry - 1
    }
  }

  /** Records that `row` took `id` (which no row has: ask `get` first). */
  add(id: string, row: number): void {
    this.claim(id, row, false)
  }

  /**
   * The row that took `id`; or, when no row has, records that `row` takes it and gives undefined.
   * One probe for what `get` and then `add` would do in two.
   */
  claim(id: string, row: number, lookFirst = true): number | undefined {
    const hash = hashOf(id)
    let slot = hash & this.mask
    for (;;) {
      const entry = this.slots[2 * slot] ?? 0
      if (entry === 0) break
      if (lookFirst && this.slots[2 * slot + 1] === hash && this.idOf(entry - 1) === id) return entry - 1
      slot = (slot + 1) & this.mask
    }
    // Kept at most half full so that probes stay short (and end): more rows than promised is a bug.
    if (this.added >= this.capacity) throw new Error(`IdIndex: more than ${this.capacity} rows`)
    this.slots[2 * slot] = row + 1
    this.slots[2 * slot + 1] = hash
    this.added++
    return undefined
  }
}

/** The last eight characters: for ids of hash digits, as good as hashing the whole string. */
function hashOf(id: string): number {
  let hash = 0
  for (let i = Math.max(0, id.length - 8); i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0
  return hash
}
