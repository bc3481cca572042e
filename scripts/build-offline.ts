/**
 * npm run build:offline — the whole dashboard as ONE self-contained HTML file (dist-offline/
 * 街道指标看板.html): every script, stylesheet and the embedded dataset inlined, no lazy chunks, so it
 * opens from file:// on a meeting-room laptop with no network, presenter mode included.
 *
 * The file keeps a Content Security Policy: scripts only by the hash of the inlined bundle, no
 * network at all (connect-src 'none'), no plugins, no <base>.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

const OUT_DIR = 'dist-offline'
export const OFFLINE_FILE = '街道指标看板.html'

rmSync(OUT_DIR, { recursive: true, force: true })
await build({
  base: './',
  // Read by the import client: module workers cannot start from file://, so imports read in-page.
  mode: 'offline',
  logLevel: 'warn',
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // One script: lazy routes, ECharts and everything else in a single chunk.
    rolldownOptions: { output: { codeSplitting: false } },
    cssCodeSplit: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    modulePreload: false,
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
})

const assetsDir = join(OUT_DIR, 'assets')
const assets = readdirSync(assetsDir)
const read = (name: string): string => readFileSync(join(assetsDir, name), 'utf8')
let html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8')

const scripts: string[] = []
html = html.replace(/<script type="module" crossorigin src="\.\/assets\/([^"]+)"><\/script>/g, (_, name: string) => {
  // "</script" inside the bundle would end the inline element early; "<\/script" means the same in JS.
  const code = read(name).replace(/<\/script/gi, '<\\/script')
  scripts.push(code)
  return `<script type="module">${code}</script>`
})
html = html.replace(/<link rel="stylesheet" crossorigin href="\.\/assets\/([^"]+)">/g, (_, name: string) => `<style>${read(name)}</style>`)
if (scripts.length !== 1) throw new Error(`expected one inlined script, found ${scripts.length}`)
// The import worker is still emitted as its own files, but the offline page never starts it (see
// importClient.ts): those files, and the chunks they import in turn, are dropped; any other chunk
// left over would be a missing piece. (A Set's loop also visits what is added during it.)
const workerFiles = new Set(assets.filter((name) => name.startsWith('importWorker')))
for (const name of workerFiles) for (const m of read(name).matchAll(/\.\/([\w-]+\.js)[`"']/g)) if (m[1]) workerFiles.add(m[1])
const leftovers = assets.filter((name) => name.endsWith('.js') && !workerFiles.has(name) && !html.includes(read(name).slice(0, 200)))
if (leftovers.length > 0) throw new Error(`chunks not inlined: ${leftovers.join(', ')}`)

const hashes = scripts.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`)
const policy = [
  "default-src 'none'",
  `script-src ${hashes.join(' ')}`,
  // ECharts and Vue set style attributes (tooltips, chart sizes); inline <style> is the inlined CSS.
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  "connect-src 'none'",
  'worker-src blob: data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
// The online build's policy allows scripts from 'self' only; the single file has none but the inline one.
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '')
html = html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)

writeFileSync(join(OUT_DIR, OFFLINE_FILE), html)
rmSync(assetsDir, { recursive: true, force: true })
rmSync(join(OUT_DIR, 'index.html'))
console.log(`${join(OUT_DIR, OFFLINE_FILE)}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB, script ${hashes[0]}`)
