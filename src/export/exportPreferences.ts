/**
 * The image settings a reader last chose (format, scale, background, size), shared by every chart's
 * export menu and the view's "export all", and remembered across visits where storage allows.
 */
import { ref, watch } from 'vue'
import { DEFAULT_IMAGE_SETTINGS, isImageSettings, type ImageSettings } from './imageSettings'
import { readStoredJson, writeStorage } from '../io/browserStorage'

const STORAGE_KEY = 'sid.export'

function load(): ImageSettings {
  const value = readStoredJson(STORAGE_KEY)
  if (isImageSettings(value)) {
    return { format: value.format, scale: value.scale, background: value.background, size: value.size }
  }
  // Nothing stored, or blocked or damaged storage: the defaults apply.
  return { ...DEFAULT_IMAGE_SETTINGS }
}

const settings = ref<ImageSettings>(load())
watch(settings, (value) => writeStorage(STORAGE_KEY, JSON.stringify(value)), { deep: true })

export function useExportPreferences() {
  return settings
}
