/**
 * Small settings remembered in localStorage (language, theme, export choices, the agenda). Storage
 * can be blocked (privacy modes) or full: then reads give nothing and writes are dropped, and the
 * setting still applies to this visit. One place for that rule instead of a try/catch per setting.
 */

export function readStorage(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null
  } catch {
    return null
  }
}

export function writeStorage(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value)
  } catch {
    // Not remembered across visits; nothing else depends on it.
  }
}

/** A stored JSON value, or null when missing, unreadable or damaged. Callers still check its shape. */
export function readStoredJson(key: string): unknown {
  const text = readStorage(key)
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
