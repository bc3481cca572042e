import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'
import type { LocaleCode } from './domain/model'

/** zh-CN is the source locale: its keys are the schema every other locale must fill. */
export type MessageSchema = typeof zhCN

export const LOCALES: readonly LocaleCode[] = ['zh-CN', 'en']
const STORAGE_KEY = 'sid.locale'

export function isLocale(value: unknown): value is LocaleCode {
  return value === 'zh-CN' || value === 'en'
}

function initialLocale(): LocaleCode {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (isLocale(saved)) return saved
  } catch {
    // Storage can be blocked (privacy modes); the default language still works.
  }
  return 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], LocaleCode, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: LocaleCode): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembered across reloads, but the switch itself worked.
  }
}
