/**
 * npm run bench:table [-- --runs=N] [--throttle=N] [--app=DIR] [--out=DIR] [--scroll-seconds=N]
 *
 * The data view (数据明细, #/data) on the large synthetic table (npm run gen:large, 360,000 rows) in
 * Debian's Chromium with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), a new browser
 * context per run:
 *
 *   - open: from clicking 数据明细 in the navigation until the first frame that shows the rows;
 *   - filter, sort and search: from the change (a header picker, the category, a column header)
 *     until the first frame that shows the new rows; typing: from each key until the next frame,
 *     and from the last key until the rows are shown (the search waits 150 ms for a pause);
 *   - scrolling: the table scrolled by script every frame for a few seconds, in steps (like a wheel
 *     or a held arrow key) and in jumps to anywhere (like dragging the scrollbar): the intervals
 *     between animation frames (median, p95, and how many exceed 50 ms), long tasks, and the main
 *     thread's time per frame by CDP's ThreadTime (CPU time, so less affected than the intervals by
 *     other processes on a shared machine; it grows with the throttling like the work does).
 *
 * The table is loaded through ?data= before the CPU is throttled: that load is another piece of
 * work (the import worker), measured by npm run bench. Times are measured inside the page, from the
 * event to a task queued after the next animation frame (by when the frame has been drawn).
 *
 * The app is built into DIR (--out, a temporary directory by default; never dist/ or bench/out/app,
 * which other work uses), or taken as built from --app=DIR. Results: bench/out/results-table.json.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../tests/e2e/harness'
import { serveStatic, type StaticServer } from '../bench/server'
import { median, percentile } from '../bench/stats'
import { largeTableSummary } from '../bench/largeTable'
import { DEFAULT_LARGE_PATH, writeLargeTable } from './gen-large'

const LARGE_CSV = resolve(DEFAULT_LARGE_PATH)
const LARGE_URL_PATH = '/bench-data/large.csv'
const RESULTS = resolve('bench/out/results-table.json')
const VIEWPORT = { width: 1920, height: 1080 }
const LOAD_TIMEOUT_MS = 300_000

interface Args {
  runs: number
  throttle: number
  appDir: string | null
  outDir: string | null
  scrollSeconds: number
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const int = (name: string, fallback: number): number => {
    const raw = value(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, got ${raw}`)
    return n
  }
  return {
    runs: int('runs', 3),
    throttle: int('throttle', 4),
    appDir: value('app') ?? null,
    outDir: value('out') ?? null,
    scrollSeconds: int('scroll-seconds', 4),
  }
}

/**
 * Installed before any page script: timing helpers the runner calls by name. Plain JS text, so no
 * transpiler helper ends up in the page (and the dashboard's CSP forbids eval anyway).
 */
const PAGE_HOOK = `(() => {
  const tb = {}
  Object.defineProperty(window, '__tableBench', { value: tb })
  const q = (testId) => document.querySelector('[data-testid="' + testId + '"]')
  // What the table shows: the count, the first row, the sorted column. Any interaction changes it.
  tb.state = () => {
    const first = document.querySelector('[data-testid="data-table"] tbody tr')
    const sorted = document.querySelector('[data-testid="data-table"] th[aria-sort="ascending"], [data-testid="data-table"] th[aria-sort="descending"]')
    return [q('row-count') ? q('row-count').textContent : '', first ? first.dataset.observation : '', sorted ? sorted.className + sorted.getAttribute('aria-sort') : ''].join('|')
  }
  // ms from t0 until the frame in which test() first holds has been drawn (checked every frame).
  tb.until = (t0, test, timeout) => new Promise((resolve, reject) => {
    const check = () => {
      if (test()) setTimeout(() => resolve(performance.now() - t0), 0)
      else if (performance.now() - t0 > timeout) reject(new Error('timed out after ' + timeout + ' ms'))
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
  tb.timeChange = (action) => {
    const before = tb.state()
    const t0 = performance.now()
    action()
    return tb.until(t0, () => tb.state() !== before, 60000)
  }
  tb.openDataView = (total) => {
    const t0 = performance.now()
    q('nav-data').click()
    return tb.until(t0, () => {
      const count = q('row-count')
      return document.querySelector('[data-testid="data-table"] tbody tr') !== null && count !== null && count.textContent.includes(total)
    }, 120000)
  }
  tb.select = (testId, value) => tb.timeChange(() => {
    const el = q(testId)
    el.value = value
    el.dispatchEvent(new Event('change', { bubbles: true }))
  })
  tb.click = (testId) => tb.timeChange(() => q(testId).click())
  tb.options = (testId) => [...q(testId).querySelectorAll('option')].map((o) => ({ value: o.value, text: o.textContent.trim() }))
  // Types text into the search box a key every gapMs: each key's time to the next frame, and the
  // time from the last key until the rows are shown.
  tb.type = async (text, gapMs) => {
    const input = q('data-search')
    const before = tb.state()
    const keys = []
    let last = 0
    for (const ch of text) {
      input.value += ch
      last = performance.now()
      input.dispatchEvent(new Event('input', { bubbles: true }))
      keys.push(await tb.until(last, () => true, 60000))
      const wait = gapMs - (performance.now() - last)
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    }
    const rows = await tb.until(last, () => tb.state() !== before, 60000)
    return { keys, rows }
  }
  tb.clearSearch = () => tb.timeChange(() => {
    const input = q('data-search')
    input.value = ''
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  })
  // Scrolls the table every frame for ms: 'steps' of stepPx, or 'jumps' to pseudo-random places.
  // Returns the intervals between frames, the long tasks seen, and the rows in the DOM at the end.
  tb.scroll = (pattern, ms, stepPx) => new Promise((resolve) => {
    const box = document.querySelector('.virtual-table')
    box.scrollTop = 0
    const longTasks = []
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration) })
    try { observer.observe({ type: 'longtask' }) } catch (e) { /* not supported */ }
    let seed = 12345
    const frames = []
    let startAt = null
    const tick = (now) => {
      if (startAt === null) startAt = now
      frames.push(now)
      if (now - startAt >= ms) {
        observer.disconnect()
        const intervals = frames.slice(1).map((t, i) => t - frames[i])
        resolve({ intervals, longTasks, rowsInDom: document.querySelectorAll('[data-testid="data-table"] tbody tr').length, scrollTop: box.scrollTop })
        return
      }
      if (pattern === 'steps') {
        box.scrollTop += stepPx
      } else {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
        box.scrollTop = (seed / 4294967296) * (box.scrollHeight - box.clientHeight)
      }
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
})()`

interface ScrollSample {
  intervals: number[]
  longTasks: number[]
  rowsInDom: number
  scrollTop: number
  /** Main-thread CPU time over the scroll, ms. */
  cpuMs: number
}

interface RunSample {
  loadMs: number
  openMs: number
  changes: { kind: string; label: string; ms: number }[]
  typing: { keys: number[]; rows: number }
  scroll: { steps: ScrollSample; jumps: ScrollSample }
}

function log(message: string): void {
  process.stdout.write(`${message}\n`)
}

async function call<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T
}

async function oneRun(browser: Browser, server: StaticServer, args: Args, total: string, run: number): Promise<RunSample> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text())
    })
    await page.addInitScript({ content: PAGE_HOOK })
    const cdp = await context.newCDPSession(page)

    // The import page draws no chart, so nothing else competes while the table loads.
    const loadStart = Date.now()
    await page.goto(`${server.origin}/#/import?data=${encodeURIComponent(LARGE_URL_PATH.slice(1))}`)
    await page.getByTestId('dataset-source').waitFor({ timeout: LOAD_TIMEOUT_MS })
    const loadMs = Date.now() - loadStart
    await page.waitForTimeout(500)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: args.throttle })

    const openMs = await call<number>(page, `window.__tableBench.openDataView(${JSON.stringify(total)})`)
    const changes: RunSample['changes'] = []
    const timed = async (kind: string, label: string, expression: string): Promise<void> => {
      const ms = await call<number>(page, expression)
      changes.push({ kind, label, ms })
      await page.waitForTimeout(200)
    }

    type Option = { value: string; text: string }
    const pick = <T>(list: readonly T[], i: number): T => list[(i * 7 + run * 3 + 1) % list.length] as T
    const districts = (await call<Option[]>(page, `window.__tableBench.options('region-picker')`)).filter((o) => o.value !== '' && /区$/.test(o.text))
    const periods = (await call<Option[]>(page, `window.__tableBench.options('period-picker')`)).filter((o) => o.value !== '')
    const categories = (await call<Option[]>(page, `window.__tableBench.options('category-filter')`)).filter((o) => o.value !== '')
    const select = (testId: string, value: string): string => `window.__tableBench.select(${JSON.stringify(testId)}, ${JSON.stringify(value)})`
    for (let i = 0; i < 3; i++) {
      const district = pick(districts, i)
      await timed('region', district.text, select('region-picker', district.value))
      await timed('region', 'all', select('region-picker', ''))
      const period = pick(periods, i)
      await timed('period', period.text, select('period-picker', period.value))
      await timed('period', 'all', select('period-picker', ''))
      const category = pick(categories, i)
      await timed('category', category.text, select('category-filter', category.value))
      await timed('category', 'all', select('category-filter', ''))
    }
    // The first sort of a column works out its order for the whole table; later ones reuse it.
    for (const column of ['actual', 'region', 'completion', 'period']) {
      await timed('sort (first)', column, `window.__tableBench.click('sort-${column}')`)
      await timed('sort (again)', `${column} desc`, `window.__tableBench.click('sort-${column}')`)
    }
    // Filters on a sorted table: filter, then re-sort what is left.
    const district = pick(districts, 5)
    await timed('region (sorted)', district.text, select('region-picker', district.value))
    await timed('region (sorted)', 'all', select('region-picker', ''))

    const typing = await call<RunSample['typing']>(page, `window.__tableBench.type('安平1', 120)`)
    await timed('search clear', '', `window.__tableBench.clearSearch()`)

    const seconds = args.scrollSeconds * 1000
    await cdp.send('Performance.enable')
    const threadTime = async (): Promise<number> =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000
    const scroll = async (pattern: string, stepPx: number): Promise<ScrollSample> => {
      const before = await threadTime()
      const sample = await call<Omit<ScrollSample, 'cpuMs'>>(page, `window.__tableBench.scroll('${pattern}', ${seconds}, ${stepPx})`)
      return { ...sample, cpuMs: (await threadTime()) - before }
    }
    const steps = await scroll('steps', 120)
    const jumps = await scroll('jumps', 0)
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`)
    return { loadMs, openMs, changes, typing, scroll: { steps, jumps } }
  } finally {
    await context.close()
  }
}

function ms(value: number): string {
  return `${Math.round(value)} ms`
}

interface ScrollSummary {
  median: number
  p95: number
  over50: number
  frames: number
  longTasks: number
  longestTask: number
  rowsInDom: number
  cpuPerFrame: number
}

function scrollSummary(samples: readonly ScrollSample[]): ScrollSummary {
  const intervals = samples.flatMap((s) => s.intervals)
  const longTasks = samples.flatMap((s) => s.longTasks)
  return {
    median: median(intervals),
    p95: percentile(intervals, 95),
    over50: intervals.filter((v) => v > 50).length,
    frames: intervals.length,
    longTasks: longTasks.length,
    longestTask: longTasks.length === 0 ? 0 : Math.max(...longTasks),
    rowsInDom: Math.max(...samples.map((s) => s.rowsInDom)),
    cpuPerFrame: samples.reduce((sum, s) => sum + s.cpuMs, 0) / Math.max(1, intervals.length + samples.length),
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const started = Date.now()
  let appDir = args.appDir === null ? null : resolve(args.appDir)
  if (appDir === null) {
    appDir = args.outDir === null ? mkdtempSync(join(tmpdir(), 'bench-table-app-')) : resolve(args.outDir)
    await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } })
    log(`built the app into ${appDir}`)
  }
  if (!existsSync(resolve(appDir, 'index.html'))) throw new Error(`${appDir}/index.html is missing`)
  const rows = largeTableSummary().rows
  if (!existsSync(LARGE_CSV)) {
    const written = await writeLargeTable(LARGE_CSV)
    log(`generated ${DEFAULT_LARGE_PATH}: ${written.rows} rows`)
  }
  // As the row count shows it ("360,000"): the data view is open when it says so.
  const total = rows.toLocaleString('en')

  const server = await serveStatic(appDir, { [LARGE_URL_PATH]: LARGE_CSV })
  const browser = await launchChromium()
  const version = browser.version()
  const samples: RunSample[] = []
  try {
    for (let run = 0; run < args.runs; run++) {
      const sample = await oneRun(browser, server, args, total, run)
      samples.push(sample)
      log(
        `run ${run + 1}/${args.runs}: load ${ms(sample.loadMs)} (not throttled), open ${ms(sample.openMs)}, ` +
          `changes ${sample.changes.map((c) => Math.round(c.ms)).join('/')} ms, scroll p95 ${ms(percentile(sample.scroll.steps.intervals, 95))} / ${ms(percentile(sample.scroll.jumps.intervals, 95))}`,
      )
    }
  } finally {
    await browser.close()
    await server.close()
  }

  const kinds = [...new Set(samples.flatMap((s) => s.changes.map((c) => c.kind)))]
  const allChanges = samples.flatMap((s) => s.changes.map((c) => c.ms))
  const keys = samples.flatMap((s) => s.typing.keys)
  const steps = scrollSummary(samples.map((s) => s.scroll.steps))
  const jumps = scrollSummary(samples.map((s) => s.scroll.jumps))
  const lines = [
    `npm run bench:table: ${args.runs} runs, ${rows.toLocaleString('en')} rows, CPU throttled ${args.throttle}×, Chromium ${version}, ${cpus().length} cores`,
    '',
    `| measure | median | p95 | n |`,
    `|---|---:|---:|---:|`,
    `| open #/data until rows shown | ${ms(median(samples.map((s) => s.openMs)))} | ${ms(percentile(samples.map((s) => s.openMs), 95))} | ${samples.length} |`,
    ...kinds.map((kind) => {
      const list = samples.flatMap((s) => s.changes.filter((c) => c.kind === kind).map((c) => c.ms))
      return `| ${kind} until rows shown | ${ms(median(list))} | ${ms(percentile(list, 95))} | ${list.length} |`
    }),
    `| every filter/sort change | ${ms(median(allChanges))} | ${ms(percentile(allChanges, 95))} | ${allChanges.length} |`,
    `| typing: key to next frame | ${ms(median(keys))} | ${ms(percentile(keys, 95))} | ${keys.length} |`,
    `| typing: last key until rows shown (150 ms pause included) | ${ms(median(samples.map((s) => s.typing.rows)))} | ${ms(percentile(samples.map((s) => s.typing.rows), 95))} | ${samples.length} |`,
    '',
    `| scrolling (${args.scrollSeconds} s per run) | frame interval median | p95 | frames > 50 ms | frames | long tasks (longest) | main-thread busy per frame (ThreadTime) | rows in DOM |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
    ...(
      [
        ['steps of 120 px per frame', steps],
        ['jumps anywhere every frame', jumps],
      ] as const
    ).map(
      ([label, s]) =>
        `| ${label} | ${ms(s.median)} | ${ms(s.p95)} | ${s.over50} | ${s.frames} | ${s.longTasks} (${ms(s.longestTask)}) | ${s.cpuPerFrame.toFixed(1)} ms | ${s.rowsInDom} |`,
    ),
  ]
  log('')
  log(lines.join('\n'))
  mkdirSync(resolve('bench/out'), { recursive: true })
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        command: `npm run bench:table -- ${process.argv.slice(2).join(' ')}`.trim(),
        environment: { chromium: version, node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? '', throttle: args.throttle },
        rows,
        markdown: lines.join('\n'),
        samples,
        elapsedSeconds: Math.round((Date.now() - started) / 1000),
      },
      null,
      2,
    )}\n`,
  )
  log(`\nbench/out/results-table.json written; total ${Math.round((Date.now() - started) / 1000)} s`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err)
  process.exit(1)
})
