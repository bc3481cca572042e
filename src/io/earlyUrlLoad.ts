/**
 * A `?data=` link's load, started before the app's code is evaluated.
 *
 * The page's main bundle takes about 0.9 s to evaluate with the CPU throttled 4× (npm run bench),
 * and the worker that fetches and reads the link waits for nothing in it. `main.ts` imports
 * `startEarlyUrlLoad.ts` first, so this runs before Vue, the router and the views are evaluated;
 * the dataset store then takes the running load (`takeEarlyUrlLoad`) instead of starting another.
 */
import { startUrlLoad, type WorkerJob } from './importClient'
import type { ImportProgress } from './importPipeline'
import type { LoadFromUrlResult } from './loadDatasetFromUrl'

/** The `data` parameter of a hash-routed address ("#/targets?data=x.csv" → "x.csv"), or null. */
export function dataParamOf(hash: string): string | null {
  const query = hash.split('?')[1]
  return query === undefined ? null : new URLSearchParams(query).get('data')
}

interface EarlyLoad {
  param: string
  job: WorkerJob<LoadFromUrlResult>
  /** Where progress goes once the store has taken the load (before that, there is no one to tell). */
  listen(onProgress: (progress: ImportProgress) => void): void
}

let early: EarlyLoad | null = null

/**
 * Starts the load the page's address asks for, if any. Not in the offline file, which reads on the
 * page. `start` is the worker client's (a test passes its own).
 */
export function startEarlyUrlLoad(hash: string, baseUrl: string, start: typeof startUrlLoad = startUrlLoad): void {
  if (import.meta.env.MODE === 'offline' || early !== null) return
  const param = dataParamOf(hash)
  if (!param) return
  let listener: ((progress: ImportProgress) => void) | null = null
  const job = start(param, { baseUrl, onProgress: (progress) => listener?.(progress) })
  early = {
    param,
    job,
    listen: (onProgress) => {
      listener = onProgress
    },
  }
}

/**
 * The early load of `param`, handed over once. An early load of another link (the address changed
 * before the app asked) is cancelled, so its worker does not read a table nobody will see.
 */
export function takeEarlyUrlLoad(param: string, onProgress: (progress: ImportProgress) => void): WorkerJob<LoadFromUrlResult> | null {
  const taken = early
  early = null
  if (taken === null) return null
  if (taken.param !== param) {
    taken.job.cancel()
    return null
  }
  taken.listen(onProgress)
  return taken.job
}
