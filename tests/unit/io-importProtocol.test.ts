/**
 * A `?data=` request carried in the import worker's name: it must come back exactly as it went,
 * and a name that is not one of ours (any page can name a worker) must not start an import.
 */
import { describe, expect, it } from 'vitest'
import { requestFromWorkerName, workerNameFor, type ImportRequest } from '../../src/io/importProtocol'

describe('the import request in a worker name', () => {
  it('carries a ?data= request, options included, unchanged', () => {
    const request: ImportRequest = {
      type: 'url',
      param: 'data/街道 指标.csv?v=2&x="1"',
      baseUrl: 'https://intra.example/dash/#/targets?data=data%2Fa.csv',
      timeoutMs: 15_000,
      options: { acceptSuggestedMapping: true, periodContext: { year: 2025, asOf: { year: 2025, month: 10 } }, datasetName: { zh: '甲', en: 'A' } },
    }
    const name = workerNameFor(request)
    expect(name).not.toBe('')
    expect(requestFromWorkerName(name)).toEqual(request)
  })

  it('leaves a file import to its message', () => {
    expect(workerNameFor({ type: 'start', input: { kind: 'text', text: 'a,b', name: 'a.csv' }, options: {} })).toBe('')
  })

  it('reads nothing from a name it did not write, or a damaged one', () => {
    const good = workerNameFor({ type: 'url', param: 'a.csv', baseUrl: 'https://x.example/', options: {} })
    expect(requestFromWorkerName('')).toBeNull()
    expect(requestFromWorkerName('importer')).toBeNull()
    expect(requestFromWorkerName(good.slice(0, -1))).toBeNull()
    expect(requestFromWorkerName(good.replace('"url"', '"start"'))).toBeNull()
    expect(requestFromWorkerName(good.replace('"param":"a.csv"', '"param":1'))).toBeNull()
    expect(requestFromWorkerName(good.replace('"options":{}', '"options":null'))).toBeNull()
    expect(requestFromWorkerName('import-url:null')).toBeNull()
    expect(requestFromWorkerName(good)).toEqual({ type: 'url', param: 'a.csv', baseUrl: 'https://x.example/', options: {} })
  })
})
