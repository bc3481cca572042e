import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { startApp, watchErrors, type App } from './harness'

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
