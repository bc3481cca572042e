/**
 * npm run extract -- FILE.txt [--csv] [--year=2023] [--as-of=2023-12] [--source=NAME]
 *
 * Prints every figure found in a Chinese report as {"candidates":[…]} JSON (offsets into the file's
 * text as a JavaScript string), or with --csv as rows of the interchange table. --year gives the
 * report's year to phrases that do not state one ("1-10月"); --as-of its month, for "今年以来".
 * Files may be UTF-8 (with or without BOM) or GB18030/GBK.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { candidatesToRows, extractFigures, toCsv, toOutputCandidate, type ExtractOptions } from '../src/extract'

const USAGE = 'usage: npm run extract -- FILE.txt [--csv] [--year=2023] [--as-of=2023-12] [--source=NAME]'

function fail(message: string): never {
  console.error(message)
  console.error(USAGE)
  process.exit(2)
}

function option(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length)
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (what Chinese Windows tools save). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

const args = process.argv.slice(2)
const known = ['--csv', '--year=', '--as-of=', '--source=']
const unknown = args.find((a) => a.startsWith('--') && !known.some((k) => (k.endsWith('=') ? a.startsWith(k) : a === k)))
if (unknown !== undefined) fail(`unknown option ${unknown}`)
const file = args.find((a) => !a.startsWith('--'))
if (file === undefined) fail('no input file given')

const options: ExtractOptions = {}
const year = option(args, 'year')
if (year !== undefined) {
  if (!/^\d{4}$/.test(year)) fail(`--year must be a year such as 2023, got ${year}`)
  options.year = Number(year)
}
const asOf = option(args, 'as-of')
if (asOf !== undefined) {
  const m = /^(\d{4})-(\d{1,2})$/.exec(asOf)
  const month = Number(m?.[2])
  if (m === null || month < 1 || month > 12) fail(`--as-of must be a month such as 2023-12, got ${asOf}`)
  options.asOf = { year: Number(m[1]), month }
}

let text: string
try {
  text = decode(readFileSync(file))
} catch (error) {
  fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
}

const candidates = extractFigures(text, options)
if (args.includes('--csv')) {
  const rows = candidatesToRows(text, candidates, {
    source: option(args, 'source') ?? basename(file),
    // The interchange table needs a period in every row: the report's year, where given, for figures without one.
    ...(options.year !== undefined ? { defaultPeriod: String(options.year) } : {}),
  })
  process.stdout.write(toCsv(rows))
} else {
  process.stdout.write(`${JSON.stringify({ candidates: candidates.map(toOutputCandidate) }, null, 2)}\n`)
}
