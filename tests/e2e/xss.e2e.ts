import { after, before, describe, it } from 'node:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import assert from 'node:assert/strict'
import type { BrowserContext, Page } from 'playwright-core'
import { cspViolations, startApp, watchCsp, watchErrors, type App } from './harness'
import { PAYLOADS, hostileDataset } from '../fixtures/hostileDataset'

const file = JSON.stringify(hostileDataset())

/** A page that serves the hostile dataset, records dialogs and CSP violations, and starts with no canary. */
async function hostilePage(context: BrowserContext): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.route('**/fixtures/hostile.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: file }))
  await watchCsp(page)
  return { page, dialogs, errors: watchErrors(page) }
}

const canary = (page: Page): Promise<unknown> => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)

async function hoverCharts(page: Page): Promise<void> {
  for (const canvas of await page.locator('canvas').all()) {
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    if (!box) continue
    // Sweep across the chart so every row's tooltip and every marker is hit.
    for (const y of [0.15, 0.35, 0.5, 0.65, 0.85]) await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * y)
  }
}

describe('untrusted text is never code (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
  })
  after(async () => {
    await app?.close()
  })

  it('a dataset of payloads, loaded with ?data=, runs no script in any view, tooltip, table, dialog or slide', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })
    const { page, dialogs, errors } = await hostilePage(context)
    const data = 'data=fixtures/hostile.json'
    await page.goto(`${app.baseUrl}#/overview?${data}`)
    await page.getByTestId('dataset-source').waitFor()
    await page.getByTestId('kpi-card').first().waitFor()

    // Shown literally: the markup is text on the page.
    assert.ok((await page.locator('main').innerText()).includes(PAYLOADS.img))
    await page.getByTestId('kpi-card').first().click()
    const dialog = page.getByTestId('source-dialog')
    await dialog.waitFor()
    assert.ok((await dialog.innerText()).includes(PAYLOADS.img))
    // A javascript: source URL gives no link.
    assert.equal(await dialog.locator('a').count(), 0)
    await page.keyboard.press('Escape')

    const views: [string, string][] = [
      ['targets', 'region=x-district'],
      ['projects', ''],
      ['growth', ''],
      ['livelihood', ''],
      ['explorer', 'indicator=x-investment'],
      ['bulletin', 'region=x-street-0'],
      ['data', ''],
    ]
    for (const lang of ['zh-CN', 'en']) {
      for (const [view, extra] of views) {
        await page.goto(`${app.baseUrl}#/${view}?${[data, extra, `lang=${lang}`].filter(Boolean).join('&')}`)
        await page.getByTestId(`${view === 'data' ? 'data-table' : `${view}-view`}`).waitFor()
        await page.waitForFunction(() => document.documentElement.dataset.readyCount !== undefined)
        await hoverCharts(page)
        for (const toggle of await page.getByTestId('table-toggle').all()) await toggle.click()
        assert.equal(await canary(page), undefined, `${view} ${lang}`)
      }
    }
    const tableText = await page.locator('main').innerText()
    assert.ok(tableText.includes(PAYLOADS.svg) && tableText.includes(PAYLOADS.vue), 'payloads shown as text in the data view')

    // The bulletin's figures and the targets chart's export menu.
    await page.goto(`${app.baseUrl}#/targets?${data}&region=x-district`)
    await page.getByTestId('export-menu-button').first().click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').first().click()])
    assert.doesNotMatch(download.suggestedFilename(), /[<>:"/\\|?*]/)

    // Slides and the presenter's notes.
    await page.goto(`${app.baseUrl}#/present?${data}&deck=all&slide=2`)
    await page.getByTestId('present-view').waitFor()
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('PageDown')
      await hoverCharts(page)
    }
    await page.goto(`${app.baseUrl}#/presenter?${data}&deck=all&slide=2`)
    await page.getByTestId('presenter-notes').waitFor()
    assert.ok((await page.getByTestId('presenter-notes').innerText()).includes(PAYLOADS.img))

    assert.equal(await canary(page), undefined)
    assert.deepEqual(dialogs, [])
    assert.deepEqual(await cspViolations(page), [])
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the same payloads through the import page: the import and the imported views stay text', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const { page, dialogs, errors } = await hostilePage(context)
    const file = join(mkdtempSync(join(tmpdir(), 'xss-')), 'hostile.json')
    writeFileSync(file, JSON.stringify(hostileDataset()))
    await page.goto(`${app.baseUrl}#/import`)
    await page.getByTestId('import-file-input').setInputFiles(file)
    await page.getByTestId('import-confirm').waitFor()
    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-outcome').waitFor()
    for (const view of ['overview', 'targets', 'data']) {
      await page.goto(`${app.baseUrl}#/${view}`)
      await page.locator('main').getByText(PAYLOADS.img).first().waitFor()
      await hoverCharts(page)
    }
    assert.equal(await canary(page), undefined)
    assert.deepEqual(dialogs, [])
    assert.deepEqual(await cspViolations(page), [])
    assert.deepEqual(errors, [])
    await context.close()
  })
})
