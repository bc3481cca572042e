/**
 * `?data=URL`: officials share links to tables on an intranet server. The link is loaded instead of
 * the default dataset, through the same reading and validation as an imported file.
 *
 * Only same-origin (or relative) http(s) URLs are fetched: a link that could point anywhere would
 * let anyone make the dashboard show their numbers under the host's name, or probe the reader's
 * network. Requests carry same-origin credentials only and may not be redirected off the origin.
 *
 * This function changes nothing: it returns a dataset or issues, and the caller switches data
 * only when a dataset comes back. Any failure (refused URL, 404, timeout, bad JSON, wrong schema,
 * a table with no valid row) returns issues and no dataset, so the current data stays.
 */
import type { Dataset } from '../domain/model'
import { MAX_IMPORT_BYTES, formatBytes } from './importLimits'
import { ArrivingText, type ByteSource } from './arrivingText'
import type { ArrivingInput, ImportInput, ImportOptions } from './importPipeline'
import type { ImportResult } from './importResult'
import type { ValidationIssue } from './validationIssue'

export const DEFAULT_URL_TIMEOUT_MS = 15_000

export interface LoadFromUrlOptions {
  /** The page's own URL (`location.href`): resolves relative links and defines "same origin". */
  baseUrl: string
  fetch?: typeof fetch
  /**
   * How long the server may stay silent: before it answers, and between two pieces of the body.
   * Not a cap on the whole transfer: a large table on a slow intranet takes as long as it takes
   * while its bytes keep coming (60 MB at 20 Mbit/s is 25 s).
   */
  timeoutMs?: number
  maxBytes?: number
  /**
   * How to read the fetched file (arriving: its body is read by the reader as it comes). Default:
   * `runImport`, loaded only once the response is here, so the request goes out before the
   * reader's code is even fetched (the worker passes its own).
   */
  parse?: (input: ImportInput | ArrivingInput, options: ImportOptions) => Promise<ImportResult>
  importOptions?: ImportOptions
}

export interface LoadFromUrlResult {
  /** The dataset to show (valid rows of a table, or a whole valid JSON dataset); null on any failure. */
  dataset: Dataset | null
  issues: ValidationIssue[]
  /** The resolved URL, or the parameter as given when it could not be resolved. */
  url: string
  /** The import result, when the file was fetched and read (for stats and preview). */
  result: ImportResult | null
}

export type ResolvedDataUrl = { ok: true; url: URL } | { ok: false; url: string }

/** Resolves `?data=` against the page and accepts it only when it stays on the page's origin. */
export function resolveDataUrl(param: string, baseUrl: string): ResolvedDataUrl {
  let base: URL
  let url: URL
  try {
    base = new URL(baseUrl)
    url = new URL(param.trim(), base)
  } catch {
    return { ok: false, url: param }
  }
  const httpLike = url.protocol === 'http:' || url.protocol === 'https:'
  // Credentials in the URL ("https://user:pw@host/") are refused even on the same origin.
  if (!httpLike || url.origin !== base.origin || url.username !== '' || url.password !== '') return { ok: false, url: url.href }
  return { ok: true, url }
}

/** The file name a URL names ("/data/街道指标.csv" → "街道指标.csv"), for messages and format detection. */
function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? url.hostname
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

export async function loadDatasetFromUrl(param: string, options: LoadFromUrlOptions): Promise<LoadFromUrlResult> {
  const resolved = resolveDataUrl(param, options.baseUrl)
  const fail = (issue: Omit<ValidationIssue, 'severity' | 'location'>, url: string, file = url): LoadFromUrlResult => ({
    dataset: null,
    issues: [{ severity: 'error', location: { file }, ...issue }],
    url,
    result: null,
  })
  if (!resolved.ok) return fail({ code: 'urlNotAllowed', params: { url: resolved.url } }, resolved.url)

  const url = resolved.url
  const href = url.href
  const name = fileNameOf(url)
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The server was heard from: the timeout counts from now. */
  const restartTimer = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => controller.abort(), timeoutMs)
  }
  restartTimer()
  const failedTransfer = (err: unknown): LoadFromUrlResult => {
    if (controller.signal.aborted) return fail({ code: 'fetchTimeout', params: { url: href, seconds: Math.round(timeoutMs / 1000) } }, href, name)
    return fail({ code: 'fetchFailed', params: { url: href, reason: err instanceof Error ? err.message : String(err) } }, href, name)
  }

  let input: ImportInput | ArrivingInput
  try {
    const response = await doFetch(href, {
      signal: controller.signal,
      credentials: 'same-origin',
      mode: 'same-origin',
      redirect: 'follow',
    })
    // A redirect that left the origin is refused even where the browser allowed it.
    if (response.url && new URL(response.url).origin !== url.origin) {
      return fail({ code: 'urlNotAllowed', params: { url: response.url } }, href, name)
    }
    if (!response.ok) {
      return fail({ code: 'fetchFailed', params: { url: href, reason: `HTTP ${response.status} ${response.statusText}`.trim() } }, href, name)
    }
    // A compressed response (a server's gzip) gives the length of what was sent, not of the file:
    // the cap is then checked on the bytes as they are read, and the progress has no total.
    const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase()
    const declared = encoding === 'identity' ? Number(response.headers.get('content-length') ?? '') : Number.NaN
    if (Number.isFinite(declared) && declared > maxBytes) {
      return fail({ code: 'fileTooLarge', params: { size: formatBytes(declared), max: formatBytes(maxBytes) } }, href, name)
    }
    const type = response.headers.get('content-type') ?? ''
    // Single-page servers answer a missing file with their index page and status 200.
    if (/^text\/html\b/i.test(type)) {
      return fail({ code: 'unsupportedFormat', params: { name: `${name} (${type.split(';')[0] ?? type})` } }, href, name)
    }
    if (response.body === null) {
      const bytes = new Uint8Array(await response.arrayBuffer())
      clearTimeout(timer)
      input = { kind: 'bytes', bytes, name, type }
    } else {
      // The reader reads the body as it comes (and stops it past the size cap); the timeout still
      // watches the transfer to its last byte.
      const body = bodySource(response.body, restartTimer, () => clearTimeout(timer))
      const size = Number.isFinite(declared) && declared > 0 ? declared : null
      input = { kind: 'arriving', text: new ArrivingText(body, maxBytes, size), name, type }
    }
  } catch (err) {
    clearTimeout(timer)
    return failedTransfer(err)
  }

  const parse =
    options.parse ??
    ((given: ImportInput | ArrivingInput, opts: ImportOptions) => import('./importPipeline').then(({ runImport }) => runImport(given, opts)))
  let result: ImportResult
  try {
    // No mapping step for a link: guessed columns are accepted, missing required ones fail.
    result = await parse(input, { acceptSuggestedMapping: true, maxBytes, ...options.importOptions })
  } catch (err) {
    if (!(err instanceof TransferError)) throw err
    return failedTransfer(err.cause)
  } finally {
    clearTimeout(timer)
  }
  return { dataset: result.status === 'ok' ? result.dataset : null, issues: result.issues, url: href, result }
}

/** The transfer of a response's body failed (the network, or the timeout): not the reader's fault. */
class TransferError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.name = 'TransferError'
  }
}

/** A response body as the reader pulls it; `onBytes` for each piece, `onEnd` when it has all come (or was stopped). */
function bodySource(body: ReadableStream<Uint8Array>, onBytes: () => void, onEnd: () => void): ByteSource {
  const reader = body.getReader()
  return {
    async read() {
      let next: ReadableStreamReadResult<Uint8Array>
      try {
        next = await reader.read()
      } catch (err) {
        onEnd()
        throw new TransferError(err)
      }
      if (next.done) {
        onEnd()
        return null
      }
      onBytes()
      return next.value
    },
    async cancel() {
      onEnd()
      await reader.cancel()
    },
  }
}
