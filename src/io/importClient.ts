/**
 * The page's side of the import worker: start an import, follow its progress, cancel it, and get
 * the result back as one `ImportResult` (the observation parts reassembled).
 *
 *   const job = startImport({ kind: 'file', file, name: file.name }, { onProgress: (p) => … })
 *   cancelButton.onclick = () => job.cancel()
 *   const result = await job.result   // rejects with ImportCancelledError after cancel()
 *
 * Each job gets a fresh worker that is terminated when the job ends, so a cancelled or crashed
 * import leaves nothing running and holds no memory.
 *
 * `startUrlLoad` does the same for a `?data=` link: the worker fetches it too, so the page's thread
 * neither holds the file's bytes nor copies them to the worker.
 */
import type { Dataset, Observation } from '../domain/model'
import type { ImportInput, ImportOptions, ProgressListener } from './importPipeline'
import { workerNameFor, type ImportRequest, type ImportResponse, type ImportTimeline } from './importProtocol'
import type { ImportResult } from './importResult'
import type { LoadFromUrlResult } from './loadDatasetFromUrl'
import { ObservationDecoder, type ObservationColumns } from './observationTransfer'

/** The worker's steps (`ImportTimeline`) are marked as `import:start`, `import:parsing`… */
export const IMPORT_STEP_MARK_PREFIX = 'import:'

/**
 * Marked on the performance timeline when a worker's result reaches the page, before it is turned
 * back into observations: `npm run bench` splits a large load's time there, into the worker's part
 * (fetch and import) and the page's (rebuild and first draw).
 */
export const IMPORT_RECEIVED_MARK = `${IMPORT_STEP_MARK_PREFIX}received`

/**
 * Marked once the page has rebuilt the observations from the worker's columns, before they are
 * indexed and drawn: `npm run bench` splits the page's part of a large load there.
 */
export const IMPORT_REBUILT_MARK = `${IMPORT_STEP_MARK_PREFIX}rebuilt`

function markWorkerTimeline(timeline: ImportTimeline): void {
  for (const [step, epochMs] of timeline) {
    performance.mark(IMPORT_STEP_MARK_PREFIX + step, { startTime: Math.max(0, epochMs - performance.timeOrigin) })
  }
}

/** The part of the Worker interface the client uses (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: ImportRequest): void
  terminate(): void
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled')
    this.name = 'ImportCancelledError'
  }
}

export class ImportWorkerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportWorkerError'
  }
}

export interface WorkerJob<T> {
  /** Resolves with the result; rejects with ImportCancelledError or ImportWorkerError. */
  readonly result: Promise<T>
  /** Stops the import at once (terminates the worker). Harmless after the end. */
  cancel(): void
}

export type ImportJob = WorkerJob<ImportResult>

export interface StartImportOptions extends ImportOptions {
  onProgress?: ProgressListener
  /** How to start the worker; the default is the bundled `importWorker.ts`. */
  createWorker?: (request: ImportRequest) => WorkerLike
}

/**
 * The bundled worker. Vite recognises this exact form and emits the worker as its own chunk (the
 * options may hold other values as long as `type` is a literal). A `?data=` request also goes in
 * the worker's name, so the worker starts on it without waiting for its message (`workerNameFor`).
 */
export function createImportWorker(request: ImportRequest): WorkerLike {
  const name = workerNameFor(request)
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name }) as unknown as WorkerLike
}

/**
 * The offline single file runs from file://, where browsers refuse to start module workers: there the
 * import reads on the page's own thread (lazily loaded, same pipeline, same cancel).
 */
function startInThread(input: ImportInput, options: StartImportOptions): ImportJob {
  const { onProgress, createWorker: _unused, signal, ...importOptions } = options
  const controller = new AbortController()
  signal?.addEventListener('abort', () => controller.abort())
  const result = import('./importPipeline').then(({ runImport }) =>
    runImport(input, { ...importOptions, signal: controller.signal }, onProgress).catch((error: unknown) => {
      throw controller.signal.aborted ? new ImportCancelledError() : error
    }),
  )
  return { result, cancel: () => controller.abort() }
}

/** Rows built per slice: about 20 ms with the CPU throttled 4× (npm run bench), so the page can paint between. */
const DECODE_SLICE_ROWS = 20_000

/** Lets the browser paint and handle input before the next slice of work. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** The observations from a worker's columns, built a slice at a time; stops early once `isCancelled()`. */
async function observationsFrom(columns: ObservationColumns, isCancelled: () => boolean): Promise<Observation[]> {
  const decoder = new ObservationDecoder(columns)
  const observations: Observation[] = []
  for (let from = 0; from < decoder.count && !isCancelled(); from += DECODE_SLICE_ROWS) {
    if (from > 0) await yieldToPage()
    decoder.decode(from, from + DECODE_SLICE_ROWS, observations)
  }
  return observations
}

async function withObservations(dataset: Dataset | null, columns: ObservationColumns | null, isCancelled: () => boolean): Promise<Dataset | null> {
  if (dataset === null || columns === null) return dataset
  const observations = await observationsFrom(columns, isCancelled)
  if (!isCancelled()) performance.mark(IMPORT_REBUILT_MARK)
  return { ...dataset, observations }
}

/**
 * Runs one request in a fresh worker. `onResult` turns the final message into the job's result
 * (or returns undefined for messages it does not end on).
 */
function runInWorker<T>(
  request: ImportRequest,
  options: { onProgress?: ProgressListener; createWorker?: (request: ImportRequest) => WorkerLike; signal?: AbortSignal },
  onResult: (message: ImportResponse, isCancelled: () => boolean) => Promise<T> | undefined,
): WorkerJob<T> {
  const { onProgress, createWorker = createImportWorker, signal } = options
  let settle: { resolve: (r: T) => void; reject: (e: Error) => void } | null = null
  const result = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject }
  })
  const worker = createWorker(request)
  let finished = false
  const end = (outcome: { result: T } | { error: Error }): void => {
    if (finished) return
    finished = true
    worker.onmessage = null
    worker.onerror = null
    worker.terminate()
    signal?.removeEventListener('abort', cancel)
    if ('result' in outcome) settle?.resolve(outcome.result)
    else settle?.reject(outcome.error)
  }
  function cancel(): void {
    end({ error: new ImportCancelledError() })
  }

  worker.onmessage = (event) => {
    const message = event.data
    if (message.type === 'progress') {
      onProgress?.(message.progress)
      return
    }
    if (message.type === 'failed') {
      end({ error: new ImportWorkerError(message.message) })
      return
    }
    if (message.type === 'done' || message.type === 'loaded') markWorkerTimeline(message.timeline)
    performance.mark(IMPORT_RECEIVED_MARK)
    const pending = onResult(message, () => finished)
    if (pending === undefined) {
      end({ error: new ImportWorkerError(`unexpected message '${message.type}'`) })
      return
    }
    // The worker's part is done: free it now, while the page builds the rows.
    worker.terminate()
    pending.then(
      (value) => end({ result: value }),
      (error: unknown) => end({ error: error instanceof Error ? error : new ImportWorkerError(String(error)) }),
    )
  }
  worker.onerror = (event) => {
    event.preventDefault?.()
    end({ error: new ImportWorkerError(event.message || 'The import worker failed') })
  }

  if (signal?.aborted) cancel()
  else {
    signal?.addEventListener('abort', cancel)
    // Also when the worker's name carries the request: a worker serves the first request it gets.
    worker.postMessage(request)
  }
  return { result, cancel }
}

export function startImport(input: ImportInput, options: StartImportOptions = {}): ImportJob {
  if (import.meta.env.MODE === 'offline' && options.createWorker === undefined) return startInThread(input, options)
  const { onProgress, createWorker, signal, ...workerOptions } = options
  return runInWorker<ImportResult>(
    { type: 'start', input, options: workerOptions },
    { ...(onProgress ? { onProgress } : {}), ...(createWorker ? { createWorker } : {}), ...(signal ? { signal } : {}) },
    (message, isCancelled) => {
      if (message.type !== 'done') return undefined
      return withObservations(message.result.dataset, message.columns, isCancelled).then((dataset) => ({ ...message.result, dataset }))
    },
  )
}

export interface StartUrlLoadOptions extends StartImportOptions {
  /** The page's own URL (`location.href`): resolves relative links and defines "same origin". */
  baseUrl: string
  timeoutMs?: number
}

/** Fetches and reads a `?data=` link in a worker (see `loadDatasetFromUrl` for what is accepted). */
export function startUrlLoad(param: string, options: StartUrlLoadOptions): WorkerJob<LoadFromUrlResult> {
  const { onProgress, createWorker, signal, baseUrl, timeoutMs, ...importOptions } = options
  if (import.meta.env.MODE === 'offline' && createWorker === undefined) {
    // file:// cannot start module workers; the same loader runs on the page (see startInThread).
    const result = Promise.all([import('./loadDatasetFromUrl'), import('./importPipeline')]).then(([{ loadDatasetFromUrl }, { runImport }]) =>
      loadDatasetFromUrl(param, {
        baseUrl,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        importOptions,
        parse: (input, opts) => runImport(input, { ...opts, ...(signal ? { signal } : {}) }, onProgress),
      }),
    )
    return { result, cancel: () => undefined }
  }
  return runInWorker<LoadFromUrlResult>(
    { type: 'url', param, baseUrl, ...(timeoutMs === undefined ? {} : { timeoutMs }), options: importOptions },
    { ...(onProgress ? { onProgress } : {}), ...(createWorker ? { createWorker } : {}), ...(signal ? { signal } : {}) },
    (message, isCancelled) => {
      if (message.type !== 'loaded') return undefined
      const { loaded, columns } = message
      return withObservations(loaded.dataset, columns, isCancelled).then((dataset) => ({
        ...loaded,
        dataset,
        result: loaded.result ? { ...loaded.result, dataset: loaded.result.dataset ? dataset : null } : null,
      }))
    },
  )
}
