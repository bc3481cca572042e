/**
 * Bytes to text for imported tables. Chinese users bring three kinds of file:
 *
 * - UTF-8, with a BOM (Excel's "CSV UTF-8") or without (most other tools);
 * - GBK/GB18030, what Chinese Excel writes for plain "CSV" and what older systems export;
 * - UTF-16 with a BOM, what Excel writes for "Unicode text" (tab-separated).
 *
 * A file says nothing about its encoding except through a BOM, so the rule is: honour a BOM;
 * otherwise try UTF-8 with `fatal: true` (GBK text is almost never valid UTF-8, because its lead
 * bytes 0x81-0xFE are followed by bytes that UTF-8 forbids there); if that fails, read GB18030,
 * a superset of GBK and GB2312. The BOM is always removed: left in, it glues itself to the first
 * header ("\uFEFF地区") and the column is not recognised.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
  /** Whether the bytes started with a byte order mark (now removed). */
  bom: boolean
  /**
   * U+FFFD characters produced by decoding: bytes that are not text in the chosen encoding.
   * Zero for clean files; a count above zero means the file is damaged or in another encoding.
   */
  replacements: number
}

/** U+FFFD characters in a decoded text, up to `limit`. */
export function countReplacements(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0
  for (let i = text.indexOf('\uFFFD'); i >= 0 && count < limit; i = text.indexOf('\uFFFD', i + 1)) count++
  return count
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array, bom: boolean): DecodedText {
  // `ignoreBOM: true` keeps the decoder from stripping it a second time: we pass the bytes after it.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
  return { text, encoding, bom, replacements: countReplacements(text) }
}

/** Decodes a whole file. Never throws: every byte sequence decodes to something. */
export function decodeBytes(input: Uint8Array | ArrayBuffer): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3), true)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), true)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), true)
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return { text, encoding: 'utf-8', bom: false, replacements: 0 }
  } catch {
    // Not UTF-8: GB18030 decodes every GBK and GB2312 file the same way those encodings do.
    return decodeWith('gb18030', bytes, false)
  }
}

/** Pasted or fetched text may still begin with a BOM character; it is never part of a header. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
