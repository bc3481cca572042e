/**
 * The dataset shipped with the app (data/dataset.json), extracted from the seed reports.
 * It goes through the same validation as any user file: the embedded data earns no exemption.
 */
import embedded from '../../data/dataset.json'
import { validateDatasetValue, type DatasetValidation } from './validateDataset'

export const EMBEDDED_DATASET_FILE = 'data/dataset.json'

export function loadEmbeddedDataset(): DatasetValidation {
  return validateDatasetValue(embedded, EMBEDDED_DATASET_FILE)
}
