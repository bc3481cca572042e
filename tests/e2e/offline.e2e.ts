import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_PATH, watchErrors } from './harness'

const FILE = resolve('dist-offline/街道指标看板.html')

describe('offline single file (Chromium, file://, network blocked)', () => {
  let browser: Browser
  before(async () => {
    if (!existsSync(FILE)) {
      const result = spawnSync('npx', ['tsx', 'scripts/build-offline.ts'], { stdio: 'inherit' })
      assert.equal(result.status, 0, 'build:offline failed')
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] })
  })
  after(async () => {
    await browser?.close()
  })

  it('opens from file:// and draws the dashboard and the presenter with no network', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, offline: true })
    const requests: string[] = []
    // Anything but the file itself (and in-page data: / blob: URLs) would be a network request: refuse it.
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
      requests.push(url)
      return route.abort()
    })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    const url = pathToFileURL(FILE).href
    await page.goto(`${url}#/targets`)
    await page.waitForFunction(() => performance.getEntriesByName('dashboard:ready').length > 0)
    assert.equal(await page.locator('[data-testid="targets-view"] canvas').count(), 1)
    assert.match(await page.getByTestId('panel-headline').innerText(), /1个地区中1个达到或超过序时进度/)

    await page.goto(`${url}#/present?deck=all&slide=2&lang=en`)
    await page.getByTestId('present-view').waitFor()
    await page.keyboard.press('PageDown')
    await page.waitForFunction(() => document.querySelector('[data-testid="present-view"]')?.getAttribute('data-slide') === '3')
    assert.equal(await page.locator('[data-testid="slide"] canvas').count(), 1)
    await page.screenshot({ path: 'test-results/offline-present-en.png' })

    assert.deepEqual(requests, [])
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), [])
    assert.deepEqual(errors, [])
    await context.close()
  })
})
