/**
 * The bundle budget (npm run check:bundle), pure: from Vite's build manifest (dist/.vite/manifest.json)
 * the files the first view loads before anything lazy, and the checks on them. The command
 * (scripts/check-bundle.ts) reads the files and gzips them; everything here is testable without a build.
 *
 * The initial set is what the browser must fetch to show the first view: the entry chunk, the app
 * chunk the entry always loads (`APP_MODULE`, imported dynamically so that a `?data=` link's worker
 * starts first), every chunk they import statically (transitively), the first route's chunk and its
 * static imports, and the CSS all of them carry. Other dynamic imports (other views, exports, the
 * import worker) are not in it.
 */

/** One entry of Vite's manifest (the fields this check reads). */
export interface ManifestChunk {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
  assets?: string[]
}

export type Manifest = Record<string, ManifestChunk>

/** The first view's route component: #/ redirects to the overview (src/router.ts). */
export const FIRST_ROUTE = 'src/views/OverviewView.vue'

/** The app itself, which the entry (src/main.ts) loads with a dynamic import every time. */
export const APP_MODULE = 'src/mountApp.ts'

/** Initial JS+CSS for the first view, gzipped, in bytes. */
export const BUDGET_BYTES = 300 * 1024

export interface InitialFile {
  file: string
  kind: 'js' | 'css'
  /** The manifest key of the chunk that brings it in (first found). */
  chunk: string
  /** 'entry' when the entry needs it, 'route' when only the first route does. */
  via: 'entry' | 'route'
}

export interface InitialSet {
  /** Manifest keys of the chunks loaded up front. */
  chunks: string[]
  files: InitialFile[]
}

/** The manifest key of the entry chunk (index.html for an app). */
export function entryKey(manifest: Manifest): string {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry === true)
  if (entries.length !== 1) throw new Error(`expected one entry chunk in the manifest, found ${entries.length}`)
  return (entries[0] as [string, ManifestChunk])[0]
}

/** The entry, the route chunks named, and everything they import statically, with their CSS. */
export function initialSet(manifest: Manifest, routes: readonly string[] = [FIRST_ROUTE]): InitialSet {
  const chunks: string[] = []
  const files: InitialFile[] = []
  const seenFiles = new Set<string>()
  const visit = (key: string, via: InitialFile['via']): void => {
    if (chunks.includes(key)) return
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`)
    chunks.push(key)
    const add = (file: string, kind: InitialFile['kind']): void => {
      if (seenFiles.has(file)) return
      seenFiles.add(file)
      files.push({ file, kind, chunk: key, via })
    }
    add(chunk.file, chunk.file.endsWith('.css') ? 'css' : 'js')
    for (const css of chunk.css ?? []) add(css, 'css')
    for (const imported of chunk.imports ?? []) visit(imported, via)
  }
  const entry = entryKey(manifest)
  visit(entry, 'entry')
  if (manifest[entry]?.dynamicImports?.includes(APP_MODULE)) visit(APP_MODULE, 'entry')
  for (const route of routes) visit(route, 'route')
  return { chunks, files }
}

/** Code that must only ever load on demand: exports, spreadsheets, Word, and the import worker. */
export const LAZY_ONLY: ReadonlyArray<{ label: string; module?: RegExp; content?: RegExp }> = [
  { label: 'pptxgenjs', module: /(^|\/)node_modules\/pptxgenjs\//, content: /PptxGenJS/ },
  { label: 'jszip', module: /(^|\/)node_modules\/jszip\//, content: /JSZip/ },
  { label: 'write-excel-file', module: /(^|\/)node_modules\/write-excel-file\// },
  { label: 'read-excel-file', module: /(^|\/)node_modules\/read-excel-file\// },
  // Any spreadsheet reader or writer (either library, or one bundled into another chunk).
  { label: 'spreadsheet code', content: /xl\/workbook\.xml/ },
  { label: 'docx', module: /(^|\/)node_modules\/docx\//, content: /w:document/ },
  { label: 'import worker', module: /(^|\/)src\/io\/(importWorker|importClient|importPipeline)\.ts$/ },
]

/** A worker file as Vite names it (an asset of the chunk that starts it). */
const WORKER_FILE = /(^|\/)importWorker-[^/]*\.js$/

export interface Finding {
  label: string
  file: string
  reason: string
}

/**
 * What breaks the rule "never in the initial set": a lazy-only module whose chunk is initial, a
 * worker file among the initial files, or (given the initial files' text) a library's signature in
 * initial code, which catches a library bundled into a shared chunk under another name.
 */
export function lazyOnlyFindings(
  manifest: Manifest,
  initial: InitialSet,
  contents: ReadonlyMap<string, string> = new Map(),
): Finding[] {
  const findings: Finding[] = []
  const initialFiles = new Set(initial.files.map((f) => f.file))
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!initialFiles.has(chunk.file)) continue
    for (const rule of LAZY_ONLY) {
      if (rule.module === undefined) continue
      if (rule.module.test(key) || (chunk.src !== undefined && rule.module.test(chunk.src)))
        findings.push({ label: rule.label, file: chunk.file, reason: `${key} is in the initial chunk ${chunk.file}` })
    }
  }
  for (const f of initial.files) {
    if (WORKER_FILE.test(f.file)) findings.push({ label: 'import worker', file: f.file, reason: 'a worker file is loaded up front' })
    const text = contents.get(f.file)
    if (text === undefined || f.kind !== 'js') continue
    for (const rule of LAZY_ONLY) {
      if (rule.content?.test(text)) findings.push({ label: rule.label, file: f.file, reason: `contains ${String(rule.content)}` })
    }
  }
  return findings
}

export interface SizedFile extends InitialFile {
  bytes: number
  gzip: number
}

export interface BudgetReport {
  files: SizedFile[]
  js: number
  css: number
  total: number
  budget: number
  over: boolean
}

export function budgetReport(files: readonly SizedFile[], budget = BUDGET_BYTES): BudgetReport {
  const js = files.filter((f) => f.kind === 'js').reduce((a, f) => a + f.gzip, 0)
  const css = files.filter((f) => f.kind === 'css').reduce((a, f) => a + f.gzip, 0)
  return { files: [...files], js, css, total: js + css, budget, over: js + css > budget }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

/** The report as printed: one line per file, largest first, then the totals against the budget. */
export function formatBudget(report: BudgetReport): string {
  const rows = [...report.files].sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file))
  const width = Math.max(4, ...rows.map((r) => r.file.length))
  const lines = [`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  via`]
  for (const r of rows) lines.push(`${r.file.padEnd(width)}  ${kb(r.bytes).padStart(9)}  ${kb(r.gzip).padStart(9)}  ${r.via}`)
  lines.push(
    `initial JS ${kb(report.js)} + CSS ${kb(report.css)} = ${kb(report.total)} gzipped; budget ${kb(report.budget)}` +
      (report.over ? ` — OVER by ${kb(report.total - report.budget)}` : ` (${kb(report.budget - report.total)} left)`),
  )
  return lines.join('\n')
}
