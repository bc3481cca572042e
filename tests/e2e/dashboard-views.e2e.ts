import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { cspViolations, drawnText, startApp, watchCsp, watchErrors, type App } from './harness'
import { VIEW_NAMES } from './views'

/** Waits for the n-th 'dashboard:ready' mark: the charts of the latest change have finished drawing. */
async function waitForReady(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('dashboard:ready').length >= n, count)
}
const readyCount = (page: Page): Promise<number> =>
  page.evaluate(() => performance.getEntriesByName('dashboard:ready').length)

/** The cells of the data table behind the first chart on the page, row by row. */
async function chartTable(page: Page, panel = 0): Promise<Record<string, string>[]> {
  const section = page.getByTestId('chart-panel').nth(panel)
  if ((await section.getByTestId('chart-table').count()) === 0) await section.getByTestId('table-toggle').click()
  return section.locator('[data-testid="chart-table"] tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      Object.fromEntries(
        [...row.querySelectorAll('td')].map((td) => [td.getAttribute('data-col') ?? '', (td.textContent ?? '').trim()]),
      ),
    ),
  )
}

describe('dashboard views on the seed dataset (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
    mkdirSync('test-results', { recursive: true })
  })
  after(async () => {
    await app?.close()
  })

  it('opens on the overview: a card per figure, the status as a word, the source quote on click', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(app.baseUrl)
    await waitForReady(page)
    assert.match(page.url(), /#\/overview\?.*lang=zh-CN/)
    assert.equal(await page.getByTestId('kpi-card').count(), 56)
    assert.match(await page.getByTestId('overview-headline').innerText(), /有目标的1项中，1项达到或超过序时进度/)

    const card = page.locator('[data-testid="kpi-card"][data-observation="000-07"]')
    assert.match(await card.innerText(), /4\.32亿元[\s\S]*4\.97亿元[\s\S]*86\.9%[\s\S]*83\.3%[\s\S]*\+3\.6个百分点[\s\S]*超序时/)
    assert.match(await page.locator('[data-observation="000-15"]').innerText(), /300余件/)

    await card.click()
    const dialog = page.getByTestId('source-dialog')
    await dialog.waitFor()
    assert.match(await dialog.innerText(), /完成项目投资4\.32亿元/)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('reports a failure nobody awaited to the user instead of swallowing it, and the app keeps working', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(`${app.baseUrl}#/overview`)
    await waitForReady(page)
    await page.evaluate(() => {
      void Promise.reject(new Error('boom from a forgotten promise'))
    })
    const notice = page.getByTestId('notice')
    await notice.waitFor()
    assert.match(await notice.innerText(), /发生了意外错误/)
    await page.getByTestId('nav-targets').click()
    await page.getByTestId('targets-view').waitFor()
    await page.close()
  })

  it('targets: the bullet rows carry the numbers of the data, and the status follows the 序时进度 rule', async () => {
    for (const [lang, expected] of [
      ['zh-CN', { region: '大市口街道', actual: '4.32亿元', target: '4.97亿元', gap: '+3.6个百分点', status: '超序时' }],
      ['en', { region: 'Dashikou Subdistrict', actual: 'CNY 432 million', target: 'CNY 497 million', gap: '+3.6 pp', status: 'Ahead' }],
    ] as const) {
      const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
      const errors = watchErrors(page)
      await page.goto(`${app.baseUrl}#/targets?lang=${lang}`)
      await waitForReady(page)
      assert.equal(await page.locator('[data-testid="targets-view"] canvas').count(), 1)
      const rows = await chartTable(page)
      assert.deepEqual(rows, [
        { ...expected, completion: '86.9%', elapsed: '83.3%' },
      ])
      assert.match(
        await page.getByTestId('panel-headline').innerText(),
        lang === 'en' ? /1 of 1 regions at or above schedule/ : /1个地区中1个达到或超过序时进度/,
      )
      assert.deepEqual(errors, [])
      await page.close()
    }
  })

  it('says which data is missing instead of drawing a blank chart', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/targets?region=dagang`)
    await waitForReady(page)
    assert.equal(await page.getByTestId('chart-empty').innerText(), '大港街道没有“项目投资”的数据。')
    assert.equal(await page.locator('canvas').count(), 0)

    await page.goto(`${app.baseUrl}#/growth?region=nantong`)
    await page.getByTestId('growth-view').waitFor()
    assert.equal(await page.getByTestId('chart-empty').innerText(), '南通市没有同比增速数据。')

    await page.goto(`${app.baseUrl}#/projects?region=dagang&lang=en`)
    await page.getByTestId('projects-view').waitFor()
    assert.equal(await page.getByTestId('view-empty').innerText(), 'No project figures for Dagang Subdistrict.')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('restores the same view from its URL, and back/forward walk through filter changes', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/explorer?region=dashikou&indicator=wholesale-sales&lang=en&theme=dark`)
    await waitForReady(page)
    const check = async (): Promise<void> => {
      assert.equal(await page.getByTestId('region-picker').inputValue(), 'dashikou')
      assert.equal(await page.getByTestId('indicator-picker').inputValue(), 'wholesale-sales')
      assert.equal(await page.locator('html').getAttribute('lang'), 'en')
      assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark')
      assert.equal(await page.getByRole('heading', { level: 2 }).innerText(), 'Indicator explorer')
    }
    await check()
    await page.reload()
    await waitForReady(page)
    await check()
    assert.deepEqual(await chartTable(page), [{ region: 'Dashikou Subdistrict', period: 'Jan–Oct 2023', value: '+43.7%' }])

    await page.getByTestId('region-picker').selectOption('nantong')
    await page.waitForURL(/region=nantong/)
    await page.goBack()
    await page.waitForURL(/region=dashikou/)
    assert.equal(await page.getByTestId('region-picker').inputValue(), 'dashikou')
    const settled = await readyCount(page)
    await page.goForward()
    await page.waitForURL(/region=nantong/)
    // Let the view finish redrawing before the next click lands on it.
    await waitForReady(page, settled + 1)
    assert.equal(await page.getByTestId('region-picker').inputValue(), 'nantong')

    // Switching view keeps the filters.
    await page.getByTestId('nav-overview').click()
    await page.getByTestId('overview-view').waitFor()
    assert.match(page.url(), /#\/overview\?.*region=nantong/)
    assert.equal(await page.getByTestId('kpi-card').count(), 15)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('bulletin: the text names the figures of the street exactly, and the copy on the clipboard is that text', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl.replace(/\/$/, '') })
    const page = await context.newPage()
    const errors = watchErrors(page)
    for (const [lang, expected] of [
      ['zh-CN', '1-10月，大市口街道完成项目投资4.32亿元，占年度计划的86.9%，超序时进度3.6个百分点；限上批发业商品销售额增幅43.7%，位列京口区第一。'],
      ['en', 'In January–October, Dashikou Subdistrict completed project investment of CNY 432 million, 86.9% of the annual plan, 3.6 percentage points ahead of schedule;'],
    ] as const) {
      await page.goto(`${app.baseUrl}#/bulletin?region=dashikou&lang=${lang}`)
      await page.getByTestId('bulletin-paragraph').first().waitFor()
      await page.getByTestId('bulletin-copy').click()
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      assert.ok(copied.startsWith(expected), copied)
      assert.ok((await page.getByTestId('bulletin-paragraph').first().innerText()).startsWith(expected))
    }
    // The Word file holds the same text, and a footnote with each quote.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-word').click()])
    assert.match(download.suggestedFilename(), /^Dashikou Subdistrict-Jan–Oct 2023-bulletin\.docx$/)
    const docx = await JSZip.loadAsync(readFileSync((await download.path()) as string))
    const documentXml = (await docx.file('word/document.xml')?.async('string')) ?? ''
    assert.match(documentXml, /CNY 432 million/)
    assert.match((await docx.file('word/footnotes.xml')?.async('string')) ?? '', /完成项目投资4\.32亿元/)
    // The view's PPTX opens with the bulletin of the chosen street, before the charts.
    await page.goto(`${app.baseUrl}#/growth?region=dashikou&lang=zh-CN`)
    await page.getByTestId('growth-view').waitFor()
    const [deck] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pptx').click()])
    const pptx = await JSZip.loadAsync(readFileSync((await deck.path()) as string))
    assert.match((await pptx.file('ppt/slides/slide2.xml')?.async('string')) ?? '', /大市口街道完成项目投资4\.32亿元/)
    await page.goto(`${app.baseUrl}#/bulletin?region=dashikou&lang=en`)
    await page.getByTestId('bulletin-paragraph').first().waitFor()
    // A figure opens the quote it rests on.
    await page.getByTestId('bulletin-figure').first().click()
    assert.match(await page.getByTestId('source-dialog').innerText(), /完成项目投资4\.32亿元/)
    await page.keyboard.press('Escape')
    // The overview card shows the year-end projection, marked as one.
    await page.goto(`${app.baseUrl}#/overview?lang=zh-CN`)
    assert.match(await drawnText(page.locator('[data-observation="000-07"] [data-testid="kpi-projection"]')), /全年预测（预测）\s*5\.18亿元/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('writes a filter change to the URL after drawing it, without losing it to a tab clicked or an address typed meanwhile', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/targets?lang=zh-CN`)
    await waitForReady(page)
    // A change and, straight after it, a view tab (its link was built from the URL before the change).
    const before = await readyCount(page)
    await page.getByTestId('region-picker').selectOption('nantong')
    await page.getByTestId('nav-overview').click()
    await page.getByTestId('overview-view').waitFor()
    await page.waitForURL(/#\/overview\?.*region=nantong/)
    assert.equal(await page.getByTestId('region-picker').inputValue(), 'nantong')
    await waitForReady(page, before + 1)
    // A change and, straight after it, an address with other values: the address wins.
    await page.getByTestId('region-picker').selectOption('dashikou')
    await page.goto(`${app.baseUrl}#/targets?lang=en`)
    await page.getByTestId('targets-view').waitFor()
    await page.waitForTimeout(1200) // longer than a pending write may wait
    assert.doesNotMatch(page.url(), /region=/)
    assert.equal(await page.getByTestId('region-picker').inputValue(), '')
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('every view draws in both languages and both themes without errors or CSP violations, tooltips included, and marks dashboard:ready each time', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } })
    const errors = watchErrors(page)
    await watchCsp(page)
    // Start elsewhere: going to the URL the page is already at is no navigation, and marks nothing.
    await page.goto(`${app.baseUrl}#/data`)
    await waitForReady(page)
    for (const view of VIEW_NAMES) {
      for (const query of ['lang=zh-CN&theme=light', 'lang=en&theme=dark']) {
        const before = await readyCount(page)
        await page.goto(`${app.baseUrl}#/${view}?${query}`)
        await waitForReady(page, before + 1)
        const main = await page.locator('main').innerText()
        assert.ok(main.length > 20, `${view} ${query} shows content`)
        // No layout wider than the window at the smallest supported size.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 0, `${view} ${query} overflows by ${overflow}px`)
        // Hover every chart: tooltips write inline styles and markup, the riskiest path under a CSP.
        for (const canvas of await page.locator('canvas').all()) {
          await canvas.scrollIntoViewIfNeeded()
          await canvas.hover()
        }
      }
    }
    // The language switch and the source dialog's close button (a method="dialog" form) too.
    await page.goto(`${app.baseUrl}#/overview?lang=zh-CN`)
    await page.getByTestId('language-switch').click()
    await page.locator('[data-testid="kpi-card"]').first().click()
    await page.getByTestId('source-close').click()
    await page.getByTestId('source-dialog').waitFor({ state: 'hidden' })
    assert.deepEqual(await cspViolations(page), [])
    assert.deepEqual(errors, [])
    await page.close()
  })
})
