import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  /** Already translated, or a message key the bar translates. */
  message: string
  /** Technical details for a bug report (error message and stack); shown folded. */
  detail: string | null
}

/** Messages for the user that no single view owns: errors nobody caught, storage fallbacks, … */
export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let nextId = 1

  function push(kind: Notice['kind'], message: string, detail: string | null = null): void {
    // The same failure repeating (e.g. on every frame) is shown once.
    if (notices.value.some((n) => n.message === message && n.detail === detail)) return
    notices.value = [...notices.value, { id: nextId++, kind, message, detail }].slice(-5)
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  return { notices, push, dismiss }
})

/** Message and stack of anything thrown, for the details fold. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return [error.message, error.stack].filter(Boolean).join('\n')
  return String(error)
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNoticesStore, import.meta.hot))
