import { describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { loadDatasetFromUrl, resolveDataUrl } from '../../src/io/loadDatasetFromUrl'
import type { IssueCode } from '../../src/io/validationIssue'

const PAGE = 'https://dash.example.gov.cn/app/?data=x'
const DATASET_JSON = readFileSync('data/dataset.json')
const CSV = '地区,指标,单位,期间,完成\n大市口街道,投资,亿元,2023,4.32\n'

describe('which ?data= links are allowed', () => {
  it.each<[string, string | null]>([
    ['data/街道.csv', 'https://dash.example.gov.cn/app/data/%E8%A1%97%E9%81%93.csv'],
    ['/shared/t.json', 'https://dash.example.gov.cn/shared/t.json'],
    ['../t.csv', 'https://dash.example.gov.cn/t.csv'],
    ['https://dash.example.gov.cn/t.csv', 'https://dash.example.gov.cn/t.csv'],
    ['https://evil.example.com/t.csv', null],
    ['//evil.example.com/t.csv', null],
    ['http://dash.example.gov.cn/t.csv', null], // another origin: the scheme differs
    ['https://dash.example.gov.cn:8443/t.csv', null],
    ['javascript:alert(1)', null],
    ['data:text/csv,a,b', null],
    ['https://user:pw@dash.example.gov.cn/t.csv', null],
  ])('%s', (param, expected) => {
    const resolved = resolveDataUrl(param, PAGE)
    expect(resolved.ok ? resolved.url.href : null).toBe(expected)
  })
})

function respond(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): typeof fetch {
  return vi.fn(async () => {
    const response = new Response(body, init)
    if (init.url) Object.defineProperty(response, 'url', { value: init.url })
    return response
  }) as unknown as typeof fetch
}

describe('loading a ?data= link', () => {
  it('loads a JSON dataset by content type', async () => {
    const fetch = respond(DATASET_JSON, { headers: { 'content-type': 'application/json' } })
    const result = await loadDatasetFromUrl('/api/dataset', { baseUrl: PAGE, fetch })
    expect(result.issues).toEqual([])
    expect(result.dataset?.observations.length).toBeGreaterThan(50)
    expect(fetch).toHaveBeenCalledWith('https://dash.example.gov.cn/api/dataset', expect.objectContaining({ credentials: 'same-origin' }))
  })

  it('loads an interchange CSV by extension', async () => {
    const result = await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(CSV, { headers: { 'content-type': 'text/plain' } }) })
    expect(result.dataset?.observations[0]?.actual).toBe(432_000_000)
    expect(result.result?.stats.format).toBe('csv')
  })

  it('can parse through another reader (the worker client), which reads the body as it arrives', async () => {
    const parse = vi.fn(async () => ({ status: 'failed', dataset: null, issues: [], preview: { headers: [], rows: [] }, mapping: null, stats: {} }) as never)
    await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(CSV), parse })
    expect(parse).toHaveBeenCalledWith(expect.objectContaining({ kind: 'arriving', name: 't.csv' }), expect.objectContaining({ acceptSuggestedMapping: true }))
  })

  it('a transfer that breaks off midway: no dataset, the transfer failed', async () => {
    const bytes = new TextEncoder().encode(CSV.repeat(2000))
    let sent = 0
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > bytes.length / 2) {
          controller.error(new TypeError('network error'))
          return
        }
        controller.enqueue(bytes.slice(sent, sent + 1000))
        sent += 1000
      },
    })
    const result = await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(breaking) })
    expect(result.dataset).toBeNull()
    expect(result.issues.map((i) => [i.code, i.params?.reason])).toEqual([['fetchFailed', 'network error']])
  })

  it('stops reading a body without a length once it passes the size cap', async () => {
    let pulls = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++
        controller.enqueue(new Uint8Array(40).fill(0x61))
      },
    })
    const result = await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(endless), maxBytes: 100 })
    expect(result.issues.map((i) => i.code)).toEqual(['fileTooLarge'])
    expect(pulls).toBeLessThan(6)
  })

  it('takes a compressed response’s length for what was sent, not for the file', async () => {
    const parse = vi.fn(async () => ({ status: 'failed', dataset: null, issues: [], preview: { headers: [], rows: [] }, mapping: null, stats: {} }) as never)
    // The browser has already decompressed the body; the header still gives the gzip length.
    const compressed = { 'content-encoding': 'gzip', 'content-length': '40' }
    await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(CSV, { headers: compressed }), parse })
    const input = (parse.mock.calls[0] as unknown[] | undefined)?.[0] as { text: { size: number | null } }
    expect(input.text.size).toBeNull()
    // Nor is a compressed length over the cap a reason to refuse: the file is measured as it is read.
    const big = { 'content-encoding': 'gzip', 'content-length': '1000' }
    const result = await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(CSV, { headers: big }), maxBytes: 500 })
    expect(result.dataset?.observations).toHaveLength(1)
    // Uncompressed, the length is the file's, for the progress and for the cap.
    await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(CSV, { headers: { 'content-length': String(CSV.length) } }), parse })
    expect(((parse.mock.calls[1] as unknown[] | undefined)?.[0] as { text: { size: number | null } }).text.size).toBe(CSV.length)
    const refused = await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: respond(CSV, { headers: { 'content-length': '1000' } }), maxBytes: 500 })
    expect(refused.issues.map((i) => i.code)).toEqual(['fileTooLarge'])
  })

  it.each<[string, string, typeof fetch, IssueCode]>([
    ['another origin', 'https://evil.example.com/t.csv', respond(CSV), 'urlNotAllowed'],
    ['a 404', 'missing.csv', respond('nope', { status: 404, statusText: 'Not Found' }), 'fetchFailed'],
    ['a network error', 't.csv', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch, 'fetchFailed'],
    ['an HTML page instead of data', 't.csv', respond('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }), 'unsupportedFormat'],
    ['a redirect off the origin', 't.csv', respond(CSV, { url: 'https://evil.example.com/t.csv' }), 'urlNotAllowed'],
    ['bad JSON', 'd.json', respond('{"schemaVersion":'), 'jsonSyntax'],
    ['the wrong schema', 'd.json', respond('{"schemaVersion":1}'), 'missingKey'],
    ['a __proto__ key', 'd.json', respond('{"__proto__":{"x":1}}'), 'forbiddenKey'],
    ['a table without the required columns', 't.csv', respond('名字,数值\na,1\n'), 'missingColumn'],
    ['a body over the size cap', 't.csv', respond('x'.repeat(200)), 'fileTooLarge'],
  ])('%s: no dataset, a clear issue', async (_name, param, fetch, code) => {
    const result = await loadDatasetFromUrl(param, { baseUrl: PAGE, fetch, maxBytes: 100 })
    expect(result.dataset).toBeNull()
    expect(result.issues.map((i) => i.code)).toContain(code)
    expect(result.issues.every((i) => i.location.file.length > 0)).toBe(true)
  })

  it('gives up after the timeout', async () => {
    const never = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        }),
    ) as unknown as typeof globalThis.fetch
    const result = await loadDatasetFromUrl('slow.csv', { baseUrl: PAGE, fetch: never, timeoutMs: 20 })
    expect(result.dataset).toBeNull()
    expect(result.issues[0]?.code).toBe('fetchTimeout')
  })

  /**
   * A server that sends a header and then `pieces` rows, one every `everyMs`; with `stallAfter`, it
   * goes silent after that many. An aborted request fails its body, as a browser's does.
   */
  function trickle(pieces: number, everyMs: number, stallAfter = Infinity): typeof fetch {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
    return vi.fn(async (_url: string, init?: RequestInit) => {
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')))
        },
        async pull(controller) {
          if (sent >= stallAfter) return new Promise<void>(() => undefined)
          if (sent >= pieces) return controller.close()
          await new Promise((ok) => setTimeout(ok, everyMs))
          controller.enqueue(encode(sent === 0 ? '地区,上级,指标,单位,期间,目标,完成\n' : `街道${sent},京口区,项目投资,亿元,2023年1-10月,4.97,4.32\n`))
          sent++
        },
      })
      return new Response(body)
    }) as unknown as typeof fetch
  }

  it('lets a slow body take as long as it takes while its bytes keep coming, and gives up when they stop', async () => {
    // 40 pieces 10 ms apart: 0.4 s in all, longer than the timeout, but never silent that long.
    const slow = await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: trickle(40, 10), timeoutMs: 250 })
    expect(slow.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(slow.dataset).not.toBeNull()
    const stalled = await loadDatasetFromUrl('t.csv', { baseUrl: PAGE, fetch: trickle(40, 10, 3), timeoutMs: 100 })
    expect(stalled.dataset).toBeNull()
    expect(stalled.issues.map((i) => i.code)).toEqual(['fetchTimeout'])
  })
})
