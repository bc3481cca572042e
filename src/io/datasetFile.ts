/**
 * A `Dataset` back in its file form (periods as "2023-01..2023-10", months as "2023-12"): what
 * data/dataset.json holds, what an export writes, and what `validateDatasetValue` reads. Merged or
 * stored datasets are validated again through this, so every dataset the app switches to has passed
 * the same gate, however it was put together.
 */
import type { Dataset, YearMonth } from '../domain/model'
import { periodKey } from '../domain/period'
import type { DatasetFile } from './interchangeMapper'
import { validateDatasetValue, type DatasetValidation } from './validateDataset'

function monthKey(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`
}

export function toDatasetFile(dataset: Dataset): DatasetFile {
  return {
    schemaVersion: dataset.schemaVersion,
    name: dataset.name,
    documents: dataset.documents.map((d) => ({ ...d, published: monthKey(d.published) })),
    subjects: dataset.subjects,
    indicators: dataset.indicators,
    observations: dataset.observations.map((o) => ({
      ...o,
      period: periodKey(o.period),
      targetPeriod: o.targetPeriod === null ? null : periodKey(o.targetPeriod),
    })),
  }
}

/** The dataset as JSON text, as `npm run validate` and a `?data=` link read it. */
export function datasetToJson(dataset: Dataset): string {
  return `${JSON.stringify(toDatasetFile(dataset), null, 2)}\n`
}

/** Validates a dataset built in memory (merged, loaded from storage) exactly as a file would be. */
export function revalidateDataset(dataset: Dataset, file: string): DatasetValidation {
  return validateDatasetValue(toDatasetFile(dataset), file)
}
