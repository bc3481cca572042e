/**
 * Which row took each observation id, for the mapper's check of duplicate rows and of ids that
 * two different keys hash to (`interchangeMapper.ts`).
 *
 * An open-addressing hash table in one Int32Array, sized once for the rows to come, instead of a
 * Map keyed by the id strings. On the 360,000-row table the Map's look-ups were most of the
 * mapping phase's own time (about a third of a second on the bench machine): each new id had to
 * be flattened and hashed, and the map grew by rehashing. Here a look-up reads the id's last
 * characters (ids are hex digits of a hash, evenly spread), probes a few slots of one 4 MB array,
 * and compares strings only where the slot's row has an id ending the same way.
 */
export class IdIndex {
  /** Row + 1 of the row that took the id hashed to this slot (or a later slot); 0: empty. */
  private readonly slots: Int32Array
  private readonly mask: number
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
    this.slots = new Int32Array(size)
    this.mask = size - 1
  }

  /** The row that took `id`, or undefined. */
  get(id: string): number | undefined {
    for (let slot = this.slotOf(id); ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot] ?? 0
      if (entry === 0) return undefined
      if (this.idOf(entry - 1) === id) return entry - 1
    }
  }

  /** Records that `row` took `id` (which no row has: ask `get` first). */
  add(id: string, row: number): void {
    // A full table would make the probe below run forever: more rows than promised is a bug.
    if (++this.added > this.slots.length / 2) throw new Error(`IdIndex: more than ${this.slots.length / 2} rows`)
    let slot = this.slotOf(id)
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask
    this.slots[slot] = row + 1
  }

  private slotOf(id: string): number {
    // The last eight characters: for ids of hash digits, as good as hashing the whole string.
    let hash = 0
    for (let i = Math.max(0, id.length - 8); i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0
    return hash & this.mask
  }
}
