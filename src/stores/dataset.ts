import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Dataset } from '../domain/model'
import { buildDatasetIndex, shareRepeatedValues } from '../domain/datasetIndex'
import { loadEmbeddedDataset } from '../io/embeddedDataset'
import type { ValidationIssue } from '../io/validationIssue'
// Not lazy: a ?data= link's worker is started before the app is evaluated (startEarlyUrlLoad.ts);
// the client is small, the worker and the readers stay in their own chunks.
import { startUrlLoad } from '../io/importClient'
import { takeEarlyUrlLoad } from '../io/earlyUrlLoad'
import type { ImportProgress } from '../io/importPipeline'

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
  function activate(next: Dataset, from: DatasetSource, nextIssues: ValidationIssue[] = [], options: { valuesShared?: boolean } = {}): void {
    // A dataset read back from storage arrives with a copy of every id and period in every row: shared,
    // the 360,000-row benchmark table holds about 60 MB less (npm run bench).
    dataset.value = options.valuesShared ? next : shareRepeatedValues(next)
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
   * A `?data=` link is loading and only the embedded default has been active so far: the views wait
   * for the linked data instead of drawing the seed's numbers under the link's name for a few seconds
   * (and spending the page's thread on charts about to be replaced). On failure the seed is shown.
   */
  const linkLoading = ref(false)
  const awaitingLinkedData = computed(() => linkLoading.value && source.value.kind === 'embedded')
  /** Rows read so far by a `?data=` load in progress (for the loading banner), else null. */
  const loadingRows = ref<number | null>(null)
  /** The last `?data=` load: running (`settledWith` undefined), or ended with that dataset active. */
  let urlLoad: { param: string; done: Promise<ValidationIssue[]>; settledWith?: Dataset } | null = null

  /**
   * Loads a `?data=` link (same-origin JSON dataset or interchange table). Returns the problems found;
   * on any failure the current data stays active. The worker fetches and reads the file; asked again
   * for the link already loading, the same load is shared, and the load the page started before the
   * app was evaluated (`earlyUrlLoad.ts`) is taken over rather than started twice.
   */
  function loadFromUrl(param: string): Promise<ValidationIssue[]> {
    // Asked again for the same link while it loads, or after it ended with nothing else activated
    // since (mountApp.ts asks before the app mounts, App.vue once the router is ready; a small file
    // can be in by then): the same load and its answer, not a second download and a second switch.
    const last = urlLoad
    if (last?.param === param && (last.settledWith === undefined || last.settledWith === dataset.value)) return last.done
    const load: NonNullable<typeof urlLoad> = {
      param,
      done: runUrlLoad(param).finally(() => {
        load.settledWith = dataset.value
      }),
    }
    urlLoad = load
    return load.done
  }

  async function runUrlLoad(param: string): Promise<ValidationIssue[]> {
    loading.value = true
    linkLoading.value = true
    loadingRows.value = 0
    try {
      return await readUrl(param)
    } catch (error) {
      // The worker crashed (out of memory, a bug): the link failed like any other failure.
      const reason = error instanceof Error ? error.message : String(error)
      return [{ severity: 'error', code: 'fetchFailed', params: { url: param, reason }, location: { file: param } }]
    } finally {
      loading.value = false
      linkLoading.value = false
      loadingRows.value = null
      settledUrlParam.value = param
    }
  }

  async function readUrl(param: string): Promise<ValidationIssue[]> {
    const onProgress = (progress: ImportProgress): void => {
      loadingRows.value = progress.rows
    }
    const job = takeEarlyUrlLoad(param, onProgress) ?? startUrlLoad(param, { baseUrl: globalThis.location.href, onProgress })
    const loaded = await job.result
    const warnings = loaded.issues.filter((i) => i.severity !== 'error')
    // Rows rebuilt from the worker's columns already share their ids and periods.
    if (loaded.dataset) activate(loaded.dataset, { kind: 'url', url: loaded.url }, warnings, { valuesShared: true })
    return loaded.dataset ? warnings : loaded.issues
  }

  return { dataset, issues, source, loading, loadingRows, awaitingLinkedData, settledUrlParam, index, activate, activateEmbedded, embeddedDataset, loadFromUrl }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetStore, import.meta.hot))
