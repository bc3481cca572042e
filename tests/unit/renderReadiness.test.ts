/**
 * The ready mark (npm run bench, e2e) must never come before the new data is on the screen: charts
 * redrawn without animation report 'finished' while still drawing, so the mark waits for a painted
 * frame, and for every chart of the change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** Animation frames run by hand: run() is one frame's callbacks (then the paint). */
function frames() {
  let queue: FrameRequestCallback[] = []
  return {
    request: (cb: FrameRequestCallback): number => queue.push(cb),
    cancel: (): void => {},
    run(): void {
      const now = queue
      queue = []
      for (const cb of now) cb(0)
    },
  }
}

describe('dashboard:ready', () => {
  let frame: ReturnType<typeof frames>
  let readiness: typeof import('../../src/composables/renderReadiness')
  const marks = (): number => performance.getEntriesByName('dashboard:ready').length

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    frame = frames()
    vi.stubGlobal('requestAnimationFrame', frame.request)
    vi.stubGlobal('cancelAnimationFrame', frame.cancel)
    vi.stubGlobal('document', { documentElement: { dataset: {} } })
    performance.clearMarks()
    vi.resetModules()
    readiness = await import('../../src/composables/renderReadiness')
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('waits for a painted frame after a chart that finished at once (no animation)', () => {
    const finish = readiness.beginChartRender()
    readiness.expectReady()
    finish()
    expect(marks()).toBe(0)
    frame.run()
    expect(marks()).toBe(0)
    vi.runAllTimers()
    expect(marks()).toBe(1)
  })

  it('waits for every chart of the change, even when the first finished before the next began', () => {
    readiness.expectReady()
    const first = readiness.beginChartRender()
    first()
    const second = readiness.beginChartRender()
    frame.run()
    vi.runAllTimers()
    frame.run()
    vi.runAllTimers()
    expect(marks()).toBe(0)
    second()
    frame.run()
    vi.runAllTimers()
    expect(marks()).toBe(1)
  })

  it('marks a view without charts two frames after the change, and only once', () => {
    readiness.expectReady()
    frame.run()
    expect(marks()).toBe(0)
    frame.run()
    expect(marks()).toBe(1)
    frame.run()
    vi.runAllTimers()
    expect(marks()).toBe(1)
  })

  it('gives no mark for charts drawn when nobody waits (scrolled into view)', () => {
    const finish = readiness.beginChartRender()
    finish()
    frame.run()
    vi.runAllTimers()
    expect(marks()).toBe(0)
  })
})
