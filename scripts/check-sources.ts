/**
 * npm run check:sources -- DIR
 *
 * Asserts that every quote in data/ occurs in its source document, DIR/<documentId>.txt. The print
 * edition breaks some sentences across pages ("续建项\n\n目1个"), so a quote may also match the text
 * with its line breaks removed; nothing else is forgiven.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { validateDatasetText } from '../src/io/validateDataset'
import { cliLocale } from './cliLocale'

const args = process.argv.slice(2)
const locale = cliLocale(args)
const dir = args.find((a) => !a.startsWith('--'))
if (!dir) {
  console.error('usage: npm run check:sources -- DIR')
  process.exit(2)
}

const dataDir = join(process.cwd(), 'data')
let checked = 0
let missing = 0
const texts = new Map<string, { raw: string; joined: string } | null>()

function sourceText(documentId: string): { raw: string; joined: string } | null {
  if (!texts.has(documentId)) {
    const path = join(dir as string, `${documentId}.txt`)
    if (existsSync(path)) {
      const raw = readFileSync(path, 'utf8')
      texts.set(documentId, { raw, joined: raw.replace(/\s*\n\s*/g, '') })
    } else texts.set(documentId, null)
  }
  return texts.get(documentId) ?? null
}

for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()) {
  const { dataset } = validateDatasetText(readFileSync(join(dataDir, file), 'utf8'), `data/${file}`)
  if (!dataset) {
    console.error(locale === 'zh-CN' ? `data/${file} 未通过校验：请先运行 npm run validate` : `data/${file} is invalid: run npm run validate first`)
    process.exit(1)
  }
  for (const obs of dataset.observations) {
    if (obs.documentId === null) continue
    const source = sourceText(obs.documentId)
    for (const { field, quote } of obs.evidence) {
      checked++
      if (source === null) {
        missing++
        console.error(
          locale === 'zh-CN'
            ? `${obs.id}.${field}: 找不到来源文件 ${obs.documentId}.txt`
            : `${obs.id}.${field}: source file ${obs.documentId}.txt not found in ${dir}`,
        )
      } else if (!source.raw.includes(quote) && !source.joined.includes(quote)) {
        missing++
        console.error(
          locale === 'zh-CN'
            ? `${obs.id}.${field}: 原文“${quote}”不在 ${obs.documentId}.txt 中`
            : `${obs.id}.${field}: quote "${quote}" does not occur in ${obs.documentId}.txt`,
        )
      }
    }
  }
}

console.log(
  locale === 'zh-CN'
    ? `核对 ${checked} 条原文摘录，${missing} 条不符`
    : `${checked} quotes checked, ${missing} not found in their source`,
)
process.exit(missing > 0 ? 1 : 0)
