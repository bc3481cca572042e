import { ref, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { ThemeName } from '../charts/palette'
import { readStorage, writeStorage } from '../io/browserStorage'

const THEME_KEY = 'sid.theme'
const DECAL_KEY = 'sid.decal'

export function isThemeName(value: unknown): value is ThemeName {
  return value === 'light' || value === 'dark'
}

/** How charts look: the theme (also in the URL) and decal patterns (a reader's own preference). */
export const useSettingsStore = defineStore('settings', () => {
  const saved = readStorage(THEME_KEY)
  const theme = ref<ThemeName>(isThemeName(saved) ? saved : 'light')
  /** Patterns on bars as well as colours: for monochrome print, projectors and colour-blind readers. */
  const decal = ref(readStorage(DECAL_KEY) === 'true')

  watch(theme, (value) => writeStorage(THEME_KEY, value))
  watch(decal, (value) => writeStorage(DECAL_KEY, String(value)))

  return { theme, decal }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSettingsStore, import.meta.hot))
