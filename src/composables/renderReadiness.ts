/**
 * `performance.mark('dashboard:ready')` once the charts visible after a navigation or filter change
 * have finished drawing (ECharts' `finished` event) and the browser has painted them, so load and
 * interaction latency can be measured from outside the page (npm run bench, e2e tests) without
 * guessing with timeouts.
 *
 * Module state rather than a store: it is a page-wide counter, not application data.
 */

export const READY_MARK = 'dashboard:ready'

const pending = new Set<symbol>()
let awaiting = false
let settleFrame: number | null = null
let paintFrame: number | null = null

let afterReady: (() => void)[] = []

function mark(): void {
  awaiting = false
  performance.mark(READY_MARK)
  // A DOM signal too, for tools that cannot read the performance timeline.
  document.documentElement.dataset.readyCount = String(performance.getEntriesByName(READY_MARK).length)
  const callbacks = afterReady
  afterReady = []
  for (const callback of callbacks) callback()
}

/**
 * Runs `callback` right after the next ready mark, once the change now being drawn is on the screen:
 * work the reader does not see (writing the URL) waits until what they do see is drawn. Nothing
 * runs it without a mark, so callers keep a fallback timer.
 */
export function afterNextReady(callback: () => void): void {
  afterReady.push(callback)
}

/**
 * Marks once the next frame has been painted, if by then nothing is drawing. A chart redrawn without
 * animation reports `finished` while it is still drawing into its canvas, before the browser has
 * shown it (and before the other charts of the same change have started): a mark there would come
 * before anything is on the screen.
 */
function markAfterNextPaint(): void {
  if (paintFrame !== null) return
  paintFrame = requestAnimationFrame(() => {
    // The task after the frame's callbacks runs once that frame has been painted.
    setTimeout(() => {
      paintFrame = null
      if (awaiting && pending.size === 0) mark()
    }, 0)
  })
}

/** A chart started drawing; call the returned function when it has finished (or was disposed). */
export function beginChartRender(): () => void {
  const token = Symbol('chart-render')
  pending.add(token)
  return () => {
    if (!pending.delete(token)) return
    if (awaiting && pending.size === 0) markAfterNextPaint()
  }
}

/**
 * The view changed (route, filters, language, theme, dataset): mark ready once every chart now being
 * drawn has finished, or, in a view without charts, once the DOM has settled (two frames after Vue's
 * update, when new charts would already have called beginChartRender).
 */
export function expectReady(): void {
  awaiting = true
  if (settleFrame !== null) cancelAnimationFrame(settleFrame)
  settleFrame = requestAnimationFrame(() => {
    settleFrame = requestAnimationFrame(() => {
      settleFrame = null
      if (awaiting && pending.size === 0) mark()
    })
  })
}
