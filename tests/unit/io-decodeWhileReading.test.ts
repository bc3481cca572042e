import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/io/decodeBytes'
import { DECODE_SLICE_BYTES, DecodeWhileReading, concatBytes } from '../../src/io/decodeWhileReading'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const BOM = [0xef, 0xbb, 0xbf]
// 地区,指标 in GBK, as Chinese Excel saves plain CSV.
const GBK = [0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0xd6, 0xb8, 0xb1, 0xea]

/** The bytes cut every `size` bytes, as a network might deliver them (multi-byte characters split too). */
function chunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size))
  return out
}

function decodeInPieces(bytes: Uint8Array, size: number) {
  const decoder = new DecodeWhileReading()
  for (const chunk of chunks(bytes, size)) decoder.push(chunk)
  return decoder.finish()
}

describe('decoding while the bytes arrive', () => {
  const table = encode('地区,上级,指标,目标,完成\n大市口街道,京口区,项目投资,4.97,4.32\n象山街道,京口区,项目投资,3,2.6\n')

  it.each([1, 2, 3, 5, 7, 64, 100_000])('gives decodeBytes\'s text for UTF-8 cut every %i bytes', (size) => {
    expect(decodeInPieces(table, size)).toEqual(decodeBytes(table))
    const withBom = new Uint8Array([...BOM, ...table])
    expect(decodeInPieces(withBom, size)).toEqual(decodeBytes(withBom))
  })

  it('counts the damage in a file that says it is UTF-8 (BOM) as decodeBytes does', () => {
    const damaged = new Uint8Array([...BOM, ...encode('地区,'), 0xff, 0xfe, ...encode('指标')])
    const decoded = decodeInPieces(damaged, 3)
    expect(decoded).toEqual(decodeBytes(damaged))
    expect(decoded?.replacements).toBe(2)
  })

  it.each([1, 2, 5, 64])('gives the same text, damage counted, when it is taken as it comes (pieces of %i bytes)', (size) => {
    const damaged = new Uint8Array([...BOM, ...encode('地区,'), 0xff, ...encode('指标\n大市口'), 0xfe, ...encode('街道')])
    for (const bytes of [table, damaged]) {
      const decoder = new DecodeWhileReading()
      let taken = ''
      for (const chunk of chunks(bytes, size)) {
        decoder.push(chunk)
        expect(decoder.pendingChars).toBeGreaterThanOrEqual(0)
        if (decoder.pendingChars > 3) taken += decoder.take()
      }
      const rest = decoder.finish()
      const whole = decodeBytes(bytes)
      expect({ ...rest, text: taken + rest?.text }).toEqual(whole)
    }
  })

  it('takes at most about maxChars at a time (whole slices, at least one), and the pieces make the text', () => {
    // Three slices' worth of bytes at once, as one network chunk: three decoded pieces wait.
    const line = '大市口街道,京口区,项目投资,4.97,4.32\n'
    const text = line.repeat(Math.ceil((DECODE_SLICE_BYTES * 2.5) / encode(line).length))
    const decoder = new DecodeWhileReading()
    decoder.push(encode(text))
    // Characters per slice, about (a slice may end inside a character, which then opens the next).
    const slice = (DECODE_SLICE_BYTES * line.length) / encode(line).length
    const taken: string[] = []
    while (decoder.pendingChars > 0) {
      const before = decoder.pendingChars
      const piece = decoder.take(slice * 1.5)
      expect(piece.length).toBeGreaterThan(0)
      expect(piece.length).toBeLessThanOrEqual(slice * 1.5)
      expect(decoder.pendingChars).toBe(before - piece.length)
      taken.push(piece)
    }
    expect(taken.length).toBeGreaterThanOrEqual(3)
    // A limit below one slice still takes one slice.
    decoder.push(encode(text))
    const one = decoder.take(1)
    expect(one.length).toBeGreaterThan(slice / 2)
    expect(taken.join('') + one + decoder.take() + decoder.finish()?.text).toBe(text + text)
  })

  it.each<[string, number[]]>([
    ['GBK (not UTF-8)', GBK],
    ['UTF-8 cut off in the middle of a character', [...encode('地区'), 0xe5, 0x9c]],
    ['UTF-16LE with a BOM', [0xff, 0xfe, 0x30, 0x57]],
    ['UTF-16BE with a BOM', [0xfe, 0xff, 0x57, 0x30]],
    ['fewer than three bytes', [0x61, 0x62]],
    ['nothing', []],
  ])('hands %s over to decodeBytes (null)', (_name, bytes) => {
    expect(decodeInPieces(new Uint8Array(bytes), 1)).toBeNull()
    expect(decodeInPieces(new Uint8Array(bytes), 4)).toBeNull()
  })

  it('decodes a piece larger than its slice in slices, characters split at the cuts included', () => {
    // A byte before the Chinese text shifts it, so slice ends fall inside 3-byte characters.
    const big = encode(`a${'大市口街道,京口区,项目投资,4.97\n'.repeat(Math.ceil((2.5 * DECODE_SLICE_BYTES) / 40))}`)
    expect(big.byteLength).toBeGreaterThan(2 * DECODE_SLICE_BYTES)
    expect(decodeInPieces(big, big.byteLength)).toEqual(decodeBytes(big))
    // Bytes that are not UTF-8 after the first slice still hand over to decodeBytes.
    const late = new Uint8Array([...big, ...GBK])
    expect(decodeInPieces(late, late.byteLength)).toBeNull()
  })

  it('joins chunks back into the bytes', () => {
    expect([...concatBytes(chunks(table, 7))]).toEqual([...table])
    expect(concatBytes([]).length).toBe(0)
  })
})
