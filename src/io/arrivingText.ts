/**
 * A file that is still arriving (a `?data=` link's response, read in the import worker), as text:
 * its bytes are decoded as they come (`DecodeWhileReading`), so a table's rows can be read while
 * the rest of it is on its way instead of after the last byte. The bytes are kept until the end,
 * for the files that must be read whole after all: a spreadsheet, JSON, or a text that turns out
 * not to be UTF-8 (`decodeBytes` then decides its encoding from all of it).
 */
import type { DecodedText } from './decodeBytes'
import { DecodeWhileReading, concatBytes } from './decodeWhileReading'

/** Where the bytes come from: a response body's reader, or a test's pieces. */
export interface ByteSource {
  /** The next bytes, or null at the end. Rejects when the transfer fails. */
  read(): Promise<Uint8Array | null>
  /** Stops the transfer: the rest is not wanted. */
  cancel(): Promise<void>
}

/** The bytes went past the size cap: the transfer was stopped there. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`)
    this.name = 'FileTooLargeError'
  }
}

/** UTF-8 takes at most 3 bytes for each UTF-16 code unit of the text. */
const MAX_BYTES_PER_CHAR = 3

export class ArrivingText {
  private chunks: Uint8Array[] = []
  /**
   * Bytes received and not decoded yet. They are decoded in batches, not piece by piece: one string
   * per batch, instead of the network's 64 KB pieces joined, costs the reader less to go through.
   */
  private undecoded: Uint8Array[] = []
  private undecodedBytes = 0
  private readonly decoder = new DecodeWhileReading()
  private bytesReceived = 0
  private atEnd = false

  /** `size`: the length the server gave, if any (for progress). */
  constructor(
    private readonly source: ByteSource,
    private readonly maxBytes: number,
    readonly size: number | null = null,
  ) {}

  /** Bytes received so far. */
  get received(): number {
    return this.bytesReceived
  }

  /** Every byte has arrived. */
  get ended(): boolean {
    return this.atEnd
  }

  /** The bytes are not UTF-8 as far as they came: the text must come from all of them (`allBytes`, decoded whole). */
  get notUtf8(): boolean {
    this.decodeReceived()
    return this.decoder.stopped
  }

  /** The text taken so far has replacement characters (a damaged file that says it is UTF-8 with a BOM). */
  get damaged(): boolean {
    return this.decoder.replacementsTaken > 0
  }

  /** The first bytes received (up to `count`), for telling the format. */
  head(count: number): Uint8Array {
    const first = this.chunks[0]
    if (first !== undefined && first.byteLength >= count) return first.subarray(0, count)
    return concatBytes(this.chunks).subarray(0, count)
  }

  /** Reads one more piece; false at the end. Past the size cap it stops the transfer and throws `FileTooLargeError`. */
  async readMore(): Promise<boolean> {
    if (this.atEnd) return false
    const chunk = await this.source.read()
    if (chunk === null) {
      this.atEnd = true
      return false
    }
    this.bytesReceived += chunk.byteLength
    if (this.bytesReceived > this.maxBytes) {
      this.chunks = []
      this.undecoded = []
      await this.source.cancel()
      throw new FileTooLargeError(this.maxBytes)
    }
    this.chunks.push(chunk)
    this.undecoded.push(chunk)
    this.undecodedBytes += chunk.byteLength
    return true
  }

  /** Reads until `chars` characters of text wait to be taken, the bytes are found not to be UTF-8, or the end. */
  async fill(chars: number): Promise<void> {
    while (!this.decoder.stopped && this.decoder.pendingChars < chars) {
      const enough = this.undecodedBytes >= (chars - this.decoder.pendingChars) * MAX_BYTES_PER_CHAR
      if (enough || !(await this.readMore())) {
        this.decodeReceived()
        if (this.atEnd) return
      }
    }
  }

  /** The text decoded since the last take, or about its first `maxChars` characters (see `DecodeWhileReading.take`). */
  take(maxChars?: number): string {
    this.decodeReceived()
    return this.decoder.take(maxChars)
  }

  private decodeReceived(): void {
    if (this.undecoded.length === 0) return
    const bytes = this.undecoded.length === 1 ? (this.undecoded[0] as Uint8Array) : concatBytes(this.undecoded)
    this.undecoded = []
    this.undecodedBytes = 0
    this.decoder.push(bytes)
  }

  /**
   * After the end: the text not taken yet and what the whole file was found to be, or null when it
   * is not UTF-8 after all (a damaged last character, say): then the text must come from `allBytes`.
   */
  finishText(): DecodedText | null {
    this.decodeReceived()
    const text = this.decoder.finish()
    // The bytes were kept in case they had to be decoded whole: they need not be now (unless the
    // text is damaged, which the importer reads again whole).
    if (text !== null && text.replacements === 0) this.chunks = []
    return text
  }

  /** Reads to the end and gives every byte (the transfer's pieces are let go). */
  async allBytes(): Promise<Uint8Array> {
    while (await this.readMore());
    const bytes = concatBytes(this.chunks)
    this.chunks = []
    return bytes
  }

  /** Stops the transfer: the import ended before the file did. */
  async cancel(): Promise<void> {
    if (this.atEnd) return
    this.atEnd = true
    this.chunks = []
    this.undecoded = []
    await this.source.cancel()
  }
}
