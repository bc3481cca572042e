/**
 * "The one with most figures": the default region, parent or period a view picks when the user chose
 * none. One rule everywhere: the key counted most often, ties to the one seen first (data order).
 */

/** How often each key occurs, in first-seen order; null keys are not counted. */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string | null | undefined): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) {
    const k = key(item)
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return counts
}

/** The key counted most often; among equals the first seen. null when nothing was counted. */
export function mostFrequent(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [key, n] of counts) {
    if (n > bestCount) {
      best = key
      bestCount = n
    }
  }
  return best
}
