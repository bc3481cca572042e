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
 */
import type { Observation } from '../domain/model'
import type { ImportInput, ImportOptions, ProgressListener } from './importPipeline'
import type { ImportRequest, ImportResponse } from './importProtocol'
import type { ImportResult } from './importResult'

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

export interface ImportJob {
  /** Resolves with the result; rejects with ImportCancelledError or ImportWorkerError. */
  readonly result: Promise<ImportResult>
  /** Stops the import at once (terminates the worker). Harmless after the end. */
  cancel(): void
}

export interface StartImportOptions extends ImportOptions {
  onProgress?: ProgressListener
  /** How to start the worker; the default is the bundled `importWorker.ts`. */
  createWorker?: () => WorkerLike
}

/** The bundled worker. Vite recognises this exact form and emits the worker as its own chunk. */
export function createImportWorker(): WorkerLike {
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike
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

export function startImport(input: ImportInput, options: StartImportOptions = {}): ImportJob {
  if (import.meta.env.MODE === 'offline' && options.createWorker === undefined) return startInThread(input, options)
  const { onProgress, createWorker = createImportWorker, signal, ...workerOptions } = options
  let settle: { resolve: (r: ImportResult) => void; reject: (e: Error) => void } | null = null
  const result = new Promise<ImportResult>((resolve, reject) => {
    settle = { resolve, reject }
  })
  const worker = createWorker()
  let finished = false
  const end = (outcome: { result: ImportResult } | { error: Error }): void => {
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

  const parts: Observation[][] = []
  worker.onmessage = (event) => {
    const message = event.data
    switch (message.type) {
      case 'progress':
        onProgress?.(message.progress)
        break
      case 'observations':
        parts.push(message.observations)
        break
      case 'done': {
        const r = message.result
        if (r.dataset && message.parts > 0) {
          if (parts.length !== message.parts) {
            end({ error: new ImportWorkerError(`expected ${message.parts} parts, got ${parts.length}`) })
            return
          }
          // One flat array; concat copies references only, no deep work on the main thread.
          const observations = ([] as Observation[]).concat(...parts)
          end({ result: { ...r, dataset: { ...r.dataset, observations } } })
        } else {
          end({ result: r })
        }
        break
      }
      case 'failed':
        end({ error: new ImportWorkerError(message.message) })
        break
    }
  }
  worker.onerror = (event) => {
    event.preventDefault?.()
    end({ error: new ImportWorkerError(event.message || 'The import worker failed') })
  }

  if (signal?.aborted) cancel()
  else {
    signal?.addEventListener('abort', cancel)
    worker.postMessage({ type: 'start', input, options: workerOptions })
  }
  return { result, cancel }
}
