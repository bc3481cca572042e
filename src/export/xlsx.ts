/**
 * XLSX through `write-excel-file`, loaded on demand (never part of the first page load).
 *
 * Why this writer: it is maintained, writes plain typed cells and nothing else, and is not npm `xlsx`
 * (see the security guide). Text cells are shared strings (`t="s"`), which a spreadsheet never
 * evaluates, so no formula prefix is needed here; numbers are numeric cells. The header row is bold
 * and frozen.
 *
 * One defect of the writer is worked around here: it indexes shared strings with a plain object, so a
 * cell whose text is a property of Object.prototype (`__proto__`, `constructor`, `toString`…) is
 * written as "[object Object]" or worse. Such cells go in as unique placeholders and their text is put
 * back into sharedStrings.xml afterwards (through jszip, loaded only then).
 */
import type { InterchangeTable } from './interchangeTable'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Excel's limits for a sheet name: 31 characters, none of `[ ] : * ? / \`. */
export function sheetName(text: string): string {
  const name = text.replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '')
  return Array.from(name).slice(0, 31).join('') || 'Sheet1'
}

function columnWidth(values: ReadonlyArray<string | number | null>): number {
  let widest = 6
  for (const value of values) {
    if (value === null) continue
    let width = 0
    for (const ch of String(value).slice(0, 60)) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
    widest = Math.max(widest, width)
  }
  return Math.min(60, widest + 2)
}

/** Text the writer's shared-string index would mistake for an inherited property. */
export function isPrototypeKey(text: string): boolean {
  return text in Object.prototype
}

function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

async function restoreStrings(blob: Blob, originals: ReadonlyMap<string, string>): Promise<Blob> {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(await blob.arrayBuffer())
  const path = 'xl/sharedStrings.xml'
  const file = zip.file(path)
  if (!file) throw new Error('The workbook has no shared strings.')
  let xml = await file.async('string')
  for (const [placeholder, text] of originals) xml = xml.split(`>${placeholder}<`).join(`>${escapeXml(text)}<`)
  zip.file(path, xml)
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE', mimeType: XLSX_MIME })
}

export async function xlsxBlob(table: InterchangeTable, sheet: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const originals = new Map<string, string>()
  const nonce = Math.random().toString(36).slice(2)
  const safe = <T extends string | number | null>(value: T): T | string => {
    if (typeof value !== 'string' || !isPrototypeKey(value)) return value
    const placeholder = `XLSXTEXT${originals.size}X${nonce}`
    originals.set(placeholder, value)
    return placeholder
  }
  const header = table.headers.map((value) => ({ value: safe(value), fontWeight: 'bold' as const }))
  const body = table.rows.map((row) => row.map((value) => (value === null ? null : { value: safe(value) })))
  const columns = table.headers.map((h, i) => ({ width: columnWidth([h, ...table.rows.map((r) => r[i] ?? null)]) }))
  let blob = await writeXlsxFile([header, ...body], { sheet: sheetName(sheet), columns, stickyRowsCount: 1 }).toBlob()
  if (originals.size > 0) blob = await restoreStrings(blob, originals)
  return blob.type === XLSX_MIME ? blob : new Blob([blob], { type: XLSX_MIME })
}
