/**
 * CPU time and fresh memory of Chromium's renderer threads during a load, read from Linux's /proc
 * (npm run bench). Wall-clock figures on a shared 2-core machine move by 10 % from one minute to
 * the next; the CPU each thread used moves far less, and says where a change saved work: on the
 * page's thread, in the import worker, or in V8's helper threads (concurrent garbage collection
 * and compilation), which share the cores with the worker.
 *
 * Fresh memory is counted as minor page faults (pages the process touched for the first time): on
 * a virtual machine each one costs the thread that makes it several microseconds, so memory a load
 * allocates and lets go costs time even when the garbage collector does not.
 *
 * The import worker's thread ends when its import does, and its /proc entry with it: the recorder
 * reads the threads every 100 ms and keeps the last figures of each.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'

export type ThreadGroup = 'page' | 'worker' | 'helpers' | 'other'

export const THREAD_GROUPS: readonly ThreadGroup[] = ['page', 'worker', 'helpers', 'other']

export interface ThreadStat {
  /** The thread's name (`comm`), as Chromium set it. */
  name: string
  /** User and system time, in clock ticks. */
  ticks: number
  minorFaults: number
}

/**
 * The fields of a /proc/<pid>/task/<tid>/stat line that matter here; null when it cannot be read.
 * The name is in parentheses and may itself hold spaces and parentheses: the fields after it are
 * counted from the last ')'.
 */
export function parseThreadStat(line: string): ThreadStat | null {
  const open = line.indexOf('(')
  const close = line.lastIndexOf(')')
  if (open < 0 || close < open) return null
  // After the name: state (field 3), … minflt (10), … utime (14), stime (15).
  const fields = line.slice(close + 2).trim().split(/\s+/)
  const minorFaults = Number(fields[7])
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  if (![minorFaults, utime, stime].every(Number.isFinite)) return null
  return { name: line.slice(open + 1, close), ticks: utime + stime, minorFaults }
}

/** Which part of the page a renderer thread works for, by its name (`main`: it is the process's first thread). */
export function threadGroup(name: string, main: boolean): ThreadGroup {
  if (main) return 'page'
  if (name.startsWith('DedicatedWorker')) return 'worker'
  // Chromium's thread pool, where V8 runs its concurrent marking, sweeping and compiling.
  if (name.startsWith('ThreadPoolForeg')) return 'helpers'
  return 'other'
}

export interface GroupUsage {
  cpuMs: number
  /** Memory touched for the first time, in MB (4 KB pages). */
  freshMB: number
}

export type Usage = Record<ThreadGroup, GroupUsage>

/** Per thread ("pid/tid"): its group and figures. */
export type ThreadTable = Map<string, { group: ThreadGroup; stat: ThreadStat }>

/** What the threads used between two readings; a thread new in `after` counts from zero. */
export function usageBetween(before: ThreadTable, after: ThreadTable, msPerTick: number): Usage {
  const usage = Object.fromEntries(THREAD_GROUPS.map((g) => [g, { cpuMs: 0, freshMB: 0 }])) as Usage
  for (const [key, { group, stat }] of after) {
    const start = before.get(key)?.stat
    const entry = usage[group]
    entry.cpuMs += Math.max(0, stat.ticks - (start?.ticks ?? 0)) * msPerTick
    entry.freshMB += (Math.max(0, stat.minorFaults - (start?.minorFaults ?? 0)) * 4) / 1024
  }
  return usage
}

/** Memory the renderer touched for the first time, all its threads together (MB). */
export function totalFreshMB(usage: Usage): number {
  return THREAD_GROUPS.reduce((sum, group) => sum + usage[group].freshMB, 0)
}

/** Every thread of every Chromium renderer process now running; null where there is no /proc. */
export function readRendererThreads(proc = '/proc'): ThreadTable | null {
  let pids: string[]
  try {
    pids = readdirSync(proc).filter((p) => /^\d+$/.test(p))
  } catch {
    return null
  }
  const table: ThreadTable = new Map()
  for (const pid of pids) {
    try {
      if (!readFileSync(`${proc}/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
      for (const tid of readdirSync(`${proc}/${pid}/task`)) {
        const stat = parseThreadStat(readFileSync(`${proc}/${pid}/task/${tid}/stat`, 'utf8'))
        if (stat) table.set(`${pid}/${tid}`, { group: threadGroup(stat.name, tid === pid), stat })
      }
    } catch {
      // A process or thread that ended while it was being read.
    }
  }
  return table
}

let tickMs: number | null = null

/** Milliseconds per clock tick of /proc's times (USER_HZ, 100 on Linux almost everywhere); asked once. */
function msPerTick(): number {
  if (tickMs === null) {
    let hz = Number.NaN
    try {
      hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    } catch {
      // No getconf: Linux's usual value below.
    }
    tickMs = Number.isFinite(hz) && hz > 0 ? 1000 / hz : 10
  }
  return tickMs
}

/** Reads the renderer threads until `stop`, keeping each thread's last figures; null where there is no /proc. */
export function recordThreadUsage(intervalMs = 100): { stop(): Usage } | null {
  const before = readRendererThreads()
  if (before === null) return null
  const last: ThreadTable = new Map(before)
  const read = (): void => {
    for (const [key, value] of readRendererThreads() ?? []) last.set(key, value)
  }
  const timer = setInterval(read, intervalMs)
  const tick = msPerTick()
  return {
    stop() {
      clearInterval(timer)
      read()
      return usageBetween(before, last, tick)
    },
  }
}
