/**
 * The app: Vue, the router, i18n, the stores and the error reporting, mounted on #app. Loaded by
 * `main.ts` once a `?data=` link's worker is on its way.
 */
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { errorDetail, useNoticesStore } from './stores/notices'
import { useDatasetStore } from './stores/dataset'
import { dataParamOf } from './io/earlyUrlLoad'
import './styles/base.css'
import './styles/print.css'
import './styles/present.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(router)
app.use(i18n)
// Errors no view boundary caught, and promises nobody awaited, are shown to the user, not swallowed.
const notices = useNoticesStore(pinia)
app.config.errorHandler = (error) => {
  console.error(error)
  notices.push('error', i18n.global.t('errors.unexpected'), errorDetail(error))
}
// A view's code failed to load (a new deployment replaced its chunk, the network dropped): say so.
router.onError((error) => {
  notices.push('error', i18n.global.t('errors.navigation'), errorDetail(error))
})
window.addEventListener('unhandledrejection', (event) => {
  // A cancelled export or import is the user's choice, not a failure.
  if (event.reason instanceof DOMException && event.reason.name === 'AbortError') return
  notices.push('error', i18n.global.t('errors.unexpected'), errorDetail(event.reason))
})
window.addEventListener('error', (event) => {
  // Chrome reports a benign ResizeObserver re-entry as an error event; nothing failed.
  if (typeof event.message === 'string' && event.message.startsWith('ResizeObserver loop')) return
  notices.push('error', i18n.global.t('errors.unexpected'), errorDetail(event.error ?? event.message))
})

// The store takes over the ?data= load started above (App.vue asks for the same load once the router
// is ready and gets this one), so the loading banner shows from the first paint.
const dataParam = dataParamOf(location.hash)
if (dataParam) void useDatasetStore(pinia).loadFromUrl(dataParam)

app.mount('#app')
