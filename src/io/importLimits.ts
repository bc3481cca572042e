/**
 * How much one import may read. The caps exist so that a wrong file (a database dump, a video
 * renamed .csv) fails at once with a clear message instead of exhausting the tab's memory.
 *
 * Sizing: an interchange CSV row with Chinese names is 80-150 bytes, so 500,000 rows (the largest
 * table the issue asks for) is 40-75 MB; reading it needs roughly 8-10× the file size in memory at
 * the peak (text, records, mapped rows, the validated dataset). 100 MiB leaves room above that
 * table and stays well under what a browser tab is given. An .xlsx is zipped XML that unpacks to
 * about 8× its size, so its cap is lower. Pasted text is measured in characters against the same cap.
 */

/** Largest CSV/TSV/JSON file or pasted text, in bytes (characters for pasted text). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024

/** Largest .xlsx file, in bytes. */
export const MAX_XLSX_BYTES = 30 * 1024 * 1024

/** Most data rows one table may have. */
export const MAX_IMPORT_ROWS = 1_000_000

/** How often (in rows) reading reports progress. */
export const PROGRESS_EVERY_ROWS = 5_000

/** Rows kept for the preview table. */
export const PREVIEW_ROWS = 50

/** "12.3 MB", for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
