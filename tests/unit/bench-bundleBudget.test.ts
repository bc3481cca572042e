import { describe, expect, it } from 'vitest'
import { BUDGET_BYTES, budgetReport, formatBudget, initialSet, lazyOnlyFindings, type Manifest } from '../../bench/bundleBudget'

/** A manifest shaped like Vite's for this app: entry, shared chunks, lazy views and lazy libraries. */
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-A.js',
    isEntry: true,
    imports: ['_vue-B.js', '_shared-C.js'],
    dynamicImports: ['src/views/OverviewView.vue', 'src/views/TargetsView.vue', 'src/io/importClient.ts'],
    css: ['assets/index-A.css'],
  },
  '_vue-B.js': { file: 'assets/vue-B.js' },
  '_shared-C.js': { file: 'assets/shared-C.js', imports: ['_vue-B.js'] },
  '_card-D.js': { file: 'assets/card-D.js', imports: ['_shared-C.js', 'index.html'], css: ['assets/card-D.css'] },
  '_EChart-E.js': { file: 'assets/EChart-E.js', imports: ['_vue-B.js'] },
  'src/views/OverviewView.vue': { file: 'assets/OverviewView-F.js', isDynamicEntry: true, imports: ['_card-D.js', 'index.html'] },
  'src/views/TargetsView.vue': {
    file: 'assets/TargetsView-G.js',
    isDynamicEntry: true,
    imports: ['_EChart-E.js'],
    dynamicImports: ['node_modules/pptxgenjs/dist/pptxgen.es.js'],
  },
  'node_modules/pptxgenjs/dist/pptxgen.es.js': { file: 'assets/pptxgen.es-H.js', isDynamicEntry: true },
  'src/io/importClient.ts': { file: 'assets/importClient-I.js', isDynamicEntry: true, assets: ['assets/importWorker-J.js'] },
}

describe('the bundle budget', () => {
  it('takes the entry, the first route and their static imports with their CSS, nothing lazy', () => {
    const initial = initialSet(manifest)
    expect(initial.chunks).toEqual(['index.html', '_vue-B.js', '_shared-C.js', 'src/views/OverviewView.vue', '_card-D.js'])
    expect(initial.files.map((f) => [f.file, f.kind, f.via])).toEqual([
      ['assets/index-A.js', 'js', 'entry'],
      ['assets/index-A.css', 'css', 'entry'],
      ['assets/vue-B.js', 'js', 'entry'],
      ['assets/shared-C.js', 'js', 'entry'],
      ['assets/OverviewView-F.js', 'js', 'route'],
      ['assets/card-D.js', 'js', 'route'],
      ['assets/card-D.css', 'css', 'route'],
    ])
  })

  it('counts the app chunk the entry loads first (src/mountApp.ts) as the entry\'s, with its imports', () => {
    const split: Manifest = {
      ...manifest,
      'index.html': { file: 'assets/index-A.js', isEntry: true, imports: ['_client-K.js'], dynamicImports: ['src/mountApp.ts'] },
      '_client-K.js': { file: 'assets/client-K.js' },
      'src/mountApp.ts': {
        file: 'assets/mountApp-L.js',
        isDynamicEntry: true,
        imports: ['_vue-B.js', '_shared-C.js'],
        dynamicImports: ['src/views/OverviewView.vue'],
        css: ['assets/mountApp-L.css'],
      },
    }
    const initial = initialSet(split)
    expect(initial.chunks).toEqual(['index.html', '_client-K.js', 'src/mountApp.ts', '_vue-B.js', '_shared-C.js', 'src/views/OverviewView.vue', '_card-D.js'])
    expect(initial.files.filter((f) => f.via === 'entry').map((f) => f.file)).toEqual([
      'assets/index-A.js',
      'assets/client-K.js',
      'assets/mountApp-L.js',
      'assets/mountApp-L.css',
      'assets/vue-B.js',
      'assets/shared-C.js',
    ])
  })

  it('fails on a manifest without exactly one entry, or naming a chunk it lacks', () => {
    expect(() => initialSet({ a: { file: 'a.js' } })).toThrow(/one entry/)
    expect(() => initialSet(manifest, ['src/views/Missing.vue'])).toThrow(/no chunk/)
  })

  it('finds nothing lazy-only up front in a good build', () => {
    const initial = initialSet(manifest)
    const contents = new Map([['assets/index-A.js', 'createApp(App).mount("#app")']])
    expect(lazyOnlyFindings(manifest, initial, contents)).toEqual([])
  })

  it('names a lazy-only library, the worker, or a library signature that reached the initial set', () => {
    const bad: Manifest = {
      ...manifest,
      'index.html': { ...(manifest['index.html'] as Manifest[string]), imports: ['_vue-B.js', 'node_modules/pptxgenjs/dist/pptxgen.es.js', 'src/io/importClient.ts'] },
      'src/io/importClient.ts': { file: 'assets/importClient-I.js', imports: ['_worker.js'] },
      '_worker.js': { file: 'assets/importWorker-J.js' },
    }
    const initial = initialSet(bad)
    const contents = new Map([
      ['assets/vue-B.js', 'var JSZip=function(){}; "xl/workbook.xml"'],
      ['assets/index-A.css', 'JSZip'],
    ])
    const labels = lazyOnlyFindings(bad, initial, contents).map((f) => `${f.label} @ ${f.file}`)
    expect(labels).toEqual([
      'pptxgenjs @ assets/pptxgen.es-H.js',
      'import worker @ assets/importClient-I.js',
      'jszip @ assets/vue-B.js',
      'spreadsheet code @ assets/vue-B.js',
      'import worker @ assets/importWorker-J.js',
    ])
  })

  it('sums gzip sizes against 300 KB and prints every file, largest first', () => {
    const files = [
      { file: 'assets/a.js', kind: 'js' as const, chunk: 'index.html', via: 'entry' as const, bytes: 300_000, gzip: 100 * 1024 },
      { file: 'assets/b.js', kind: 'js' as const, chunk: 'x', via: 'route' as const, bytes: 90_000, gzip: 150 * 1024 },
      { file: 'assets/a.css', kind: 'css' as const, chunk: 'index.html', via: 'entry' as const, bytes: 20_000, gzip: 10 * 1024 },
    ]
    const ok = budgetReport(files)
    expect(ok).toMatchObject({ js: 250 * 1024, css: 10 * 1024, total: 260 * 1024, budget: BUDGET_BYTES, over: false })
    const text = formatBudget(ok).split('\n')
    expect(text[1]).toMatch(/^assets\/b\.js\s+87\.9 KB\s+150\.0 KB\s+route$/)
    expect(text.at(-1)).toBe('initial JS 250.0 KB + CSS 10.0 KB = 260.0 KB gzipped; budget 300.0 KB (40.0 KB left)')
    const over = budgetReport([...files, { ...files[0], file: 'assets/c.js', gzip: 41 * 1024 } as (typeof files)[number]])
    expect(over.over).toBe(true)
    expect(formatBudget(over).split('\n').at(-1)).toMatch(/OVER by 1\.0 KB$/)
  })
})
