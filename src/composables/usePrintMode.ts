/**
 * Whether the page is being printed (or saved as PDF), as a ref. Both signals are heard:
 * 'beforeprint'/'afterprint' and the print media query, because headless printing (and emulated
 * print media in the browser tests) sends only the second.
 *
 * Vue updates the DOM in a microtask, which runs before the browser lays the page out for print:
 * a component that renders differently while `printing` is true is printed in that form.
 */
import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue'

export function usePrintMode(): Readonly<Ref<boolean>> {
  const printing = ref(false)
  const start = (): void => {
    printing.value = true
  }
  const stop = (): void => {
    printing.value = false
  }
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
  const onQuery = (event: MediaQueryListEvent): void => {
    printing.value = event.matches
  }
  onMounted(() => {
    window.addEventListener('beforeprint', start)
    window.addEventListener('afterprint', stop)
    query?.addEventListener('change', onQuery)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('beforeprint', start)
    window.removeEventListener('afterprint', stop)
    query?.removeEventListener('change', onQuery)
  })
  return readonly(printing)
}
