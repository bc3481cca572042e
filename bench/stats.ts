/**
 * The arithmetic and the table of the benchmark (npm run bench), kept pure so unit tests reach it.
 */

/** The median; NaN for no values. */
export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/**
 * The p-th percentile (0..100) by linear interpolation between the closest ranks (the method of
 * NumPy's default and of most spreadsheets); NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (finite.length === 0) return Number.NaN
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (finite.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  const a = finite[lo] ?? Number.NaN
  const b = finite[hi] ?? Number.NaN
  return a + (b - a) * (rank - lo)
}

/** value ÷ reference, or null when either is missing or the reference is 0. */
export function ratio(value: number | null, reference: number | null): number | null {
  if (value === null || reference === null || !Number.isFinite(value) || !Number.isFinite(reference) || reference === 0) return null
  return value / reference
}

export type MetricUnit = 'bytes' | 'ms' | 'MB'

/** One line of the results: the dashboard's median, the reference's, their ratio, and a target if the issue sets one. */
export interface MetricRow {
  id: string
  label: string
  unit: MetricUnit
  app: number | null
  reference: number | null
  ratio: number | null
  /** Samples behind `app` (cold loads, or filter changes). */
  samples: number
  /** The target, as text ("≤ 1.5× ref"), and whether the measurement meets it. */
  target?: string
  pass?: boolean
}

export function formatValue(value: number | null, unit: MetricUnit): string {
  if (value === null || !Number.isFinite(value)) return '—'
  if (unit === 'bytes') return `${(value / 1024).toFixed(1)} KB`
  if (unit === 'MB') return `${value.toFixed(1)} MB`
  return `${Math.round(value)} ms`
}

export function formatRatio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`
}

/** A fixed-width text table (the command's output) of the rows. */
export function formatTable(rows: readonly MetricRow[]): string {
  const header = ['metric', 'dashboard', 'reference', 'ratio', 'n', 'target']
  const body = rows.map((r) => [
    r.label,
    formatValue(r.app, r.unit),
    formatValue(r.reference, r.unit),
    formatRatio(r.ratio),
    String(r.samples),
    r.target === undefined ? '' : `${r.target} ${r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED'}`.trim(),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

/** The same rows as a Markdown table (for the README's Performance section). */
export function formatMarkdown(rows: readonly MetricRow[]): string {
  const out = ['| metric | dashboard | reference | ratio | target |', '|---|---:|---:|---:|---|']
  for (const r of rows) {
    const target = r.target === undefined ? '' : `${r.target}${r.pass === undefined ? '' : r.pass ? ' ✓' : ' ✗'}`
    out.push(`| ${r.label} | ${formatValue(r.app, r.unit)} | ${formatValue(r.reference, r.unit)} | ${formatRatio(r.ratio)} | ${target} |`)
  }
  return out.join('\n')
}

/** Command-line flags of npm run bench. */
export interface BenchArgs {
  runs: number
  quick: boolean
  /** Filter changes per kind (district, indicator, period) and per cold load. */
  changes: number
  /** Skip the build (use what bench/out holds from the last run). */
  noBuild: boolean
  /** Skip the large dataset (transfer and embedded-data figures only). */
  noLarge: boolean
  throttle: number
  /** Measure this already-built app directory instead of building one (before/after comparisons). */
  appDir: string | null
  /** Serve the large table at this many megabits a second (a slow intranet), not as fast as loopback goes. */
  mbps: number | null
  /** Serve the large table gzip-compressed, as a server set up to compress would. */
  gzip: boolean
  /** Another built app to load in turn with this one, load by load (before/after on a noisy machine). */
  against: string | null
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const quick = argv.includes('--quick')
  const int = (name: string, fallback: number, min: number): number => {
    const raw = value(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got ${raw}`)
    return n
  }
  return {
    runs: int('runs', quick ? 2 : 5, 1),
    quick,
    changes: int('changes', quick ? 2 : 4, 1),
    noBuild: argv.includes('--no-build'),
    noLarge: argv.includes('--no-large'),
    throttle: int('throttle', 4, 1),
    appDir: value('app') ?? null,
    mbps: value('mbps') === undefined ? null : int('mbps', 0, 1),
    gzip: argv.includes('--gzip'),
    against: value('against') ?? null,
  }
}

/** One line of a comparison of two builds measured in turn: this one's median and the other's. */
export interface ComparisonRow {
  label: string
  unit: MetricUnit
  app: number | null
  against: number | null
}

/** The comparison as a text table: both medians, the difference and the ratio (this ÷ the other). */
export function formatComparison(rows: readonly ComparisonRow[], againstLabel: string): string {
  const header = ['metric', 'this build', againstLabel, 'change', 'ratio']
  const body = rows.map((r) => {
    const change = r.app === null || r.against === null ? null : r.app - r.against
    const sign = change !== null && change > 0 ? '+' : ''
    return [
      r.label,
      formatValue(r.app, r.unit),
      formatValue(r.against, r.unit),
      change === null ? '—' : `${sign}${formatValue(change, r.unit)}`,
      formatRatio(ratio(r.app, r.against)),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}
