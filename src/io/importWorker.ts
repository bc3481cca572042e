/**
 * The import worker: decode, parse, map and validate off the main thread, so that reading a
 * 500,000-row table never freezes the page. It runs `runImport` and turns its callbacks into
 * messages: progress every `PROGRESS_EVERY_ROWS` rows, then the result (observations in parts,
 * see `importProtocol.ts`).
 *
 * Start it with (Vite bundles the worker and its imports as a separate chunk):
 *   new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })
 * `importClient.ts` does this for you. One worker serves one import; cancelling terminates it,
 * which stops the work at once wherever it is (no cooperative checks needed).
 *
 * The size cap (`importLimits.ts`) is applied here again, whatever the page checked, because the
 * worker is where the memory is spent.
 */
import { runImport } from './importPipeline'
import { RESULT_PART_SIZE, type ImportRequest, type ImportResponse } from './importProtocol'

export type PostResponse = (message: ImportResponse) => void

/** Handles one request; exported so tests can drive it without a real worker. */
export async function handleImportRequest(request: ImportRequest, post: PostResponse): Promise<void> {
  if (request.type !== 'start') return
  try {
    const result = await runImport(request.input, request.options, (progress) => post({ type: 'progress', progress }))
    let parts = 0
    const dataset = result.dataset
    if (dataset) {
      const all = dataset.observations
      for (let i = 0; i < all.length; i += RESULT_PART_SIZE) {
        post({ type: 'observations', observations: all.slice(i, i + RESULT_PART_SIZE) })
        parts++
      }
      post({ type: 'done', result: { ...result, dataset: { ...dataset, observations: [] } }, parts })
    } else {
      post({ type: 'done', result, parts })
    }
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) })
  }
}

interface WorkerScope {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void
}

// Bind to the worker scope only when running as a worker (not when a test imports this module).
declare const WorkerGlobalScope: (abstract new () => unknown) | undefined
if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  const scope = globalThis as unknown as WorkerScope
  scope.addEventListener('message', (event) => {
    void handleImportRequest(event.data, (message) => scope.postMessage(message))
  })
}
