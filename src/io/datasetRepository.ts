/**
 * Where imported datasets are kept: IndexedDB (through `idb`), or memory when IndexedDB cannot be
 * used. The embedded dataset is not stored here; an active id of null means "the embedded one".
 *
 * Guarantees:
 * - **Atomic put.** A dataset's chunks, its catalogue entry and (when asked) the active pointer are
 *   written in one transaction. A failure at any point (quota, a closed tab, a crash) aborts it
 *   whole, so the previous active dataset is exactly as it was. Nothing is switched before commit.
 * - **No long tasks.** Observations are stored in chunks of `CHUNK_SIZE` and each chunk is written
 *   and read by its own request, so structured cloning is spread over many short tasks instead of
 *   one that clones 500,000 rows at once.
 * - **Versioned schema.** `DB_VERSION` and `MIGRATIONS` below: each version's step runs once, in
 *   order, inside the upgrade transaction; records carry `format` for changes within a version.
 * - **Graceful fallback.** If IndexedDB is missing (some private modes), fails a probe write, is
 *   blocked by another tab's older connection, or runs out of quota, the repository keeps working
 *   from memory and says so in `status()` so the page can tell the user nothing will survive a reload.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { Dataset, LocalizedText, Observation } from '../domain/model'
import type { DatasetsChange, DatasetsNotifier } from './datasetsChannel'
import { INTERCHANGE_FIELDS, type ColumnMapping, type InterchangeField } from './interchangeColumns'

export const DB_NAME = 'street-indicator-dashboard'
export const DB_VERSION = 1
/** Observations per stored chunk: small enough that cloning one is a short task (measured in Chromium). */
export const CHUNK_SIZE = 2_000
/** Format of the records themselves, for changes that need no new object store. */
const RECORD_FORMAT = 1
/** How long to wait for another tab to release an older database version before using memory. */
const BLOCKED_TIMEOUT_MS = 3000

export interface DatasetSummary {
  id: string
  name: LocalizedText
  /** Number of observations (rows of the imported table that were kept). */
  rows: number
  /** File (or link) it was imported from; null when not known. */
  sourceFile: string | null
  /** ISO 8601 time of the import. */
  importedAt: string
  /** False when the dataset lives only in memory and will be gone after a reload. */
  persisted: boolean
}

export type StorageMode = 'indexeddb' | 'memory'
export type StorageFallbackReason =
  /** No IndexedDB, or it refused the probe write (private mode, disabled storage). */
  | 'unavailable'
  /** A write hit the storage quota; later writes go to memory. */
  | 'quota'
  /** Another tab holds an older version open, or asked us to close for its upgrade. */
  | 'blocked'
  /** Anything else IndexedDB threw. */
  | 'error'

export interface StorageStatus {
  mode: StorageMode
  reason: StorageFallbackReason | null
}

export interface PutOptions {
  /** Replace the dataset with this id (e.g. after a merge); a new id otherwise. */
  id?: string
  /** Display name; the dataset's own name by default. */
  name?: LocalizedText
  sourceFile?: string | null
  /** Make it the active dataset, in the same transaction as the write. */
  activate?: boolean
}

export interface DatasetRepository {
  status(): StorageStatus
  list(): Promise<DatasetSummary[]>
  get(id: string): Promise<Dataset | null>
  /** Writes the whole dataset, then (optionally) activates it; all or nothing. */
  put(dataset: Dataset, options?: PutOptions): Promise<DatasetSummary>
  rename(id: string, name: LocalizedText): Promise<DatasetSummary | null>
  /** Deletes a dataset; if it was active, the active id becomes null (the embedded dataset). */
  delete(id: string): Promise<void>
  /** The active dataset's id, or null for the embedded dataset. */
  getActiveId(): Promise<string | null>
  setActiveId(id: string | null): Promise<void>
  /** The column mapping the user chose for tables with these headers (`headerSignature`), if any. */
  getColumnMapping(signature: string): Promise<ColumnMapping | null>
  rememberColumnMapping(signature: string, mapping: ColumnMapping): Promise<void>
  close(): void
}

// ----------------------------------------------------------------------------------------------
// Schema

/** A catalogue entry: everything but the observations. */
interface StoredDataset {
  id: string
  format: number
  name: LocalizedText
  rows: number
  sourceFile: string | null
  importedAt: string
  chunkCount: number
  /** The dataset without observations (those are in `chunks`). */
  header: Omit<Dataset, 'observations'>
}

interface StoredChunk {
  datasetId: string
  index: number
  observations: Observation[]
}

interface StoredSetting {
  key: string
  value: string | null
}

interface DashboardDB extends DBSchema {
  datasets: { key: string; value: StoredDataset }
  chunks: { key: [string, number]; value: StoredChunk }
  settings: { key: string; value: StoredSetting }
}

type UpgradeTx = IDBPTransaction<DashboardDB, Array<StoreNames<DashboardDB>>, 'versionchange'>

/**
 * One step per version, run in order from the stored version + 1 up to `DB_VERSION`. A new
 * version appends a step (never edits an old one): e.g. `2: (db, tx) => tx.objectStore('datasets')
 * .createIndex('importedAt', 'importedAt')`, or a cursor over `datasets` rewriting records.
 */
const MIGRATIONS: Record<number, (db: IDBPDatabase<DashboardDB>, tx: UpgradeTx) => void> = {
  1: (db) => {
    db.createObjectStore('datasets', { keyPath: 'id' })
    db.createObjectStore('chunks', { keyPath: ['datasetId', 'index'] })
    db.createObjectStore('settings', { keyPath: 'key' })
  },
}

const ACTIVE_KEY = 'activeId'
const PROBE_KEY = 'probe'
const MAPPING_KEY_PREFIX = 'mapping:'

/** A stored mapping is read back only if it is a list of known fields (storage is not trusted blindly). */
function parseMapping(text: string | null | undefined): ColumnMapping | null {
  if (!text) return null
  try {
    const value: unknown = JSON.parse(text)
    if (!Array.isArray(value)) return null
    const known = new Set<string>(INTERCHANGE_FIELDS)
    if (!value.every((f) => f === null || (typeof f === 'string' && known.has(f)))) return null
    return value as Array<InterchangeField | null>
  } catch {
    return null
  }
}

// ----------------------------------------------------------------------------------------------
// Helpers

/** Quota errors come as QuotaExceededError, as code 22, or wrapped (Firefox, Safari) with "quota" in the text. */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (typeof e !== 'object') break
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown }
    if (name === 'QuotaExceededError' || code === 22 || code === 1014) return true
    if (typeof message === 'string' && /quota/i.test(message)) return true
    if (typeof name === 'string' && /quota/i.test(name)) return true
    e = (e as { cause?: unknown; inner?: unknown }).cause ?? (e as { inner?: unknown }).inner
  }
  return false
}

function newId(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10)
  return `ds-${Date.now().toString(36)}-${random}`
}

function summary(record: StoredDataset, persisted: boolean): DatasetSummary {
  return {
    id: record.id,
    name: record.name,
    rows: record.rows,
    sourceFile: record.sourceFile,
    importedAt: record.importedAt,
    persisted,
  }
}

function toRecord(dataset: Dataset, options: PutOptions, id: string, chunkCount: number): StoredDataset {
  const { observations: _observations, ...header } = dataset
  const name = options.name ?? dataset.name
  return {
    id,
    format: RECORD_FORMAT,
    name,
    rows: dataset.observations.length,
    sourceFile: options.sourceFile ?? null,
    importedAt: new Date().toISOString(),
    chunkCount,
    header: { ...header, name },
  }
}

// ----------------------------------------------------------------------------------------------
// Memory

/** The in-memory store: same behaviour, nothing survives a reload. Datasets are kept by reference (they are never mutated). */
class MemoryStore {
  readonly records = new Map<string, { record: StoredDataset; dataset: Dataset }>()
  readonly mappings = new Map<string, ColumnMapping>()
  activeId: string | null = null

  list(): DatasetSummary[] {
    return [...this.records.values()].map(({ record }) => summary(record, false))
  }

  get(id: string): Dataset | null {
    const entry = this.records.get(id)
    return entry ? { ...entry.dataset, name: entry.record.name } : null
  }

  put(dataset: Dataset, options: PutOptions): DatasetSummary {
    const id = options.id ?? newId()
    const record = toRecord(dataset, options, id, 0)
    this.records.set(id, { record, dataset })
    if (options.activate) this.activeId = id
    return summary(record, false)
  }

  rename(id: string, name: LocalizedText): DatasetSummary | null {
    const entry = this.records.get(id)
    if (!entry) return null
    entry.record = { ...entry.record, name, header: { ...entry.record.header, name } }
    return summary(entry.record, false)
  }

  delete(id: string): void {
    this.records.delete(id)
    if (this.activeId === id) this.activeId = null
  }
}

// ----------------------------------------------------------------------------------------------
// IndexedDB

class IdbStore {
  constructor(readonly db: IDBPDatabase<DashboardDB>) {}

  async list(): Promise<DatasetSummary[]> {
    const records = await this.db.getAll('datasets')
    return records.map((r) => summary(r, true))
  }

  async has(id: string): Promise<boolean> {
    return (await this.db.getKey('datasets', id)) !== undefined
  }

  async get(id: string): Promise<Dataset | null> {
    const tx = this.db.transaction(['datasets', 'chunks'], 'readonly')
    const record = await tx.objectStore('datasets').get(id)
    if (!record) return null
    const observations: Observation[] = []
    const chunks = tx.objectStore('chunks')
    // One request per chunk: each is deserialised in its own short task.
    for (let i = 0; i < record.chunkCount; i++) {
      const chunk = await chunks.get([id, i])
      if (!chunk) return null // a partial record cannot exist (writes are atomic); be safe anyway
      for (const o of chunk.observations) observations.push(o)
    }
    await tx.done
    return { ...record.header, observations }
  }

  async put(dataset: Dataset, options: PutOptions): Promise<DatasetSummary> {
    const id = options.id ?? newId()
    const all = dataset.observations
    const chunkCount = Math.ceil(all.length / CHUNK_SIZE)
    const record = toRecord(dataset, options, id, chunkCount)
    const tx = this.db.transaction(['datasets', 'chunks', 'settings'], 'readwrite')
    const done = tx.done
    // Swallow here: the same failure is rethrown from `await done` below.
    done.catch(() => undefined)
    try {
      const chunks = tx.objectStore('chunks')
      // Replacing a dataset: its old chunks go in the same transaction.
      await chunks.delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]))
      for (let i = 0; i < chunkCount; i++) {
        // Awaiting each write keeps the transaction alive and spreads cloning over short tasks.
        await chunks.put({ datasetId: id, index: i, observations: all.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE) })
      }
      await tx.objectStore('datasets').put(record)
      if (options.activate) await tx.objectStore('settings').put({ key: ACTIVE_KEY, value: id })
    } catch (err) {
      try {
        tx.abort()
      } catch {
        // already finished
      }
      await done.catch(() => undefined)
      throw err
    }
    await done
    return summary(record, true)
  }

  async rename(id: string, name: LocalizedText): Promise<DatasetSummary | null> {
    const tx = this.db.transaction('datasets', 'readwrite')
    const record = await tx.store.get(id)
    if (!record) {
      await tx.done
      return null
    }
    const next: StoredDataset = { ...record, name, header: { ...record.header, name } }
    await tx.store.put(next)
    await tx.done
    return summary(next, true)
  }

  async delete(id: string): Promise<void> {
    const tx = this.db.transaction(['datasets', 'chunks', 'settings'], 'readwrite')
    await tx.objectStore('chunks').delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]))
    await tx.objectStore('datasets').delete(id)
    const active = await tx.objectStore('settings').get(ACTIVE_KEY)
    if (active?.value === id) await tx.objectStore('settings').put({ key: ACTIVE_KEY, value: null })
    await tx.done
  }

  async getActiveId(): Promise<string | null> {
    return (await this.db.get('settings', ACTIVE_KEY))?.value ?? null
  }

  async setActiveId(id: string | null): Promise<void> {
    await this.db.put('settings', { key: ACTIVE_KEY, value: id })
  }

  async getSetting(key: string): Promise<string | null> {
    return (await this.db.get('settings', key))?.value ?? null
  }

  async putSetting(key: string, value: string | null): Promise<void> {
    await this.db.put('settings', { key, value })
  }

  /** A real write and read-back: some browsers hand out an IndexedDB that fails on first use. */
  async probe(): Promise<void> {
    const value = String(Date.now())
    await this.db.put('settings', { key: PROBE_KEY, value })
    const back = await this.db.get('settings', PROBE_KEY)
    if (back?.value !== value) throw new Error('IndexedDB probe read back a different value')
  }
}

// ----------------------------------------------------------------------------------------------
// Opening

export interface OpenRepositoryOptions {
  /** The IndexedDB factory; `globalThis.indexedDB` by default. Null forces memory mode. */
  indexedDB?: IDBFactory | null
  /** Database name (tests use a fresh one each). */
  name?: string
  /** Another tab needs this tab to close the database (it is upgrading): ask the user to reload. */
  onBlocking?: () => void
  /** Told after every change, so other tabs can follow (see `datasetsChannel.ts`). */
  notifier?: DatasetsNotifier
}

type OpenOutcome = { db: IDBPDatabase<DashboardDB> } | { reason: StorageFallbackReason }

/** Like idb's `openDB`, but with the factory passed in and a time limit while blocked. */
function openDatabase(factory: IDBFactory, name: string, onBlocking: () => void): Promise<OpenOutcome> {
  return new Promise((resolve) => {
    let settled = false
    let timer: ReturnType<typeof setTimeout> | null = null
    const finish = (outcome: OpenOutcome): void => {
      if (timer !== null) clearTimeout(timer)
      if (settled) {
        // Opened after we gave up: do not keep a connection that would block other tabs.
        if ('db' in outcome) outcome.db.close()
        return
      }
      settled = true
      resolve(outcome)
    }
    let request: IDBOpenDBRequest
    try {
      request = factory.open(name, DB_VERSION)
    } catch {
      finish({ reason: 'unavailable' })
      return
    }
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as unknown as IDBPDatabase<DashboardDB>
      const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx
      for (let v = event.oldVersion + 1; v <= DB_VERSION; v++) MIGRATIONS[v]?.(db, tx)
    })
    request.addEventListener('blocked', () => {
      timer ??= setTimeout(() => finish({ reason: 'blocked' }), BLOCKED_TIMEOUT_MS)
    })
    request.addEventListener('success', () => {
      const db = wrap(request.result) as unknown as IDBPDatabase<DashboardDB>
      db.addEventListener('versionchange', () => {
        db.close()
        onBlocking()
      })
      finish({ db })
    })
    request.addEventListener('error', (event) => {
      event.preventDefault()
      const err = request.error
      finish({ reason: isQuotaError(err) ? 'quota' : err?.name === 'VersionError' ? 'error' : 'unavailable' })
    })
  })
}

/**
 * Opens the repository: IndexedDB when it works, memory otherwise. Never throws; check `status()`.
 */
export async function openDatasetRepository(options: OpenRepositoryOptions = {}): Promise<DatasetRepository> {
  const memory = new MemoryStore()
  let status: StorageStatus = { mode: 'memory', reason: 'unavailable' }
  let idb: IdbStore | null = null

  const factory = options.indexedDB === undefined ? (globalThis as { indexedDB?: IDBFactory }).indexedDB : options.indexedDB
  if (factory) {
    const outcome = await openDatabase(factory, options.name ?? DB_NAME, () => {
      // Another tab upgrades the schema: this tab's connection is closed and it continues in memory.
      idb = null
      status = { mode: 'memory', reason: 'blocked' }
      options.onBlocking?.()
    })
    if ('db' in outcome) {
      const store = new IdbStore(outcome.db)
      try {
        await store.probe()
        idb = store
        status = { mode: 'indexeddb', reason: null }
      } catch (err) {
        outcome.db.close()
        status = { mode: 'memory', reason: isQuotaError(err) ? 'quota' : 'unavailable' }
      }
    } else {
      status = { mode: 'memory', reason: outcome.reason }
    }
  }

  /** IndexedDB failed in use: stop writing datasets to it and say why. Reads of what it holds go on. */
  const degrade = (err: unknown): void => {
    status = { mode: 'memory', reason: isQuotaError(err) ? 'quota' : 'error' }
  }
  /** Runs a small IndexedDB operation; on failure, degrades and returns the fallback. */
  const attempt = async <T>(run: (store: IdbStore) => Promise<T>, fallback: T): Promise<T> => {
    const store = idb
    if (!store) return fallback
    try {
      return await run(store)
    } catch (err) {
      degrade(err)
      return fallback
    }
  }
  const changed = (change: DatasetsChange): void => options.notifier?.notify(change)

  return {
    status: () => ({ ...status }),

    async list() {
      const stored = await attempt((store) => store.list(), [])
      const inMemory = memory.list()
      const memoryIds = new Set(inMemory.map((s) => s.id))
      return [...stored.filter((s) => !memoryIds.has(s.id)), ...inMemory].sort((a, b) =>
        a.importedAt.localeCompare(b.importedAt),
      )
    },

    async get(id) {
      return memory.get(id) ?? (await attempt((store) => store.get(id), null))
    },

    async put(dataset, putOptions = {}) {
      const store = status.mode === 'indexeddb' ? idb : null
      let saved: DatasetSummary | null = null
      if (store) {
        try {
          saved = await store.put(dataset, putOptions)
          // A write that succeeded supersedes any memory-only copy under the same id.
          memory.delete(saved.id)
          if (putOptions.activate) memory.activeId = null
        } catch (err) {
          if (!isQuotaError(err)) throw err
          // Out of space: the aborted transaction changed nothing; keep this dataset in memory instead.
          degrade(err)
        }
      }
      saved ??= memory.put(dataset, putOptions)
      changed({ kind: 'put', id: saved.id })
      return saved
    },

    async rename(id, name) {
      const renamed = memory.rename(id, name) ?? (await attempt((store) => store.rename(id, name), null))
      if (renamed) changed({ kind: 'rename', id })
      return renamed
    },

    async delete(id) {
      memory.delete(id)
      const deleted = await attempt(async (store) => {
        await store.delete(id)
        return true
      }, false)
      // Space was freed: after a quota fallback, writes may go to IndexedDB again.
      if (deleted && status.reason === 'quota') status = { mode: 'indexeddb', reason: null }
      changed({ kind: 'delete', id })
    },

    async getActiveId() {
      // A memory-only dataset activated in this session wins; the stored pointer is the last good persisted one.
      if (memory.activeId !== null) return memory.activeId
      return attempt((store) => store.getActiveId(), null)
    },

    async setActiveId(id) {
      if (id !== null && memory.records.has(id)) memory.activeId = id
      else {
        memory.activeId = null
        await attempt((store) => store.setActiveId(id), undefined)
      }
      changed({ kind: 'activate', id })
    },

    async getColumnMapping(signature) {
      const remembered = memory.mappings.get(signature)
      if (remembered) return remembered
      return parseMapping(await attempt((store) => store.getSetting(MAPPING_KEY_PREFIX + signature), null))
    },

    async rememberColumnMapping(signature, mapping) {
      memory.mappings.set(signature, [...mapping])
      await attempt((store) => store.putSetting(MAPPING_KEY_PREFIX + signature, JSON.stringify(mapping)), undefined)
    },

    close() {
      idb?.db.close()
      idb = null
    },
  }
}
