/**
 * The rows of a virtualised table to render, following a scroll container: its scroll position
 * and its height (through a ResizeObserver), and the height of its sticky header. The arithmetic
 * is in virtualWindow.ts; this binds it to the DOM.
 */
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { maxElementHeight } from './maxElementHeight'
import { virtualWindow, type RowWindow } from './virtualWindow'

export interface VirtualRowsOptions {
  scroller: Readonly<Ref<HTMLElement | null>>
  header: Readonly<Ref<HTMLElement | null>>
  rowCount: () => number
  rowHeight: () => number
  overscan: number
  /** The rendered rows change in steps of this many (see virtualWindow). */
  step: number
  /** Tables of at most this many rows are rendered whole (see virtualWindow). */
  renderAllUpTo: number
  /** True while the page prints: then the first `printRows` rows are rendered, from the top. */
  printing: Readonly<Ref<boolean>>
  printRows: number
}

function printWindow(rows: number, rowHeight: number): RowWindow {
  return { start: 0, end: rows, offset: 0, height: rows * rowHeight }
}

export function useVirtualRows(options: VirtualRowsOptions) {
  const scrollTop = ref(0)
  const clientHeight = ref(0)
  const headerHeight = ref(0)

  function measure(): void {
    const el = options.scroller.value
    if (!el) return
    clientHeight.value = el.clientHeight
    headerHeight.value = options.header.value?.offsetHeight ?? 0
    scrollTop.value = el.scrollTop
  }

  function onScroll(): void {
    const el = options.scroller.value
    if (el) scrollTop.value = el.scrollTop
  }

  function scrollToTop(): void {
    const el = options.scroller.value
    if (el) el.scrollTop = 0
    scrollTop.value = 0
  }

  let observer: ResizeObserver | null = null
  onMounted(() => {
    measure()
    if (typeof ResizeObserver === 'undefined') return
    observer = new ResizeObserver(measure)
    if (options.scroller.value) observer.observe(options.scroller.value)
    if (options.header.value) observer.observe(options.header.value)
  })
  onBeforeUnmount(() => observer?.disconnect())

  const rowWindow = computed(() =>
    // Paper has no scroll box: a print shows the rows from the first, as many as it may hold.
    options.printing.value
      ? printWindow(Math.min(options.rowCount(), options.printRows), options.rowHeight())
      : virtualWindow({
          rowCount: options.rowCount(),
          rowHeight: options.rowHeight(),
          scrollTop: scrollTop.value,
          // Before the first layout (or without one) the window's height is the best guess of the view.
          viewportHeight: (clientHeight.value > 0 ? clientHeight.value : window.innerHeight) - headerHeight.value,
          overscan: options.overscan,
          step: options.step,
          maxHeight: maxElementHeight(),
          renderAllUpTo: options.renderAllUpTo,
        }),
  )
  // Separate numbers, so a scroll that keeps the same rows does not re-render them.
  const start = computed(() => rowWindow.value.start)
  const end = computed(() => rowWindow.value.end)
  const offset = computed(() => rowWindow.value.offset)
  const height = computed(() => rowWindow.value.height)

  return { start, end, offset, height, headerHeight, onScroll, scrollToTop }
}
