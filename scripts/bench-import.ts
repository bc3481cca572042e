/**
 * npm run bench:import [-- file.csv] [--runs=N] [--arriving] [--against=DIR]
 *
 * Times `runImport` in Node on the large interchange table (bench/out/large.csv, written by
 * `npm run gen:large` and generated here when missing): per phase (from the progress callback's
 * phase changes) and in total, over several runs, with the median. It also prints a hash of the
 * result (dataset, issues, preview, mapping and stats without elapsedMs), so a change meant to make
 * the import faster can show that it did not change what the import produces. The import is asked
 * for its observations as columns, as the worker asks (`observationsAs`); "encode" is the time of
 * `encodeObservations` on a result that came as objects instead (a tree from before that option,
 * with --against): what its worker ran before posting it (not in the total, nor in the CPU time).
 *
 * Before and after in the same minute (timings on a shared machine drift): --against=DIR runs the
 * `runImport` of another checkout (e.g. `git worktree add /tmp/before <commit>`) in turn with this
 * one, run by run, and prints both. --arriving also runs this tree's `runImport` on the file as it
 * reaches the worker from a `?data=` link (64 KB pieces, read as they come: `ArrivingText`), in turn
 * with the same bytes given at once; both must give the same hash.
 *
 * For a CPU profile: node --import tsx --cpu-prof scripts/bench-import.ts --runs=1
 * For memory: node --expose-gc --import tsx scripts/bench-import.ts --memory prints the live heap
 * (after a full GC) as each phase starts and once the result is built; timings are then meaningless.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { ArrivingText, type ByteSource } from '../src/io/arrivingText'
import { runImport, type ArrivingInput, type ImportInput, type ImportPhase } from '../src/io/importPipeline'
import { decodeObservations, encodeObservations } from '../src/io/observationTransfer'
import type { ImportResult } from '../src/io/importResult'
import { DEFAULT_LARGE_PATH, writeLargeTable } from './gen-large'

const PHASES: readonly ImportPhase[] = ['reading', 'parsing', 'mapping', 'validating']

interface Run {
  total: number
  /** CPU time of the process (all its threads, the garbage collector's included): less noisy than the clock on a shared machine. */
  cpu: number
  phases: Record<ImportPhase, number>
  /** Clock time of `encodeObservations` on the result: what the worker does next, before posting it. */
  encode: number
  result: ImportResult
}

/**
 * A hash of everything the import returns except how long it took. JSON of the result with its
 * object keys sorted, so the hash depends on the content and not on the order keys were set in.
 */
export function resultHash(result: ImportResult): string {
  const { elapsedMs: _elapsed, ...stats } = result.stats
  const content = { ...result, stats }
  const hash = createHash('sha256')
  // Written in batches: one hash.update per value would take longer than the import itself.
  const parts: string[] = []
  const write = (value: unknown): void => {
    if (value === null || typeof value !== 'object') {
      // JSON.stringify(undefined) is undefined: write it out so {a: undefined} and {} differ.
      parts.push(value === undefined ? 'undefined' : JSON.stringify(value))
    } else if (Array.isArray(value)) {
      parts.push('[')
      for (const item of value) {
        write(item)
        parts.push(',')
      }
      parts.push(']')
    } else {
      parts.push('{')
      for (const key of Object.keys(value).sort()) {
        parts.push(JSON.stringify(key), ':')
        write((value as Record<string, unknown>)[key])
        parts.push(',')
      }
      parts.push('}')
    }
    if (parts.length > 10_000) hash.update(parts.splice(0).join(''))
  }
  write(content)
  hash.update(parts.join(''))
  return hash.digest('hex').slice(0, 16)
}

/** Live heap after a full collection, in MB (needs --expose-gc). */
function liveHeapMB(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return Math.round(process.memoryUsage().heapUsed / 1e6)
}

async function memoryOnce(bytes: Uint8Array, name: string): Promise<void> {
  if ((globalThis as { gc?: () => void }).gc === undefined) throw new Error('--memory needs node --expose-gc')
  const live: string[] = [`before ${liveHeapMB()} MB`]
  let phase: ImportPhase | null = null
  // What the worker holds: the observations as columns.
  const options = { acceptSuggestedMapping: true, observationsAs: 'columns' } as const
  const result = await runImport({ kind: 'bytes', bytes, name }, options, (progress) => {
    if (progress.phase === phase) return
    phase = progress.phase
    live.push(`${phase} ${liveHeapMB()} MB`)
  })
  live.push(`result ${liveHeapMB()} MB`)
  const { observationColumns, ...rest } = result
  const dataset = observationColumns && rest.dataset && { ...rest.dataset, observations: decodeObservations(observationColumns) }
  live.push(`(${result.stats.validRows.toLocaleString('en')} rows, ${resultHash({ ...rest, dataset: dataset ?? rest.dataset })})`)
  console.log(`live heap as each phase starts: ${live.join(' · ')}`)
}

type RunImport = typeof runImport
type Encode = typeof encodeObservations
type InputOf = (bytes: Uint8Array, name: string) => ImportInput | ArrivingInput

const atOnce: InputOf = (bytes, name) => ({ kind: 'bytes', bytes, name })

/** The bytes as a response body brings them: 64 KB at a time. */
const arriving: InputOf = (bytes, name) => {
  let at = 0
  const source: ByteSource = {
    read: async () => {
      if (at >= bytes.length) return null
      const piece = bytes.subarray(at, at + 64 * 1024)
      at += piece.length
      return piece
    },
    cancel: async () => undefined,
  }
  return { kind: 'arriving', text: new ArrivingText(source, Number.POSITIVE_INFINITY, bytes.length), name }
}

async function timeOne(run: RunImport, encode: Encode, input: ImportInput | ArrivingInput): Promise<Run> {
  const phases: Record<ImportPhase, number> = { reading: 0, parsing: 0, mapping: 0, validating: 0 }
  // The phase now running and since when; an object because the progress callback changes it.
  const current: { phase: ImportPhase | null; since: number } = { phase: null, since: 0 }
  const endPhase = (now: number): void => {
    if (current.phase !== null) phases[current.phase] += now - current.since
  }
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  // As the import worker asks (a tree from before `observationsAs` ignores it and gives objects).
  const result = await run(input, { acceptSuggestedMapping: true, observationsAs: 'columns' }, (progress) => {
    if (progress.phase === current.phase) return
    const now = performance.now()
    endPhase(now)
    current.phase = progress.phase
    current.since = now
  })
  const end = performance.now()
  const cpu = process.cpuUsage(cpuStarted)
  endPhase(end)
  const { observationColumns, ...rest } = result
  if (observationColumns !== undefined) {
    // Columns already, as the worker posts them: nothing to encode. Made objects here (untimed),
    // so the hash is that of the same result as a tree that gives objects.
    const dataset = rest.dataset && { ...rest.dataset, observations: decodeObservations(observationColumns) }
    return { total: end - started, cpu: (cpu.user + cpu.system) / 1000, phases, encode: 0, result: { ...rest, dataset } }
  }
  const encodeStarted = performance.now()
  encode(result.dataset?.observations ?? [])
  const encodeMs = performance.now() - encodeStarted
  return { total: end - started, cpu: (cpu.user + cpu.system) / 1000, phases, encode: encodeMs, result }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const ms = (n: number): string => `${Math.round(n).toString().padStart(6)} ms`

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const path = args.find((a) => !a.startsWith('--')) ?? DEFAULT_LARGE_PATH
  const runsFlag = args.find((a) => a.startsWith('--runs='))
  const runs = runsFlag ? Math.max(1, Number(runsFlag.slice('--runs='.length)) || 1) : 5
  if (!existsSync(path)) {
    if (resolve(path) !== resolve(DEFAULT_LARGE_PATH)) throw new Error(`${path} does not exist`)
    console.log(`${path} is missing: generating it (npm run gen:large)…`)
    await writeLargeTable(path)
  }
  const bytes = new Uint8Array(readFileSync(path))
  if (args.includes('--memory')) {
    await memoryOnce(bytes, path)
    return
  }
  const againstFlag = args.find((a) => a.startsWith('--against='))
  const imports: Array<{ label: string; run: RunImport; encode: Encode; input: InputOf; runs: Run[]; hashes: Set<string> }> = [
    { label: 'this tree', run: runImport, encode: encodeObservations, input: atOnce, runs: [], hashes: new Set() },
  ]
  if (args.includes('--arriving')) {
    imports.push({ label: 'this tree, arriving', run: runImport, encode: encodeObservations, input: arriving, runs: [], hashes: new Set() })
  }
  if (againstFlag) {
    const dir = resolve(againstFlag.slice('--against='.length))
    const other = (await import(`${dir}/src/io/importPipeline.ts`)) as { runImport: RunImport }
    const codec = (await import(`${dir}/src/io/observationTransfer.ts`)) as { encodeObservations: Encode }
    imports.unshift({ label: dir, run: other.runImport, encode: codec.encodeObservations, input: atOnce, runs: [], hashes: new Set() })
  }
  console.log(`runImport on ${path} (${(bytes.byteLength / 1e6).toFixed(1)} MB), ${runs} run(s), Node ${process.version}`)

  for (let i = 0; i < runs; i++) {
    for (const subject of imports) {
      const run = await timeOne(subject.run, subject.encode, subject.input(bytes, path))
      const hash = resultHash(run.result)
      subject.hashes.add(hash)
      const { stats } = run.result
      console.log(
        `${imports.length > 1 ? `${subject.label}, ` : ''}run ${i + 1}: ${PHASES.map((p) => `${p} ${ms(run.phases[p])}`).join(' · ')} · total ${ms(run.total)} (cpu ${ms(run.cpu)}) · encode ${ms(run.encode)}` +
          ` · ${run.result.status}, ${stats.validRows.toLocaleString('en')} valid rows, ${run.result.issues.length} issues · ${hash}`,
      )
      subject.runs.push({ ...run, result: { ...run.result, dataset: null } }) // keep the timings, not 360,000 rows per run
      // Let the dataset of this run go before the next one, so runs do not time each other's garbage.
      ;(globalThis as { gc?: () => void }).gc?.()
    }
  }
  for (const { label, runs: all, hashes } of imports) {
    console.log(
      `${imports.length > 1 ? `${label}, ` : ''}median: ${PHASES.map((p) => `${p} ${ms(median(all.map((r) => r.phases[p])))}`).join(' · ')} · total ${ms(median(all.map((r) => r.total)))} (cpu ${ms(median(all.map((r) => r.cpu)))}) · encode ${ms(median(all.map((r) => r.encode)))}`,
    )
    console.log(`${imports.length > 1 ? `${label}, ` : ''}result hash: ${[...hashes].join(', ')}${hashes.size > 1 ? '  (runs differ!)' : ''}`)
  }
  const heap = process.memoryUsage()
  console.log(`memory after the runs: heap used ${(heap.heapUsed / 1e6).toFixed(0)} MB, rss ${(heap.rss / 1e6).toFixed(0)} MB`)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    process.exit(1)
  })
}
