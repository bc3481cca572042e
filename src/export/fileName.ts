/**
 * File names for exports: meaningful (region, indicator, period: `大市口街道-项目投资-2023年1-10月.png`)
 * and safe on every system a download may land on.
 *
 * What is removed or replaced, and why:
 * - `/ \ : * ? " < > |`: separators and characters Windows refuses; a name such as `../a<b>:*?` never
 *   becomes a path;
 * - control characters (C0, DEL, C1) and the bidirectional overrides that can disguise an extension
 *   (`…gnp.exe` shown as `…exe.png`);
 * - leading and trailing dots, spaces, dashes and underscores (hidden files on Unix; Windows drops
 *   trailing dots and spaces silently);
 * - Windows' reserved device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension);
 * - length: at most `MAX_STEM_BYTES` bytes of UTF-8 before the extension (most file systems allow
 *   255 bytes; a Chinese character takes 3), cut on a character boundary.
 */

/** UTF-8 bytes the name may use before its extension. */
export const MAX_STEM_BYTES = 180

// Characters forbidden on Windows or meaning a path anywhere, controls, and bidi/invisible formatting.
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g
const SPACES = /\s+/g
const EDGES = /^[\s._-]+|[\s._-]+$/g
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/** One part of a name (a region, an indicator, a period) made safe; '' when nothing is left. */
export function safeNamePart(text: string): string {
  return text.normalize('NFC').replace(UNSAFE, '_').replace(SPACES, ' ').replace(/_+/g, '_').replace(EDGES, '')
}

/** Cuts text to at most `maxBytes` bytes of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder()
  if (encoder.encode(text).length <= maxBytes) return text
  let bytes = 0
  let out = ''
  for (const char of text) {
    const size = encoder.encode(char).length
    if (bytes + size > maxBytes) break
    bytes += size
    out += char
  }
  return out
}

/**
 * A file name from its parts, joined with '-', and an extension (`png`, `csv`…). Empty parts are
 * left out; when nothing is left, `fallback` names the file.
 */
export function safeFileName(parts: ReadonlyArray<string | null | undefined>, extension: string, fallback = 'export'): string {
  const ext = extension.toLowerCase().replace(/[^a-z0-9]/g, '')
  const joined = parts
    .map((part) => safeNamePart(part ?? ''))
    .filter((part) => part !== '')
    .join('-')
  let stem = truncateUtf8(joined, MAX_STEM_BYTES).replace(EDGES, '')
  if (stem === '') stem = safeNamePart(fallback) || 'export'
  if (RESERVED.test(stem)) stem = `_${stem}`
  return ext === '' ? stem : `${stem}.${ext}`
}

/**
 * Names made unique within one archive, case-insensitively (Windows and macOS file systems are):
 * the second `a.png` becomes `a (2).png`.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name) => {
    const dot = name.lastIndexOf('.')
    const stem = dot > 0 ? name.slice(0, dot) : name
    const ext = dot > 0 ? name.slice(dot) : ''
    let candidate = name
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`
    taken.add(candidate.toLowerCase())
    return candidate
  })
}
