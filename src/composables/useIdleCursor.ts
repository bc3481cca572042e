import { onBeforeUnmount, onMounted, ref } from 'vue'

/** True once the mouse has been still for `idleMs`: the presenter hides the cursor on the screen. */
export function useIdleCursor(idleMs = 2500) {
  const idle = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null
  const wake = (): void => {
    idle.value = false
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => (idle.value = true), idleMs)
  }
  onMounted(() => {
    window.addEventListener('mousemove', wake)
    wake()
  })
  onBeforeUnmount(() => {
    window.removeEventListener('mousemove', wake)
    if (timer !== null) clearTimeout(timer)
  })
  return idle
}
