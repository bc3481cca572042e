import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { startApp, watchErrors, type App } from './harness'

const slideOf = async (page: Page, testId = 'present-view'): Promise<number> =>
  Number(await page.getByTestId(testId).getAttribute('data-slide'))

async function waitForSlide(page: Page, n: number, testId = 'present-view'): Promise<void> {
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-slide') === String(want),
    [testId, n] as const,
  )
}

describe('presenting (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
  })
  after(async () => {
    await app?.close()
  })

  it('steps with the keys a clicker sends, jumps to a slide, and the URL follows', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/targets`)
    // As a user does: present once the view is showing (the link presents the view it is on).
    await page.getByTestId('targets-view').waitFor()
    await page.getByTestId('present-link').click()
    await page.getByTestId('present-view').waitFor()
    assert.match(page.url(), /#\/present\?.*deck=targets.*slide=1/)
    assert.equal(await slideOf(page), 1)
    assert.match(await page.getByTestId('slide').innerText(), /京口区指标推进情况|全部地区指标推进情况/)

    await page.keyboard.press('PageDown')
    await waitForSlide(page, 2)
    assert.match(page.url(), /slide=2/)
    assert.match(await page.getByTestId('slide').innerText(), /项目投资完成情况/)
    await page.keyboard.press('PageUp')
    await waitForSlide(page, 1)
    await page.keyboard.press('ArrowRight')
    await waitForSlide(page, 2)
    await page.keyboard.press('Backspace')
    await waitForSlide(page, 1)
    await page.keyboard.press('End')
    await waitForSlide(page, 2)
    await page.keyboard.press('Home')
    await waitForSlide(page, 1)
    assert.equal(await page.getByTestId('present-counter').innerText(), '1 / 2')
    await page.screenshot({ path: 'test-results/present-targets.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('opens on the slide a link names, jumps by number and Enter, and blanks the screen with B', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } })
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/present?deck=all&slide=5&lang=en`)
    await page.getByTestId('present-view').waitFor()
    assert.equal(await slideOf(page), 5)
    await page.keyboard.press('1')
    await page.keyboard.press('2')
    await page.keyboard.press('Enter')
    await waitForSlide(page, 12)
    assert.match(page.url(), /slide=12/)
    await page.keyboard.press('b')
    await page.getByTestId('present-blank').waitFor()
    await page.keyboard.press('b')
    await page.getByTestId('present-blank').waitFor({ state: 'hidden' })
    await page.keyboard.press('?')
    await page.getByTestId('present-help').waitFor()
    assert.match(await page.getByTestId('present-help').innerText(), /PageDown/)
    await page.keyboard.press('Escape')
    await page.getByTestId('present-help').waitFor({ state: 'hidden' })
    // Clicking the right half steps forward, the left half back.
    await page.mouse.click(1000, 300)
    await waitForSlide(page, 13)
    await page.mouse.click(200, 300)
    await waitForSlide(page, 12)
    await page.keyboard.press('Escape')
    await page.waitForURL(/#\/targets/)
    assert.doesNotMatch(page.url(), /slide=/)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('keeps the presenter window and the audience window on the same slide', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const audience = await context.newPage()
    const errors = watchErrors(audience)
    await audience.goto(`${app.baseUrl}#/present?deck=all&slide=1`)
    await audience.getByTestId('present-view').waitFor()
    const [presenter] = await Promise.all([context.waitForEvent('page'), audience.getByTestId('open-presenter').click()])
    await presenter.getByTestId('presenter-view').waitFor()
    assert.equal(await slideOf(presenter, 'presenter-view'), 1)

    await presenter.keyboard.press('PageDown')
    await waitForSlide(presenter, 2, 'presenter-view')
    await waitForSlide(audience, 2)
    assert.match(await presenter.getByTestId('presenter-notes').innerText(), /4\.32亿元[\s\S]*1-10月,完成项目投资4\.32亿元/)

    await audience.keyboard.press('ArrowRight')
    await waitForSlide(audience, 3)
    await waitForSlide(presenter, 3, 'presenter-view')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('auto-advances at the chosen interval and pauses on any key', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(`${app.baseUrl}#/present?deck=all&slide=1&auto=5`)
    await page.getByTestId('present-view').waitFor()
    assert.match(await page.getByTestId('present-auto-state').innerText(), /每5秒/)
    await waitForSlide(page, 2)
    await page.keyboard.press('Shift')
    assert.match(await page.getByTestId('present-auto-state').innerText(), /已暂停/)
    const pausedAt = await slideOf(page)
    await page.waitForTimeout(6000)
    assert.equal(await slideOf(page), pausedAt)
    await page.close()
  })

  it('composes an agenda from several views and regions, presents it in that order, and shares it as a link', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${app.baseUrl}#/growth?region=dashikou`)
    await page.getByTestId('growth-view').waitFor()
    await page.getByTestId('agenda-add').first().click()
    await page.goto(`${app.baseUrl}#/targets?region=jingkou`)
    await page.getByTestId('targets-view').waitFor()
    await page.getByTestId('agenda-add').first().click()
    await page.getByTestId('agenda-toggle').click()
    assert.equal(await page.getByTestId('agenda-item').count(), 2)
    // Reorder: the targets chart first.
    await page.getByTestId('agenda-item').nth(1).getByRole('button', { name: '上移' }).click()
    await page.getByTestId('agenda-present').click()
    await page.getByTestId('present-view').waitFor()
    assert.equal(await page.getByTestId('present-counter').innerText(), '1 / 3')
    await page.keyboard.press('PageDown')
    await waitForSlide(page, 2)
    assert.match(await page.getByTestId('slide').innerText(), /京口区各地区项目投资完成情况/)
    await page.keyboard.press('PageDown')
    await waitForSlide(page, 3)
    assert.match(await page.getByTestId('slide').innerText(), /限上批发业商品销售额同比增速/)

    // The link carries the agenda: a fresh browser opens the same deck.
    const link = page.url()
    const other = await app.browser.newPage({ viewport: { width: 1280, height: 720 } })
    await other.goto(link.replace(/slide=\d+/, 'slide=2'))
    await other.getByTestId('present-view').waitFor()
    assert.match(await other.getByTestId('slide').innerText(), /京口区各地区项目投资完成情况/)
    assert.equal(await other.getByTestId('present-counter').innerText(), '2 / 3')
    await other.close()
    assert.deepEqual(errors, [])
    await context.close()
  })
})
