import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Dataset } from '../domain/model'
import { buildDatasetIndex, shareRepeatedValues } from '../domain/datasetIndex'
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

/** Where the active dataset came from, for the header's "data from …" line. */
export type DatasetSource =
  | { kind: 'embedded' }
  | { kind: 'url'; url: string }
  | { kind: 'stored'; id: string; name: string }

/** The active dataset and its look-up index. */
export const useDatasetStore = defineStore('dataset', () => {
  const embedded = loadEmbeddedDataset()

  /** Held shallowly: datasets are replaced whole, never mutated in place, and can be large. */
  const dataset = shallowRef<Dataset>(embedded.dataset ?? EMPTY)
  /** Problems found in the data that is active now (shown, never silently dropped). */
  const issues = shallowRef<ValidationIssue[]>(embedded.issues)
  const source = shallowRef<DatasetSource>({ kind: 'embedded' })
  /** A load in progress (a ?data= link, a stored dataset): the views keep showing the current data. */
  const loading = ref(false)
  /** The last `?data=` parameter whose load has ended (loaded or failed): until then a link's region
   * and indicator may name things only the linked data has, and are kept rather than dropped. */
  const settledUrlParam = ref<string | null>(null)
  const index = computed(() => buildDatasetIndex(dataset.value))

  /**
   * Makes a validated dataset the active one. Callers validate first: this is the single switch, so a
   * failed load or import never gets here and the previous data stays.
   */
  function activate(next: Dataset, from: DatasetSource, nextIssues: ValidationIssue[] = []): void {
    // A table from the import worker arrives with a copy of every id and period in every row: shared,
    // the 360,000-row benchmark table holds about 60 MB less (npm run bench).
    dataset.value = shareRepeatedValues(next)
    issues.value = nextIssues
    source.value = from
  }

  function activateEmbedded(): void {
    activate(embeddedDataset(), { kind: 'embedded' }, embedded.issues)
  }

  /** The dataset shipped with the app, always available (the import page lists and exports it). */
  function embeddedDataset(): Dataset {
    return embedded.dataset ?? EMPTY
  }

  /**
   * Loads a `?data=` link (same-origin JSON dataset or interchange table). Returns the problems found;
   * on any failure the current data stays active.
   */
  async function loadFromUrl(param: string): Promise<ValidationIssue[]> {
    loading.value = true
    try {
      // Lazily: the readers (and the worker for big tables) are only fetched when a link names data.
      const [{ loadDatasetFromUrl }, { startImport }] = await Promise.all([
        import('../io/loadDatasetFromUrl'),
        import('../io/importClient'),
      ])
      const loaded = await loadDatasetFromUrl(param, {
        baseUrl: globalThis.location.href,
        parse: (input, options) => startImport(input, options).result,
      })
      const warnings = loaded.issues.filter((i) => i.severity !== 'error')
      if (loaded.dataset) activate(loaded.dataset, { kind: 'url', url: loaded.url }, warnings)
      return loaded.dataset ? warnings : loaded.issues
    } finally {
      loading.value = false
      settledUrlParam.value = param
    }
  }

  return { dataset, issues, source, loading, settledUrlParam, index, activate, activateEmbedded, embeddedDataset, loadFromUrl }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetStore, import.meta.hot))
