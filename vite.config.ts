import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { compileHints } from './scripts/compileHints'
import { contentSecurityPolicy } from './scripts/contentSecurityPolicy'
import { preloadApp } from './scripts/preloadApp'

// Messages are precompiled at build time, so the app ships vue-i18n's runtime-only build and needs
// no `eval`/`new Function` (a strict CSP stays possible).
export default defineConfig({
  plugins: [
    vue(),
    contentSecurityPolicy(),
    preloadApp(),
    compileHints(),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: true,
      escapeHtml: true,
    }),
  ],
  // Module workers (the import worker is started with type 'module'): the worker's chunks are
  // split like the page's, so it fetches its small entry, starts a link's download, and loads the
  // readers meanwhile (see importWorker.ts). The classic format would inline them all.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    manifest: true,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
})
