/**
 * The page's one connection to the stored datasets (src/io/datasetRepository.ts): the list, the
 * storage mode, switching, renaming, deleting, exporting, saving an import, restoring the active
 * dataset at start-up, and following changes made in other tabs.
 *
 * Module state, not per component: there is one database connection and one cross-tab channel per
 * page, opened on first use. The repository code (and `idb`) is loaded lazily, so the first page
 * load does not wait for it.
 *
 * The rule that protects the user's data: the active dataset in the store changes only after the
 * dataset is fully read (or validated and written, for an import). Any failure leaves the previous
 * dataset active and says so in a notice.
 */
import { computed, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Dataset, LocalizedText } from '../domain/model'
import type { DatasetRepository, DatasetSummary, StorageStatus } from '../io/datasetRepository'
import type { DatasetsChange } from '../io/datasetsChannel'
import type { MergeMode } from '../io/mergeDatasets'
import type { ValidationIssue } from '../io/validationIssue'
import type { ColumnMapping } from '../io/interchangeColumns'
import { useDatasetStore } from '../stores/dataset'
import { errorDetail, useNoticesStore } from '../stores/notices'

/** Where an import goes. */
export type ImportTarget = { kind: 'new'; name: string } | { kind: 'existing'; id: string; mode: MergeMode }

export type SaveOutcome =
  | { ok: true; summary: DatasetSummary; added: number; replaced: number; skipped: number }
  /** The merged dataset failed validation (nothing was written). */
  | { ok: false; reason: 'invalid'; issues: ValidationIssue[] }
  /** Reading the target or writing failed (nothing was switched). */
  | { ok: false; reason: 'storage'; error: unknown }

let repositoryPromise: Promise<DatasetRepository> | null = null
const status = shallowRef<StorageStatus | null>(null)
const datasets = shallowRef<DatasetSummary[]>([])
/** Set once the cross-tab listener is installed (by the first caller with stores: App.vue). */
let syncing = false
let changeHandler: ((change: DatasetsChange) => void) | null = null

function open(onBlocking: () => void): Promise<DatasetRepository> {
  repositoryPromise ??= (async () => {
    const [{ openDatasetRepository }, { createDatasetsNotifier }] = await Promise.all([
      import('../io/datasetRepository'),
      import('../io/datasetsChannel'),
    ])
    const notifier = createDatasetsNotifier()
    notifier.subscribe((change) => changeHandler?.(change))
    const repository = await openDatasetRepository({ notifier, onBlocking })
    status.value = repository.status()
    return repository
  })()
  return repositoryPromise
}

/**
 * The page's one repository, for other writers (the review page): writes through it are announced to
 * other tabs by the same notifier, and this page's own listener never mistakes them for another tab's.
 */
export function sharedDatasetRepository(): Promise<DatasetRepository> {
  return open(() => {
    status.value = { mode: 'memory', reason: 'blocked' }
  })
}

export function useDatasetRepository() {
  const { t } = useI18n()
  const datasetStore = useDatasetStore()
  const notices = useNoticesStore()

  const repository = (): Promise<DatasetRepository> =>
    open(() => {
      status.value = { mode: 'memory', reason: 'blocked' }
      notices.push('info', t('import.storage.blockedNotice'))
    })

  /** The id of the stored dataset the store shows; null for the embedded one or a ?data= link. */
  const activeStoredId = computed(() => (datasetStore.source.kind === 'stored' ? datasetStore.source.id : null))

  async function refresh(): Promise<DatasetSummary[]> {
    const repo = await repository()
    datasets.value = await repo.list()
    status.value = repo.status()
    return datasets.value
  }

  function activateLoaded(dataset: Dataset, id: string, name: LocalizedText): void {
    datasetStore.activate({ ...dataset, name }, { kind: 'stored', id, name: name.zh })
  }

  /** Reads a stored dataset whole, then makes it active here and remembers it as active. */
  async function activateStored(id: string): Promise<boolean> {
    const repo = await repository()
    const dataset = await repo.get(id)
    if (dataset === null) {
      notices.push('error', t('import.list.loadFailed'))
      await refresh()
      return false
    }
    await repo.setActiveId(id)
    activateLoaded(dataset, id, dataset.name)
    status.value = repo.status()
    return true
  }

  async function activateEmbedded(): Promise<void> {
    const repo = await repository()
    await repo.setActiveId(null)
    datasetStore.activateEmbedded()
  }

  async function rename(id: string, name: string): Promise<void> {
    const repo = await repository()
    const text = { zh: name, en: name }
    const renamed = await repo.rename(id, text)
    if (renamed && activeStoredId.value === id) {
      activateLoaded(datasetStore.dataset, id, text)
    }
    await refresh()
  }

  /** Deletes a stored dataset; the embedded one becomes active if it was the active one. */
  async function remove(id: string): Promise<void> {
    const repo = await repository()
    await repo.delete(id)
    if (activeStoredId.value === id) datasetStore.activateEmbedded()
    await refresh()
  }

  async function load(id: string): Promise<Dataset | null> {
    return (await repository()).get(id)
  }

  async function rememberedMapping(signature: string): Promise<ColumnMapping | null> {
    return (await repository()).getColumnMapping(signature)
  }

  async function rememberMapping(signature: string, mapping: ColumnMapping): Promise<void> {
    await (await repository()).rememberColumnMapping(signature, mapping)
  }

  /**
   * Stores an imported dataset (new, or merged into an existing one and validated again) and makes
   * it active: written and switched in one transaction, then shown. Nothing changes on failure.
   */
  async function saveImport(incoming: Dataset, target: ImportTarget, sourceFile: string): Promise<SaveOutcome> {
    try {
      const repo = await repository()
      let toStore: Dataset
      let name: LocalizedText
      let id: string | undefined
      let counts = { added: incoming.observations.length, replaced: 0, skipped: 0 }
      if (target.kind === 'new') {
        name = { zh: target.name, en: target.name }
        toStore = { ...incoming, name }
      } else {
        const base = await repo.get(target.id)
        if (base === null) throw new Error(`dataset ${target.id} not found`)
        const [{ mergeDatasets }, { revalidateDataset }] = await Promise.all([
          import('../io/mergeDatasets'),
          import('../io/datasetFile'),
        ])
        const merged = mergeDatasets(base, incoming, target.mode)
        const checked = revalidateDataset(merged.dataset, sourceFile)
        if (checked.dataset === null) return { ok: false, reason: 'invalid', issues: checked.issues }
        name = base.name
        id = target.id
        toStore = checked.dataset
        counts = { added: merged.added, replaced: merged.replaced, skipped: merged.skipped }
      }
      const summary = await repo.put(toStore, { ...(id ? { id } : {}), name, sourceFile, activate: true })
      // Only now, with the write committed, does the page switch.
      activateLoaded(toStore, summary.id, name)
      await refresh()
      return { ok: true, summary, ...counts }
    } catch (error) {
      // A failed write may have moved the repository to memory (quota): show the mode it is in now.
      if (repositoryPromise) status.value = (await repositoryPromise).status()
      return { ok: false, reason: 'storage', error }
    }
  }

  async function exportJson(id: string | null): Promise<void> {
    const [{ datasetToJson }, { downloadBlob }, { safeFileName }] = await Promise.all([
      import('../io/datasetFile'),
      import('../export/download'),
      import('../export/fileName'),
    ])
    const dataset = id === null ? datasetStore.embeddedDataset() : await load(id)
    if (dataset === null) {
      notices.push('error', t('import.list.loadFailed'))
      return
    }
    const blob = new Blob([datasetToJson(dataset)], { type: 'application/json;charset=utf-8' })
    downloadBlob(blob, safeFileName([dataset.name.zh], 'json', 'dataset'))
  }

  /**
   * At start-up: shows the dataset that was active when the page was last used. Skipped when
   * something else was activated first (a ?data= link always wins).
   */
  async function restoreActive(): Promise<void> {
    try {
      const repo = await repository()
      const id = await repo.getActiveId()
      if (id === null || datasetStore.source.kind !== 'embedded' || datasetStore.loading) return
      const before = datasetStore.dataset
      datasetStore.loading = true
      let dataset: Dataset | null
      try {
        dataset = await repo.get(id)
      } finally {
        datasetStore.loading = false
      }
      if (datasetStore.dataset !== before || datasetStore.source.kind !== 'embedded') return
      if (dataset === null) {
        notices.push('error', t('import.restoreFailed'))
        return
      }
      activateLoaded(dataset, id, dataset.name)
    } catch (error) {
      notices.push('error', t('import.restoreFailed'), errorDetail(error))
    }
  }

  /**
   * Follows the other tabs: refreshes the list, and when the active dataset was switched, replaced,
   * renamed or deleted there, shows the same here and says so. A ?data= link in this tab stays.
   */
  function startSync(): void {
    if (syncing) return
    syncing = true
    changeHandler = (change) => {
      void (async () => {
        try {
          await refresh()
          if (datasetStore.source.kind === 'url') return
          const repo = await repository()
          const storedActive = await repo.getActiveId()
          const current = activeStoredId.value
          if (storedActive !== current) {
            if (storedActive === null) {
              datasetStore.activateEmbedded()
              notices.push('info', t('import.sync.switchedEmbedded'))
              return
            }
            const dataset = await repo.get(storedActive)
            if (dataset === null) return
            activateLoaded(dataset, storedActive, dataset.name)
            notices.push('info', t('import.sync.switched', { name: dataset.name.zh }))
          } else if (current !== null && change.kind !== 'activate' && 'id' in change && change.id === current) {
            const dataset = await repo.get(current)
            if (dataset === null) return
            activateLoaded(dataset, current, dataset.name)
            notices.push('info', t('import.sync.updated', { name: dataset.name.zh }))
          }
        } catch (error) {
          notices.push('error', t('import.sync.failed'), errorDetail(error))
        }
      })()
    }
    // Open now, so that this tab hears the others from the start.
    void repository()
  }

  return {
    status,
    datasets,
    activeStoredId,
    refresh,
    activateStored,
    activateEmbedded,
    rename,
    remove,
    load,
    rememberedMapping,
    rememberMapping,
    saveImport,
    exportJson,
    restoreActive,
    startSync,
  }
}
