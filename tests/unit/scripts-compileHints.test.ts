import { describe, expect, it } from 'vitest'
import { COMPILE_HINT, addCompileHints, wantsEagerCompile, type HintedChunk } from '../../scripts/compileHints'

const chunk = (moduleIds: string[], code = 'import{a}from"./a.js";a();'): HintedChunk => ({ type: 'chunk', moduleIds, code })

describe('the ECharts compile hint', () => {
  it('goes on the first line of the chunks holding ECharts or zrender, and nowhere else', () => {
    const bundle: Record<string, HintedChunk> = {
      'assets/EChart-A.js': chunk(['/repo/src/components/EChart.vue', '/repo/node_modules/echarts/lib/core/echarts.js']),
      'assets/dom-B.js': chunk(['/repo/node_modules/zrender/lib/core/platform.js']),
      'assets/mountApp-C.js': chunk(['/repo/src/mountApp.ts', '/repo/node_modules/vue/dist/vue.runtime.esm-bundler.js']),
      // A module of ours whose name mentions ECharts is not ECharts.
      'assets/charts-D.js': chunk(['/repo/src/charts/echartsOptions.ts']),
      'assets/app-E.css': { type: 'asset' },
    }
    expect(addCompileHints(bundle)).toEqual(['assets/EChart-A.js', 'assets/dom-B.js'])
    expect(bundle['assets/EChart-A.js']?.code).toBe(`${COMPILE_HINT}\nimport{a}from"./a.js";a();`)
    expect(bundle['assets/dom-B.js']?.code?.split('\n')[0]).toBe(COMPILE_HINT)
    expect(bundle['assets/mountApp-C.js']?.code).toBe('import{a}from"./a.js";a();')
    expect(bundle['assets/charts-D.js']?.code).toBe('import{a}from"./a.js";a();')
  })

  it('is added once, whatever runs the hook again (a watch rebuild)', () => {
    const bundle = { 'assets/EChart-A.js': chunk(['C:\\repo\\node_modules\\echarts\\index.js']) }
    addCompileHints(bundle)
    addCompileHints(bundle)
    expect(bundle['assets/EChart-A.js'].code?.match(/allFunctionsCalledOnLoad/g)).toHaveLength(1)
    expect(wantsEagerCompile({ type: 'asset', moduleIds: ['/repo/node_modules/echarts/x.js'] })).toBe(false)
  })
})
