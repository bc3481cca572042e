/**
 * Shared set-up for browser tests: serve the production build (dist/) on loopback and drive
 * Debian's Chromium through playwright-core. Never a downloaded browser.
 */
import { existsSync } from 'node:fs'
import { preview, type PreviewServer } from 'vite'
import { chromium, type Browser, type ConsoleMessage, type Locator, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without the background-networking flags Chromium keeps dialling out, and this network refuses it.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Debian's Chromium, headless, with the flags above: the one launch the browser tests and benchmarks share. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`)
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

export interface App {
  baseUrl: string
  browser: Browser
  close: () => Promise<void>
}

/** The build under test: dist/, or another directory (E2E_DIST=…) so parallel work need not share one. */
export const E2E_DIST = process.env.E2E_DIST ?? 'dist'

export async function startApp(): Promise<App> {
  if (!existsSync(`${E2E_DIST}/index.html`)) throw new Error(`${E2E_DIST}/ is missing: run \`npm run build\` first`)
  const server: PreviewServer = await preview({
    logLevel: 'error',
    build: { outDir: E2E_DIST },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  })
  const address = server.httpServer.address()
  if (address === null || typeof address === 'string') throw new Error('preview server has no port')
  const browser = await launchChromium()
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    browser,
    close: async () => {
      await browser.close()
      await server.close()
    },
  }
}

/** Collects console errors and uncaught page errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return errors
}

/**
 * Records Content-Security-Policy violations from the first script on, so a test can assert the
 * built app runs under its policy (security guide item 4). Read them with `cspViolations(page)`.
 */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    )
  })
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
}

/**
 * The element's text as drawn: read two frames after it is found. The overview's card groups have
 * `content-visibility: auto`, and until the frame that finds them near the viewport their text
 * reads as empty (a card group appended and read in the same task gives ""; seen once in four
 * clean-clone CI runs, on a loaded machine).
 */
export async function drawnText(locator: Locator): Promise<string> {
  await locator.evaluate((_el) => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))))
  return locator.innerText()
}
