import { describe, expect, it } from 'vitest'
import { appChunkFiles, type ChunkInfo } from '../../scripts/preloadApp'

const chunk = (fileName: string, extra: Partial<ChunkInfo> = {}): ChunkInfo => ({ type: 'chunk', fileName, ...extra })

describe('the app chunk preload hints', () => {
  it('lists the app chunk, its static imports (transitively, once each) and their CSS; nothing lazy', () => {
    const bundle: Record<string, ChunkInfo> = {
      'assets/index-A.js': chunk('assets/index-A.js', { facadeModuleId: '/repo/index.html', imports: ['assets/client-B.js'] }),
      'assets/client-B.js': chunk('assets/client-B.js'),
      'assets/mountApp-C.js': chunk('assets/mountApp-C.js', {
        facadeModuleId: '/repo/src/mountApp.ts',
        imports: ['assets/vue-D.js', 'assets/shared-E.js'],
        viteMetadata: { importedCss: new Set(['assets/mountApp-C.css']) },
      }),
      'assets/vue-D.js': chunk('assets/vue-D.js'),
      'assets/shared-E.js': chunk('assets/shared-E.js', { imports: ['assets/vue-D.js'], viteMetadata: { importedCss: new Set(['assets/shared-E.css']) } }),
      'assets/TargetsView-F.js': chunk('assets/TargetsView-F.js', { facadeModuleId: '/repo/src/views/TargetsView.vue', imports: ['assets/vue-D.js'] }),
      'assets/mountApp-C.css': { type: 'asset', fileName: 'assets/mountApp-C.css' },
    }
    expect(appChunkFiles(bundle)).toEqual({
      js: ['assets/mountApp-C.js', 'assets/vue-D.js', 'assets/shared-E.js'],
      css: ['assets/mountApp-C.css', 'assets/shared-E.css'],
    })
  })

  it('adds nothing to a build without an app chunk (the offline single file)', () => {
    expect(appChunkFiles({ 'assets/index-A.js': chunk('assets/index-A.js', { facadeModuleId: '/repo/index.html' }) })).toEqual({ js: [], css: [] })
  })
})
