import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { decodeBytes, stripBom } from '../../src/io/decodeBytes'

const FIXTURES = 'tests/fixtures/import'
const utf8Text = readFileSync(`${FIXTURES}/chinese-headers.utf8.csv`, 'utf8')

/** UTF-16 bytes with a BOM, as Excel writes "Unicode text". */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2)
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const [a, b] = endian === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]
    out[2 + i * 2] = a
    out[3 + i * 2] = b
  }
  return out
}

describe('decodeBytes', () => {
  it.each<[string, Uint8Array, string, boolean]>([
    ['UTF-8 without BOM', new TextEncoder().encode('地区,指标'), 'utf-8', false],
    ['UTF-8 with BOM (Excel "CSV UTF-8")', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('地区,指标')]), 'utf-8', true],
    ['UTF-16LE with BOM (Excel "Unicode text")', utf16('地区\t指标', 'le'), 'utf-16le', true],
    ['UTF-16BE with BOM', utf16('地区\t指标', 'be'), 'utf-16be', true],
    // 地区,指标 in GBK, as Chinese Excel saves plain CSV.
    ['GBK bytes', new Uint8Array([0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0xd6, 0xb8, 0xb1, 0xea]), 'gb18030', false],
  ])('%s', (_name, bytes, encoding, bom) => {
    const decoded = decodeBytes(bytes)
    expect(decoded.encoding).toBe(encoding)
    expect(decoded.bom).toBe(bom)
    expect(decoded.text.replace('\t', ',')).toBe('地区,指标')
    // The BOM never survives into the first header.
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff)
    expect(decoded.replacements).toBe(0)
  })

  it('reads the GBK fixture to the same text as its UTF-8 twin, and the BOM fixture too', () => {
    const gbk = decodeBytes(readFileSync(`${FIXTURES}/chinese-headers.gbk.csv`))
    expect(gbk.encoding).toBe('gb18030')
    expect(gbk.text.replace(/\r\n/g, '\n')).toBe(utf8Text)
    const bom = decodeBytes(readFileSync(`${FIXTURES}/chinese-headers.utf8-bom.csv`))
    expect(bom).toMatchObject({ encoding: 'utf-8', bom: true, text: utf8Text })
  })

  it('accepts an ArrayBuffer as well as a Uint8Array', () => {
    const bytes = new TextEncoder().encode('abc')
    expect(decodeBytes(bytes.buffer).text).toBe('abc')
  })

  it('counts characters that are text in no encoding, so a damaged file is reported', () => {
    // 0x80 alone is not UTF-8, and not a complete GB18030 character either.
    const decoded = decodeBytes(new Uint8Array([0x61, 0x80, 0x62, 0xff]))
    expect(decoded.encoding).toBe('gb18030')
    expect(decoded.replacements).toBeGreaterThan(0)
  })

  it('stripBom removes a leading BOM character from pasted or fetched text only', () => {
    expect(stripBom('\uFEFF地区')).toBe('地区')
    expect(stripBom('地区\uFEFF')).toBe('地区\uFEFF')
  })
})
