/**
 * Each observation's progress status (ahead of, on or behind 序时进度; none without a target and an
 * actual), for the observations of a dataset index, by position. Worked out on first request and
 * kept with the index: the overview counts the statuses of every figure in scope, which on the
 * 360,000-row table is every row when no region is chosen, and a filter change must not assess them
 * all again.
 */
import type { Observation } from './model'
import type { DatasetIndex } from './datasetIndex'
import { assessProgress, type ProgressStatus } from './progress'
import { yearOf } from './period'

/** Stored per position; NOT_YET until first asked. */
const NOT_YET = -1
const CODES: readonly (ProgressStatus | null)[] = [null, 'ahead', 'on-time', 'behind']
const CODE_OF: Readonly<Record<ProgressStatus, number>> = { ahead: 1, 'on-time': 2, behind: 3 }

const statusCodes = new WeakMap<DatasetIndex, Int8Array>()

/** The status an ObservationRow of the observation has (buildObservationRows' rule). */
function assess(observation: Observation, index: DatasetIndex): ProgressStatus | null {
  const indicator = index.indicators.get(observation.indicatorId)
  if (!indicator || observation.actual === null || observation.target === null) return null
  return (
    assessProgress({
      actual: observation.actual,
      target: observation.target,
      period: observation.period,
      targetPeriod: observation.targetPeriod ?? yearOf(observation.period),
      direction: indicator.direction,
    })?.status ?? null
  )
}

/** A look-up of the status of the observation at a position of `index.observations`. */
export function statusLookup(index: DatasetIndex): (position: number) => ProgressStatus | null {
  let codes = statusCodes.get(index)
  if (codes === undefined) {
    codes = new Int8Array(index.observations.length).fill(NOT_YET)
    statusCodes.set(index, codes)
  }
  const known = codes
  return (position) => {
    let code = known[position] as number
    if (code === NOT_YET) {
      const status = assess(index.observations[position] as Observation, index)
      code = status === null ? 0 : CODE_OF[status]
      known[position] = code
    }
    return CODES[code] ?? null
  }
}
