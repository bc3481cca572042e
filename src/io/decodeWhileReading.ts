/**
 * `decodeBytes` for a file that arrives in pieces (a `?data=` link's response): each piece is decoded
 * as it comes in, so the text is ready when the last byte is, instead of 0.6 s after (npm run bench,
 * 62.7 MB). The rules are `decodeBytes`'s and so is the text; where this cannot follow them as the
 * bytes come (a UTF-16 BOM, bytes that are not UTF-8 and may be GB18030), it stops and `finish`
 * returns null: the caller decodes the whole file with `decodeBytes`, as it would have anyway.
 *
 * The text can also be taken as it comes (`take`), for a reader that reads rows while the rest of
 * the file is on its way; `finish` then gives what was not taken yet.
 */
import { countReplacements, type DecodedText } from './decodeBytes'

/** The first bytes needed to decide (a UTF-8 BOM is 3, a UTF-16 BOM 2). */
const SNIFF_BYTES = 3

/**
 * Bytes decoded per `TextDecoder.decode` call at most. Chromium decodes the 62.7 MB bench table
 * (mostly Chinese) in a worker in about 415 ms in 256 KB slices and 610 ms in the 2 MB pieces its
 * fetch hands over (4 runs each, same bytes); Node is as fast either way.
 *
 * Smaller still, 32 KB: a slice's text (at most 64 KB of UTF-16) is then an ordinary young object,
 * not a large one. V8 gives every large object fresh pages of its own, and on a virtual machine
 * memory touched for the first time costs about 3 ms per MB (a page fault per 4 KB): 256 KB slices,
 * joined into 256 K-character pieces (`ARRIVING_PIECE_CHARS` in `importPipeline.ts`), had the
 * import touch about 90 MB more in Chromium's worker (6 interleaved large loads: 472 vs 383 MB;
 * worker CPU 3115 vs 3020 ms) and 130 MB more in Node (`npm run bench:import -- --arriving`).
 */
export const DECODE_SLICE_BYTES = 32 * 1024

export class DecodeWhileReading {
  private decoder: TextDecoder | null = null
  private bom = false
  /** Decoding stopped (or never started): `finish` hands over to `decodeBytes`. */
  private givenUp = false
  private readonly pieces: string[] = []
  private piecesLength = 0
  /** Replacement characters in the text already taken (a file with a BOM may be damaged). */
  private takenReplacements = 0
  private pending: Uint8Array | null = null

  /** Characters decoded and not taken yet. */
  get pendingChars(): number {
    return this.piecesLength
  }

  /** Replacement characters in the text taken so far. */
  get replacementsTaken(): number {
    return this.takenReplacements
  }

  /** Decoding stopped: the bytes are not UTF-8 as far as they came (or are UTF-16). */
  get stopped(): boolean {
    return this.givenUp
  }

  push(chunk: Uint8Array): void {
    if (this.givenUp) return
    if (this.decoder === null) {
      // Decide on the first few bytes, however the network cut them.
      const head = this.pending === null ? chunk : concatBytes([this.pending, chunk])
      if (head.byteLength < SNIFF_BYTES) {
        this.pending = head
        return
      }
      this.pending = null
      if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
        this.givenUp = true
        return
      }
      this.bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
      // With a BOM the file is UTF-8 whatever follows, damage included; without, only valid UTF-8 is.
      this.decoder = new TextDecoder('utf-8', { fatal: !this.bom, ignoreBOM: true })
      chunk = this.bom ? head.subarray(3) : head
    }
    try {
      for (let at = 0; at < chunk.byteLength; at += DECODE_SLICE_BYTES) {
        const piece = this.decoder.decode(chunk.subarray(at, at + DECODE_SLICE_BYTES), { stream: true })
        this.pieces.push(piece)
        this.piecesLength += piece.length
      }
    } catch {
      // Not UTF-8: GB18030, decoded whole by `decodeBytes` at the end.
      this.giveUp()
    }
  }

  /**
   * The text decoded since the last take ('' once decoding stopped), or its first slices up to
   * about `maxChars` characters (at least one slice): the rest stays for the next take.
   */
  take(maxChars = Number.POSITIVE_INFINITY): string {
    let count = 0
    let chars = 0
    while (count < this.pieces.length && (count === 0 || chars + (this.pieces[count] as string).length <= maxChars)) {
      chars += (this.pieces[count] as string).length
      count++
    }
    const text = count === this.pieces.length ? this.pieces.join('') : this.pieces.slice(0, count).join('')
    this.pieces.splice(0, count)
    this.piecesLength -= chars
    if (this.bom) this.takenReplacements += countReplacements(text)
    return text
  }

  /**
   * The text of everything pushed and not taken, or null when `decodeBytes` must decode the bytes
   * instead (then whatever was taken must be read again from that text). `replacements` counts
   * the taken text too.
   */
  finish(): DecodedText | null {
    if (this.givenUp || this.decoder === null) {
      this.giveUp()
      return null
    }
    try {
      this.pieces.push(this.decoder.decode())
    } catch {
      this.giveUp()
      return null
    }
    const text = this.pieces.join('')
    this.pieces.length = 0
    this.piecesLength = 0
    return { text, encoding: 'utf-8', bom: this.bom, replacements: this.bom ? this.takenReplacements + countReplacements(text) : 0 }
  }

  private giveUp(): void {
    this.givenUp = true
    this.decoder = null
    this.pieces.length = 0
    this.piecesLength = 0
  }
}

/** The chunks as one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0
  for (const c of chunks) length += c.byteLength
  const out = new Uint8Array(length)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}
