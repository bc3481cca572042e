/**
 * The height that lets an element reach down to the bottom of the window (less a margin), so a
 * long table scrolls inside its own box with its header in view, instead of making the whole page
 * as long as the table. Never less than `min`. Follows window resizes, and anything above the
 * element changing height (a notice or a "loading data" banner coming and going), which resizes
 * the page's body.
 */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function useFillWindowHeight(element: Readonly<Ref<HTMLElement | null>>, options: { margin: number; min: number }): Ref<number> {
  const height = ref(options.min)

  function measure(): void {
    const el = element.value
    if (!el) return
    // From the element's top in the page (not in the view), so a scrolled page gives the same answer.
    const top = el.getBoundingClientRect().top + window.scrollY
    height.value = Math.max(options.min, Math.floor(window.innerHeight - top - options.margin))
  }

  let observer: ResizeObserver | null = null
  onMounted(() => {
    measure()
    window.addEventListener('resize', measure)
    if (typeof ResizeObserver === 'undefined') return
    observer = new ResizeObserver(measure)
    observer.observe(document.body)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('resize', measure)
    observer?.disconnect()
  })
  return height
}
