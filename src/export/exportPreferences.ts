/**
 * The image settings a reader last chose (format, scale, background, size), shared by every chart's
 * export menu and the view's "export all", and remembered across visits where storage allows.
 */
import { ref, watch } from 'vue'
import { DEFAULT_IMAGE_SETTINGS, isImageSettings, type ImageSettings } from './imageSettings'

const STORAGE_KEY = 'sid.export'

function load(): ImageSettings {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    const value: unknown = saved ? JSON.parse(saved) : null
    if (isImageSettings(value)) {
      return { format: value.format, scale: value.scale, background: value.background, size: value.size }
    }
  } catch {
    // Blocked or damaged storage: the defaults apply.
  }
  return { ...DEFAULT_IMAGE_SETTINGS }
}

const settings = ref<ImageSettings>(load())
watch(
  settings,
  (value) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(value))
    } catch {
      // Not remembered; the choice still applies to this visit.
    }
  },
  { deep: true },
)

export function useExportPreferences() {
  return settings
}
