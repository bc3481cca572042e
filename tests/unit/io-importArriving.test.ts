/**
 * A file read while it arrives (a `?data=` link): the result is exactly that of the same bytes read
 * at once, however the network cuts them; the rows are read before the last byte; a file too large,
 * a transfer that breaks off and an import that ends early stop the transfer.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { ArrivingText, type ByteSource } from '../../src/io/arrivingText'
import { runImport, type ImportOptions, type ImportProgress } from '../../src/io/importPipeline'
import type { ImportResult } from '../../src/io/importResult'
import { makeXlsx } from '../fixtures/import/makeXlsx'

const FIXTURES = 'tests/fixtures/import'
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
/** As a `?data=` link is read: guessed columns are accepted. */
const LINK: ImportOptions = { acceptSuggestedMapping: true }

interface Pieces extends ByteSource {
  /** Pieces handed out so far. */
  readonly reads: number
  readonly cancelled: boolean
}

/** The bytes in pieces of `size` (the last may be shorter); `beforeLast` runs when the last piece is asked for. */
function pieces(bytes: Uint8Array, size: number, beforeLast?: () => void): Pieces {
  let at = 0
  let reads = 0
  let cancelled = false
  return {
    async read() {
      if (cancelled) throw new Error('read after cancel')
      if (at >= bytes.length) return null
      if (at + size >= bytes.length) beforeLast?.()
      const piece = bytes.slice(at, at + size)
      at += size
      reads++
      return piece
    },
    async cancel() {
      cancelled = true
    },
    get reads() {
      return reads
    },
    get cancelled() {
      return cancelled
    },
  }
}

async function arrived(bytes: Uint8Array, name: string, size: number, options: ImportOptions = LINK): Promise<ImportResult> {
  return runImport({ kind: 'arriving', text: new ArrivingText(pieces(bytes, size), options.maxBytes ?? 1e9, bytes.length), name }, options)
}

/** A result without its timing, to compare two reads of one file. */
function timeless(result: ImportResult): ImportResult {
  return { ...result, stats: { ...result.stats, elapsedMs: 0 } }
}

/** A table of `rows` rows with what makes reading hard: quotes, line breaks in cells, CRLF, blank lines, bad rows, a duplicate. */
function table(rows: number, lineEnd = '\n'): string {
  const lines = ['地区,上级,指标,计量单位,时期,年度目标,完成值,原文摘录']
  for (let i = 0; i < rows; i++) {
    const street = `街道${i % 37}`
    const quote = i % 5 === 0 ? `"完成""${(i % 89) + 10}""万元，${lineEnd}同比增长"` : i % 7 === 0 ? '"完成, 见附表"' : ''
    const actual = i % 101 === 0 ? 'abc' : String((i % 89) + 10)
    lines.push(`${street},测试区,指标${Math.floor(i / 37) % 9},万元,2023年1-${(Math.floor(i / 333) % 12) + 1}月,${1000 + (i % 97)},${actual},${quote}`)
    if (i % 250 === 0) lines.push('')
  }
  lines.push(lines[1] as string) // a duplicate of the first row
  return lines.join(lineEnd)
}

describe('a file read while it arrives', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['a UTF-8 table', encode(table(3000)), 'big.csv'],
    ['a table with CRLF line ends', encode(table(800, '\r\n')), 'crlf.csv'],
    ['a tab-separated table', encode(table(500).replaceAll(',', '\t')), 'tabs.tsv'],
    ['a UTF-8 table with a BOM', new Uint8Array(readFileSync(`${FIXTURES}/chinese-headers.utf8-bom.csv`)), 't.csv'],
    ['a GBK table', new Uint8Array(readFileSync(`${FIXTURES}/chinese-headers.gbk.csv`)), 't.csv'],
    ['a table with rows the reader refuses', new Uint8Array(readFileSync(`${FIXTURES}/broken-rows.csv`)), 'broken.csv'],
    ['a UTF-8 table with a GBK byte far down (read again whole)', new Uint8Array([...encode(table(3000)), 0xb5, 0xd8]), 'late.csv'],
    ['a damaged table with a BOM (read again whole)', new Uint8Array([0xef, 0xbb, 0xbf, ...encode(table(3000)), 0xff, ...encode('\n')]), 'damaged.csv'],
    ['a table cut in the middle of a character', encode(table(3000)).subarray(0, -1 - encode('\n').length - 2), 'cut.csv'],
    ['a JSON dataset', encode(`${' '.repeat(70_000)}{"schemaVersion":1}`), 'link'],
    ['a file of nothing', new Uint8Array(), 'empty.csv'],
  ]

  it.each(cases)('%s reads as the same bytes read at once', async (_name, bytes, name) => {
    const atOnce = timeless(await runImport({ kind: 'bytes', bytes, name }, LINK))
    for (const size of [3, 4099, 65_536, 1 << 20]) {
      expect(timeless(await arrived(bytes, name, size)), `pieces of ${size} bytes`).toEqual(atOnce)
    }
  })

  it('reads a spreadsheet whole, as the same bytes read at once', async () => {
    const bytes = await makeXlsx([
      ['地区', '上级', '指标', '单位', '期间', '目标', '完成'],
      ['大市口街道', '京口区', '项目投资', '亿元', '2023年1-10月', 4.97, 4.32],
    ])
    const atOnce = timeless(await runImport({ kind: 'bytes', bytes, name: 't.xlsx' }, LINK))
    expect(atOnce.status).toBe('ok')
    expect(timeless(await arrived(bytes, 't.xlsx', 100))).toEqual(atOnce)
  })

  it('reads rows before the last byte has arrived', async () => {
    const bytes = encode(table(30_000))
    const progress: ImportProgress[] = []
    let rowsBeforeLast = -1
    const source = pieces(bytes, 16_384, () => {
      rowsBeforeLast = Math.max(0, ...progress.map((p) => p.rows))
    })
    const result = await runImport({ kind: 'arriving', text: new ArrivingText(source, 1e9, bytes.length), name: 't.csv' }, { ...LINK, progressEvery: 100 }, (p) =>
      progress.push(p),
    )
    expect(result.stats.dataRows).toBe(30_001)
    expect(rowsBeforeLast).toBeGreaterThan(20_000)
    // Progress through the file is the share of its bytes received.
    expect(progress.filter((p) => p.phase === 'parsing' && p.fraction !== null && p.fraction > 0 && p.fraction < 1).length).toBeGreaterThan(5)
  })

  it('stops the transfer past the size cap, with the same issue as a file too large', async () => {
    const source = pieces(encode(table(3000)), 1000)
    const result = await runImport({ kind: 'arriving', text: new ArrivingText(source, 50_000), name: 't.csv' }, LINK)
    expect(result.status).toBe('failed')
    expect(result.issues.map((i) => [i.code, i.params])).toEqual([['fileTooLarge', { size: '> 48.8 KB', max: '48.8 KB' }]])
    expect(source.cancelled).toBe(true)
    expect(source.reads).toBeLessThanOrEqual(51)
  })

  it('stops the transfer when the import ends before the file does (a missing column)', async () => {
    const source = pieces(encode(table(3000).replace('地区,', '别的,')), 1000)
    const result = await runImport({ kind: 'arriving', text: new ArrivingText(source, 1e9), name: 't.csv' }, LINK)
    expect(result.issues.map((i) => i.code)).toContain('missingColumn')
    expect(source.cancelled).toBe(true)
  })

  it('fails with the transfer when it breaks off', async () => {
    const bytes = encode(table(3000))
    let reads = 0
    const broken: ByteSource = {
      async read() {
        if (++reads > 20) throw new TypeError('network error')
        return bytes.slice((reads - 1) * 10_000, reads * 10_000)
      },
      async cancel() {},
    }
    await expect(runImport({ kind: 'arriving', text: new ArrivingText(broken, 1e9), name: 't.csv' }, LINK)).rejects.toThrow('network error')
  })
})
