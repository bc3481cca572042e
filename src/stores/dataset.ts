import { computed, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Dataset } from '../domain/model'
import { buildDatasetIndex } from '../domain/datasetIndex'
import { loadEmbeddedDataset } from '../io/embeddedDataset'
import type { ValidationIssue } from '../io/validationIssue'

const EMPTY: Dataset = {
  schemaVersion: 1,
  name: { zh: '空数据集', en: 'Empty dataset' },
  documents: [],
  subjects: [],
  indicators: [],
  observations: [],
}

/** The active dataset and its look-up index. */
export const useDatasetStore = defineStore('dataset', () => {
  const embedded = loadEmbeddedDataset()

  /** Held shallowly: datasets are replaced whole, never mutated in place, and can be large. */
  const dataset = shallowRef<Dataset>(embedded.dataset ?? EMPTY)
  /** Problems found in the data that is active now (shown, never silently dropped). */
  const issues = shallowRef<ValidationIssue[]>(embedded.issues)
  const index = computed(() => buildDatasetIndex(dataset.value))

  return { dataset, issues, index }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetStore, import.meta.hot))
