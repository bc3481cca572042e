/**
 * Which rows of a long table to render, and where, from the scroll position alone.
 *
 * Every row has the same height, so positions are arithmetic: row i starts at i × rowHeight in the
 * rows' area, and the rows in view follow from scrollTop and the viewport's height. A few rows
 * beyond each edge (overscan) are rendered too, so a fast scroll does not show blank space before
 * the next frame.
 *
 * Browsers cap an element's height (Firefox at about 17.9 million px, Chromium at 33.5 million):
 * 360,000 rows of 60 px would exceed Firefox's. Above `maxHeight` the rows' area is given that
 * height and scroll positions are scaled to the rows: the top still shows the first row, the end the
 * last, and the scrollbar's thumb still says where in the table one is.
 */

/** Safely below every current browser's cap on an element's height, when the browser cannot be asked (maxElementHeight.ts). */
export const MAX_SCROLL_HEIGHT = 15_000_000

export interface WindowInput {
  rowCount: number
  rowHeight: number
  /** The scroll container's scrollTop, in px. */
  scrollTop: number
  /** Height of the part of the container the rows show in (below a sticky header), in px. */
  viewportHeight: number
  /** Rows rendered beyond each edge of the view. */
  overscan: number
  /**
   * The window moves in steps of this many rows (1 by default). Every change of the rendered rows
   * costs the browser a layout and paint of the whole table, however few rows came or went: moving
   * by 8 at a time, a steady scroll changes the DOM on one frame in several instead of on each.
   */
  step?: number
  maxHeight?: number
  /**
   * A table of at most this many rows is rendered whole: it costs less than a frame, and the
   * browser's find-in-page then reaches every row.
   */
  renderAllUpTo?: number
}

export interface RowWindow {
  /** The first row rendered. */
  start: number
  /** One past the last row rendered. */
  end: number
  /** Top of the first rendered row, in px from the top of the rows' area. */
  offset: number
  /** Height of the rows' area, in px: all rows, or `maxHeight` when that is less. */
  height: number
}

export function virtualWindow(input: WindowInput): RowWindow {
  const { rowCount, rowHeight, overscan } = input
  const viewport = Math.max(0, input.viewportHeight)
  const fullHeight = rowCount * rowHeight
  const height = Math.min(fullHeight, input.maxHeight ?? MAX_SCROLL_HEIGHT)
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, height: 0 }
  if (rowCount <= (input.renderAllUpTo ?? 0) && fullHeight <= height) return { start: 0, end: rowCount, offset: 0, height }

  // How far the container can scroll, and how far the rows would scroll at full height.
  const scrollRange = Math.max(0, height - viewport)
  const rowsRange = Math.max(0, fullHeight - viewport)
  const scrollTop = Math.min(Math.max(0, input.scrollTop), scrollRange)
  // Equal to scrollTop unless the height is capped.
  const rowsTop = scrollRange === 0 ? 0 : scrollTop * (rowsRange / scrollRange)

  const step = Math.max(1, Math.floor(input.step ?? 1))
  const first = Math.floor(rowsTop / rowHeight)
  // As many rows as can be partly in view at once (a constant, so the window keeps its size).
  const inView = Math.max(1, Math.ceil(viewport / rowHeight) + 1)
  // The start moves only in whole steps; the end follows from it, far enough to cover the rows in
  // view and the overscan wherever within its step the start was rounded down from.
  const start = Math.floor(Math.max(0, first - overscan) / step) * step
  const end = Math.min(rowCount, start + inView + 2 * overscan + step - 1)
  return { start, end, offset: start * rowHeight - rowsTop + scrollTop, height }
}
