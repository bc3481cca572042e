/**
 * npm run check:bundle [-- DIR] [--route=src/views/OverviewView.vue]
 *
 * The bundle budget, after `npm run build`: from dist/.vite/manifest.json, the JS and CSS the first
 * view loads up front (entry chunk, its static imports, the first route's chunk and its static
 * imports, their CSS), gzip-compressed at level 9. Prints the size of every file, fails over 300 KB,
 * and fails if pptxgenjs, jszip, the spreadsheet libraries, docx or the import worker are among them.
 * It also fails when the ECharts chunk lacks its compile hint (scripts/compileHints.ts), which a
 * change of bundler could drop without anything else noticing.
 * Deterministic: it measures files, not time.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  FIRST_ROUTE,
  budgetReport,
  formatBudget,
  initialSet,
  lazyOnlyFindings,
  type Manifest,
  type SizedFile,
} from '../bench/bundleBudget'
import { COMPILE_HINT } from './compileHints'

const args = process.argv.slice(2)
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist'
const route = args.find((a) => a.startsWith('--route='))?.slice('--route='.length) ?? FIRST_ROUTE
const manifestPath = join(dir, '.vite', 'manifest.json')
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`npm run build\` first (vite.config.ts sets build.manifest).`)
  process.exit(1)
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
const initial = initialSet(manifest, [route])
const contents = new Map<string, string>()
const sized: SizedFile[] = initial.files.map((f) => {
  const bytes = readFileSync(join(dir, f.file))
  if (f.kind === 'js') contents.set(f.file, bytes.toString('utf8'))
  return { ...f, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
})
const report = budgetReport(sized)
console.log(`Initial files of the first view (${route}), from ${manifestPath}:`)
console.log(formatBudget(report))
const findings = lazyOnlyFindings(manifest, initial, contents)
for (const f of findings) console.error(`error: ${f.label} must load on demand only: ${f.reason}`)
if (report.over) console.error(`error: the initial JS+CSS is over the ${(report.budget / 1024).toFixed(0)} KB budget`)
// The chunk named after the chart component holds ECharts (manifest key `_EChart-<hash>.js`).
const echartsChunk = Object.entries(manifest).find(([key, entry]) => /^_EChart-[^/]*\.js$/.test(key) && entry.file.endsWith('.js'))?.[1].file
const hinted = echartsChunk !== undefined && readFileSync(join(dir, echartsChunk), 'utf8').startsWith(COMPILE_HINT)
if (!hinted) console.error(`error: the ECharts chunk (${echartsChunk ?? 'not found in the manifest'}) does not start with ${COMPILE_HINT}`)
if (findings.length > 0 || report.over || !hinted) process.exit(1)
console.log(`ok: within budget, no export, spreadsheet, Word or worker code up front, and ${echartsChunk} compiled eagerly`)
