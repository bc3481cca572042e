/**
 * The page's entry. A `?data=` link's worker is started first, and the app (`mountApp.ts`) is loaded
 * after: evaluating the app's code is one long task (about 0.7 s with the CPU throttled 4×, npm run
 * bench), and a worker cannot start while the page's thread is busy. Evaluated in a task of its
 * own, the app no longer holds the link's download and reading back.
 */
import { startEarlyUrlLoad } from './io/earlyUrlLoad'

startEarlyUrlLoad(location.hash, location.href)
import('./mountApp').catch((error: unknown) => {
  // Nothing of the app is there to report it (a new deployment replaced the chunk, the network
  // dropped): say so in plain text, in both languages, rather than leave a blank page.
  console.error(error)
  const root = document.getElementById('app')
  if (root) root.textContent = '页面加载失败，请刷新重试。 The page failed to load; please reload it.'
})
