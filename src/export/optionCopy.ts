/**
 * A copy of an ECharts option that an export may change without touching the option on screen.
 *
 * Plain objects and arrays are copied (deeply); functions (formatters), dates and anything else are
 * shared, not copied: a formatter closes over its rows and must stay the same function. Strings can be
 * mapped on the way (colours, for a palette swap). Options are trees; a repeated object is copied
 * once per place it appears, and a cycle (never produced by the chart builders) is cut.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export function copyOption<T>(value: T, mapString: (text: string) => string = (text) => text): T {
  const path = new Set<object>()
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return mapString(node)
    if (Array.isArray(node)) {
      if (path.has(node)) return undefined
      path.add(node)
      const out = node.map(visit)
      path.delete(node)
      return out
    }
    if (isPlainObject(node)) {
      if (path.has(node)) return undefined
      path.add(node)
      // Keys are copied as own data properties; `__proto__` as a key never reaches a prototype.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
      for (const key of Object.keys(node)) out[key] = visit(node[key])
      path.delete(node)
      return Object.setPrototypeOf(out, Object.prototype) as unknown
    }
    return node
  }
  return visit(value) as T
}
