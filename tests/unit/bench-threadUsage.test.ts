/**
 * The benchmark's per-thread CPU and fresh memory (bench/threadUsage.ts), read from a /proc laid
 * out in a temporary folder the way Linux lays it out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseThreadStat, readRendererThreads, threadGroup, totalFreshMB, usageBetween, type ThreadTable } from '../../bench/threadUsage'

/** A stat line with the given name, minor faults and user/system ticks (other fields as Linux has them). */
function statLine(tid: number, name: string, minflt: number, utime: number, stime: number): string {
  return `${tid} (${name}) S 1 ${tid} ${tid} 0 -1 4194560 ${minflt} 0 0 0 ${utime} ${stime} 0 0 20 0 12 0 5000 100000 200 0 0 0 0`
}

describe('reading a thread’s stat line', () => {
  it('takes the name, the CPU ticks and the minor faults', () => {
    expect(parseThreadStat(statLine(7, 'DedicatedWorker thread', 1200, 250, 30))).toEqual({ name: 'DedicatedWorker thread', ticks: 280, minorFaults: 1200 })
  })

  it('reads the fields after the last parenthesis, whatever the name holds', () => {
    expect(parseThreadStat(statLine(8, 'odd) name (x', 5, 1, 2))).toEqual({ name: 'odd) name (x', ticks: 3, minorFaults: 5 })
  })

  it('refuses a line it cannot read', () => {
    expect(parseThreadStat('')).toBeNull()
    expect(parseThreadStat('12 (short) S 1')).toBeNull()
  })
})

describe('the thread groups', () => {
  it('are the page’s thread, the worker, V8’s helpers and the rest', () => {
    expect(threadGroup('chromium', true)).toBe('page')
    expect(threadGroup('DedicatedWorker thread', false)).toBe('worker')
    expect(threadGroup('ThreadPoolForegroundWorker', false)).toBe('helpers')
    expect(threadGroup('Compositor', false)).toBe('other')
  })
})

describe('usage between two readings', () => {
  const entry = (group: 'page' | 'worker' | 'helpers' | 'other', ticks: number, minorFaults: number) => ({ group, stat: { name: group, ticks, minorFaults } })

  it('sums the differences per group, in ms and MB, and counts a new thread from zero', () => {
    const before: ThreadTable = new Map([
      ['1/1', entry('page', 100, 1000)],
      ['1/3', entry('helpers', 10, 0)],
    ])
    const after: ThreadTable = new Map([
      ['1/1', entry('page', 150, 1256)],
      ['1/3', entry('helpers', 40, 512)],
      ['1/9', entry('worker', 300, 25_600)], // started during the load
    ])
    const usage = usageBetween(before, after, 10)
    expect(usage.page).toEqual({ cpuMs: 500, freshMB: 1 })
    expect(usage.helpers).toEqual({ cpuMs: 300, freshMB: 2 })
    expect(usage.worker).toEqual({ cpuMs: 3000, freshMB: 100 })
    expect(usage.other).toEqual({ cpuMs: 0, freshMB: 0 })
    expect(totalFreshMB(usage)).toBe(103)
  })
})

describe('the renderer threads of a /proc', () => {
  let proc: string | null = null
  afterEach(() => {
    if (proc) rmSync(proc, { recursive: true, force: true })
    proc = null
  })

  function fakeProcess(root: string, pid: number, cmdline: string, threads: Array<[number, string, number, number]>): void {
    mkdirSync(join(root, String(pid), 'task'), { recursive: true })
    writeFileSync(join(root, String(pid), 'cmdline'), cmdline.split(' ').join('\0'))
    for (const [tid, name, minflt, utime] of threads) {
      mkdirSync(join(root, String(pid), 'task', String(tid)))
      writeFileSync(join(root, String(pid), 'task', String(tid), 'stat'), statLine(tid, name, minflt, utime, 0))
    }
  }

  it('lists only renderers’ threads, the first of each as the page’s', () => {
    const root = mkdtempSync(join(tmpdir(), 'proc-'))
    proc = root
    fakeProcess(root, 40, '/usr/lib/chromium/chromium --type=renderer --lang=zh-CN', [
      [40, 'chromium', 9000, 400],
      [41, 'DedicatedWorker thread', 100_000, 300],
      [42, 'ThreadPoolForegroundWorker', 5000, 200],
    ])
    fakeProcess(root, 50, '/usr/lib/chromium/chromium --type=gpu-process', [[50, 'chromium', 1, 1]])
    mkdirSync(join(root, 'self'))
    const threads = readRendererThreads(root)
    expect(threads && [...threads].map(([key, { group }]) => [key, group]).sort()).toEqual([
      ['40/40', 'page'],
      ['40/41', 'worker'],
      ['40/42', 'helpers'],
    ])
  })

  it('is null where there is no /proc (not Linux)', () => {
    expect(readRendererThreads(join(tmpdir(), 'no-such-proc-here'))).toBeNull()
  })
})
