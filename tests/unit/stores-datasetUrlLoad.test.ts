import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { LoadFromUrlResult } from '../../src/io/loadDatasetFromUrl'

const startUrlLoad = vi.fn()
vi.mock('../../src/io/importClient', () => ({ startUrlLoad: (...args: unknown[]) => startUrlLoad(...args) }))

const { useDatasetStore } = await import('../../src/stores/dataset')

/** A worker job that has read the link: the embedded dataset under another name. */
function loadedJob(name: string) {
  const store = useDatasetStore()
  const dataset = { ...store.embeddedDataset(), name: { zh: name, en: name } }
  const loaded: LoadFromUrlResult = { dataset, issues: [], url: `https://host/${name}`, result: null }
  return { result: Promise.resolve(loaded), cancel: vi.fn() }
}

describe('a ?data= link asked for more than once', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    startUrlLoad.mockReset()
    vi.stubGlobal('location', { href: 'https://host/#/targets' })
  })

  it('loads once when asked again after the load ended and nothing else was activated (the app asks twice at start)', async () => {
    const store = useDatasetStore()
    startUrlLoad.mockImplementation(() => loadedJob('a.csv'))
    await store.loadFromUrl('a.csv')
    const shown = store.dataset
    await store.loadFromUrl('a.csv')
    expect(startUrlLoad).toHaveBeenCalledTimes(1)
    expect(store.dataset).toBe(shown)
  })

  it('shares a load still running, and loads again once other data was activated or another link asked for', async () => {
    const store = useDatasetStore()
    startUrlLoad.mockImplementation(() => loadedJob('a.csv'))
    await Promise.all([store.loadFromUrl('a.csv'), store.loadFromUrl('a.csv')])
    expect(startUrlLoad).toHaveBeenCalledTimes(1)
    store.activateEmbedded()
    await store.loadFromUrl('a.csv')
    expect(startUrlLoad).toHaveBeenCalledTimes(2)
    await store.loadFromUrl('b.csv')
    await store.loadFromUrl('a.csv')
    expect(startUrlLoad).toHaveBeenCalledTimes(4)
  })
})
