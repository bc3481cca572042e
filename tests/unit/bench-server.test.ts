/**
 * The benchmark's static server: the large table at its fixed path, as sent plainly, at a set rate,
 * or gzip-compressed to a client that accepts it (npm run bench -- --gzip).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic, type StaticServer } from '../../bench/server'

/** The raw response (not decompressed, unlike fetch), with its headers. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

describe('the benchmark server', () => {
  let dir: string
  let table: string
  const servers: StaticServer[] = []
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-server-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html>')
    table = `地区,指标,单位,期间,完成\n${'大市口街道,投资,亿元,2023,4.32\n'.repeat(20_000)}`
    writeFileSync(join(dir, 'large.csv'), table)
  })
  afterAll(async () => {
    for (const s of servers) await s.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends the table gzip-compressed only when asked to and when the client accepts it', async () => {
    const plain = await serveStatic(dir, { '/data/t.csv': join(dir, 'large.csv') })
    const gzip = await serveStatic(dir, { '/data/t.csv': join(dir, 'large.csv') }, { gzipExtra: true, extraBytesPerSecond: 50e6 })
    servers.push(plain, gzip)

    const accepting = { 'accept-encoding': 'gzip, deflate, br' }
    const compressed = await get(`${gzip.origin}/data/t.csv`, accepting)
    expect(compressed.headers['content-encoding']).toBe('gzip')
    expect(Number(compressed.headers['content-length'])).toBe(compressed.body.length)
    expect(compressed.body.length).toBeLessThan(Buffer.byteLength(table) / 10)
    expect(gunzipSync(compressed.body).toString('utf8')).toBe(table)

    // A client that does not accept gzip, the page's own files and the plain server: as on disk.
    for (const [server, path, headers] of [
      [gzip, '/data/t.csv', {}],
      [gzip, '/index.html', accepting],
      [plain, '/data/t.csv', accepting],
    ] as const) {
      const response = await get(`${server.origin}${path}`, headers)
      expect(response.headers['content-encoding']).toBeUndefined()
      expect(Number(response.headers['content-length'])).toBe(response.body.length)
    }
    expect((await get(`${plain.origin}/data/t.csv`)).body.toString('utf8')).toBe(table)
  })
})
