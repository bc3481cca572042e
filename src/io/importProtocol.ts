/**
 * The messages between the page and the import worker. Kept in a file of their own so that the
 * worker and the client agree on them at compile time, and neither has to import the other.
 *
 * A result's observations travel as columns (`observationTransfer.ts`) whose buffers are transferred,
 * not as objects: structured-clone *deserialisation* happens on the receiving (main) thread, and
 * 360,000 observation objects cost it 7.8 s with the CPU throttled 4× (npm run bench).
 */
import type { ImportInput, ImportOptions, ImportPhase, ImportProgress } from './importPipeline'
import type { ImportResult } from './importResult'
import type { LoadFromUrlResult } from './loadDatasetFromUrl'
import type { ObservationColumns } from './observationTransfer'

/** Options that can cross to the worker (an AbortSignal cannot: cancelling terminates the worker). */
export type WorkerImportOptions = Omit<ImportOptions, 'signal'>

export type ImportRequest =
  /** Read a file, bytes or text. */
  | { type: 'start'; input: ImportInput; options: WorkerImportOptions }
  /** Fetch a `?data=` link and read it, all in the worker (`loadDatasetFromUrl`). */
  | { type: 'url'; param: string; baseUrl: string; timeoutMs?: number; options: WorkerImportOptions }

/**
 * When the worker reached each step of an import, in milliseconds since the epoch (`timeOrigin + now`,
 * comparable between the worker and the page): the request in hand, each phase as `runImport`
 * reports it, and the result ready to post (its observations as columns). The page puts them
 * on its performance timeline (`import:<step>` marks), where `npm run bench` reads them.
 */
export type ImportTimeline = Array<[step: 'start' | ImportPhase | 'posting', epochMs: number]>

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress }
  /** The result, its dataset's observations empty here and given as `columns` (null without a dataset). */
  | { type: 'done'; result: ImportResult; columns: ObservationColumns | null; timeline: ImportTimeline }
  /** A `?data=` load's result, in the same form (`loaded.result` too has empty observations). */
  | { type: 'loaded'; loaded: LoadFromUrlResult; columns: ObservationColumns | null; timeline: ImportTimeline }
  /** An unexpected failure (a bug, out of memory): bad data never ends up here, it is in `result.issues`. */
  | { type: 'failed'; message: string }

/**
 * A `?data=` request can travel in the worker's name (`new Worker(url, { name })`) instead of a
 * message, so the worker starts reading the moment its code has run. A message posted to a worker
 * that is still starting waits on the page's thread to be passed on, and that thread is busy
 * evaluating the app: with the CPU throttled 4× (npm run bench) the request reached the worker
 * about 0.6 s after the worker was ready for it. File imports start when the page is idle and
 * carry the file, so they keep to messages.
 */
const NAME_PREFIX = 'import-url:'

/** The worker name that carries `request`, or '' for a request that goes by message. */
export function workerNameFor(request: ImportRequest): string {
  return request.type === 'url' ? NAME_PREFIX + JSON.stringify(request) : ''
}

/** The request a worker's name carries, or null (no request, or not one `workerNameFor` wrote). */
export function requestFromWorkerName(name: string): ImportRequest | null {
  if (!name.startsWith(NAME_PREFIX)) return null
  let value: unknown
  try {
    value = JSON.parse(name.slice(NAME_PREFIX.length))
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const r = value as Record<string, unknown>
  const optionsOk = typeof r.options === 'object' && r.options !== null && !Array.isArray(r.options)
  const timeoutOk = r.timeoutMs === undefined || typeof r.timeoutMs === 'number'
  if (r.type !== 'url' || typeof r.param !== 'string' || typeof r.baseUrl !== 'string' || !optionsOk || !timeoutOk) return null
  return value as ImportRequest
}
