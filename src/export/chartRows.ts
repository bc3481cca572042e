/**
 * The observations behind a chart, from the ids of its table rows (every chart table row is keyed
 * by its observation's id), joined into ObservationRows for the data export and the speaker notes.
 * Built only when an export asks, never on render.
 */
import type { Dataset, Observation } from '../domain/model'
import type { DatasetIndex } from '../domain/datasetIndex'
import { buildObservationRows, type ObservationRow } from '../domain/observationRow'

const byIdCache = new WeakMap<Dataset, Map<string, Observation>>()

function observationsById(dataset: Dataset): Map<string, Observation> {
  let map = byIdCache.get(dataset)
  if (!map) {
    map = new Map(dataset.observations.map((o) => [o.id, o]))
    byIdCache.set(dataset, map)
  }
  return map
}

/** Rows for the ids that name an observation, in the ids' order, each once. */
export function observationRowsByIds(ids: readonly string[], dataset: Dataset, index: DatasetIndex): ObservationRow[] {
  const map = observationsById(dataset)
  const seen = new Set<string>()
  const observations: Observation[] = []
  for (const id of ids) {
    const o = map.get(id)
    if (o && !seen.has(id)) {
      seen.add(id)
      observations.push(o)
    }
  }
  return buildObservationRows(observations, index)
}
