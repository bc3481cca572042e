/**
 * XLSX (Excel 2007+) reading through `read-excel-file`, loaded on demand.
 *
 * Why this library: npm `xlsx` 0.18.5 has unfixed prototype pollution and ReDoS advisories
 * (see the security guide), while `read-excel-file` reads sheets into plain arrays of cell values
 * (no objects keyed by header text) and is maintained. Why the dynamic `import()`: most imports are
 * CSV or pasted cells, and the XLSX code (zip + XML) must not weigh on the first page load; the
 * bundler turns the import into a separate chunk fetched only when an .xlsx file arrives.
 *
 * Cells come back as text, because the interchange mapping reads every cell the same way whether it
 * came from a CSV or a spreadsheet: numbers in their shortest round-trip form ("4.32"), dates as
 * "2023-06" (Excel turns a typed "2023-06" into 1 June 2023) or "2023-06-18", booleans as TRUE/FALSE.
 *
 * Known limit: a cell formatted as a percentage stores the fraction (43.7% is 0.437) and the
 * library does not expose number formats, so such a cell reads as 0.437. Typing "43.7%" as text or
 * a plain 43.7 in a column whose unit is % avoids it.
 */

export class XlsxReadError extends Error {
  /** 'notXlsx': not a zip-based workbook (e.g. an old .xls); 'noSheet': empty workbook; 'damaged': anything else. */
  readonly reason: 'notXlsx' | 'legacyXls' | 'noSheet' | 'damaged'
  constructor(reason: XlsxReadError['reason'], message: string) {
    super(message)
    this.name = 'XlsxReadError'
    this.reason = reason
  }
}

/** "PK\x03\x04": the local file header every zip (and so every .xlsx) starts with. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** The OLE2 compound-file signature of legacy .xls workbooks, which are not supported. */
export function looksLikeLegacyXls(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** One cell as the text a CSV would have held. */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return ''
    // Excel dates carry no zone; the library builds them in UTC.
    const ym = `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}`
    return value.getUTCDate() === 1 ? ym : `${ym}-${pad2(value.getUTCDate())}`
  }
  return String(value)
}

/**
 * An ArrayBuffer holding exactly these bytes. The library accepts an ArrayBuffer only (checked with
 * instanceof), and a Uint8Array may be a view into a larger buffer: a Node Buffer from the shared
 * pool, a `subarray`, a slice of a SharedArrayBuffer. Handing over `view.buffer` would give the
 * library the bytes around the file too; `view.slice()` does not help for a Node Buffer, whose
 * `slice` is a view as well. So anything but a whole, plain ArrayBuffer is copied byte for byte.
 */
export function exactArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.buffer
  if (whole instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === whole.byteLength) return whole
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy.buffer
}

/** Reads the first sheet of a workbook as rows of cell texts. */
export async function readXlsxRows(input: ArrayBuffer | Uint8Array): Promise<string[][]> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  if (looksLikeLegacyXls(bytes)) throw new XlsxReadError('legacyXls', 'legacy .xls workbook')
  if (!looksLikeXlsx(bytes)) throw new XlsxReadError('notXlsx', 'not an .xlsx workbook')
  const buffer = exactArrayBuffer(bytes)
  const { readSheet } = await import('read-excel-file/universal')
  let sheet: unknown[][]
  try {
    sheet = (await readSheet(buffer, 1)) as unknown[][]
  } catch (err) {
    const name = err instanceof Error ? err.name : ''
    const message = err instanceof Error ? err.message : String(err)
    if (name === 'SheetNotFoundError') throw new XlsxReadError('noSheet', message)
    throw new XlsxReadError('damaged', message)
  }
  return sheet.map((row) => row.map(xlsxCellText))
}
