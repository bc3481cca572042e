import { ref, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { readAgenda, type AgendaItem } from '../presenter/agenda'
import { readStoredJson, writeStorage } from '../io/browserStorage'

const KEY = 'sid.agenda'

/** The presenter's agenda: chart slides in meeting order, kept in this browser. */
export const useAgendaStore = defineStore('agenda', () => {
  const items = ref<AgendaItem[]>(readAgenda(readStoredJson(KEY)))
  watch(items, (value) => writeStorage(KEY, JSON.stringify(value)), { deep: true })

  function add(item: AgendaItem): void {
    items.value = [...items.value, item]
  }
  function remove(index: number): void {
    items.value = items.value.filter((_, i) => i !== index)
  }
  function move(index: number, by: -1 | 1): void {
    const target = index + by
    if (target < 0 || target >= items.value.length) return
    const next = [...items.value]
    const [item] = next.splice(index, 1)
    if (item) next.splice(target, 0, item)
    items.value = next
  }
  function replace(next: AgendaItem[]): void {
    items.value = next
  }

  return { items, add, remove, move, replace }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAgendaStore, import.meta.hot))
