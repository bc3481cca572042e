import { computed } from 'vue'
import { useSettingsStore } from '../stores/settings'
import { PALETTES } from '../charts/palette'

/** The palette and decal flag every chart builder takes, from the reader's settings. */
export function useChartStyle() {
  const settings = useSettingsStore()
  return computed(() => ({ palette: PALETTES[settings.theme], decal: settings.decal }))
}
