/**
 * Screenshots of every view at projector size (1920x1080), in both languages and both themes, into
 * test-results/screens/ (or the directory given). For looking at what was built, and for the README.
 *   npm run build && npm run screenshots [-- --views=overview,targets] [--out=DIR] [--query=region=dashikou]
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startApp } from '../tests/e2e/harness'
import { VIEW_NAMES } from '../tests/e2e/views'

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

const views = arg('views')?.split(',') ?? [...VIEW_NAMES]
const out = arg('out') ?? 'test-results/screens'
const extraQuery = arg('query') ?? ''
mkdirSync(out, { recursive: true })

const app = await startApp()
try {
  const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
  for (const view of views) {
    for (const lang of ['zh-CN', 'en']) {
      for (const theme of ['light', 'dark']) {
        const query = [`lang=${lang}`, `theme=${theme}`, extraQuery].filter(Boolean).join('&')
        await page.goto(`${app.baseUrl}#/${view}?${query}`)
        await page.reload()
        await page.waitForFunction(() => performance.getEntriesByName('dashboard:ready').length > 0)
        const file = join(out, `${view}-${lang}-${theme}.png`)
        await page.screenshot({ path: file })
        console.log(file)
      }
    }
  }
} finally {
  await app.close()
}
