import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync, mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { cspViolations, startApp, watchCsp, watchErrors, type App } from './harness'

// Not in the seed reports: the page is judged on text it has never seen.
const PARAGRAPH = '1-9月，东湖街道完成项目投资3.15亿元，占年度计划的78.8%，同比增长12.5%。'
const SOURCE = '东湖街道工作简报（2024年第9期）'

/** The text as the page shows it, without the role tags and the hidden state words: the input exactly. */
function shownText(page: Page): Promise<string> {
  return page.getByTestId('review-text').evaluate((p) => {
    const copy = p.cloneNode(true) as HTMLElement
    for (const el of copy.querySelectorAll('.review-tag, .visually-hidden')) el.remove()
    return copy.textContent ?? ''
  })
}

/** Pastes a text, names its source and date, and finds its figures. */
async function review(page: Page, text: string, options: { year?: string; asOf?: string } = {}): Promise<void> {
  await page.getByTestId('review-text-input').fill(text)
  await page.getByTestId('review-source').fill(SOURCE)
  await page.getByTestId('review-year').fill(options.year ?? '2024')
  if (options.asOf) await page.getByTestId('review-as-of').selectOption(options.asOf)
  await page.getByTestId('review-extract').click()
  await page.getByTestId('review-text').waitFor()
}

const row = (page: Page, n: number) => page.getByTestId('review-row').nth(n)

/** Which element has the focus: its test id and the figure it belongs to. */
function focused(page: Page): Promise<{ testid: string | null; key: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement
    return {
      testid: el?.getAttribute('data-testid') ?? null,
      key: el?.closest('[data-figure-key]')?.getAttribute('data-figure-key') ?? null,
    }
  })
}

describe('review page: from report text to the dataset (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
    mkdirSync('test-results', { recursive: true })
  })
  after(async () => {
    await app?.close()
  })

  it('highlights each figure by role, corrects one, adds them and shows them in the data table and a chart', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await watchCsp(page)
    await page.goto(`${app.baseUrl}#/review`)
    await page.getByTestId('review-view').waitFor()
    assert.equal(await page.getByTestId('nav-review').innerText(), '文本审核')
    await review(page, PARAGRAPH)

    // The text exactly as pasted, each figure a highlight that names its role in words.
    assert.equal(await shownText(page), PARAGRAPH)
    const figures = page.getByTestId('review-figure')
    assert.deepEqual(
      await figures.evaluateAll((els) => els.map((e) => [e.querySelector('.review-figure__value')?.textContent, e.getAttribute('data-role'), e.querySelector('.review-tag')?.textContent])),
      [
        ['3.15亿元', 'actual', '完成值'],
        ['78.8%', 'completion_rate', '完成率'],
        ['12.5%', 'growth', '增速'],
      ],
    )
    assert.equal(await page.getByTestId('review-row').count(), 3)
    assert.equal(await row(page, 0).getByTestId('review-subject').inputValue(), '东湖街道')
    assert.equal(await row(page, 0).getByTestId('review-indicator').inputValue(), '项目投资')
    assert.equal(await row(page, 0).getByTestId('review-period').inputValue(), '2024-01..2024-09')
    assert.match(await row(page, 0).innerText(), /2024年1-9月/)

    // A click on a highlight focuses its row; a click on a row focuses its highlight.
    await figures.nth(2).click()
    const key2 = await figures.nth(2).getAttribute('data-figure-key')
    assert.deepEqual(await focused(page), { testid: 'review-accept', key: key2 })
    await row(page, 1).locator('td').nth(1).click()
    assert.deepEqual(await focused(page), { testid: 'review-figure', key: await figures.nth(1).getAttribute('data-figure-key') })

    // Nothing is added while a ticked row has an error: here an emptied subject.
    await page.getByTestId('review-select-all').click()
    await row(page, 1).getByTestId('review-subject').fill('')
    await page.getByTestId('review-add').click()
    const outcome = page.getByTestId('review-outcome')
    await outcome.waitFor()
    assert.equal(await outcome.getAttribute('data-status'), 'invalid')
    assert.match(await outcome.innerText(), /没有加入任何数字[\s\S]*78\.8% · 主体：不能为空/)
    assert.match(await row(page, 1).getByTestId('review-status').innerText(), /主体：不能为空/)
    assert.equal(await figures.nth(1).locator('.review-tag').innerText(), '⚠完成率')

    // Undo that, and correct the indicator of the first figure instead.
    await row(page, 1).getByTestId('review-revert').click()
    await row(page, 0).getByTestId('review-indicator').fill('重点项目投资')
    assert.match(await row(page, 0).getByTestId('review-status').innerText(), /已修改/)
    await page.getByTestId('review-add').click()
    await page.locator('[data-testid="review-outcome"][data-status="added"]').waitFor()
    assert.match(await page.getByTestId('review-outcome-added').innerText(), /已将 3 条记录加入数据集/)
    assert.match(await page.getByTestId('review-outcome-storage').innerText(), /已保存在本浏览器中/)
    assert.match(await row(page, 0).getByTestId('review-status').innerText(), /已加入/)
    const chartHref = await page.getByTestId('review-link-chart').getAttribute('href')
    assert.ok(chartHref?.includes('indicator='), chartHref ?? 'no chart link')
    await page.screenshot({ path: 'test-results/review-added.png' })

    // The data table lists the figure with its quote and source.
    await page.getByTestId('review-link-data').click()
    await page.getByTestId('data-table').waitFor()
    await page.getByTestId('data-search').fill('重点项目投资')
    const dataRows = page.locator('[data-testid="data-table"] tbody tr')
    assert.equal(await dataRows.count(), 1)
    const dataRow = await dataRows.first().innerText()
    assert.match(dataRow, /东湖街道/)
    assert.match(dataRow, /重点项目投资/)
    assert.match(dataRow, /2024年1-9月/)
    assert.match(dataRow, /3\.15亿元/)
    assert.match(dataRow, /东湖街道完成项目投资3\.15亿元/)
    assert.match(dataRow, new RegExp(SOURCE.replace(/[()（）]/g, '.')))
    await page.getByTestId('data-search').fill('项目投资完成率')
    assert.match(await dataRows.first().innerText(), /东湖街道[\s\S]*78\.8[\s\S]*占年度计划的78\.8%/)

    // Back on the review page, the review is as it was left: the figures marked as added.
    await page.getByTestId('nav-review').click()
    await page.getByTestId('review-table').waitFor()
    assert.deepEqual(
      await page.getByTestId('review-status').evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim())),
      ['✔ 已加入', '✔ 已加入', '✔ 已加入'],
    )

    // And the explorer draws it: the chart's table holds the value.
    await page.evaluate((hash) => {
      location.hash = hash
    }, new URL(chartHref ?? '', app.baseUrl).hash)
    await page.getByTestId('explorer-view').waitFor()
    const panel = page.getByTestId('chart-panel').first()
    await panel.locator('canvas').waitFor()
    assert.match(await panel.innerText(), /重点项目投资/)
    if ((await panel.getByTestId('chart-table').count()) === 0) await panel.getByTestId('table-toggle').click()
    const cells = await panel.locator('[data-testid="chart-table"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => Object.fromEntries([...r.querySelectorAll('td')].map((td) => [td.getAttribute('data-col'), (td.textContent ?? '').trim()]))),
    )
    assert.deepEqual(cells, [{ region: '东湖街道', period: '2024年1-9月', value: '3.15亿元' }])

    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('speaks English, dates 今年以来 by the report month, and keeps hostile text as text', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors = watchErrors(page)
    await watchCsp(page)
    await page.goto(`${app.baseUrl}#/review?lang=en`)
    await page.getByTestId('review-view').waitFor()
    const hostile = '<img src=x onerror="window.__pwned=1">今年以来，<b>西湖社区</b>累计办理12345热线工单300余件。<script>window.__pwned=2</script>'
    await review(page, hostile, { asOf: '6' })

    assert.equal(await shownText(page), hostile)
    assert.equal(await page.locator('[data-testid="review-text"] img, [data-testid="review-text"] b, [data-testid="review-text"] script').count(), 0)
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined)
    assert.equal(await page.getByTestId('review-figure').count(), 1)
    assert.equal(await page.getByTestId('review-figure').locator('.review-tag').innerText(), 'Count')
    assert.match(await row(page, 0).innerText(), /300\+ cases[\s\S]*As written: 300余件[\s\S]*H1 2024/)

    // Without a month, 今年以来 cannot be dated: the import says so, in English, and nothing is added.
    await page.getByTestId('review-as-of').selectOption('')
    await row(page, 0).getByTestId('review-subject').fill('西湖社区')
    await row(page, 0).getByTestId('review-accept').check()
    await page.getByTestId('review-add').click()
    const outcome = page.locator('[data-testid="review-outcome"][data-status="invalid"]')
    await outcome.waitFor()
    assert.match(await outcome.innerText(), /^1 problem in the ticked figures; nothing was added[\s\S]*300余件 · Period: /)
    assert.match(await row(page, 0).getByTestId('review-status').innerText(), /^Period: /)

    // With it, the figure goes in.
    await page.getByTestId('review-as-of').selectOption('6')
    await page.getByTestId('review-add').click()
    await page.locator('[data-testid="review-outcome"][data-status="added"]').waitFor()
    assert.match(await page.getByTestId('review-outcome-added').innerText(), /Added 1 row to the dataset/)

    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('reads an uploaded GB18030 .txt and keeps the text offsets', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/review`)
    await page.getByTestId('review-view').waitFor()
    // "东湖街道完成项目投资3.15亿元。" in GB18030 (GBK) bytes, as a Chinese Windows editor saves it.
    const gbk = Buffer.from('b6abbafebdd6b5c0cdeab3c9cfeec4bfcdb6d7ca332e3135d2dad4aaa1a3', 'hex')
    writeFileSync('test-results/review-gbk.txt', gbk)
    await page.getByTestId('review-file').setInputFiles('test-results/review-gbk.txt')
    await page.getByTestId('review-text').waitFor()
    assert.match(await page.getByTestId('review-file-note').innerText(), /GB18030/)
    assert.equal(await page.getByTestId('review-source').inputValue(), 'review-gbk')
    assert.equal(await shownText(page), '东湖街道完成项目投资3.15亿元。')
    assert.equal(await page.getByTestId('review-figure').locator('.review-figure__value').innerText(), '3.15亿元')
    assert.deepEqual(errors, [])
    await page.close()
  })
})
