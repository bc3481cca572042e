/**
 * A ref that follows another once it has stopped changing for `delay()` ms: typing in a search
 * box filters once per pause instead of once per key. A delay of 0 follows at once (same tick).
 * `flush()` takes the current value now (Enter, or clearing the box).
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

export function useDebounced<T>(source: Ref<T>, delay: () => number): { value: Readonly<Ref<T>>; flush: () => void } {
  const value = ref(source.value) as Ref<T>
  let timer: ReturnType<typeof setTimeout> | null = null

  function flush(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    value.value = source.value
  }

  watch(source, () => {
    const ms = delay()
    if (ms <= 0) return flush()
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(flush, ms)
  }, { flush: 'sync' })
  onBeforeUnmount(() => {
    if (timer !== null) clearTimeout(timer)
  })
  return { value, flush }
}
