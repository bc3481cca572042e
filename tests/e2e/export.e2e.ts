/**
 * Exports in Chromium: every kind is downloaded as a user would (menu, keyboard, "export all") and
 * the file itself is checked: PNG size from its IHDR and its pixels, SVG parsed, ZIP and PPTX
 * unzipped, CSV and XLSX imported back with the app's own reader and compared with the dataset.
 *
 *   npm run build && node --import tsx --test tests/e2e/export.e2e.ts
 *
 * Timings (one chart, a whole view) are printed as test diagnostics: the median of several runs.
 */
import { after, before, describe, it, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Download, Page } from 'playwright-core'
import { cspViolations, startApp, watchCsp, watchErrors, type App } from './harness'
import { runImport } from '../../src/io/importPipeline'
import { readXlsxRows } from '../../src/io/xlsxReader'
import { decodeBytes } from '../../src/io/decodeBytes'
import { parseDelimited } from '../../src/io/delimitedText'
import type { Dataset } from '../../src/domain/model'

const OUT = 'test-results/export'
const LAZY_LIBRARIES = /jszip|pptxgen|universal-|exportRenderers|xlsx-/

async function waitForReady(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('dashboard:ready').length >= n, count)
}

async function open(app: App, hash: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })
  const errors = watchErrors(page)
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await watchCsp(page)
  await page.goto(`${app.baseUrl}${hash}`)
  await waitForReady(page)
  return { page, errors, requests }
}

async function save(download: Download): Promise<Buffer> {
  const path = `${OUT}/${download.suggestedFilename()}`
  await download.saveAs(path)
  // A copy of its own: readFileSync may hand out a view into a shared pool, which a reader that
  // takes `.buffer` would read from its start.
  return Buffer.from(new Uint8Array(readFileSync(path)))
}

/** Runs `action` and returns the file it downloads, with the time from the click to the download. */
async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer; ms: number }> {
  const start = Date.now()
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), action()])
  const ms = Date.now() - start
  return { name: file.suggestedFilename(), bytes: await save(file), ms }
}

async function openMenu(page: Page, panel = 0): Promise<void> {
  const button = page.getByTestId('export-menu-button').nth(panel)
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
  await page.getByTestId('export-menu-popup').waitFor()
}

/** Chooses settings in the first chart's menu (they are shared by every chart). */
async function choose(page: Page, ...keys: string[]): Promise<void> {
  await openMenu(page)
  for (const key of keys) await page.getByTestId(`export-${key}`).click()
}

async function exportImage(page: Page, panel = 0): Promise<{ name: string; bytes: Buffer; ms: number }> {
  await openMenu(page, panel)
  return download(page, () => page.getByTestId('export-image').click())
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Width and height from the IHDR chunk, which directly follows the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, 'PNG signature')
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

interface PixelStats {
  width: number
  height: number
  minAlpha: number
  maxAlpha: number
  /** Distinct colours among sampled pixels. */
  colours: number
  /** Share of sampled pixels darker than mid grey (text, axes, bars). */
  dark: number
  corner: number[]
}

/** Decodes the PNG in the browser (a real decoder) and samples its pixels. */
function pixels(page: Page, bytes: Buffer): Promise<PixelStats> {
  return page.evaluate(async (b64) => {
    const image = new Image()
    image.src = `data:image/png;base64,${b64}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d context')
    ctx.drawImage(image, 0, 0)
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
    let minAlpha = 255
    let maxAlpha = 0
    let dark = 0
    let samples = 0
    const colours = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0]
      minAlpha = Math.min(minAlpha, a)
      maxAlpha = Math.max(maxAlpha, a)
      if (a > 128 && r + g + b < 384) dark++
      colours.add((r << 24) | (g << 16) | (b << 8) | a)
      samples++
    }
    return {
      width: canvas.width,
      height: canvas.height,
      minAlpha,
      maxAlpha,
      colours: colours.size,
      dark: dark / samples,
      corner: [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0, data[3] ?? 0],
    }
  }, bytes.toString('base64'))
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

async function reimport(bytes: Uint8Array, name: string): Promise<Dataset> {
  const result = await runImport({ kind: 'bytes', bytes, name })
  assert.deepEqual(
    result.issues.filter((i) => i.severity === 'error'),
    [],
  )
  assert.equal(result.status, 'ok')
  return result.dataset as Dataset
}

/** The one observation of the targets view: 大市口街道's project investment, 1-10月 2023. */
function investment(dataset: Dataset) {
  const indicator = dataset.indicators.find((i) => i.name.zh.replace(/\s/g, '') === '项目投资' || i.name.zh === 'Projectinvestment')
  const o = dataset.observations.find((x) => x.indicatorId === indicator?.id)
  return { unit: indicator?.unit, actual: o?.actual, target: o?.target, period: o?.period }
}

function unzip(bytes: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes))
}

describe('exports (Chromium)', () => {
  let app: App
  before(async () => {
    app = await startApp()
    mkdirSync(OUT, { recursive: true })
  })
  after(async () => {
    await app?.close()
  })

  it('PNG: 16:9 at 2x is 3840×2160, white, not blank, named after region, indicator and period', async (t: TestContext) => {
    const { page, errors, requests } = await open(app, '#/targets?lang=zh-CN')
    // The export libraries are not part of the page until an export asks for them.
    assert.deepEqual(
      requests.filter((u) => LAZY_LIBRARIES.test(u)),
      [],
    )
    await choose(page, 'format-png', 'scale-2', 'background-white', 'size-slide16x9')
    assert.equal(await page.getByTestId('export-output').innerText(), '输出 3840×2160 像素')
    const times: number[] = []
    let last: { name: string; bytes: Buffer } | null = null
    for (let i = 0; i < 5; i++) {
      const file = await exportImage(page)
      times.push(file.ms)
      last = file
    }
    assert.ok(last)
    assert.equal(last.name, '大市口街道-项目投资-2023年1-10月.png')
    assert.deepEqual(pngSize(last.bytes), { width: 3840, height: 2160 })
    const stats = await pixels(page, last.bytes)
    assert.equal(stats.minAlpha, 255, 'white background: no transparent pixel')
    assert.deepEqual(stats.corner, [255, 255, 255, 255])
    assert.ok(stats.colours > 20 && stats.dark > 0.002, `not blank: ${JSON.stringify(stats)}`)
    t.diagnostic(`one chart, PNG 16:9 2x (3840×2160, ${last.bytes.length} bytes): median ${median(times)} ms of ${times.join(', ')}`)
    assert.match(await page.getByTestId('export-status').first().innerText(), /已下载：大市口街道-项目投资-2023年1-10月\.png/)
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('PNG: "as shown" at 1x and 3x, 4:3 at 3x, and a transparent background', async () => {
    const { page, errors } = await open(app, '#/targets?lang=zh-CN')
    await choose(page, 'format-png', 'scale-1', 'background-white', 'size-shown')
    const output = (await page.getByTestId('export-output').innerText()).match(/(\d+)×(\d+)/)
    assert.ok(output)
    const shown = { width: Number(output[1]), height: Number(output[2]) }
    const chartWidth = await page.getByTestId('echart-canvas').first().evaluate((el) => el.clientWidth)
    assert.equal(shown.width, chartWidth)
    assert.deepEqual(pngSize((await exportImage(page)).bytes), shown)

    await choose(page, 'scale-3')
    assert.deepEqual(pngSize((await exportImage(page)).bytes), { width: shown.width * 3, height: shown.height * 3 })

    await choose(page, 'size-slide4x3')
    assert.deepEqual(pngSize((await exportImage(page)).bytes), { width: 4320, height: 3240 })

    await choose(page, 'scale-1', 'background-transparent')
    const transparent = await pixels(page, (await exportImage(page)).bytes)
    assert.equal(transparent.corner[3], 0, 'transparent corner')
    assert.equal(transparent.maxAlpha, 255, 'the chart itself is opaque')
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('PNG from the dark theme on white: re-coloured with dark ink, never light text on white', async () => {
    const { page, errors } = await open(app, '#/targets?lang=en&theme=dark')
    await choose(page, 'format-png', 'scale-1', 'background-white', 'size-slide16x9')
    const file = await exportImage(page)
    assert.equal(file.name, 'Dashikou Subdistrict-Project investment-Jan–Oct 2023.png')
    const stats = await pixels(page, file.bytes)
    assert.deepEqual(stats.corner, [255, 255, 255, 255])
    assert.ok(stats.dark > 0.002, `dark ink present: ${JSON.stringify(stats)}`)

    await choose(page, 'background-theme')
    const themed = await pixels(page, (await exportImage(page)).bytes)
    assert.ok(themed.corner[0] !== undefined && themed.corner[0] < 60, `theme paper is dark: ${themed.corner.join(',')}`)
    assert.equal(themed.minAlpha, 255)
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('SVG parses, has the chosen size, and holds the Chinese title, unit, period and source as text', async () => {
    const { page, errors } = await open(app, '#/targets?lang=zh-CN')
    await choose(page, 'format-svg', 'size-slide16x9')
    assert.equal(await page.getByTestId('export-scale-2').isDisabled(), true)
    const file = await exportImage(page)
    assert.equal(file.name, '大市口街道-项目投资-2023年1-10月.svg')
    const svg = file.bytes.toString('utf8')
    // Parsed in a blank page: the app's policy (rightly) refuses the <style> an SVG may carry.
    const blank = await app.browser.newPage()
    const parsed = await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
      const root = doc.documentElement
      return {
        error: doc.getElementsByTagName('parsererror').length,
        name: root.nodeName,
        width: root.getAttribute('width'),
        height: root.getAttribute('height'),
        viewBox: root.getAttribute('viewBox'),
        texts: [...doc.getElementsByTagName('text')].map((el) => el.textContent ?? ''),
        scripts: doc.getElementsByTagName('script').length + doc.getElementsByTagName('foreignObject').length,
      }
    }, svg)
    await blank.close()
    assert.equal(parsed.error, 0)
    assert.equal(parsed.name, 'svg')
    assert.deepEqual([parsed.width, parsed.height, parsed.viewBox], ['1920', '1080', '0 0 1280 720'])
    assert.equal(parsed.scripts, 0)
    const text = parsed.texts.join('\n')
    assert.match(text, /项目投资/)
    assert.match(text, /大市口街道/)
    assert.match(text, /期间：2023年1-10月/)
    assert.match(text, /来源：/)
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('CSV: BOM, formula-safe, and imports back to the same figures; XLSX opens and imports back too', async () => {
    const { page, errors, requests } = await open(app, '#/targets?lang=zh-CN')
    await openMenu(page)
    const csv = await download(page, () => page.getByTestId('export-csv').click())
    assert.equal(csv.name, '大市口街道-项目投资-2023年1-10月.csv')
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const rows = parseDelimited(decodeBytes(csv.bytes).text, ',').rows
    assert.deepEqual(rows[0], ['地区', '上级', '层级', '指标', '类别', '单位', '期间', '目标', '目标期间', '完成', '同比', '排名', '方向', '来源', '原文'])
    assert.deepEqual(rows[1]?.slice(0, 10), ['大市口街道', '京口区', '街道', '项目投资', '项目建设', '亿元', '2023年1-10月', '4.97', '', '4.32'])
    const expected = { unit: 'CNY', actual: 432000000, target: 497000000, period: { start: { year: 2023, month: 1 }, end: { year: 2023, month: 10 } } }
    assert.deepEqual(investment(await reimport(csv.bytes, csv.name)), expected)

    await openMenu(page)
    const xlsx = await download(page, () => page.getByTestId('export-xlsx').click())
    assert.equal(xlsx.name, '大市口街道-项目投资-2023年1-10月.xlsx')
    assert.deepEqual([...xlsx.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04])
    const sheet = await readXlsxRows(xlsx.bytes)
    assert.deepEqual(sheet[1]?.slice(7, 10), ['4.97', '', '4.32'])
    assert.deepEqual(investment(await reimport(xlsx.bytes, xlsx.name)), expected)
    assert.ok(requests.some((u) => /universal-/.test(u)), 'the XLSX writer loads on demand')
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('the menu works from the keyboard alone', async () => {
    const { page, errors } = await open(app, '#/targets?lang=en')
    const button = page.getByTestId('export-menu-button').first()
    await button.focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('export-menu-popup').waitFor()
    assert.equal(await button.getAttribute('aria-expanded'), 'true')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')
    assert.equal(await focused(), 'export-format-png')
    await page.keyboard.press('ArrowDown')
    assert.equal(await focused(), 'export-format-svg')
    await page.keyboard.press('End')
    assert.equal(await focused(), 'export-xlsx')
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowUp')
    assert.equal(await focused(), 'export-xlsx', 'wraps around')
    // Choose 1x with the keyboard: the menu stays open and says so.
    await page.keyboard.press('Home')
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown')
    assert.equal(await focused(), 'export-scale-1')
    await page.keyboard.press('Space')
    assert.equal(await page.getByTestId('export-scale-1').getAttribute('aria-checked'), 'true')
    assert.equal(await page.getByTestId('export-scale-2').getAttribute('aria-checked'), 'false')
    await page.keyboard.press('Escape')
    await page.getByTestId('export-menu-popup').waitFor({ state: 'detached' })
    assert.equal(await focused(), 'export-menu-button')
    // ↑ opens on the last item; Enter there downloads the data.
    await page.keyboard.press('ArrowUp')
    assert.equal(await focused(), 'export-xlsx')
    await page.keyboard.press('ArrowUp')
    const csv = await download(page, () => page.keyboard.press('Enter'))
    assert.equal(csv.name, 'Dashikou Subdistrict-Project investment-Jan–Oct 2023.csv')
    assert.equal(await focused(), 'export-menu-button')
    assert.equal(await page.getByRole('menu').count(), 0)
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('ZIP of a whole view: one image per chart, with progress; cancel leaves nothing behind', async (t: TestContext) => {
    const { page, errors } = await open(app, '#/livelihood?lang=zh-CN')
    const charts = await page.locator('[data-testid="chart-panel"]:has([data-testid="echart-canvas"])').count()
    assert.ok(charts >= 5, `charts in the view: ${charts}`)
    await choose(page, 'format-png', 'scale-2', 'background-white', 'size-shown')
    await page.keyboard.press('Escape')
    assert.match(await page.getByTestId('export-choose').innerText(), new RegExp(`${charts}/${charts}`))

    const times: number[] = []
    let zip: { name: string; bytes: Buffer } | null = null
    for (let i = 0; i < 3; i++) {
      const file = await download(page, async () => {
        await page.getByTestId('export-zip').click()
        await page.getByTestId('export-progress').waitFor()
      })
      times.push(file.ms)
      zip = file
    }
    assert.ok(zip)
    assert.equal(zip.name, '全部地区-民生与治理-全部期间.zip')
    const entries = unzip(zip.bytes)
    const names = Object.keys(entries)
    assert.equal(names.length, charts)
    assert.equal(new Set(names).size, charts)
    for (const name of names) {
      assert.match(name, /\.png$/)
      assert.doesNotMatch(name, /[/\\:*?"<>|]/)
      const size = pngSize(Buffer.from(entries[name] ?? new Uint8Array()))
      assert.ok(size.width > 500 && size.height > 200, `${name}: ${size.width}×${size.height}`)
    }
    t.diagnostic(`whole view ZIP (${charts} charts, PNG as shown 2x, ${zip.bytes.length} bytes): median ${median(times)} ms of ${times.join(', ')}`)

    // Cancel: the export stops, says so, and downloads nothing.
    let downloaded = false
    page.on('download', () => (downloaded = true))
    await page.getByTestId('export-zip').click()
    await page.getByTestId('export-cancel').click()
    await page.getByTestId('export-progress').waitFor({ state: 'detached' })
    assert.equal(await page.getByTestId('export-all-status').innerText(), '已取消导出')
    await page.waitForTimeout(500)
    assert.equal(downloaded, false)
    assert.equal(await page.getByTestId('export-zip').isEnabled(), true)
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('PPTX: a title slide and one slide per chosen chart, each with an image and notes holding figures and quotes', async () => {
    const { page, errors } = await open(app, '#/growth?lang=zh-CN')
    const charts = await page.locator('[data-testid="chart-panel"]:has([data-testid="echart-canvas"])').count()
    assert.ok(charts >= 1)
    const file = await download(page, () => page.getByTestId('export-pptx').click())
    assert.match(file.name, /^全部地区-增速与排名-.+\.pptx$/)
    const entries = unzip(file.bytes)
    const slideNames = Object.keys(entries).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    assert.equal(slideNames.length, charts + 1)
    const xml = (name: string): string => strFromU8(entries[name] ?? new Uint8Array())
    assert.match(xml('ppt/slides/slide1.xml'), /街道指标看板：增速与排名/)
    assert.match(xml('ppt/slides/slide1.xml'), /地区：全部地区/)
    assert.match(xml('ppt/slides/slide1.xml'), /生成日期：/)
    const notes: string[] = []
    for (let i = 2; i <= charts + 1; i++) {
      assert.match(xml(`ppt/slides/slide${i}.xml`), /<p:pic>/, `slide ${i} has a picture`)
      assert.match(xml(`ppt/slides/_rels/slide${i}.xml.rels`), /media\/image[^"]*\.png/, `slide ${i} links its image`)
      assert.match(xml(`ppt/slides/_rels/slide${i}.xml.rels`), /notesSlide/, `slide ${i} has notes`)
      const rel = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(xml(`ppt/slides/_rels/slide${i}.xml.rels`))
      notes.push(xml(`ppt/notesSlides/${rel?.[1] ?? ''}`))
      assert.match(xml(`ppt/slides/slide${i}.xml`), /来源：/, `slide ${i} has a source footnote`)
    }
    const allNotes = notes.join('\n')
    assert.match(allNotes, /同比：\+43\.7%/)
    assert.match(allNotes, /原文（[^）]+）：“[^”]*43\.7%/)
    const media = Object.keys(entries).filter((n) => n.startsWith('ppt/media/') && n.endsWith('.png'))
    assert.equal(media.length, charts)
    for (const name of media) assert.deepEqual(pngSize(Buffer.from(entries[name] ?? new Uint8Array())), { width: 3360, height: 1470 })

    // A chosen set: untick the first chart, and the deck leaves it out.
    await page.getByTestId('export-choose').click()
    await page.locator('.view-export-bar__item input').first().uncheck()
    assert.match(await page.getByTestId('export-choose').innerText(), new RegExp(`${charts - 1}/${charts}`))
    if (charts > 1) {
      const fewer = unzip((await download(page, () => page.getByTestId('export-pptx').click())).bytes)
      assert.equal(Object.keys(fewer).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length, charts)
    } else {
      assert.equal(await page.getByTestId('export-pptx').isDisabled(), true)
    }
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })

  it('print: A4 landscape, one chart per page, no buttons or navigation', async () => {
    const { page, errors } = await open(app, '#/livelihood?lang=zh-CN')
    const charts = await page.locator('[data-testid="chart-panel"]').count()
    const canvasWidth = () => page.locator('.echart canvas').first().evaluate((el) => (el as HTMLElement).style.width)
    const screenWidth = await canvasWidth()
    await page.emulateMedia({ media: 'print' })
    // Charts are drawn at the page's width for print, not scaled up from a grid cell.
    await page.waitForFunction(() => (document.querySelector('.echart canvas') as HTMLElement | null)?.style.width === '1030px')
    const hidden = await page.evaluate(() =>
      ['.app-header__nav', '.app-header__pickers', '.export-menu', '.view-export-bar', '.chart-panel__toggle'].map((s) => {
        const el = document.querySelector(s)
        return el === null ? 'none' : getComputedStyle(el).display
      }),
    )
    assert.deepEqual(hidden, ['none', 'none', 'none', 'none', 'none'])
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    const text = pdf.toString('latin1')
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
    assert.equal(pages, charts)
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text)
    assert.ok(box)
    assert.ok(Math.abs(Number(box[1]) - 841.89) < 1 && Math.abs(Number(box[2]) - 595.28) < 1, `A4 landscape: ${box[1]}×${box[2]}`)
    await page.emulateMedia({ media: 'screen' })
    await page.waitForFunction((w) => (document.querySelector('.echart canvas') as HTMLElement | null)?.style.width === w, screenWidth)
    assert.deepEqual(errors, [])
    assert.deepEqual(await cspViolations(page), [])
    await page.close()
  })
})
