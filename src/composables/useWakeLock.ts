import { onBeforeUnmount, onMounted } from 'vue'

/** Keeps the screen awake while presenting; re-acquired when the tab becomes visible again. */
export function useWakeLock(): void {
  let sentinel: WakeLockSentinel | null = null

  async function acquire(): Promise<void> {
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return
    try {
      sentinel = await navigator.wakeLock.request('screen')
    } catch {
      // Refused (battery saver, no user gesture yet): the screen may dim, presenting still works.
    }
  }
  const onVisibility = (): void => void acquire()

  onMounted(() => {
    void acquire()
    document.addEventListener('visibilitychange', onVisibility)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    void sentinel?.release()
    sentinel = null
  })
}
