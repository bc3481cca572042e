/**
 * Preload hints for the app chunk. `main.ts` loads the app (`mountApp.ts`) with a dynamic import, so
 * that a `?data=` link's worker starts first; Vite would then fetch the app's files only once the
 * entry has run, one round trip and one evaluation later (about 0.1 s with the CPU throttled 4×,
 * npm run bench). These <link>s in index.html let the browser fetch them alongside the entry.
 */
import type { Plugin } from 'vite'

/** The parts of Rollup's output chunk this reads. */
export interface ChunkInfo {
  type: 'chunk' | 'asset'
  fileName: string
  facadeModuleId?: string | null
  imports?: readonly string[]
  viteMetadata?: { importedCss: ReadonlySet<string> }
}

const APP_MODULE = /\/src\/mountApp\.ts$/

/** The app chunk's JS files (it and its static imports, transitively) and its CSS, in load order. */
export function appChunkFiles(bundle: Readonly<Record<string, ChunkInfo>>): { js: string[]; css: string[] } {
  const app = Object.values(bundle).find((c) => c.type === 'chunk' && APP_MODULE.test(c.facadeModuleId ?? ''))
  const js: string[] = []
  const css: string[] = []
  const visit = (chunk: ChunkInfo | undefined): void => {
    if (!chunk || chunk.type !== 'chunk' || js.includes(chunk.fileName)) return
    js.push(chunk.fileName)
    for (const file of chunk.viteMetadata?.importedCss ?? []) if (!css.includes(file)) css.push(file)
    for (const imported of chunk.imports ?? []) visit(bundle[imported])
  }
  visit(app)
  return { js, css }
}

export function preloadApp(): Plugin {
  let base = '/'
  return {
    name: 'preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        if (!ctx.bundle) return html
        const { js, css } = appChunkFiles(ctx.bundle as unknown as Record<string, ChunkInfo>)
        // Files the entry already preloads are left alone: only the app's own are added.
        const links = [
          ...css.filter((f) => !html.includes(`${base}${f}"`)).map((f) => `<link rel="stylesheet" crossorigin href="${base}${f}">`),
          ...js.filter((f) => !html.includes(`${base}${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`),
        ]
        return links.length === 0 ? html : html.replace(/\n\s*<\/head>/, `\n    ${links.join('\n    ')}\n  </head>`)
      },
    },
  }
}
