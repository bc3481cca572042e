/**
 * The tallest element this browser lays out, measured once: Chromium and Safari stop near 33.5
 * million px, Firefox near 17.9 million. A virtual table keeps its scroll height below it (with
 * a margin), and scales scroll positions only when its rows would need more (virtualWindow.ts):
 * scaled, every row moves on every scroll and must be painted again, so it is the exception.
 */
import { MAX_SCROLL_HEIGHT } from './virtualWindow'

let measured: number | null = null

export function maxElementHeight(): number {
  if (measured !== null) return measured
  measured = MAX_SCROLL_HEIGHT
  if (typeof document === 'undefined' || !document.body) return measured
  const probe = document.createElement('div')
  probe.style.cssText = 'position:absolute;visibility:hidden;width:1px;height:1000000000px'
  document.body.append(probe)
  const height = probe.offsetHeight
  probe.remove()
  // No layout (a test DOM) measures 0: keep the safe default.
  if (height > MAX_SCROLL_HEIGHT) measured = Math.floor(height * 0.9)
  return measured
}
