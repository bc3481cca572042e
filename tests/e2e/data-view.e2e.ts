import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { startApp, watchErrors, type App } from './harness'
import { largeTableText } from '../../bench/largeTable'
import { decodeBytes } from '../../src/io/decodeBytes'
import { parseDelimited } from '../../src/io/delimitedText'
import { formatQuantity } from '../../src/domain/format'

interface SeedObservation {
  id: string
  subjectId: string
  documentId: string
}
const seed = JSON.parse(readFileSync('data/dataset.json', 'utf8')) as { observations: SeedObservation[] }
const total = seed.observations.length

describe('data view (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
    mkdirSync('test-results', { recursive: true })
  })
  after(async () => {
    await app?.close()
  })

  it('lists every observation of the embedded dataset with its quote, in Chinese by default', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/data`)
    await page.locator('[data-testid="data-table"] tbody tr').first().waitFor()
    assert.equal(await page.locator('[data-testid="data-table"] tbody tr').count(), total)
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    assert.match(await page.locator('[data-testid="row-count"]').innerText(), new RegExp(`${total} / ${total}`))

    // The one observation with a target: 4.32亿元 of 4.97亿元 for 1-10月 is 86.9%, 3.6 points ahead of 序时进度.
    const investment = page.locator('tr[data-observation="000-07"]')
    assert.equal(await investment.locator('[data-col="actual"]').innerText(), '4.32亿元')
    assert.equal(await investment.locator('[data-col="target"]').innerText(), '4.97亿元')
    assert.equal(await investment.locator('[data-col="completion"]').innerText(), '86.9%')
    assert.match(await investment.locator('[data-col="schedule"]').innerText(), /83\.3%[\s\S]*\+3\.6个百分点[\s\S]*超序时/)
    assert.match(await investment.innerText(), /1-10月,完成项目投资4\.32亿元/)
    // Qualifiers are shown, never dropped.
    assert.equal(await page.locator('tr[data-observation="000-15"] [data-col="actual"]').innerText(), '300余件')

    await page.screenshot({ path: 'test-results/data-view-zh-1920.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('switches to English, and remembers the choice across a reload', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/data`)
    await page.getByTestId('language-switch').click()
    await page.getByRole('heading', { name: 'Street Indicator Dashboard' }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    const investment = page.locator('tr[data-observation="000-07"]')
    assert.equal(await investment.locator('[data-col="actual"]').innerText(), 'CNY 432 million')
    assert.match(await investment.locator('[data-col="schedule"]').innerText(), /\+3\.6 pp[\s\S]*Ahead/)
    assert.equal(await page.locator('tr[data-observation="000-15"] [data-col="actual"]').innerText(), '300+ cases')
    await page.screenshot({ path: 'test-results/data-view-en-1920.png' })

    await page.reload()
    await page.getByRole('heading', { name: 'Street Indicator Dashboard' }).waitFor()
    // The header is drawn before the view's code has loaded: wait for the table as on a first visit.
    await page.locator('[data-testid="data-table"] tbody tr').first().waitFor()
    assert.equal(await page.locator('[data-testid="data-table"] tbody tr').count(), total)
    await page.getByTestId('language-switch').click()
    await page.getByRole('heading', { name: '街道指标看板' }).waitFor()
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('filters by region, search text and period, and sorts by a column', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/data`)
    const rows = page.locator('[data-testid="data-table"] tbody tr')
    await rows.first().waitFor()

    const nantong = seed.observations.filter((o) => o.documentId.startsWith('003')).length
    await page.getByTestId('region-picker').selectOption('nantong')
    assert.equal(await rows.count(), nantong)
    await page.getByTestId('region-picker').selectOption('')

    await page.getByTestId('data-search').fill('热线')
    assert.equal(await rows.count(), 2)
    await page.getByTestId('data-search').fill('no such thing anywhere')
    await page.getByTestId('empty-state').waitFor()
    await page.getByRole('button', { name: '清除筛选' }).click()
    assert.equal(await rows.count(), total)

    await page.getByTestId('period-picker').selectOption('2023-01..2023-10')
    assert.equal(await rows.count(), 2)
    // The selection is in the URL, so a link or a reload shows the same rows.
    await page.waitForURL(/period=2023-01\.\.2023-10/)
    await page.reload()
    await rows.first().waitFor()
    assert.equal(await rows.count(), 2)
    assert.equal(await page.getByTestId('period-picker').inputValue(), '2023-01..2023-10')
    await page.getByTestId('period-picker').selectOption('')

    await page.getByTestId('sort-actual').click()
    await page.getByTestId('sort-actual').click()
    assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1)
    // Largest actual first: the fund's paid-in capital, 12.86亿元.
    assert.equal(await rows.first().locator('[data-col="actual"]').innerText(), '12.86亿元')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('opens a deep link to a region and ignores a region that does not exist', async () => {
    const page = await app.browser.newPage()
    const errors = watchErrors(page)
    const rows = page.locator('[data-testid="data-table"] tbody tr')
    await page.goto(`${app.baseUrl}#/data?region=nantong`)
    await rows.first().waitFor()
    assert.equal(await rows.count(), seed.observations.filter((o) => o.documentId.startsWith('003')).length)
    assert.equal(await page.getByTestId('region-picker').inputValue(), 'nantong')

    await page.goto(`${app.baseUrl}#/data?region=%3Cimg%20src%3Dx%3E`)
    await page.reload()
    await rows.first().waitFor()
    assert.equal(await rows.count(), total)
    assert.deepEqual(errors, [])
    await page.close()
  })
})

/**
 * A synthetic table of 6,000 rows (50 streets × 10 indicators × 12 months, npm run gen:large's
 * generator at a small size), served same-origin for ?data=, as an intranet server would.
 */
const TABLE = largeTableText({ cities: 1, districtsPerCity: 5, streetsPerDistrict: 10, indicators: 10, months: 12 })
const [, ...TABLE_ROWS] = TABLE.trim()
  .split('\r\n')
  .map((line) => line.split(','))
const COLUMN = { region: 0, parent: 1, indicator: 3, category: 4, period: 6, actual: 8 }
const cell = (row: string[], column: keyof typeof COLUMN): string => row[COLUMN[column]] ?? ''
const ROWS = TABLE_ROWS.length
const DISTRICT = cell(TABLE_ROWS[0] as string[], 'parent')
const INDICATOR = '固定资产投资'

async function openTable(app: App, page: Page): Promise<void> {
  await page.route('**/fixtures/table.csv', (route) =>
    route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: TABLE }),
  )
  await page.goto(`${app.baseUrl}#/data?data=fixtures/table.csv`)
  await page.getByTestId('dataset-source').waitFor()
  await waitForCount(page, ROWS, ROWS)
}

/** Waits until the box's scroll position stops changing (a smooth scroll has finished). */
async function scrollAtRest(box: Locator): Promise<void> {
  let last = Number.NaN
  for (let i = 0; i < 100; i++) {
    const top = await box.evaluate((el) => el.scrollTop)
    if (top === last) return
    last = top
    await box.page().waitForTimeout(150)
  }
}

/** The row count says "显示 n / 总 m": waits until it does (the search waits for a pause in typing). */
async function waitForCount(page: Page, shown: number, total: number): Promise<void> {
  const text = `${shown.toLocaleString('en')} / ${total.toLocaleString('en')}`
  await page.waitForFunction((t) => document.querySelector('[data-testid="row-count"]')?.textContent?.includes(t) ?? false, text)
}

describe('a 6,000-row table loaded with ?data= (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
  })
  after(async () => {
    await app?.close()
  })

  it('renders only the rows in view, tells their place in the whole table, and scrolls to the last row', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await openTable(app, page)
    const table = page.getByTestId('data-table')
    const rows = table.locator('tbody tr')
    const rendered = await rows.count()
    assert.ok(rendered > 5 && rendered < 100, `${rendered} rows in the DOM`)
    assert.equal(await table.getAttribute('aria-rowcount'), String(ROWS + 1))
    assert.equal(await rows.first().getAttribute('aria-rowindex'), '2')
    // Dataset order: the file's first row first.
    assert.match(await rows.first().innerText(), new RegExp(cell(TABLE_ROWS[0] as string[], 'region')))
    // Every row has the same height, the arithmetic of the window depends on it.
    const heights = await rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getBoundingClientRect().height))])
    assert.deepEqual(heights, [60])

    // The scroll box stands for all rows: scrolled to its end, it shows the last row, whole.
    const box = page.locator('.virtual-table')
    await box.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    const last = table.locator(`tbody tr[aria-rowindex="${ROWS + 1}"]`)
    await last.waitFor()
    const lastRow = TABLE_ROWS[ROWS - 1] as string[]
    assert.match(await last.innerText(), new RegExp(`${cell(lastRow, 'region')}[\\s\\S]*${cell(lastRow, 'indicator')}`))
    const [boxBottom, lastBottom] = await page.evaluate(() => {
      const b = document.querySelector('.virtual-table')?.getBoundingClientRect()
      const rows = document.querySelectorAll('[data-testid="data-table"] tbody tr')
      return [b?.bottom ?? 0, rows[rows.length - 1]?.getBoundingClientRect().bottom ?? 0]
    })
    assert.ok(Math.abs(boxBottom - lastBottom) <= 2, `last row ends at ${lastBottom}, the box at ${boxBottom}`)
    assert.ok((await rows.count()) < 100)
    await page.screenshot({ path: 'test-results/data-view-6000-end.png' })

    // The keyboard scrolls it too, once the box has focus: Home to the first row, End to the last.
    await box.focus()
    await page.keyboard.press('Home')
    await table.locator('tbody tr[aria-rowindex="2"]').waitFor()
    await page.keyboard.press('PageDown')
    await page.waitForFunction(() => (document.querySelector('.virtual-table')?.scrollTop ?? 0) > 500)
    // An End pressed while PageDown's smooth scroll still ran was lost in two of three runs here: let
    // the scroll come to rest first, as a person's next key would.
    await scrollAtRest(box)
    await page.keyboard.press('End')
    await last.waitFor()
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('filters by district, category and search text, sorts, and counts what it shows', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors = watchErrors(page)
    await openTable(app, page)
    const rows = page.locator('[data-testid="data-table"] tbody tr')

    const districtId = await page
      .getByTestId('region-picker')
      .locator('option')
      .evaluateAll((options, name) => options.find((o) => o.textContent?.trim() === name)?.getAttribute('value') ?? '', DISTRICT)
    await page.getByTestId('region-picker').selectOption(districtId)
    await waitForCount(page, TABLE_ROWS.filter((r) => cell(r, 'parent') === DISTRICT).length, ROWS)
    await page.getByTestId('region-picker').selectOption('')
    await waitForCount(page, ROWS, ROWS)

    await page.getByTestId('category-filter').selectOption('projects')
    await waitForCount(page, TABLE_ROWS.filter((r) => cell(r, 'category') === '项目建设').length, ROWS)
    await page.getByTestId('category-filter').selectOption('')

    await page.getByTestId('data-search').fill(INDICATOR)
    const ofIndicator = TABLE_ROWS.filter((r) => cell(r, 'indicator') === INDICATOR)
    await waitForCount(page, ofIndicator.length, ROWS)
    assert.ok((await rows.count()) < 100)

    // Largest actual first; the value as the table writes it (亿元 in the file, base units in the data).
    await page.getByTestId('sort-actual').click()
    await page.getByTestId('sort-actual').click()
    await page.locator('th[aria-sort="descending"]').waitFor()
    const largest = Math.max(...ofIndicator.map((r) => Number(cell(r, 'actual'))))
    assert.equal(await rows.first().locator('[data-col="actual"]').innerText(), formatQuantity(largest * 1e8, 'CNY', 'zh-CN'))
    // Region names in pinyin order.
    await page.getByTestId('sort-region').click()
    const names = [...new Set(ofIndicator.map((r) => cell(r, 'region')))].sort(new Intl.Collator(['zh-CN', 'en'], { numeric: true }).compare)
    assert.match(await rows.first().innerText(), new RegExp(names[0] as string))

    await page.getByTestId('data-search').fill('没有这样的地区')
    await page.getByTestId('empty-state').waitFor()
    await page.getByRole('button', { name: '清除筛选' }).click()
    await waitForCount(page, ROWS, ROWS)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('prints the rows from the first, up to 2,000, and says so when there are more', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await openTable(app, page)
    const rows = page.locator('[data-testid="data-table"] tbody tr')
    assert.ok((await rows.count()) < 100)

    // Printed (emulated print media: what headless printing sends), the whole table is 6,000 rows.
    await page.emulateMedia({ media: 'print' })
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="data-table"] tbody tr').length === 2000)
    assert.equal(await rows.first().getAttribute('aria-rowindex'), '2')
    assert.equal(await rows.last().getAttribute('aria-rowindex'), '2001')
    assert.equal(await page.getByTestId('print-note').innerText(), '打印的是前 2,000 行，共 6,000 行；全部行请用“下载所示数据”导出。')
    // No scroll box on paper: the table is as tall as its rows.
    const [boxHeight, tableHeight] = await page.evaluate(() => [
      document.querySelector('.virtual-table')?.getBoundingClientRect().height ?? 0,
      document.querySelector('[data-testid="data-table"]')?.getBoundingClientRect().height ?? 0,
    ])
    assert.ok(tableHeight > 2000 * 59 && boxHeight >= tableHeight, `table ${tableHeight} px in a box of ${boxHeight} px`)
    const pdf = await page.pdf({ format: 'A4', landscape: true })
    assert.ok(pdf.length > 10_000)

    // Back on screen: the rows in view again. A district's 1,200 rows print whole, without a note.
    await page.emulateMedia({ media: 'screen' })
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="data-table"] tbody tr').length < 100)
    const districtId = await page
      .getByTestId('region-picker')
      .locator('option')
      .evaluateAll((options, name) => options.find((o) => o.textContent?.trim() === name)?.getAttribute('value') ?? '', DISTRICT)
    await page.getByTestId('region-picker').selectOption(districtId)
    const inDistrict = TABLE_ROWS.filter((r) => cell(r, 'parent') === DISTRICT).length
    await waitForCount(page, inDistrict, ROWS)
    await page.emulateMedia({ media: 'print' })
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="data-table"] tbody tr').length === n, inDistrict)
    assert.equal(await page.getByTestId('print-note').count(), 0)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('downloads the rows shown, filtered and sorted, as CSV the importer reads', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await openTable(app, page)
    const districtId = await page
      .getByTestId('region-picker')
      .locator('option')
      .evaluateAll((options, name) => options.find((o) => o.textContent?.trim() === name)?.getAttribute('value') ?? '', DISTRICT)
    await page.getByTestId('region-picker').selectOption(districtId)
    await page.getByTestId('data-search').fill(INDICATOR)
    const expected = TABLE_ROWS.filter((r) => cell(r, 'parent') === DISTRICT && cell(r, 'indicator') === INDICATOR)
    await waitForCount(page, expected.length, ROWS)
    await page.getByTestId('sort-actual').click()
    await page.getByTestId('sort-actual').click()
    await page.locator('th[aria-sort="descending"]').waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export-csv').click()])
    assert.equal(download.suggestedFilename(), `数据明细-${DISTRICT}.csv`)
    const path = await download.path()
    const { rows: cells } = parseDelimited(decodeBytes(new Uint8Array(readFileSync(path))).text, ',')
    const [header, ...body] = cells.filter((row) => row.some((c) => c !== ''))
    assert.deepEqual(header?.slice(0, 10), ['地区', '上级', '层级', '指标', '类别', '单位', '期间', '目标', '目标期间', '完成'])
    // Largest first, ties in the file's order: the same rows as the table, in the same order.
    const sorted = expected.map((r, i) => ({ r, i })).sort((a, b) => Number(cell(b.r, 'actual')) - Number(cell(a.r, 'actual')) || a.i - b.i)
    assert.deepEqual(
      body.map((row) => [row[0], row[3], row[5], Number(row[9])]),
      sorted.map(({ r }) => [cell(r, 'region'), INDICATOR, '亿元', Number(cell(r, 'actual'))]),
    )
    assert.match(await page.getByTestId('data-export-status').innerText(), /已下载/)

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export-xlsx').click()])
    assert.equal(xlsx.suggestedFilename(), `数据明细-${DISTRICT}.xlsx`)
    assert.deepEqual(errors, [])
    await page.close()
  })
})
