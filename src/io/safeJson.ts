/**
 * JSON from outside (an imported file, a `?data=` link) parsed with the keys that could reach an
 * object's prototype refused outright.
 *
 * `JSON.parse` itself makes "__proto__" an ordinary own property, but any later spread, merge or
 * `Object.assign` into a plain object would turn it into a prototype change. No dataset field is
 * named like that, so such a key is never legitimate data: the whole document is rejected and the
 * user is told which key, rather than the key being dropped silently.
 */

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; reason: 'syntax'; message: string } | { ok: false; reason: 'forbiddenKey'; key: string }

export function parseJsonSafely(text: string): SafeJsonResult {
  let forbidden: string | null = null
  let value: unknown
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (key, val: unknown) => {
      if (forbidden === null && FORBIDDEN_KEYS.has(key)) forbidden = key
      return val
    })
  } catch (err) {
    return { ok: false, reason: 'syntax', message: err instanceof Error ? err.message : String(err) }
  }
  if (forbidden !== null) return { ok: false, reason: 'forbiddenKey', key: forbidden }
  return { ok: true, value }
}
