/**
 * npm run bench [-- --runs=N] [--quick] [--changes=N] [--throttle=N] [--no-build] [--no-large] [--app=DIR] [--mbps=N] [--gzip] [--against=DIR]
 *
 * Measures the dashboard against a reference page (bench/reference: one ECharts bar chart with the
 * same Vue and ECharts) in Debian's Chromium with the CPU throttled 4×, and prints medians of N
 * cold loads (a new browser context each, so nothing is cached):
 *
 *   - initial transfer: the JS and CSS the page requested before its first 'dashboard:ready' mark,
 *     gzip-compressed (level 9) from the served files;
 *   - time to 'dashboard:ready' on the embedded data (#/targets), and on the large synthetic table
 *     (npm run gen:large, 360,000 rows) through ?data= from the same server, split where the import
 *     worker's result reaches the page (the 'import:received' mark), with when the worker reached
 *     each step of the import (the 'import:<step>' marks the page makes from the worker's timeline),
 *     and the page's part split where its rows are rebuilt from the worker's columns ('import:rebuilt');
 *   - filter change latency on the large table: a district, indicator or period chosen in the
 *     header's pickers until the next 'dashboard:ready' (p50 and p95 over every change);
 *   - JS heap after loading the large table (after a forced garbage collection).
 *
 * Every figure is also given as a ratio to the reference's. Both pages are built into bench/out/
 * (never dist/, which other work may be rebuilding) and served on loopback. Results:
 * bench/out/results.json. --quick: 2 cold loads and fewer changes, for a smoke run. --mbps=N sends
 * the large table at N Mbit/s, as a slow intranet would (loopback is otherwise as fast as the CPU);
 * --gzip sends it gzip-compressed (Content-Encoding), as a server set up to compress would.
 *
 * --against=DIR (another build of the app, e.g. `git worktree add /tmp/before <commit>` and
 * `npx vite build --outDir /tmp/before-dist` there): its embedded and large loads are made in turn
 * with this build's, load by load, the order swapped every run, and a second table compares the two
 * builds' medians (bench/out/results-against.json). On a shared machine whose speed drifts from one
 * minute to the next, that is the way to tell whether a change made the dashboard faster.
 *
 * The throttle applies to the page's thread only, and Chromium holds a whole core while it throttles
 * (an idle page at 4× used 2.8 s of CPU in 3 s): the import worker, not throttled, shares what is
 * left with the browser. On 2 cores that is one core; the README's Performance section has the figures.
 *
 * On Linux the large load's CPU is also given per thread (`bench/threadUsage.ts`, from /proc): the
 * page's (its throttle's spinning included), the import worker's, and V8's helper threads' (garbage
 * collection and compiling, which compete with the worker for the cores), with the memory the
 * renderer touched for the first time. These move far less between runs than the times do.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { launchChromium } from '../tests/e2e/harness'
import { IMPORT_REBUILT_MARK, IMPORT_RECEIVED_MARK, IMPORT_STEP_MARK_PREFIX } from '../src/io/importClient'
import { serveStatic, type StaticServer } from '../bench/server'
import {
  formatComparison,
  formatMarkdown,
  formatTable,
  median,
  parseBenchArgs,
  percentile,
  ratio,
  type BenchArgs,
  type ComparisonRow,
  type MetricRow,
} from '../bench/stats'
import { largeTableSummary } from '../bench/largeTable'
import { recordThreadUsage, totalFreshMB, type Usage } from '../bench/threadUsage'
import { DEFAULT_LARGE_PATH, writeLargeTable } from './gen-large'

const OUT = resolve('bench/out')
const APP_DIR = resolve(OUT, 'app')
const REF_DIR = resolve(OUT, 'reference')
const LARGE_CSV = resolve(DEFAULT_LARGE_PATH)
const LARGE_URL_PATH = '/bench-data/large.csv'
const VIEWPORT = { width: 1920, height: 1080 }
const LOAD_TIMEOUT_MS = 300_000
/** The import worker's steps, as its timeline names them (`ImportTimeline`). */
const WORKER_STEPS = ['start', 'reading', 'parsing', 'mapping', 'validating', 'posting'] as const

/**
 * Installed before any page script: records each 'dashboard:ready' mark with its time, whether the
 * ?data= table was active then (the dashboard shows its source banner), and the resources fetched
 * so far; and the time of the last <select> change (the start of a filter change). Plain JS text,
 * so no transpiler helper ends up in the page.
 */
const PAGE_HOOK = `(() => {
  const bench = { marks: [], t0: null, frame: null, imports: {} }
  Object.defineProperty(window, '__bench', { value: bench })
  // An interaction starts: note the time, and when the first frame after it has been drawn (the
  // task after the next animation frame, by when Vue has updated and ECharts has painted once).
  bench.start = () => {
    bench.t0 = performance.now()
    bench.frame = null
    requestAnimationFrame(() => setTimeout(() => { bench.frame = performance.now() }, 0))
  }
  const mark = performance.mark.bind(performance)
  performance.mark = function (name, options) {
    const entry = mark(name, options)
    // The worker's steps and 'import:received' (IMPORT_RECEIVED_MARK) share the prefix.
    if (name.startsWith('${IMPORT_STEP_MARK_PREFIX}') && !(name in bench.imports)) bench.imports[name] = entry.startTime
    if (name === 'dashboard:ready') {
      bench.marks.push({
        t: entry.startTime,
        urlData: document.querySelector('[data-testid="dataset-source"]') !== null,
        resources: performance.getEntriesByType('resource').map((e) => e.name),
      })
    }
    return entry
  }
  document.addEventListener('change', () => bench.start(), true)
  // The reference page redraws on hashchange: its first frame is counted from after its redraw
  // started (this listener runs after the page's own, registered at mount).
  bench.startOnHashChange = (hash) => {
    bench.t0 = performance.now()
    bench.frame = null
    addEventListener('hashchange', () => requestAnimationFrame(() => setTimeout(() => { bench.frame = performance.now() }, 0)), { once: true })
    location.hash = hash
  }
})()`

interface PageMark {
  t: number
  urlData: boolean
  resources: string[]
}

/** What PAGE_HOOK puts on the page's window. */
interface BenchWindow {
  __bench: { marks: PageMark[]; t0: number | null; frame: number | null; imports: Record<string, number> }
}

interface Transfer {
  js: number
  css: number
  files: string[]
}

interface LoadSample {
  readyMs: number
  /** When the import worker's result reached the page (a ?data= load), or null. */
  receivedMs?: number | null
  /** When the page had rebuilt that result's observations (before indexing and drawing them), or null. */
  rebuiltMs?: number | null
  /** When the worker reached each step of that import ('start', 'reading', … 'posting'). */
  workerSteps?: Record<string, number>
  transfer: Transfer
  heapMB: number | null
  /** Per interaction: until the next mark (`ms`), and until the first frame drawn after it (`frameMs`). */
  changes: { kind: string; ms: number; frameMs: number | null }[]
  /** CPU and fresh memory of the renderer's threads until ready (a ?data= load, on Linux), or null. */
  threads?: Usage | null
}

/** Milliseconds from one mark to another, or null when either is missing. */
function between(from: number | null | undefined, to: number | null | undefined): number | null {
  return from === null || from === undefined || to === null || to === undefined ? null : to - from
}

function log(message: string): void {
  process.stdout.write(`${message}\n`)
}

async function buildPages(): Promise<void> {
  const started = Date.now()
  // The app with its own config (plugins, CSP, manifest), into bench/out/app instead of dist/.
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: APP_DIR, emptyOutDir: true },
  })
  // The reference page: plain Vite, the same Vue flags the Vue plugin sets for the app.
  await build({
    configFile: false,
    root: resolve('bench/reference'),
    base: './',
    logLevel: 'warn',
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: { outDir: REF_DIR, emptyOutDir: true, target: 'es2022' },
  })
  log(`built app and reference into ${OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const gzipCache = new Map<string, number>()
function gzipSize(file: string): number {
  let size = gzipCache.get(file)
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).length
    gzipCache.set(file, size)
  }
  return size
}

/** Gzipped JS and CSS among the same-origin resources a page had requested. */
function transferOf(server: StaticServer, resources: readonly string[]): Transfer {
  const transfer: Transfer = { js: 0, css: 0, files: [] }
  for (const name of new Set(resources)) {
    const url = new URL(name)
    if (url.origin !== server.origin) continue
    const file = server.fileFor(url.pathname)
    if (file === null) continue
    if (file.endsWith('.js') || file.endsWith('.mjs')) transfer.js += gzipSize(file)
    else if (file.endsWith('.css')) transfer.css += gzipSize(file)
    else continue
    transfer.files.push(url.pathname)
  }
  transfer.files.sort()
  return transfer
}

async function readMarks(page: Page): Promise<PageMark[]> {
  return (await page.evaluate('window.__bench.marks')) as PageMark[]
}

async function waitForMarks(page: Page, count: number, timeout: number): Promise<PageMark[]> {
  // A function, not a string: the dashboard's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction((n) => (window as unknown as BenchWindow).__bench.marks.length >= n, count, { timeout, polling: 20 })
  return readMarks(page)
}

/** The last interaction's times: to the given mark, and to its first frame. */
async function interactionTimes(page: Page, mark: PageMark): Promise<{ ms: number; frameMs: number | null }> {
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.frame !== null, undefined, { timeout: 30_000, polling: 20 })
  const { t0, frame } = (await page.evaluate('({ t0: window.__bench.t0, frame: window.__bench.frame })')) as { t0: number; frame: number }
  return { ms: mark.t - t0, frameMs: frame - t0 }
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize / 1024 / 1024
}

interface OpenPage {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  errors: string[]
}

async function openPage(browser: Browser, throttle: number): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  await page.addInitScript({ content: PAGE_HOOK })
  return { context, page, cdp, errors }
}

/** One cold load of the reference page, and `changes` redraws with other numbers. */
async function referenceLoad(browser: Browser, server: StaticServer, args: BenchArgs, changes: number): Promise<LoadSample> {
  const { context, page, cdp, errors } = await openPage(browser, args.throttle)
  try {
    await page.goto(`${server.origin}/index.html`)
    const marks = await waitForMarks(page, 1, LOAD_TIMEOUT_MS)
    const first = marks[0] as PageMark
    const sample: LoadSample = { readyMs: first.t, transfer: transferOf(server, first.resources), heapMB: await heapMB(cdp), changes: [] }
    for (let i = 1; i <= changes; i++) {
      await page.evaluate(`window.__bench.startOnHashChange('#${i}')`)
      const after = await waitForMarks(page, marks.length + i, 30_000)
      sample.changes.push({ kind: 'redraw', ...(await interactionTimes(page, after.at(-1) as PageMark)) })
    }
    if (errors.length > 0) throw new Error(`reference page errors: ${errors.join('; ')}`)
    return sample
  } finally {
    await context.close()
  }
}

/** One cold load of the dashboard on the embedded data (#/targets). */
async function appEmbeddedLoad(browser: Browser, server: StaticServer, args: BenchArgs): Promise<LoadSample> {
  const { context, page, errors } = await openPage(browser, args.throttle)
  try {
    await page.goto(`${server.origin}/#/targets`)
    const marks = await waitForMarks(page, 1, LOAD_TIMEOUT_MS)
    const first = marks[0] as PageMark
    if (errors.length > 0) throw new Error(`dashboard errors: ${errors.join('; ')}`)
    return { readyMs: first.t, transfer: transferOf(server, first.resources), heapMB: null, changes: [] }
  } finally {
    await context.close()
  }
}

interface PickerOption {
  value: string
  text: string
}

async function optionsOf(page: Page, testId: string): Promise<PickerOption[]> {
  return page
    .getByTestId(testId)
    .locator('option')
    .evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: (e.textContent ?? '').trim() })))
}

/**
 * One cold load of the dashboard with ?data= naming the large table, then filter changes: a district,
 * an indicator, a period, in turn, each timed from the <select>'s change event to the next mark.
 */
async function appLargeLoad(browser: Browser, server: StaticServer, args: BenchArgs, run: number): Promise<LoadSample> {
  const { context, page, cdp, errors } = await openPage(browser, args.throttle)
  try {
    const threads = recordThreadUsage()
    await page.goto(`${server.origin}/#/targets?data=${encodeURIComponent(LARGE_URL_PATH.slice(1))}`)
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.marks.some((m) => m.urlData), undefined, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 50,
    })
    const threadUsage = threads?.stop() ?? null
    const marks = await readMarks(page)
    const ready = marks.find((m) => m.urlData) as PageMark
    const imports = (await page.evaluate('window.__bench.imports')) as Record<string, number>
    const sample: LoadSample = {
      readyMs: ready.t,
      receivedMs: imports[IMPORT_RECEIVED_MARK] ?? null,
      rebuiltMs: imports[IMPORT_REBUILT_MARK] ?? null,
      workerSteps: Object.fromEntries(
        WORKER_STEPS.flatMap((step) => {
          const t = imports[IMPORT_STEP_MARK_PREFIX + step]
          return t === undefined ? [] : [[step, t]]
        }),
      ),
      transfer: transferOf(server, ready.resources),
      heapMB: await heapMB(cdp),
      changes: [],
      threads: threadUsage,
    }

    const districts = (await optionsOf(page, 'region-picker')).filter((o) => o.value !== '' && /区$/.test(o.text))
    const indicators = (await optionsOf(page, 'indicator-picker')).filter((o) => o.value !== '')
    const periods = (await optionsOf(page, 'period-picker')).filter((o) => o.value !== '')
    const kinds: Array<[string, string, PickerOption[]]> = [
      ['district', 'region-picker', districts],
      ['indicator', 'indicator-picker', indicators],
      ['period', 'period-picker', periods],
    ]
    let count = marks.length
    for (let i = 0; i < args.changes; i++) {
      for (const [kind, testId, options] of kinds) {
        if (options.length === 0) continue
        // Spread over the options, different in each run (deterministically).
        const option = options[(i * 7 + run * 3 + 1) % options.length] as PickerOption
        const current = await page.getByTestId(testId).inputValue()
        const value = option.value === current ? (options[(options.indexOf(option) + 1) % options.length] as PickerOption).value : option.value
        await page.getByTestId(testId).selectOption(value)
        const after = await waitForMarks(page, count + 1, 60_000)
        sample.changes.push({ kind, ...(await interactionTimes(page, after[count] as PageMark)) })
        // Let a straggling mark of the same change land before the next change starts.
        await page.waitForTimeout(150)
        count = (await readMarks(page)).length
      }
    }
    if (errors.length > 0) throw new Error(`dashboard errors: ${errors.join('; ')}`)
    return sample
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2))
  const started = Date.now()
  mkdirSync(OUT, { recursive: true })
  if (!args.noBuild || !existsSync(resolve(APP_DIR, 'index.html')) || !existsSync(resolve(REF_DIR, 'index.html'))) await buildPages()
  const expectedRows = largeTableSummary().rows
  if (!args.noLarge && !existsSync(LARGE_CSV)) {
    const { rows, bytes } = await writeLargeTable(LARGE_CSV)
    log(`generated ${DEFAULT_LARGE_PATH}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB`)
  }

  const app = await serveStatic(args.appDir === null ? APP_DIR : resolve(args.appDir), { [LARGE_URL_PATH]: LARGE_CSV }, {
    extraBytesPerSecond: args.mbps === null ? null : (args.mbps * 1e6) / 8,
    gzipExtra: args.gzip,
  })
  const ref = await serveStatic(REF_DIR)
  const other =
    args.against === null
      ? null
      : await serveStatic(resolve(args.against), { [LARGE_URL_PATH]: LARGE_CSV }, {
          extraBytesPerSecond: args.mbps === null ? null : (args.mbps * 1e6) / 8,
          gzipExtra: args.gzip,
        })
  const browser = await launchChromium()
  const version = browser.version()
  const samples = { reference: [] as LoadSample[], embedded: [] as LoadSample[], large: [] as LoadSample[] }
  const againstSamples = { embedded: [] as LoadSample[], large: [] as LoadSample[] }
  try {
    // Warm-up (not counted): the OS file cache and Chromium's own start-up costs.
    await referenceLoad(browser, ref, args, 0)
    await appEmbeddedLoad(browser, app, args)
    if (other) await appEmbeddedLoad(browser, other, args)
    for (let run = 0; run < args.runs; run++) {
      // Interleaved, so a slower moment of the machine touches both pages alike (and both builds,
      // in an order swapped every run).
      samples.reference.push(await referenceLoad(browser, ref, args, args.changes * 3))
      const builds: Array<[StaticServer, { embedded: LoadSample[]; large: LoadSample[] }]> = [[app, samples]]
      if (other) builds.splice(run % 2, 0, [other, againstSamples])
      for (const [server, into] of builds) into.embedded.push(await appEmbeddedLoad(browser, server, args))
      if (!args.noLarge) for (const [server, into] of builds) into.large.push(await appLargeLoad(browser, server, args, run))
      const last = samples.large.at(-1)
      log(
        `run ${run + 1}/${args.runs}: reference ${Math.round(samples.reference.at(-1)?.readyMs ?? 0)} ms, ` +
          `embedded ${Math.round(samples.embedded.at(-1)?.readyMs ?? 0)} ms` +
          (last
            ? `, large ${Math.round(last.readyMs)} ms (worker ${WORKER_STEPS.map((step) => `${step} ${Math.round(last.workerSteps?.[step] ?? Number.NaN)}`).join(', ')}; table in at ${Math.round(last.receivedMs ?? 0)} ms, rows rebuilt at ${Math.round(last.rebuiltMs ?? Number.NaN)} ms), heap ${last.heapMB?.toFixed(1)} MB, changes ${last.changes.map((c) => Math.round(c.ms)).join('/')} ms`
            : ''),
      )
      const otherLast = againstSamples.large.at(-1)
      if (other) log(`  against: embedded ${Math.round(againstSamples.embedded.at(-1)?.readyMs ?? 0)} ms${otherLast ? `, large ${Math.round(otherLast.readyMs)} ms (table in at ${Math.round(otherLast.receivedMs ?? 0)} ms)` : ''}`)
    }
  } finally {
    await browser.close()
    await app.close()
    await ref.close()
    await other?.close()
  }

  const med = (list: readonly LoadSample[], pick: (s: LoadSample) => number | null): number | null => {
    const values = list.map(pick).filter((v): v is number => v !== null)
    return values.length === 0 ? null : median(values)
  }
  const refReady = med(samples.reference, (s) => s.readyMs)
  const refJs = med(samples.reference, (s) => s.transfer.js)
  const refCss = med(samples.reference, (s) => s.transfer.css)
  const refHeap = med(samples.reference, (s) => s.heapMB)
  const refChanges = samples.reference.flatMap((s) => s.changes.map((c) => c.ms))
  const changes = samples.large.flatMap((s) => s.changes.map((c) => c.ms))
  const refP50 = refChanges.length > 0 ? percentile(refChanges, 50) : null
  const refP95 = refChanges.length > 0 ? percentile(refChanges, 95) : null
  const frames = (list: readonly LoadSample[]): number[] =>
    list.flatMap((s) => s.changes.flatMap((c) => (c.frameMs === null ? [] : [c.frameMs])))
  const refFrames = frames(samples.reference)
  const appFrames = frames(samples.large)
  const row = (
    id: string,
    label: string,
    unit: MetricRow['unit'],
    appValue: number | null,
    reference: number | null,
    samplesCount: number,
    target?: { text: string; pass: (value: number, r: number | null) => boolean },
  ): MetricRow => {
    const r = ratio(appValue, reference)
    const result: MetricRow = { id, label, unit, app: appValue, reference, ratio: r, samples: samplesCount }
    if (target) {
      result.target = target.text
      if (appValue !== null) result.pass = target.pass(appValue, r)
    }
    return result
  }
  const embeddedJs = med(samples.embedded, (s) => s.transfer.js)
  const embeddedCss = med(samples.embedded, (s) => s.transfer.css)
  const rows: MetricRow[] = [
    row('transfer.js', 'initial JS (gzip)', 'bytes', embeddedJs, refJs, samples.embedded.length),
    row('transfer.css', 'initial CSS (gzip)', 'bytes', embeddedCss, refCss, samples.embedded.length),
    row(
      'transfer.total',
      'initial JS+CSS (gzip)',
      'bytes',
      embeddedJs === null || embeddedCss === null ? null : embeddedJs + embeddedCss,
      refJs === null || refCss === null ? null : refJs + refCss,
      samples.embedded.length,
    ),
    row('ready.embedded', 'ready, embedded data (#/targets)', 'ms', med(samples.embedded, (s) => s.readyMs), refReady, samples.embedded.length, {
      text: '≤ 1.5× ref',
      pass: (_, r) => r !== null && r <= 1.5,
    }),
  ]
  if (!args.noLarge) {
    rows.push(
      row('ready.large', `ready, ${expectedRows.toLocaleString('en')} rows via ?data=${args.mbps === null ? '' : ` at ${args.mbps} Mbit/s`}${args.gzip ? ', gzip' : ''}`, 'ms', med(samples.large, (s) => s.readyMs), refReady, samples.large.length, {
        text: '≤ 2.5× ref',
        pass: (_, r) => r !== null && r <= 2.5,
      }),
      // Where the large load's time goes: until the worker's result reaches the page (fetch, import),
      // and from there to the first chart drawn (observations rebuilt, indexes, the view).
      row('ready.large.received', '  of which: table read (worker)', 'ms', med(samples.large, (s) => s.receivedMs ?? null), null, samples.large.length),
      ...WORKER_STEPS.map((step) =>
        row(`ready.large.worker.${step}`, `    worker: ${step} from`, 'ms', med(samples.large, (s) => s.workerSteps?.[step] ?? null), null, samples.large.length),
      ),
      row(
        'ready.large.page',
        '  of which: then drawn (page)',
        'ms',
        med(samples.large, (s) => (s.receivedMs === undefined || s.receivedMs === null ? null : s.readyMs - s.receivedMs)),
        null,
        samples.large.length,
      ),
      row('ready.large.page.rebuilt', '    page: rows rebuilt in', 'ms', med(samples.large, (s) => between(s.receivedMs, s.rebuiltMs)), null, samples.large.length),
      row('ready.large.page.drawn', '    page: then indexed and drawn in', 'ms', med(samples.large, (s) => between(s.rebuiltMs, s.readyMs)), null, samples.large.length),
      row('filter.p50', 'filter change p50 (large)', 'ms', changes.length > 0 ? percentile(changes, 50) : null, refP50, changes.length),
      row('filter.p95', 'filter change p95 (large)', 'ms', changes.length > 0 ? percentile(changes, 95) : null, refP95, changes.length, {
        text: '< 150 ms',
        pass: (v) => v < 150,
      }),
      row('frame.p50', 'filter change to first frame p50', 'ms', appFrames.length > 0 ? percentile(appFrames, 50) : null, refFrames.length > 0 ? percentile(refFrames, 50) : null, appFrames.length),
      row('frame.p95', 'filter change to first frame p95', 'ms', appFrames.length > 0 ? percentile(appFrames, 95) : null, refFrames.length > 0 ? percentile(refFrames, 95) : null, appFrames.length),
      row('heap.large', 'JS heap after load (large)', 'MB', med(samples.large, (s) => s.heapMB), refHeap, samples.large.length, {
        text: '< 150 MB',
        pass: (v) => v < 150,
      }),
      // Where the large load's CPU went (Linux only): less noisy than its wall-clock time.
      row('cpu.large.page', 'large load CPU: page thread (incl. throttle)', 'ms', med(samples.large, (s) => s.threads?.page.cpuMs ?? null), null, samples.large.length),
      row('cpu.large.worker', 'large load CPU: import worker', 'ms', med(samples.large, (s) => s.threads?.worker.cpuMs ?? null), null, samples.large.length),
      row('cpu.large.helpers', "large load CPU: V8's helper threads", 'ms', med(samples.large, (s) => s.threads?.helpers.cpuMs ?? null), null, samples.large.length),
      row(
        'memory.large.fresh',
        'large load: memory first touched',
        'MB',
        med(samples.large, (s) => (s.threads ? totalFreshMB(s.threads) : null)),
        null,
        samples.large.length,
      ),
    )
  }
  for (const kind of ['district', 'indicator', 'period']) {
    const list = samples.large.flatMap((s) => s.changes.filter((c) => c.kind === kind).map((c) => c.ms))
    if (list.length > 0) rows.push(row(`filter.${kind}.p50`, `  ${kind} change p50`, 'ms', percentile(list, 50), refP50, list.length))
  }

  const table = formatTable(rows)
  log('')
  log(`npm run bench: ${args.runs} cold loads each, CPU throttled ${args.throttle}×, Chromium ${version}, ${cpus().length} cores`)
  log(table)
  let comparison: ComparisonRow[] | null = null
  if (args.against !== null) {
    comparison = compareBuilds(samples, againstSamples, med)
    log(`\nthis build against ${args.against}, loaded in turn (medians of ${args.runs} each):`)
    log(formatComparison(comparison, 'against'))
  }
  const results = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    environment: { chromium: version, node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? '', throttle: args.throttle, mbps: args.mbps, gzip: args.gzip },
    args,
    largeTable: { path: DEFAULT_LARGE_PATH, rows: expectedRows },
    metrics: rows,
    markdown: formatMarkdown(rows),
    initialFiles: { app: samples.embedded[0]?.transfer.files ?? [], reference: samples.reference[0]?.transfer.files ?? [] },
    samples,
    ...(comparison === null ? {} : { against: { dir: args.against, comparison, samples: againstSamples } }),
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
  }
  // A run of another build (--app=…), against one (--against=…) or at a set speed is a comparison:
  // it must not replace the latest results.
  const file =
    args.appDir !== null
      ? 'results-app-dir.json'
      : args.against !== null
        ? 'results-against.json'
        : `results${args.mbps === null ? '' : `-${args.mbps}mbps`}${args.gzip ? '-gzip' : ''}.json`
  writeFileSync(resolve(OUT, file), `${JSON.stringify(results, null, 2)}\n`)
  log(`\nbench/out/${file} written; total ${results.elapsedSeconds} s`)
}

type Median = (list: readonly LoadSample[], pick: (s: LoadSample) => number | null) => number | null

/** This build's medians and the other build's, metric by metric (npm run bench -- --against=DIR). */
function compareBuilds(
  app: { embedded: LoadSample[]; large: LoadSample[] },
  against: { embedded: LoadSample[]; large: LoadSample[] },
  med: Median,
): ComparisonRow[] {
  const both = (label: string, unit: ComparisonRow['unit'], list: 'embedded' | 'large', pick: (s: LoadSample) => number | null): ComparisonRow => ({
    label,
    unit,
    app: med(app[list], pick),
    against: med(against[list], pick),
  })
  const changes = (samples: LoadSample[], p: number): number | null => {
    const all = samples.flatMap((s) => s.changes.map((c) => c.ms))
    return all.length === 0 ? null : percentile(all, p)
  }
  return [
    both('ready, embedded data', 'ms', 'embedded', (s) => s.readyMs),
    both('ready, large table', 'ms', 'large', (s) => s.readyMs),
    both('  table read (worker)', 'ms', 'large', (s) => s.receivedMs ?? null),
    both('  then drawn (page)', 'ms', 'large', (s) => between(s.receivedMs, s.readyMs)),
    { label: 'filter change p50', unit: 'ms', app: changes(app.large, 50), against: changes(against.large, 50) },
    { label: 'filter change p95', unit: 'ms', app: changes(app.large, 95), against: changes(against.large, 95) },
    both('JS heap after load (large)', 'MB', 'large', (s) => s.heapMB),
    both('large load CPU: page thread', 'ms', 'large', (s) => s.threads?.page.cpuMs ?? null),
    both('large load CPU: import worker', 'ms', 'large', (s) => s.threads?.worker.cpuMs ?? null),
    both("large load CPU: V8's helper threads", 'ms', 'large', (s) => s.threads?.helpers.cpuMs ?? null),
    both('large load: memory first touched', 'MB', 'large', (s) => (s.threads ? totalFreshMB(s.threads) : null)),
  ]
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err)
  process.exit(1)
})
