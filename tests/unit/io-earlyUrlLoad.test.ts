import { describe, expect, it, vi } from 'vitest'
import { dataParamOf, startEarlyUrlLoad, takeEarlyUrlLoad } from '../../src/io/earlyUrlLoad'
import type { StartUrlLoadOptions, WorkerJob } from '../../src/io/importClient'
import type { LoadFromUrlResult } from '../../src/io/loadDatasetFromUrl'

/** A stand-in for the worker client: records what it was asked and lets the test send progress. */
function fakeStart() {
  const calls: Array<{ param: string; options: StartUrlLoadOptions; job: WorkerJob<LoadFromUrlResult> }> = []
  const start = (param: string, options: StartUrlLoadOptions): WorkerJob<LoadFromUrlResult> => {
    const job = { result: new Promise<LoadFromUrlResult>(() => undefined), cancel: vi.fn() }
    calls.push({ param, options, job })
    return job
  }
  return { calls, start }
}

describe('the early ?data= load', () => {
  it('reads the data parameter of a hash-routed address', () => {
    expect(dataParamOf('#/targets?data=bench%2Flarge.csv&lang=en')).toBe('bench/large.csv')
    expect(dataParamOf('#/targets?lang=en')).toBeNull()
    expect(dataParamOf('#/targets')).toBeNull()
    expect(dataParamOf('')).toBeNull()
  })

  it('starts nothing without a data parameter', () => {
    const { calls, start } = fakeStart()
    startEarlyUrlLoad('#/overview?lang=en', 'http://host/', start)
    expect(calls).toHaveLength(0)
    expect(takeEarlyUrlLoad('x.csv', () => undefined)).toBeNull()
  })

  it('hands the running load over once, and its progress to whoever took it', () => {
    const { calls, start } = fakeStart()
    startEarlyUrlLoad('#/targets?data=t.csv', 'http://host/#/targets?data=t.csv', start)
    expect(calls.map((c) => [c.param, c.options.baseUrl])).toEqual([['t.csv', 'http://host/#/targets?data=t.csv']])
    const call = calls[0] as (typeof calls)[number]
    // Progress before the hand-over has nobody to go to, and is not an error.
    call.options.onProgress?.({ phase: 'reading', rows: 0, fraction: null })
    const seen: number[] = []
    expect(takeEarlyUrlLoad('t.csv', (p) => seen.push(p.rows))).toBe(call.job)
    call.options.onProgress?.({ phase: 'parsing', rows: 5000, fraction: 0.5 })
    expect(seen).toEqual([5000])
    expect(takeEarlyUrlLoad('t.csv', () => undefined)).toBeNull()
    expect(call.job.cancel).not.toHaveBeenCalled()
  })

  it('cancels an early load of another link than the one the app asks for', () => {
    const { calls, start } = fakeStart()
    startEarlyUrlLoad('#/targets?data=old.csv', 'http://host/', start)
    expect(takeEarlyUrlLoad('new.csv', () => undefined)).toBeNull()
    expect(calls[0]?.job.cancel).toHaveBeenCalledOnce()
  })
})
