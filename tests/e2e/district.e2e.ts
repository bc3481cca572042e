import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { drawnText, startApp, watchErrors, type App } from './harness'
import { syntheticDistrict } from '../fixtures/syntheticDistrict'
import { validateDatasetValue } from '../../src/io/validateDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import { buildObservationRows } from '../../src/domain/observationRow'
import { formatPercent, formatPoints, formatQuantity } from '../../src/domain/format'

const STREETS = 60
const file = syntheticDistrict({ streets: STREETS })
const dataset = validateDatasetValue(file, 'district.json').dataset
if (!dataset) throw new Error('fixture invalid')
const expectedRows = buildObservationRows(
  dataset.observations.filter((o) => o.indicatorId === 'syn-investment'),
  buildDatasetIndex(dataset),
)

/** Serves the fixture at a same-origin path, as an intranet server would. */
async function serveFixture(page: Page): Promise<void> {
  await page.route('**/fixtures/district.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) }),
  )
}

describe('a 60-street district loaded with ?data= (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
  })
  after(async () => {
    await app?.close()
  })

  it('draws one bullet row per street with the numbers of the data, best first, and the headline count', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await serveFixture(page)
    await page.goto(`${app.baseUrl}#/targets?data=fixtures/district.json&region=syn-district`)
    await page.getByTestId('dataset-source').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="targets-view"] canvas').length === 1)
    // The link's region named a district only the linked data has: it survives the load.
    assert.equal(await page.getByTestId('region-picker').inputValue(), 'syn-district')
    assert.match(page.url(), /region=syn-district/)
    const section = page.getByTestId('chart-panel').first()
    await section.getByTestId('table-toggle').click()
    const rows = await section.locator('[data-testid="chart-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.col, td.textContent?.trim()]))),
    )
    assert.equal(rows.length, STREETS)
    const byRegion = new Map(rows.map((r) => [r.region, r]))
    for (const row of expectedRows) {
      const shown = byRegion.get(row.subject.name.zh)
      assert.ok(shown, row.subject.name.zh)
      assert.equal(shown.actual, formatQuantity(row.observation.actual ?? 0, 'CNY', 'zh-CN'))
      assert.equal(shown.target, formatQuantity(row.observation.target ?? 0, 'CNY', 'zh-CN'))
      assert.equal(shown.completion, formatPercent(row.completion ?? 0, 'zh-CN'))
      assert.equal(shown.gap, formatPoints(row.gap ?? 0, 'zh-CN'))
      assert.equal(shown.status, { ahead: '超序时', 'on-time': '达序时', behind: '滞后' }[row.status ?? 'behind'])
    }
    // Best first: the gaps only go down the table.
    const gaps = rows.map((r) => Number((r.gap ?? '').replace('−', '-').replace(/[^\d.+-]/g, '')))
    assert.deepEqual(gaps, [...gaps].sort((a, b) => b - a))
    const atOrAbove = expectedRows.filter((r) => r.status !== 'behind').length
    assert.match(await page.getByTestId('panel-headline').innerText(), new RegExp(`^60个地区中${atOrAbove}个达到或超过序时进度`))
    await page.screenshot({ path: 'test-results/targets-60-zh.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('overview: a page of cards per category with how many there are, more on request', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await serveFixture(page)
    await page.goto(`${app.baseUrl}#/overview?data=fixtures/district.json&region=syn-district&lang=zh-CN`)
    await page.getByTestId('dataset-source').waitFor()
    // 120 figures: 60 in each of two categories; 20 cards each at first, never all 120 at once.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="kpi-card"]').length === 40)
    assert.match(await page.getByTestId('overview-headline').innerText(), /120项数据/)
    const projects = page.locator('.kpi-group[data-category="projects"]')
    assert.equal(await drawnText(projects.getByTestId('kpi-showing')), '显示20项，共60项。')
    await projects.getByTestId('kpi-show-more').click()
    await page.waitForFunction(() => document.querySelectorAll('.kpi-group[data-category="projects"] [data-testid="kpi-card"]').length === 40)
    assert.equal(await drawnText(projects.getByTestId('kpi-showing')), '显示40项，共60项。')
    // The other category keeps its page; a new scope starts again from one page.
    assert.equal(await page.locator('.kpi-group[data-category="economy"] [data-testid="kpi-card"]').count(), 20)
    await page.getByTestId('region-picker').selectOption('')
    await page.waitForFunction(() => document.querySelectorAll('.kpi-group[data-category="projects"] [data-testid="kpi-card"]').length === 20)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('keeps the current data and says why when the link is missing or points elsewhere', async () => {
    for (const param of ['fixtures/missing.json', 'https://example.org/data.json']) {
      const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } })
      await page.goto(`${app.baseUrl}#/overview?data=${encodeURIComponent(param)}`)
      const notice = page.getByTestId('notice')
      await notice.waitFor()
      assert.match(await notice.innerText(), /无法载入链接中的数据/)
      assert.equal(await page.getByTestId('kpi-card').count(), 56)
      await page.close()
    }
  })
})
