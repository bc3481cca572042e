/**
 * npm run eval:extract [-- SEEDS_DIR] [--verbose]
 *
 * Scores the extractor against the gold annotations in tests/fixtures/extract/*.gold.json: value
 * precision and recall (a figure counts when its span overlaps the gold one and the values agree)
 * and, among the figures found, the accuracy of role, unit and qualifier. The seed texts live
 * outside the repository (default ../shared/seeds); without them the script says so and skips.
 * Exits non-zero when value recall < 0.95 or precision < 0.90.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { combine, extractFigures, score, toOutputCandidate, type GoldDocument, type Score } from '../src/extract'

const MIN_RECALL = 0.95
const MIN_PRECISION = 0.9
const GOLD_DIR = 'tests/fixtures/extract'

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const seeds = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/seeds')

if (!existsSync(seeds)) {
  console.log(`eval:extract: seeds directory ${seeds} not found; nothing to score (pass the directory as an argument).`)
  process.exit(0)
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
const line = (name: string, s: Score): string =>
  `${name.padEnd(26)} gold ${String(s.gold).padStart(3)}  found ${String(s.found).padStart(3)}  matched ${String(s.matched).padStart(3)}  ` +
  `precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}  role ${pct(s.roleAccuracy).padStart(6)}  ` +
  `unit ${pct(s.unitAccuracy).padStart(6)}  qualifier ${pct(s.qualifierAccuracy).padStart(6)}`

const scores: Score[] = []
let broken = false
for (const file of readdirSync(GOLD_DIR).filter((f) => f.endsWith('.gold.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8')) as GoldDocument
  const source = join(seeds, gold.document)
  if (!existsSync(source)) {
    console.log(`${file}: source ${source} not found; skipped`)
    continue
  }
  const text = readFileSync(source, 'utf8')
  // A gold file whose spans do not fit its text would score nonsense: refuse it.
  for (const g of gold.figures) {
    if (text.slice(g.start, g.end) !== g.text) {
      console.error(`${file}: gold figure ${JSON.stringify(g.text)} at ${g.start}..${g.end} does not match the text`)
      broken = true
    }
  }
  const s = score(gold.figures, extractFigures(text).map(toOutputCandidate))
  scores.push(s)
  console.log(line(gold.document, s))
  if (verbose) {
    for (const m of s.missed) console.log(`  missed    ${m.start} ${JSON.stringify(m.text)} ${m.value} ${m.role}`)
    for (const c of s.spurious) console.log(`  spurious  ${c.start} ${JSON.stringify(c.text)} ${c.value} ${c.role}`)
    for (const w of s.wrongRole) console.log(`  role      ${w.gold.start} ${JSON.stringify(w.gold.text)} gold ${w.gold.role}, found ${w.found.role}`)
  }
}
if (broken) process.exit(1)
if (scores.length === 0) {
  console.log('eval:extract: no gold document has its source text; nothing scored.')
  process.exit(0)
}
const total = combine(scores)
console.log(line('all', total))
if (total.recall < MIN_RECALL || total.precision < MIN_PRECISION) {
  console.error(`value recall must be ≥ ${MIN_RECALL} and precision ≥ ${MIN_PRECISION}`)
  process.exit(1)
}
