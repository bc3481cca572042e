/**
 * V8's explicit compile hint for the ECharts chunk: `//# allFunctionsCalledOnLoad` as its first line
 * makes Chromium (136 and later) compile all of the chunk's functions while it loads, on a background
 * thread, instead of each one on the page's thread the first time it is called. A chart's first draw
 * calls most of ECharts' code we ship (only the parts used are imported), and until now compiled it
 * there: about 0.3 s of the page's thread after a `?data=` table arrived, with the CPU throttled 4×.
 *
 * Measured with 6 interleaved cold loads each (npm run bench conditions): the embedded data ready in
 * 1931 instead of 2099 ms, and the large table drawn 1653 instead of 1837 ms after it reached the
 * page. The bundler also puts a few zrender modules in two small chunks (one the app loads at start,
 * one the exports load), and they get the hint too. Only these: the hint on every chunk compiled code
 * the first view never runs, and both loads got slower (embedded 2391 ms, large 8040 ms in npm run
 * bench); on the app's own chunk, the embedded data came 2485 instead of 2346 ms. Other browsers
 * ignore the comment.
 */
import type { Plugin } from 'vite'

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/** Modules whose chunk is compiled eagerly: ECharts and its renderer, zrender. */
const EAGER_MODULE = /[\\/]node_modules[\\/](echarts|zrender)[\\/]/

/** The parts of an output chunk this reads and writes. */
export interface HintedChunk {
  type: 'chunk' | 'asset'
  moduleIds?: readonly string[]
  code?: string
}

/** Whether a chunk gets the hint: it holds ECharts' code. */
export function wantsEagerCompile(chunk: HintedChunk): boolean {
  return chunk.type === 'chunk' && (chunk.moduleIds ?? []).some((id) => EAGER_MODULE.test(id))
}

/** Puts the hint on the first line of every chunk that wants it (once), in place. */
export function addCompileHints(bundle: Readonly<Record<string, HintedChunk>>): string[] {
  const hinted: string[] = []
  for (const [fileName, chunk] of Object.entries(bundle)) {
    if (!wantsEagerCompile(chunk) || chunk.code === undefined) continue
    // V8 reads the comment only at the very start of a script.
    if (!chunk.code.startsWith(COMPILE_HINT)) chunk.code = `${COMPILE_HINT}\n${chunk.code}`
    hinted.push(fileName)
  }
  return hinted
}

export function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    // After minification, which would drop the comment; no source maps are built to shift.
    generateBundle(_options, bundle) {
      addCompileHints(bundle as unknown as Record<string, HintedChunk>)
    },
  }
}
