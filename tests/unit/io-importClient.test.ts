/**
 * The worker client against an in-process fake worker that runs the real worker handler, so the
 * message protocol (progress, transferred observation columns, done) is exercised end to end without threads.
 */
import { describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  createImportWorker,
  IMPORT_RECEIVED_MARK,
  IMPORT_REBUILT_MARK,
  ImportCancelledError,
  ImportWorkerError,
  startImport,
  startUrlLoad,
  type WorkerLike,
} from '../../src/io/importClient'
import { runImport, type ImportProgress } from '../../src/io/importPipeline'
import { workerNameFor, type ImportRequest, type ImportResponse } from '../../src/io/importProtocol'
import { handleImportRequest } from '../../src/io/importWorker'

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  terminated = false
  readonly messages: ImportResponse['type'][] = []
  /** Buffers the worker listed to be moved rather than copied. */
  transferred = 0

  postMessage(request: ImportRequest): void {
    // Like a real worker: the request is cloned, and handled asynchronously.
    const copy = structuredClone(request)
    setTimeout(() => {
      void handleImportRequest(copy, (message, transfer = []) => {
        if (this.terminated) return
        this.messages.push(message.type)
        this.transferred += transfer.length
        const data = structuredClone(message, { transfer })
        setTimeout(() => this.onmessage?.({ data } as MessageEvent<ImportResponse>), 0)
      })
    }, 0)
  }

  terminate(): void {
    this.terminated = true
  }
}

function table(rows: number): string {
  const lines = ['地区,指标,单位,期间,完成']
  for (let i = 0; i < rows; i++) lines.push(`S${i}街道,投资,亿元,2023,${(i % 90) + 1}`)
  return `${lines.join('\n')}\n`
}

describe('the import worker client', () => {
  it('streams progress, rebuilds the observations from transferred columns, and terminates the worker', async () => {
    const worker = new FakeWorker()
    const progress: ImportProgress[] = []
    const rows = 20_007
    const marksBefore = performance.getEntriesByName(IMPORT_RECEIVED_MARK).length
    const rebuiltBefore = performance.getEntriesByName(IMPORT_REBUILT_MARK).length
    const job = startImport(
      { kind: 'text', text: table(rows), name: 'big.csv' },
      { createWorker: () => worker, onProgress: (p) => progress.push(p), progressEvery: 5000 },
    )
    const result = await job.result
    expect(result.status).toBe('ok')
    expect(result.dataset?.observations).toHaveLength(rows)
    expect(result.dataset?.observations.at(-1)?.actual).toBe((((rows - 1) % 90) + 1) * 1e8)
    expect(worker.messages.filter((m) => m !== 'progress')).toEqual(['done'])
    expect(worker.transferred).toBeGreaterThan(10)
    expect(progress.filter((p) => p.phase === 'parsing').map((p) => p.rows)).toEqual([0, 5000, 10000, 15000, 20000])
    // The benchmark's split of a load: marked once, when the result arrived (not for progress).
    expect(performance.getEntriesByName(IMPORT_RECEIVED_MARK).length - marksBefore).toBe(1)
    // And once more when the rows were rebuilt, after they arrived.
    expect(performance.getEntriesByName(IMPORT_REBUILT_MARK).length - rebuiltBefore).toBe(1)
    const last = (name: string): number => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN
    expect(last(IMPORT_REBUILT_MARK)).toBeGreaterThanOrEqual(last(IMPORT_RECEIVED_MARK))
    expect(worker.terminated).toBe(true)
  })

  it('returns a failed result (not an error) for a bad file', async () => {
    const worker = new FakeWorker()
    const job = startImport({ kind: 'text', text: '地区\n', name: 'x.csv' }, { createWorker: () => worker })
    const result = await job.result
    expect(result.status).toBe('needs-mapping')
    expect(result.issues.map((i) => i.code)).toContain('missingColumn')
  })

  it('cancel() rejects with ImportCancelledError and stops the worker at once', async () => {
    const worker = new FakeWorker()
    const job = startImport({ kind: 'text', text: table(100), name: 'x.csv' }, { createWorker: () => worker })
    job.cancel()
    await expect(job.result).rejects.toBeInstanceOf(ImportCancelledError)
    expect(worker.terminated).toBe(true)
    job.cancel() // harmless afterwards
  })

  it('an AbortSignal cancels too, even one aborted before the start', async () => {
    const controller = new AbortController()
    controller.abort()
    const worker = new FakeWorker()
    const post = vi.spyOn(worker, 'postMessage')
    const job = startImport({ kind: 'text', text: table(3), name: 'x.csv' }, { createWorker: () => worker, signal: controller.signal })
    await expect(job.result).rejects.toBeInstanceOf(ImportCancelledError)
    expect(post).not.toHaveBeenCalled()
  })

  it('a crashing worker rejects with ImportWorkerError', async () => {
    const worker = new FakeWorker()
    worker.postMessage = () => {
      setTimeout(() => worker.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent), 0)
    }
    const job = startImport({ kind: 'text', text: table(3), name: 'x.csv' }, { createWorker: () => worker })
    await expect(job.result).rejects.toBeInstanceOf(ImportWorkerError)
    expect(worker.terminated).toBe(true)
  })

  it('the worker handler reports an unexpected failure as a message', async () => {
    const sent: ImportResponse[] = []
    const bad = { type: 'start', input: { kind: 'file', file: null, name: 'x.csv' }, options: {} } as unknown as ImportRequest
    await handleImportRequest(bad, (m) => sent.push(m))
    expect(sent.at(-1)?.type).toBe('failed')
  })

  it('gives exactly the dataset the pipeline made, quotes, qualifiers and nulls included', async () => {
    const text = [
      '地区,上级地区,指标,单位,期间,目标,完成,同比,排名,来源,原文',
      '大市口街道,京口区,项目投资,亿元,2023年1-10月,4.97,4.32,12.5,1,报道甲,完成项目投资4.32亿元',
      '正东路街道,京口区,项目投资,亿元,2023年1-10月,,约3.1,,,,',
      '大市口街道,京口区,12345按时办结率,%,2023年1-10月,,100%,,,,',
    ].join('\n')
    const direct = await runImport({ kind: 'text', text, name: 't.csv' }, { acceptSuggestedMapping: true })
    const viaWorker = await startImport({ kind: 'text', text, name: 't.csv' }, { acceptSuggestedMapping: true, createWorker: () => new FakeWorker() })
      .result
    expect(direct.status).toBe('ok')
    const { elapsedMs: _a, ...directStats } = direct.stats
    const { elapsedMs: _b, ...workerStats } = viaWorker.stats
    expect({ ...viaWorker, stats: workerStats }).toEqual({ ...direct, stats: directStats })
    expect(viaWorker.dataset?.observations.some((o) => o.qualifier === 'about')).toBe(true)
  })

  it('gives a JSON dataset whole too (its objects encoded in the worker)', async () => {
    const text = readFileSync('data/dataset.json', 'utf8')
    const direct = await runImport({ kind: 'text', text, name: 'dataset.json' })
    const viaWorker = await startImport({ kind: 'text', text, name: 'dataset.json' }, { createWorker: () => new FakeWorker() }).result
    expect(direct.status).toBe('ok')
    expect(viaWorker.dataset).toEqual(direct.dataset)
    expect(viaWorker.observationColumns).toBeUndefined()
  })

  it('fetches and reads a ?data= link in the worker', async () => {
    const text = table(2_500)
    const fetchMock = vi.fn(async () => new Response(text, { headers: { 'content-type': 'text/csv' } }))
    vi.stubGlobal('fetch', fetchMock)
    try {
      const worker = new FakeWorker()
      const requests: ImportRequest[] = []
      const createWorker = (request: ImportRequest): FakeWorker => {
        requests.push(request)
        return worker
      }
      const loaded = await startUrlLoad('data/big.csv', { baseUrl: 'https://intra.example/dash/', createWorker }).result
      // The worker is made with the request (so a real one can start from its name), and is sent it too.
      expect(requests).toEqual([{ type: 'url', param: 'data/big.csv', baseUrl: 'https://intra.example/dash/', options: {} }])
      expect(fetchMock).toHaveBeenCalledOnce()
      expect(loaded.url).toBe('https://intra.example/dash/data/big.csv')
      expect(loaded.dataset?.observations).toHaveLength(2_500)
      // The link's dataset and the import result's dataset are one object, as without the worker.
      expect(loaded.result?.dataset).toBe(loaded.dataset)
      expect(worker.messages.filter((m) => m !== 'progress')).toEqual(['loaded'])
      // The worker's steps are on the page's timeline, in order, before the result arrived and was rebuilt.
      const last = (name: string): number => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN
      const steps = ['import:start', 'import:reading', 'import:parsing', 'import:mapping', 'import:validating', 'import:posting', IMPORT_RECEIVED_MARK, IMPORT_REBUILT_MARK]
      const times = steps.map(last)
      expect(times.every(Number.isFinite)).toBe(true)
      expect([...times].sort((a, b) => a - b)).toEqual(times)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('names a real worker after a ?data= request, and a file import’s worker after nothing', () => {
    const made: Array<{ url: string; options: WorkerOptions | undefined }> = []
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: URL | string, options?: WorkerOptions) {
          made.push({ url: String(url), options })
        }
      },
    )
    try {
      const request: ImportRequest = { type: 'url', param: 'a.csv', baseUrl: 'https://intra.example/', options: {} }
      createImportWorker(request)
      createImportWorker({ type: 'start', input: { kind: 'text', text: 'a', name: 'a.csv' }, options: {} })
      expect(made.map((m) => m.options)).toEqual([
        { type: 'module', name: workerNameFor(request) },
        { type: 'module', name: '' },
      ])
      expect(made[0]?.url).toMatch(/importWorker/)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('refuses a foreign ?data= link in the worker without fetching it', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    try {
      const loaded = await startUrlLoad('https://elsewhere.example/x.csv', { baseUrl: 'https://intra.example/', createWorker: () => new FakeWorker() }).result
      expect(loaded.dataset).toBeNull()
      expect(loaded.issues.map((i) => i.code)).toEqual(['urlNotAllowed'])
      expect(fetchMock).not.toHaveBeenCalled()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
