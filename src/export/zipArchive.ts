/**
 * A ZIP of many exported files (every chart of a view), built through `jszip`, loaded on demand.
 *
 * Files are produced one at a time by their `render` function, so the progress is real (one step
 * per chart) and a cancel takes effect between two charts: the signal is checked before each one
 * and before the archive is written, and a cancelled export ends in an AbortError with nothing
 * downloaded. Images are stored, not deflated: PNG is compressed already and storing is much faster.
 */
import { uniqueFileNames } from './fileName'

export interface ArchiveEntry {
  name: string
  render: () => Promise<Blob>
}

export interface Progress {
  done: number
  total: number
}

export interface ArchiveOptions {
  signal?: AbortSignal
  onProgress?: (progress: Progress) => void
}

export function abortError(): DOMException {
  return new DOMException('The export was cancelled.', 'AbortError')
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError()
}

export async function zipArchive(entries: readonly ArchiveEntry[], options: ArchiveOptions = {}): Promise<Blob> {
  const { signal, onProgress } = options
  throwIfAborted(signal)
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  const names = uniqueFileNames(entries.map((e) => e.name))
  const total = entries.length
  onProgress?.({ done: 0, total })
  for (const [i, entry] of entries.entries()) {
    throwIfAborted(signal)
    const blob = await entry.render()
    zip.file(names[i] ?? entry.name, blob, { binary: true })
    onProgress?.({ done: i + 1, total })
  }
  throwIfAborted(signal)
  const blob = await zip.generateAsync({ type: 'blob', compression: 'STORE', mimeType: 'application/zip' })
  throwIfAborted(signal)
  return blob
}
