/**
 * npm run gen:large [-- out.csv] [--streets-per-district=N] [--districts-per-city=N] [--cities=N]
 *                     [--indicators=N] [--months=N] [--seed=N] [--district-rows]
 *
 * Writes the large synthetic interchange table (bench/largeTable.ts; 360,000 rows by default) to
 * bench/out/large.csv, or to the path given. UTF-8 without BOM, CRLF line ends, as Excel writes CSV.
 * The output is outside data/ and gitignored: it is never the dashboard's default data.
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { once } from 'node:events'
import { LARGE_DEFAULTS, largeTableLines, largeTableSummary, type LargeTableOptions } from '../bench/largeTable'

export const DEFAULT_LARGE_PATH = 'bench/out/large.csv'

function intFlag(args: readonly string[], name: string): number | undefined {
  const raw = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${raw}`)
  return n
}

/** Writes the table to `path`; resolves with the number of data rows and bytes written. */
export async function writeLargeTable(path: string, options: LargeTableOptions = {}): Promise<{ rows: number; bytes: number }> {
  mkdirSync(dirname(resolve(path)), { recursive: true })
  const out = createWriteStream(path, { encoding: 'utf8' })
  let rows = -1
  let bytes = 0
  let chunk: string[] = []
  const flush = async (): Promise<void> => {
    const text = chunk.join('')
    chunk = []
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  for (const line of largeTableLines(options)) {
    chunk.push(line, '\r\n')
    rows++
    if (chunk.length >= 4000) await flush()
  }
  await flush()
  out.end()
  await once(out, 'finish')
  return { rows, bytes }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const path = args.find((a) => !a.startsWith('--')) ?? DEFAULT_LARGE_PATH
  const options: LargeTableOptions = {
    cities: intFlag(args, 'cities') ?? LARGE_DEFAULTS.cities,
    districtsPerCity: intFlag(args, 'districts-per-city') ?? LARGE_DEFAULTS.districtsPerCity,
    streetsPerDistrict: intFlag(args, 'streets-per-district') ?? LARGE_DEFAULTS.streetsPerDistrict,
    indicators: intFlag(args, 'indicators') ?? LARGE_DEFAULTS.indicators,
    months: intFlag(args, 'months') ?? LARGE_DEFAULTS.months,
    seed: intFlag(args, 'seed') ?? LARGE_DEFAULTS.seed,
    districtRows: args.includes('--district-rows'),
  }
  const started = Date.now()
  const summary = largeTableSummary(options)
  const { rows, bytes } = await writeLargeTable(path, options)
  console.log(
    `${relative(process.cwd(), resolve(path)) || path}: ${rows.toLocaleString('en')} rows (${summary.streets} streets, ` +
      `${summary.districts} districts, ${summary.cities} cities, ${summary.indicators} indicators, ${summary.periods} periods), ` +
      `${(bytes / 1e6).toFixed(1)} MB, synthetic, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

// Run as a command (tsx scripts/gen-large.ts), not when a test or the bench imports it.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
