/**
 * npm run validate [file...]
 *
 * Validates every dataset in data/ and any files given, prints each problem with its place, and
 * ends with one summary line. Exits non-zero when any file has an error.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { validateDatasetText } from '../src/io/validateDataset'
import { formatIssueLine } from '../src/io/validationMessages'
import type { ValidationIssue } from '../src/io/validationIssue'
import { cliLocale } from './cliLocale'

const args = process.argv.slice(2)
const locale = cliLocale(args)
const files = args.filter((a) => !a.startsWith('--'))
const dataDir = join(process.cwd(), 'data')
const targets = [
  ...readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dataDir, f)),
  ...files,
]

const totals = { observations: 0, subjects: new Set<string>(), indicators: new Set<string>(), documents: new Set<string>() }
let errors = 0
let warnings = 0

for (const path of targets) {
  const shown = relative(process.cwd(), path) || path
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    const issue: ValidationIssue = { severity: 'error', code: 'fileUnreadable', location: { file: shown }, params: { reason } }
    console.error(formatIssueLine(issue, locale))
    errors++
    continue
  }
  const { dataset, issues } = validateDatasetText(text, shown)
  for (const issue of issues) {
    const line = formatIssueLine(issue, locale)
    if (issue.severity === 'error') {
      errors++
      console.error(line)
    } else {
      warnings++
      console.warn(line)
    }
  }
  if (dataset) {
    totals.observations += dataset.observations.length
    for (const s of dataset.subjects) totals.subjects.add(s.id)
    for (const i of dataset.indicators) totals.indicators.add(i.id)
    for (const d of dataset.documents) totals.documents.add(d.id)
  }
}

const problems =
  locale === 'zh-CN'
    ? `（${targets.length} 个文件，${errors} 个错误，${warnings} 个警告）`
    : ` (files: ${targets.length}, errors: ${errors}, warnings: ${warnings})`
console.log(
  `${totals.observations} observations, ${totals.subjects.size} subjects, ${totals.indicators.size} indicators, ${totals.documents.size} documents${problems}`,
)
process.exit(errors > 0 ? 1 : 0)
