import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Dataset, Observation } from '../../src/domain/model'
import { CHUNK_SIZE, DB_VERSION, isQuotaError, openDatasetRepository, type DatasetRepository } from '../../src/io/datasetRepository'
import type { DatasetsChange, DatasetsNotifier } from '../../src/io/datasetsChannel'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'

const base = loadEmbeddedDataset().dataset as Dataset

/** The embedded dataset with `n` observations (copies with distinct ids; storage does not validate). */
function datasetOf(n: number, name = '测试'): Dataset {
  const template = base.observations[0] as Observation
  const observations = Array.from({ length: n }, (_, i) => ({ ...template, id: `o-${i}` }))
  return { ...base, name: { zh: name, en: name }, observations }
}

const opened: DatasetRepository[] = []
async function open(factory: IDBFactory | null, extra: Parameters<typeof openDatasetRepository>[0] = {}) {
  const repo = await openDatasetRepository({ indexedDB: factory, name: 'test-db', ...extra })
  opened.push(repo)
  return repo
}

afterEach(() => {
  for (const repo of opened.splice(0)) repo.close()
  vi.restoreAllMocks()
})

describe('the dataset repository on IndexedDB', () => {
  it('puts, lists, gets, and says it persists', async () => {
    const repo = await open(new IDBFactory())
    expect(repo.status()).toEqual({ mode: 'indexeddb', reason: null })
    const saved = await repo.put(datasetOf(3), { sourceFile: '街道指标.csv' })
    expect(saved).toMatchObject({ name: { zh: '测试' }, rows: 3, sourceFile: '街道指标.csv', persisted: true })
    expect(Date.parse(saved.importedAt)).not.toBeNaN()
    expect(await repo.list()).toEqual([saved])
    expect(await repo.get(saved.id)).toEqual(datasetOf(3))
    expect(await repo.get('nope')).toBeNull()
  })

  it('stores large datasets in chunks and reads them back in order', async () => {
    const repo = await open(new IDBFactory())
    const big = datasetOf(CHUNK_SIZE * 2 + 1)
    const saved = await repo.put(big)
    const back = await repo.get(saved.id)
    expect(back?.observations).toHaveLength(big.observations.length)
    expect(back?.observations.at(-1)?.id).toBe(`o-${CHUNK_SIZE * 2}`)
  })

  it('remembers the active dataset across a reload', async () => {
    const factory = new IDBFactory()
    const repo = await open(factory)
    expect(await repo.getActiveId()).toBeNull() // the embedded dataset
    const saved = await repo.put(datasetOf(2), { activate: true })
    expect(await repo.getActiveId()).toBe(saved.id)
    repo.close()
    const reloaded = await open(factory)
    expect(await reloaded.getActiveId()).toBe(saved.id)
    expect((await reloaded.get(saved.id))?.observations).toHaveLength(2)
  })

  it('renames, and deletes (the active one falls back to the embedded dataset)', async () => {
    const repo = await open(new IDBFactory())
    const a = await repo.put(datasetOf(1, 'A'), { activate: true })
    const b = await repo.put(datasetOf(1, 'B'))
    expect(await repo.rename(b.id, { zh: '乙', en: 'B2' })).toMatchObject({ name: { zh: '乙', en: 'B2' } })
    expect((await repo.get(b.id))?.name).toEqual({ zh: '乙', en: 'B2' })
    expect(await repo.rename('nope', { zh: 'x', en: 'x' })).toBeNull()
    await repo.delete(a.id)
    expect(await repo.getActiveId()).toBeNull()
    expect((await repo.list()).map((s) => s.id)).toEqual([b.id])
    expect(await repo.get(a.id)).toBeNull()
  })

  it('replaces a dataset under the same id (a merge), dropping its old chunks', async () => {
    const repo = await open(new IDBFactory())
    const saved = await repo.put(datasetOf(CHUNK_SIZE + 5))
    await repo.put(datasetOf(4), { id: saved.id })
    expect((await repo.get(saved.id))?.observations).toHaveLength(4)
    expect(await repo.list()).toHaveLength(1)
  })

  it('a failed write changes nothing: the previous active dataset stays', async () => {
    const repo = await open(new IDBFactory())
    const good = await repo.put(datasetOf(3, 'good'), { activate: true })
    const broken = datasetOf(CHUNK_SIZE + 1, 'broken')
    // A value that cannot be stored, in the second chunk: the first chunk was already written.
    ;(broken.observations[CHUNK_SIZE] as unknown as { evidence: unknown }).evidence = () => 0
    await expect(repo.put(broken, { activate: true })).rejects.toThrow()
    expect(await repo.getActiveId()).toBe(good.id)
    expect((await repo.list()).map((s) => s.name.zh)).toEqual(['good'])
    expect(repo.status().mode).toBe('indexeddb')
  })

  it('on a quota error keeps the new dataset in memory, says so, and keeps the stored pointer', async () => {
    const factory = new IDBFactory()
    const repo = await open(factory)
    const good = await repo.put(datasetOf(3, 'good'), { activate: true })
    const realPut = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (typeof value === 'object' && value !== null && 'observations' in value) throw new DOMException('full', 'QuotaExceededError')
      return realPut.call(this, value, key)
    })
    const big = await repo.put(datasetOf(5, 'big'), { activate: true })
    expect(repo.status()).toEqual({ mode: 'memory', reason: 'quota' })
    expect(big.persisted).toBe(false)
    expect(await repo.getActiveId()).toBe(big.id)
    expect((await repo.get(big.id))?.observations).toHaveLength(5)
    expect((await repo.list()).map((s) => [s.name.zh, s.persisted])).toEqual([
      ['good', true],
      ['big', false],
    ])
    vi.restoreAllMocks()
    // After a reload the memory-only dataset is gone and the last good stored one is active.
    repo.close()
    const reloaded = await open(factory)
    expect(await reloaded.getActiveId()).toBe(good.id)
  })

  it('after a quota fallback, deleting frees space and writes go to IndexedDB again', async () => {
    const repo = await open(new IDBFactory())
    const old = await repo.put(datasetOf(1, 'old'))
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    await repo.put(datasetOf(1, 'new'))
    expect(repo.status().reason).toBe('quota')
    await repo.delete(old.id)
    expect(repo.status()).toEqual({ mode: 'indexeddb', reason: null })
    expect((await repo.put(datasetOf(1, 'again'))).persisted).toBe(true)
  })

  it('tells the notifier about every change', async () => {
    const changes: DatasetsChange[] = []
    const notifier: DatasetsNotifier = { notify: (c) => changes.push(c), subscribe: () => () => undefined, close: () => undefined }
    const repo = await open(new IDBFactory(), { notifier })
    const a = await repo.put(datasetOf(1))
    await repo.rename(a.id, { zh: 'x', en: 'x' })
    await repo.setActiveId(a.id)
    await repo.delete(a.id)
    expect(changes.map((c) => c.kind)).toEqual(['put', 'rename', 'activate', 'delete'])
  })
})

describe('remembered column mappings', () => {
  it.each<[string, IDBFactory | null]>([
    ['IndexedDB', new IDBFactory()],
    ['memory', null],
  ])('%s: a mapping is remembered by header signature', async (_name, factory) => {
    const repo = await open(factory)
    expect(await repo.getColumnMapping('h-1')).toBeNull()
    await repo.rememberColumnMapping('h-1', ['region', null, 'actual'])
    expect(await repo.getColumnMapping('h-1')).toEqual(['region', null, 'actual'])
  })

  it('survives a reload, and a tampered record is ignored', async () => {
    const factory = new IDBFactory()
    const repo = await open(factory)
    await repo.rememberColumnMapping('h-2', ['indicator', 'unit'])
    repo.close()
    expect(await (await open(factory)).getColumnMapping('h-2')).toEqual(['indicator', 'unit'])
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('test-db')
      request.onsuccess = () => resolve(request.result)
    })
    await new Promise<void>((resolve) => {
      const tx = raw.transaction('settings', 'readwrite')
      tx.objectStore('settings').put({ key: 'mapping:h-3', value: '["__proto__"]' })
      tx.oncomplete = () => resolve()
    })
    raw.close()
    expect(await (await open(factory)).getColumnMapping('h-3')).toBeNull()
  })
})

describe('schema versions', () => {
  it('creates the schema from nothing and reopens without migrating again', async () => {
    const factory = new IDBFactory()
    const repo = await open(factory)
    const saved = await repo.put(datasetOf(1))
    repo.close()
    const again = await open(factory)
    expect((await again.list()).map((s) => s.id)).toEqual([saved.id])
    again.close()
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('test-db')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    expect(raw.version).toBe(DB_VERSION)
    expect([...raw.objectStoreNames].sort()).toEqual(['chunks', 'datasets', 'settings'])
    raw.close()
  })

  it('a database from a newer version of the app (downgrade) falls back to memory', async () => {
    const factory = new IDBFactory()
    await new Promise<void>((resolve) => {
      const request = factory.open('test-db', DB_VERSION + 5)
      request.onsuccess = () => {
        request.result.close()
        resolve()
      }
    })
    const repo = await open(factory)
    expect(repo.status()).toEqual({ mode: 'memory', reason: 'error' })
    expect((await repo.put(datasetOf(1))).persisted).toBe(false)
  })

  it('closes its connection when another tab upgrades, and says so', async () => {
    const factory = new IDBFactory()
    const onBlocking = vi.fn()
    const repo = await open(factory, { onBlocking })
    await new Promise<void>((resolve) => {
      const request = factory.open('test-db', DB_VERSION + 1)
      request.onsuccess = () => {
        request.result.close()
        resolve()
      }
    })
    expect(onBlocking).toHaveBeenCalledOnce()
    expect(repo.status()).toEqual({ mode: 'memory', reason: 'blocked' })
  })
})

describe('without IndexedDB', () => {
  it.each<[string, IDBFactory | null]>([
    ['no IndexedDB at all', null],
    [
      'an IndexedDB that throws on open (private mode)',
      {
        open: () => {
          throw new DOMException('denied', 'SecurityError')
        },
      } as unknown as IDBFactory,
    ],
  ])('%s: works from memory and says so', async (_name, factory) => {
    const repo = await open(factory)
    expect(repo.status()).toEqual({ mode: 'memory', reason: 'unavailable' })
    const a = await repo.put(datasetOf(2, 'A'), { activate: true })
    expect(a.persisted).toBe(false)
    expect(await repo.getActiveId()).toBe(a.id)
    expect((await repo.get(a.id))?.observations).toHaveLength(2)
    await repo.rename(a.id, { zh: '甲', en: 'A' })
    expect((await repo.list()).map((s) => s.name.zh)).toEqual(['甲'])
    await repo.delete(a.id)
    expect(await repo.getActiveId()).toBeNull()
    expect(await repo.list()).toEqual([])
  })

  it.each<[string, unknown, boolean]>([
    ['QuotaExceededError', new DOMException('x', 'QuotaExceededError'), true],
    ['code 22', { name: 'Error', code: 22 }, true],
    ['Firefox wording', new Error('NS_ERROR_DOM_QUOTA_REACHED'), true],
    ['wrapped in an AbortError', { name: 'AbortError', cause: new DOMException('x', 'QuotaExceededError') }, true],
    ['another error', new DOMException('x', 'DataCloneError'), false],
    ['nothing', null, false],
  ])('isQuotaError: %s → %s', (_name, err, expected) => {
    expect(isQuotaError(err)).toBe(expected)
  })
})
