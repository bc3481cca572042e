import { describe, expect, it } from 'vitest'
import { virtualWindow, type WindowInput } from '../../src/composables/virtualWindow'

const base: WindowInput = { rowCount: 1000, rowHeight: 60, scrollTop: 0, viewportHeight: 600, overscan: 3 }

describe('virtualWindow: which rows to render', () => {
  it.each([
    // scrollTop, expected start, end, offset
    [0, 0, 17, 0], // rows 0-9 in view (room for 11); the overscan not needed above is added below
    [59, 0, 17, 0], // row 0 partly, row 10 partly in view
    [600, 7, 24, 420], // rows 10-19 in view, 3 either side
    [6000, 97, 114, 5820],
    [60_000 - 600, 987, 1000, 59_220], // the end: rows 990-999 in view, none past the last
    [1e9, 987, 1000, 59_220], // beyond the end: as at the end
    [-50, 0, 17, 0], // overscroll at the top (rubber band)
  ])('at scrollTop %i renders rows %i to %i at %i px', (scrollTop, start, end, offset) => {
    expect(virtualWindow({ ...base, scrollTop })).toEqual({ start, end, offset, height: 60_000 })
  })

  it('moves in whole steps when asked to, always covering the rows in view and the overscan', () => {
    const starts = new Set<number>()
    for (let scrollTop = 0; scrollTop <= 60 * 100; scrollTop += 7) {
      const w = virtualWindow({ ...base, scrollTop, step: 8 })
      expect(w.start % 8).toBe(0)
      const first = Math.floor(scrollTop / 60)
      const last = Math.ceil((scrollTop + 600) / 60)
      expect(w.start).toBeLessThanOrEqual(Math.max(0, first - 3))
      expect(w.end).toBeGreaterThanOrEqual(Math.min(1000, last + 3))
      expect(Math.min(1000, w.start + 11 + 6 + 7)).toBe(w.end)
      starts.add(w.start)
    }
    // Scrolling 100 rows changed the rendered rows 13 times, not 100.
    expect(starts.size).toBe(13)
  })

  it('renders a small table whole, and nothing for no rows', () => {
    expect(virtualWindow({ ...base, rowCount: 4 })).toEqual({ start: 0, end: 4, offset: 0, height: 240 })
    expect(virtualWindow({ ...base, rowCount: 0 })).toEqual({ start: 0, end: 0, offset: 0, height: 0 })
  })

  it('renders a table up to renderAllUpTo rows whole, wherever it is scrolled', () => {
    expect(virtualWindow({ ...base, rowCount: 100, scrollTop: 3000, renderAllUpTo: 100 })).toEqual({ start: 0, end: 100, offset: 0, height: 6000 })
    expect(virtualWindow({ ...base, rowCount: 101, scrollTop: 3000, renderAllUpTo: 100 })).toEqual({ start: 47, end: 64, offset: 2820, height: 6060 })
  })

  it('renders at least one row in a viewport that has not been measured yet', () => {
    const w = virtualWindow({ ...base, viewportHeight: 0, overscan: 0 })
    expect(w.end - w.start).toBe(1)
  })

  it('keeps the number of rows rendered independent of the table size', () => {
    for (const rowCount of [1000, 360_000, 5_000_000]) {
      const w = virtualWindow({ ...base, rowCount, scrollTop: 123_456 })
      expect(w.end - w.start).toBeLessThanOrEqual(18)
    }
  })
})

describe('virtualWindow above the browser’s height limit', () => {
  const rows = 360_000
  const capped: WindowInput = { ...base, rowCount: rows, maxHeight: 15_000_000 }
  const scrollRange = 15_000_000 - 600

  it('caps the height and still reaches the first and the last row', () => {
    expect(virtualWindow(capped).height).toBe(15_000_000)
    const top = virtualWindow({ ...capped, scrollTop: 0 })
    expect(top.start).toBe(0)
    expect(top.offset).toBe(0)
    const end = virtualWindow({ ...capped, scrollTop: scrollRange })
    expect(end.end).toBe(rows)
    // The last row's bottom is the viewport's bottom: offset + (rows - start) × height = scrollTop + viewport.
    expect(end.offset + (rows - end.start) * 60).toBeCloseTo(scrollRange + 600, 6)
  })

  it('places the rows in view inside the viewport at every scroll position, moving forward only', () => {
    let previous = -1
    for (let scrollTop = 0; scrollTop <= scrollRange; scrollTop += 777_777) {
      const w = virtualWindow({ ...capped, scrollTop, overscan: 0 })
      // The first rendered row starts at or above the viewport's top; the last ends at or below its bottom.
      expect(w.offset).toBeLessThanOrEqual(scrollTop + 1e-6)
      expect(w.offset + (w.end - w.start) * 60).toBeGreaterThanOrEqual(scrollTop + 600 - 1e-6)
      expect(w.start).toBeGreaterThanOrEqual(previous)
      previous = w.start
    }
  })

  it('does not scale a table that fits', () => {
    const w = virtualWindow({ ...base, rowCount: 200_000, maxHeight: 30_000_000, scrollTop: 600_000 })
    expect(w).toEqual({ start: 9997, end: 10_014, offset: 599_820, height: 12_000_000 })
  })
})
