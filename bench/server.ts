/**
 * A static file server on loopback for the benchmark: one built page (dist directory) and, at fixed
 * paths, extra files (the large CSV) on the same origin, as an intranet server would serve them.
 * Uncompressed and uncached (each cold load fetches everything); the transfer figures are computed
 * by gzip-compressing the files a page requested (see transferOf in scripts/bench.ts). The extra
 * files can be sent at a set rate (`extraBytesPerSecond`), as a slow intranet would send them, and
 * gzip-compressed (`gzipExtra`) to a browser that accepts it, as a server set up to compress would.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface StaticServer {
  origin: string
  /** The file on disk a same-origin URL path maps to, or null. */
  fileFor(pathname: string): string | null
  close(): Promise<void>
}

export async function serveStatic(
  root: string,
  extra: Readonly<Record<string, string>> = {},
  options: { extraBytesPerSecond?: number | null; gzipExtra?: boolean } = {},
): Promise<StaticServer> {
  const rate = options.extraBytesPerSecond ?? null
  // Compressed once, before the first request, so no load waits for it.
  const compressed = new Map<string, Buffer>()
  if (options.gzipExtra) for (const file of Object.values(extra)) compressed.set(resolve(file), gzipSync(readFileSync(file), { level: 6 }))
  const base = resolve(root)
  const fileFor = (pathname: string): string | null => {
    let path: string
    try {
      path = decodeURIComponent(pathname)
    } catch {
      return null
    }
    const mapped = extra[path]
    if (mapped !== undefined) return resolve(mapped)
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path))
    if (file !== base && !file.startsWith(base + sep)) return null
    try {
      return statSync(file).isFile() ? file : null
    } catch {
      return null
    }
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const file = fileFor(url.pathname)
    if (file === null || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    const isExtra = extra[decodeURIComponent(url.pathname)] !== undefined
    const gzipped = isExtra && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? compressed.get(file) : undefined
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': gzipped?.length ?? statSync(file).size,
      'cache-control': 'no-store',
      ...(gzipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    })
    if (req.method === 'HEAD') res.end()
    else if (gzipped) void send(piecesOf(gzipped), res, rate)
    else if (rate !== null && isExtra) void send(createReadStream(file, { highWaterMark: PIECE_BYTES }) as AsyncIterable<Buffer>, res, rate)
    else createReadStream(file).pipe(res)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    fileFor,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}

const PIECE_BYTES = 64 * 1024

function* piecesOf(bytes: Buffer): Iterable<Buffer> {
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) yield bytes.subarray(at, at + PIECE_BYTES)
}

/** Sends pieces in turn, each no earlier than the rate allows (null: as fast as the socket takes them). */
async function send(pieces: AsyncIterable<Buffer> | Iterable<Buffer>, res: ServerResponse, bytesPerSecond: number | null): Promise<void> {
  const started = Date.now()
  let sent = 0
  try {
    for await (const piece of pieces) {
      if (res.destroyed) return
      sent += piece.length
      const wait = bytesPerSecond === null ? 0 : started + (sent / bytesPerSecond) * 1000 - Date.now()
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait))
      if (!res.write(piece)) await new Promise((ok) => res.once('drain', ok))
    }
    res.end()
  } catch {
    res.destroy()
  }
}
