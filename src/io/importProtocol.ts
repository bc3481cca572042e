/**
 * The messages between the page and the import worker. Kept in a file of their own so that the
 * worker and the client agree on them at compile time, and neither has to import the other.
 *
 * The result's observations travel in parts: structured-clone *deserialisation* happens on the
 * receiving (main) thread, and 500,000 observations in one message would be one long task there.
 * Parts of `RESULT_PART_SIZE` keep every message short; the client puts them back together.
 */
import type { Observation } from '../domain/model'
import type { ImportInput, ImportOptions, ImportProgress } from './importPipeline'
import type { ImportResult } from './importResult'

/** Options that can cross to the worker (an AbortSignal cannot: cancelling terminates the worker). */
export type WorkerImportOptions = Omit<ImportOptions, 'signal'>

export type ImportRequest = { type: 'start'; input: ImportInput; options: WorkerImportOptions }

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress }
  /** One part of `result.dataset.observations`, in order, sent before 'done'. */
  | { type: 'observations'; observations: Observation[] }
  /** The result; its dataset's observations are empty here and arrive in the parts before it. */
  | { type: 'done'; result: ImportResult; parts: number }
  /** An unexpected failure (a bug, out of memory): bad data never ends up here, it is in `result.issues`. */
  | { type: 'failed'; message: string }

/** Measured in Chromium: 10,000 observations per message made main-thread tasks of 100-350 ms, 2,000 stay short. */
export const RESULT_PART_SIZE = 2_000
