/**
 * Brings an element of a review pane into view: the pane scrolls first (the element centred below
 * the pane's sticky headings), and the window only as far as needed, so showing a figure does not
 * throw the whole page about the way `scrollIntoView` does.
 */

/** Height covered at the top of the pane by its sticky title (and a table's sticky header row). */
function stickyHeight(pane: HTMLElement, el: HTMLElement): number {
  let height = pane.querySelector<HTMLElement>('.review-pane__title')?.offsetHeight ?? 0
  const head = el.closest('table')?.querySelector('thead')
  if (head) height += head.getBoundingClientRect().height
  return height
}

export function reveal(el: HTMLElement): void {
  const pane = el.closest<HTMLElement>('.review-pane')
  if (pane) {
    const box = pane.getBoundingClientRect()
    const r = el.getBoundingClientRect()
    const top = box.top + stickyHeight(pane, el)
    if (r.top < top || r.bottom > box.bottom) {
      const room = box.bottom - top
      pane.scrollTop += r.top - top - Math.max(0, (room - r.height) / 2)
    }
  }
  const r = el.getBoundingClientRect()
  const viewport = document.documentElement.clientHeight
  if (r.top < 0) window.scrollBy(0, r.top - 16)
  else if (r.bottom > viewport) window.scrollBy(0, r.bottom - viewport + 16)
}
