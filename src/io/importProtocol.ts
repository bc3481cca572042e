/**
 * The messages between the page and the import worker. Kept in a file of their own so that the
 * worker and the client agree on them at compile time, and neither has to import the other.
 *
 * A result's observations travel as columns (`observationTransfer.ts`) whose buffers are transferred,
 * not as objects: structured-clone *deserialisation* happens on the receiving (main) thread, and
 * 360,000 observation objects cost it 7.8 s with the CPU throttled 4× (npm run bench).
 */
import type { ImportInput, ImportOptions, ImportProgress } from './importPipeline'
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

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress }
  /** The result, its dataset's observations empty here and given as `columns` (null without a dataset). */
  | { type: 'done'; result: ImportResult; columns: ObservationColumns | null }
  /** A `?data=` load's result, in the same form (`loaded.result` too has empty observations). */
  | { type: 'loaded'; loaded: LoadFromUrlResult; columns: ObservationColumns | null }
  /** An unexpected failure (a bug, out of memory): bad data never ends up here, it is in `result.issues`. */
  | { type: 'failed'; message: string }
