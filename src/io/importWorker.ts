/**
 * The import worker: fetch, decode, parse, map and validate off the main thread, so that reading a
 * 500,000-row table never freezes the page. It runs `runImport` (or `loadDatasetFromUrl` for a
 * `?data=` link) and turns its callbacks into messages: progress every `PROGRESS_EVERY_ROWS` rows,
 * then the result, whose observations travel as transferred columns (see `importProtocol.ts`).
 *
 * Start it with (Vite bundles the worker and its imports as a separate chunk):
 *   new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })
 * `importClient.ts` does this for you. One worker serves one import; cancelling terminates it,
 * which stops the work at once wherever it is (no cooperative checks needed). A `?data=` request
 * comes in the worker's name as well as in a message (`workerNameFor`), and the first to arrive is
 * served: the name is there as soon as the worker runs.
 *
 * The size cap (`importLimits.ts`) is applied here again, whatever the page checked, because the
 * worker is where the memory is spent.
 *
 * The readers (`importPipeline.ts` and everything it imports) are a chunk of their own, loaded while
 * a `?data=` link's request is already out: the worker answers its first message after fetching only
 * this small file, and the fetch and the readers' download and compilation overlap.
 */
import type { ArrivingInput, ImportInput, ImportOptions, ImportProgress } from './importPipeline'
import { requestFromWorkerName, type ImportRequest, type ImportResponse, type ImportTimeline } from './importProtocol'
import type { ImportResult } from './importResult'
import { loadDatasetFromUrl } from './loadDatasetFromUrl'
import { encodeObservations, transferablesOf, type ObservationColumns } from './observationTransfer'

export type PostResponse = (message: ImportResponse, transfer?: Transferable[]) => void

/**
 * The result with its dataset's observations left out, and those observations as columns: the
 * columns a table's import made (it is asked for them), or else (a JSON dataset) its objects encoded.
 */
function split(result: ImportResult): { result: ImportResult; columns: ObservationColumns | null } {
  const { observationColumns, ...rest } = result
  const dataset = result.dataset
  if (dataset === null) return { result: rest, columns: null }
  const columns = observationColumns ?? encodeObservations(dataset.observations)
  return { result: { ...rest, dataset: { ...dataset, observations: [] } }, columns }
}

/** A table's observations come back as columns, ready to post (no object per row in the worker). */
const AS_COLUMNS = { observationsAs: 'columns' } as const

/** Handles one request; exported so tests can drive it without a real worker. */
export async function handleImportRequest(request: ImportRequest, post: PostResponse): Promise<void> {
  try {
    const now = (): number => performance.timeOrigin + performance.now()
    const timeline: ImportTimeline = [['start', now()]]
    const onProgress = (progress: ImportProgress): void => {
      if (progress.phase !== timeline.at(-1)?.[0]) timeline.push([progress.phase, now()])
      post({ type: 'progress', progress })
    }
    // Started at once, awaited only when there is something to read (after the fetch for a link).
    const pipeline = import('./importPipeline')
    // A failed chunk load is reported where it is awaited; a fetch that fails first never awaits it.
    pipeline.catch(() => undefined)
    if (request.type === 'start') {
      const { runImport } = await pipeline
      const imported = await runImport(request.input, { ...request.options, ...AS_COLUMNS }, onProgress)
      timeline.push(['posting', now()])
      const { result, columns } = split(imported)
      post({ type: 'done', result, columns, timeline }, columns ? transferablesOf(columns) : [])
    } else if (request.type === 'url') {
      const loaded = await loadDatasetFromUrl(request.param, {
        baseUrl: request.baseUrl,
        ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
        importOptions: request.options,
        parse: async (input: ImportInput | ArrivingInput, options: ImportOptions) =>
          (await pipeline).runImport(input, { ...options, ...AS_COLUMNS }, onProgress),
      })
      timeline.push(['posting', now()])
      // The dataset and the result's dataset are the same object: one set of columns serves both.
      const parts = loaded.result ? split(loaded.result) : { result: null, columns: null }
      const dataset = loaded.dataset && parts.result?.dataset ? parts.result.dataset : null
      post({ type: 'loaded', loaded: { ...loaded, dataset, result: parts.result }, columns: parts.columns, timeline }, parts.columns ? transferablesOf(parts.columns) : [])
    }
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) })
  }
}

interface WorkerScope {
  readonly name: string
  postMessage(message: unknown, transfer: Transferable[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void
}

// Bind to the worker scope only when running as a worker (not when a test imports this module).
declare const WorkerGlobalScope: (abstract new () => unknown) | undefined
if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  const scope = globalThis as unknown as WorkerScope
  let served = false
  const serve = (request: ImportRequest): void => {
    // One worker, one import: a request that came in the worker's name comes as a message too.
    if (served) return
    served = true
    void handleImportRequest(request, (message, transfer = []) => scope.postMessage(message, transfer))
  }
  scope.addEventListener('message', (event) => serve(event.data))
  // A `?data=` request in the worker's name starts now, not when the page's thread passes its message on.
  const named = requestFromWorkerName(scope.name)
  if (named !== null) serve(named)
}
