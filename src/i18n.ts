import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'
import type { LocaleCode } from './domain/model'
import { readStorage, writeStorage } from './io/browserStorage'

/** zh-CN is the source locale: its keys are the schema every other locale must fill. */
export type MessageSchema = typeof zhCN

export const LOCALES: readonly LocaleCode[] = ['zh-CN', 'en']
const STORAGE_KEY = 'sid.locale'

export function isLocale(value: unknown): value is LocaleCode {
  return value === 'zh-CN' || value === 'en'
}

function initialLocale(): LocaleCode {
  const saved = readStorage(STORAGE_KEY)
  return isLocale(saved) ? saved : 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], LocaleCode, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

/** Switches the language and remembers it; <html lang> follows the locale (a watcher in App.vue). */
export function setLocale(locale: LocaleCode): void {
  i18n.global.locale.value = locale
  writeStorage(STORAGE_KEY, locale)
}
