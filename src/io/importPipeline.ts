/**
 * One import from start to finish, with no UI and no threads of its own: detect the format,
 * decode, read the table, map the columns, check every row, validate the dataset. The worker
 * (`importWorker.ts`) runs exactly this off the main thread; tests and the `?data=` loader call it
 * directly. A `?data=` link's table is read while it downloads (`ArrivingText`): its rows are read
 * as the text comes in, so reading ends soon after the last byte instead of starting there.
 *
 * Nothing here stores or activates anything: the result is a proposal the user confirms.
 */
import type { LocalizedText } from '../domain/model'
import type { PeriodContext } from '../domain/period'
import { ArrivingText, FileTooLargeError } from './arrivingText'
import { decodeBytes, stripBom, type DecodedText } from './decodeBytes'
import { detachedString } from './detachedString'
import { SNIFF_CHARS, createChunkedDelimitedReader, createDelimitedReader, sniffDelimiter, type Delimiter } from './delimitedText'
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_XLSX_BYTES,
  PREVIEW_ROWS,
  PROGRESS_EVERY_ROWS,
  formatBytes,
} from './importLimits'
import { IssueCollector, emptyStats, type ImportFormat, type ImportResult, type PreviewRow } from './importResult'
import {
  checkMapping,
  headerSignature,
  suggestMapping,
  type ColumnMapping,
  type InterchangeField,
} from './interchangeColumns'
import { createInterchangeMapper } from './interchangeMapper'
import { decodeObservations } from './observationTransfer'
import { parseJsonSafely } from './safeJson'
import { validateDatasetValue } from './validateDataset'
import { validateMappedDataset } from './validateMappedDataset'
import { XlsxReadError, looksLikeLegacyXls, looksLikeXlsx, readXlsxRows } from './xlsxReader'

/** What to import: a file (or any Blob), raw bytes, or text pasted from a spreadsheet. */
export type ImportInput =
  | { kind: 'file'; file: Blob; name: string }
  | { kind: 'bytes'; bytes: ArrayBuffer | Uint8Array; name: string; type?: string }
  | { kind: 'text'; text: string; name: string }

/** A file still arriving (a `?data=` link's response, in the worker that fetches it; not sent between threads). */
export interface ArrivingInput {
  kind: 'arriving'
  text: ArrivingText
  name: string
  type?: string
}

export interface ImportOptions {
  /** The user's column mapping (from the mapping step). Without it the suggested mapping is used. */
  mapping?: ColumnMapping
  /** Import with guessed (not exact) header matches instead of stopping at 'needs-mapping'. */
  acceptSuggestedMapping?: boolean
  /** Year (and month) for relative periods such as "上半年" or "今年以来". */
  periodContext?: PeriodContext
  /** Name of the new dataset; the file name by default. */
  datasetName?: LocalizedText
  /** Force a format instead of detecting it. */
  format?: ImportFormat
  previewRows?: number
  progressEvery?: number
  maxBytes?: number
  maxXlsxBytes?: number
  maxRows?: number
  /** Checked between rows: an aborted import stops with an AbortError. */
  signal?: AbortSignal
  /**
   * How a table's observations come back: in `dataset.observations` (the default), or as columns in
   * `observationColumns`, as the worker posts them, with no object made for each row.
   */
  observationsAs?: 'objects' | 'columns'
}

export type ImportPhase = 'reading' | 'parsing' | 'mapping' | 'validating'

export interface ImportProgress {
  phase: ImportPhase
  /** Data rows read so far. */
  rows: number
  /** 0..1 through the current phase when it can be known, else null. */
  fraction: number | null
}

export type ProgressListener = (progress: ImportProgress) => void

const EXTENSIONS: ReadonlyMap<string, ImportFormat | 'delimited' | 'xls'> = new Map([
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['tab', 'tsv'],
  ['txt', 'delimited'],
  ['xlsx', 'xlsx'],
  ['xlsm', 'xlsx'],
  ['json', 'json'],
  ['xls', 'xls'],
])

function extensionOf(name: string): string {
  const path = name.split(/[?#]/)[0] ?? name
  const base = path.split(/[\\/]/).pop() ?? path
  const dot = base.lastIndexOf('.')
  return dot >= 0 ? base.slice(dot + 1).toLowerCase() : ''
}

type Detected = ImportFormat | 'delimited' | 'xls' | 'unknown'

/** The format from, in order: an explicit choice, the bytes' signature, the extension, the MIME type, the content. */
export function detectFormat(name: string, bytes: Uint8Array | null, type = '', forced?: ImportFormat): Detected {
  if (forced) return forced
  if (bytes && looksLikeLegacyXls(bytes)) return 'xls'
  const ext = extensionOf(name)
  const byExt = EXTENSIONS.get(ext)
  if (bytes && looksLikeXlsx(bytes)) return byExt === undefined || byExt === 'xlsx' ? 'xlsx' : 'unknown'
  if (byExt) return byExt
  const mime = type.toLowerCase().split(';')[0]?.trim() ?? ''
  if (mime === 'application/json' || mime.endsWith('+json')) return 'json'
  if (mime === 'text/csv') return 'csv'
  if (mime === 'text/tab-separated-values') return 'tsv'
  if (mime.includes('spreadsheetml')) return 'xlsx'
  // No extension (a pasted text, an extension-less link): look at the text itself.
  if (ext === '' || mime.startsWith('text/')) return 'delimited'
  return 'unknown'
}

function abortError(): Error {
  const err = new Error('The import was cancelled')
  err.name = 'AbortError'
  return err
}

/** A source that has read all the text it has so far: more must arrive first (`ArrivingText`). */
const MORE = Symbol('more text needed')

/** Rows one at a time from a delimited text or a sheet, with how far through the input we are. */
interface RecordSource {
  next(): { cells: string[]; row: number } | null | typeof MORE
  fraction(): number | null
  /** True when the record just returned has a quote that was never closed. */
  lastUnclosed(): boolean
}

/** Bytes enough to tell a spreadsheet by its signature. */
const HEAD_BYTES = 8

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text.slice(0, 64))
}

/**
 * How much arrived text a source of an arriving file is given at a time (characters): small enough
 * that a piece, and the reader's copy of it with the unread rest of the piece before, are ordinary
 * young objects and not large ones with fresh pages each (see `DECODE_SLICE_BYTES`).
 */
const ARRIVING_PIECE_CHARS = 32 * 1024

/** Rows of a delimited text that is still arriving; `push` gives it the next piece. */
function arrivingSource(arriving: ArrivingText, delimiter: Delimiter): RecordSource & { push(piece: string, last: boolean): void } {
  const reader = createChunkedDelimitedReader(delimiter)
  return {
    next() {
      const record = reader.next()
      return record === null && !reader.done ? MORE : record
    },
    push: (piece, last) => reader.push(piece, last),
    fraction: () => (arriving.size ? Math.min(1, arriving.received / arriving.size) : null),
    lastUnclosed: () => reader.lastUnclosed(),
  }
}

function delimitedSource(text: string, delimiter: Delimiter): RecordSource {
  const reader = createDelimitedReader(text, delimiter)
  let unclosedSeen = 0
  let lastUnclosed = false
  return {
    next() {
      const record = reader.next()
      lastUnclosed = reader.unclosedQuoteRows.length > unclosedSeen
      unclosedSeen = reader.unclosedQuoteRows.length
      return record
    },
    fraction: () => (text.length === 0 ? 1 : reader.offset / text.length),
    lastUnclosed: () => lastUnclosed,
  }
}

function sheetSource(rows: string[][]): RecordSource {
  let i = 0
  return {
    next() {
      if (i >= rows.length) return null
      const cells = rows[i] ?? []
      i++
      return { cells, row: i }
    },
    fraction: () => (rows.length === 0 ? 1 : i / rows.length),
    lastUnclosed: () => false,
  }
}

function isBlankRecord(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false
  return true
}

/**
 * Runs one import. Resolves with a result (never rejects for bad data); rejects when aborted, and
 * when an arriving file's transfer fails.
 */
export async function runImport(
  input: ImportInput | ArrivingInput,
  options: ImportOptions = {},
  onProgress?: ProgressListener,
): Promise<ImportResult> {
  const started = Date.now()
  const file = input.name
  const issues = new IssueCollector(file)
  const stats = emptyStats()
  const previewLimit = options.previewRows ?? PREVIEW_ROWS
  const progressEvery = Math.max(1, options.progressEvery ?? PROGRESS_EVERY_ROWS)
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS
  const signal = options.signal
  const progress = (p: ImportProgress): void => onProgress?.(p)
  const checkAbort = (): void => {
    if (signal?.aborted) throw abortError()
  }

  const finishResult = (partial: Omit<ImportResult, 'stats' | 'issues'>): ImportResult => {
    // An import that ended before its file did (a missing column, too many rows) needs no more of it.
    // Its size is what arrived: all of it, or as far as the import read.
    if (arriving !== null) {
      if (!arriving.ended) arriving.cancel().catch(() => undefined)
      stats.bytes = arriving.received
    }
    stats.issueCounts = { ...issues.counts }
    stats.issuesTruncated = issues.truncated
    stats.errorRows = issues.countRows('error')
    stats.warningRows = issues.countRows('warning')
    stats.elapsedMs = Date.now() - started
    return { ...partial, stats, issues: issues.result() }
  }
  const failed = (): ImportResult =>
    finishResult({ status: 'failed', dataset: null, preview: { headers: [], rows: [] }, mapping: null })
  /** The result for an arriving file that went past the size cap (its transfer was stopped there). */
  const tooLargeOr = (err: unknown): ImportResult => {
    if (!(err instanceof FileTooLargeError)) throw err
    issues.forFile('error', 'fileTooLarge', { size: `> ${formatBytes(err.maxBytes)}`, max: formatBytes(err.maxBytes) })
    return failed()
  }

  checkAbort()
  progress({ phase: 'reading', rows: 0, fraction: null })

  // --- Bytes or text in, format decided.
  let bytes: Uint8Array | null = null
  let text: string | null = null
  let type = ''
  const arriving = input.kind === 'arriving' ? input.text : null
  /** The text of an arriving file, when it was decoded as its bytes came. */
  let arrivedText: DecodedText | null = null
  if (input.kind === 'text') {
    text = stripBom(input.text)
    stats.bytes = text.length
  } else if (input.kind === 'arriving') {
    type = input.type ?? ''
    try {
      // Enough of the text to tell its format and delimiter as the whole text would.
      await input.text.fill(SNIFF_CHARS + 1)
    } catch (err) {
      return tooLargeOr(err)
    }
  } else {
    const size = input.kind === 'file' ? input.file.size : input.bytes.byteLength
    stats.bytes = size
    if (size > maxBytes) {
      issues.forFile('error', 'fileTooLarge', { size: formatBytes(size), max: formatBytes(maxBytes) })
      return failed()
    }
    if (input.kind === 'file') {
      type = input.file.type
      bytes = new Uint8Array(await input.file.arrayBuffer())
    } else {
      type = input.type ?? ''
      bytes = input.bytes instanceof Uint8Array ? input.bytes : new Uint8Array(input.bytes)
    }
  }
  if (text !== null && text.length > maxBytes) {
    issues.forFile('error', 'fileTooLarge', { size: formatBytes(text.length), max: formatBytes(maxBytes) })
    return failed()
  }
  checkAbort()

  const detected = detectFormat(file, bytes ?? arriving?.head(HEAD_BYTES) ?? null, type, options.format)
  if (detected === 'xls') {
    issues.forFile('error', 'legacyXls')
    return failed()
  }
  if (detected === 'unknown') {
    issues.forFile('error', 'unsupportedFormat', { name: file })
    return failed()
  }

  // --- An arriving file is read as it comes when it is a delimited UTF-8 text; any other is read whole.
  let streamed: ReturnType<typeof arrivingSource> | null = null
  if (arriving !== null) {
    let taken = ''
    if (!arriving.ended && !arriving.notUtf8 && (detected === 'csv' || detected === 'tsv' || detected === 'delimited')) {
      taken = arriving.take()
      if (!looksLikeJson(taken) && !arriving.damaged) {
        const delimiter: Delimiter = detected === 'tsv' ? '\t' : detected === 'csv' ? sniffCsv(taken) : sniffDelimiter(taken)
        stats.delimiter = delimiter
        stats.format = delimiter === '\t' ? 'tsv' : 'csv'
        stats.encoding = 'utf-8'
        streamed = arrivingSource(arriving, delimiter)
        streamed.push(taken, false)
        taken = ''
      }
    }
    if (streamed === null) {
      try {
        bytes = await arriving.allBytes()
      } catch (err) {
        return tooLargeOr(err)
      }
      const rest = arriving.finishText()
      arrivedText = rest && { ...rest, text: taken + rest.text }
    }
  }

  // --- Spreadsheet or text.
  let source: RecordSource
  if (streamed !== null) {
    source = streamed
  } else if (detected === 'xlsx') {
    stats.format = 'xlsx'
    const maxXlsx = options.maxXlsxBytes ?? MAX_XLSX_BYTES
    if (bytes === null) {
      issues.forFile('error', 'unsupportedFormat', { name: file })
      return failed()
    }
    if (bytes.byteLength > maxXlsx) {
      issues.forFile('error', 'fileTooLarge', { size: formatBytes(bytes.byteLength), max: formatBytes(maxXlsx) })
      return failed()
    }
    try {
      source = sheetSource(await readXlsxRows(bytes))
    } catch (err) {
      if (err instanceof XlsxReadError && err.reason === 'legacyXls') issues.forFile('error', 'legacyXls')
      else issues.forFile('error', 'fileUnreadable', { reason: err instanceof Error ? err.message : String(err) })
      return failed()
    }
  } else {
    if (text === null && bytes !== null) text = decode(bytes)
    bytes = null // the text is all that is needed from here on
    // Only `text` and the reader hold the text from here: both let it go once the rows are read.
    text ??= ''
    if (detected === 'json' || (detected === 'delimited' && looksLikeJson(text))) {
      return importJson(text)
    }
    const delimiter: Delimiter = detected === 'tsv' ? '\t' : detected === 'csv' ? sniffCsv(text) : sniffDelimiter(text)
    stats.delimiter = delimiter
    stats.format = delimiter === '\t' ? 'tsv' : 'csv'
    source = delimitedSource(text, delimiter)
  }

  // --- Header row: the first row that is not blank.
  let header: { cells: string[]; row: number } | null = null
  for (let record = source.next(); record !== null; record = source.next()) {
    if (record === MORE) {
      const ended = await readMore()
      if (ended) return ended
      continue
    }
    if (!isBlankRecord(record.cells)) {
      header = record
      break
    }
  }
  if (header === null) {
    issues.forFile('error', 'emptyTable')
    return failed()
  }
  // Copies (`detachedString`): cells are cut from the text, and the result outlives it.
  const headers = header.cells.map((h) => detachedString(h.trim()))
  header = null
  const suggestion = suggestMapping(headers)
  const mapping = options.mapping ? headers.map((_, i) => options.mapping?.[i] ?? null) : suggestion.mapping
  const mappingState = { headers, mapping, signature: headerSignature(headers), suggestion }
  const preview: PreviewRow[] = []
  const keepPreview = (cells: string[], row: number): void => {
    if (preview.length < previewLimit) preview.push({ row, cells: cells.map(detachedString), status: 'ok' })
  }
  const finalPreview = (): PreviewRow[] => preview.map((p) => ({ ...p, status: issues.status(p.row) }))

  const check = checkMapping(headers, mapping)
  const needsStep = !options.mapping && (!suggestion.confident && !(options.acceptSuggestedMapping && check.ok))
  if (needsStep || !check.ok) {
    for (const field of check.missing) issues.forFile('error', 'missingColumn', { field })
    for (const d of check.duplicates)
      issues.forFile('error', 'duplicateColumn', { field: d.field, columns: d.columns.map((c) => headers[c] ?? String(c + 1)).join('、') })
    // Enough rows for the mapping step to show what each column holds.
    for (let record = source.next(); record !== null && preview.length < previewLimit; record = source.next()) {
      if (record === MORE) {
        const ended = await readMore()
        if (ended) return ended
        continue
      }
      if (!isBlankRecord(record.cells)) keepPreview(record.cells, record.row)
    }
    return finishResult({
      status: options.mapping ? 'failed' : 'needs-mapping',
      dataset: null,
      preview: { headers, rows: finalPreview() },
      mapping: mappingState,
    })
  }
  for (const i of check.ignored) issues.forFile('warning', 'ignoredColumn', { column: headers[i] ?? String(i + 1) })

  // --- Rows.
  const mapper = createInterchangeMapper(headers, mapping, issues, {
    file,
    ...(options.datasetName ? { datasetName: options.datasetName } : {}),
    ...(options.periodContext ? { periodContext: options.periodContext } : {}),
  })
  progress({ phase: 'parsing', rows: 0, fraction: source.fraction() })
  for (let record = source.next(); record !== null; record = source.next()) {
    if (record === MORE) {
      const ended = await readMore()
      if (ended) return ended
      continue
    }
    if (isBlankRecord(record.cells)) {
      stats.blankRows++
      continue
    }
    stats.dataRows++
    if (stats.dataRows > maxRows) {
      issues.forFile('error', 'tooManyRows', { max: maxRows })
      return finishResult({ status: 'failed', dataset: null, preview: { headers, rows: finalPreview() }, mapping: mappingState })
    }
    keepPreview(record.cells, record.row)
    if (source.lastUnclosed()) {
      issues.row('error', 'unclosedQuote', record.row, undefined, undefined)
    } else {
      mapper.addRow(record.cells, record.row)
    }
    if (stats.dataRows % progressEvery === 0) {
      checkAbort()
      progress({ phase: 'parsing', rows: stats.dataRows, fraction: source.fraction() })
    }
  }
  // The text and the reader are not needed any more (the kept rows hold copies of what they need):
  // let them go before the rows are built into a dataset, which doubles what the rows take.
  text = null
  source = sheetSource([])
  checkAbort()
  progress({ phase: 'mapping', rows: stats.dataRows, fraction: null })
  const mapped = mapper.finish()
  checkAbort()
  progress({ phase: 'validating', rows: stats.dataRows, fraction: 0 })
  const columnHeaders = new Map<InterchangeField, string>()
  mapping.forEach((field, i) => {
    if (field !== null && !columnHeaders.has(field)) columnHeaders.set(field, headers[i] ?? field)
  })
  const validated = validateMappedDataset(mapped, columnHeaders, issues, (fraction) =>
    progress({ phase: 'validating', rows: stats.dataRows, fraction }),
  )
  checkAbort()

  const columns = validated.observations
  const dataset = validated.dataset && columns !== null && columns.count > 0 ? validated.dataset : null
  if (dataset === null && !issues.listed.some((i) => i.code === 'noValidRows')) {
    issues.forFile('error', stats.dataRows === 0 ? 'emptyTable' : 'noValidRows')
  }
  stats.validRows = validated.validRows
  if (dataset) {
    stats.subjects = dataset.subjects.length
    stats.indicators = dataset.indicators.length
    stats.documents = dataset.documents.length
    stats.observations = columns?.count ?? 0
  }
  const tablePreview = { headers, rows: finalPreview() }
  if (dataset === null || columns === null) return finishResult({ status: 'failed', dataset: null, preview: tablePreview, mapping: mappingState })
  if (options.observationsAs === 'columns')
    return finishResult({ status: 'ok', dataset, preview: tablePreview, mapping: mappingState, observationColumns: columns })
  return finishResult({
    status: 'ok',
    dataset: { ...dataset, observations: decodeObservations(columns) },
    preview: tablePreview,
    mapping: mappingState,
  })

  /**
   * Gives an arriving file's reader the next piece of its text. Null when it has it; else the
   * import ends with the result given: the file went past the size cap, or it was found not to be
   * UTF-8 (or damaged) after its first rows were read, and was then read again whole, as a file
   * that came at once would have been (a GB18030 file is nearly always found in its first bytes).
   */
  async function readMore(): Promise<ImportResult | null> {
    if (arriving === null || streamed === null) throw new Error('only an arriving file reads more')
    try {
      await arriving.fill(ARRIVING_PIECE_CHARS)
    } catch (err) {
      return tooLargeOr(err)
    }
    if (!arriving.notUtf8) {
      const piece = arriving.take(ARRIVING_PIECE_CHARS)
      const rest = arriving.ended ? arriving.finishText() : null
      if (!arriving.damaged && (!arriving.ended || (rest !== null && rest.replacements === 0))) {
        streamed.push(rest === null ? piece : piece + rest.text, arriving.ended)
        return null
      }
    }
    let whole: Uint8Array
    try {
      whole = await arriving.allBytes()
    } catch (err) {
      return tooLargeOr(err)
    }
    return runImport({ kind: 'bytes', bytes: whole, name: file, type }, options, onProgress)
  }

  /** The text of a file's bytes, noting the encoding (and any damage) found. */
  function decode(fileBytes: Uint8Array): string {
    // A text decoded while an arriving file's bytes came is let go here: `text` is its only holder.
    const given = arrivedText
    arrivedText = null
    const decoded = given ?? decodeBytes(fileBytes)
    stats.encoding = decoded.encoding
    if (decoded.replacements > 0)
      issues.forFile('warning', 'encodingDamaged', { count: decoded.replacements, encoding: decoded.encoding })
    return decoded.text
  }

  /** A .csv file is comma-separated unless its first lines clearly say otherwise (Excel in some locales writes ";"). */
  function sniffCsv(body: string): Delimiter {
    const sniffed = sniffDelimiter(body)
    return sniffed === '\t' || sniffed === ';' ? sniffed : ','
  }

  function importJson(body: string): ImportResult {
    stats.format = 'json'
    progress({ phase: 'validating', rows: 0, fraction: null })
    const parsed = parseJsonSafely(body)
    if (!parsed.ok) {
      if (parsed.reason === 'forbiddenKey') issues.forFile('error', 'forbiddenKey', { key: parsed.key })
      else issues.forFile('error', 'jsonSyntax', { reason: parsed.message })
      return failed()
    }
    const result = validateDatasetValue(parsed.value, file)
    for (const issue of result.issues) issues.add(issue)
    const dataset = result.dataset
    if (dataset) {
      stats.subjects = dataset.subjects.length
      stats.indicators = dataset.indicators.length
      stats.documents = dataset.documents.length
      stats.observations = dataset.observations.length
      stats.validRows = dataset.observations.length
    }
    return finishResult({ status: dataset ? 'ok' : 'failed', dataset, preview: { headers: [], rows: [] }, mapping: null })
  }
}
