import { describe, expect, it } from 'vitest'
import { formatComparison, formatMarkdown, formatTable, median, parseBenchArgs, percentile, ratio, type MetricRow } from '../../bench/stats'

describe('benchmark arithmetic', () => {
  it('takes medians and interpolated percentiles, ignoring missing values', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48)
    expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10)
    expect(percentile([10, 20, 30, 40, 50], 100)).toBe(50)
    expect(percentile([7, Number.NaN], 50)).toBe(7)
  })

  it('gives ratios only when both figures exist', () => {
    expect(ratio(300, 200)).toBe(1.5)
    expect(ratio(null, 200)).toBeNull()
    expect(ratio(1, 0)).toBeNull()
  })

  it('prints the table and the Markdown with ratios and targets', () => {
    const rows: MetricRow[] = [
      { id: 'a', label: 'initial JS (gzip)', unit: 'bytes', app: 2048, reference: 1024, ratio: 2, samples: 5 },
      { id: 'b', label: 'ready', unit: 'ms', app: 1500.4, reference: 1000, ratio: 1.5004, samples: 5, target: '≤ 1.5× ref', pass: false },
      { id: 'c', label: 'heap', unit: 'MB', app: 99.94, reference: null, ratio: null, samples: 5, target: '< 150 MB', pass: true },
    ]
    const table = formatTable(rows).split('\n')
    expect(table[0]).toMatch(/^metric\s+dashboard\s+reference\s+ratio\s+n\s+target$/)
    expect(table[2]).toMatch(/^initial JS \(gzip\)\s+2\.0 KB\s+1\.0 KB\s+2\.00×\s+5$/)
    expect(table[3]).toMatch(/1500 ms\s+1000 ms\s+1\.50×\s+5\s+≤ 1\.5× ref MISSED$/)
    expect(table[4]).toMatch(/99\.9 MB\s+—\s+—\s+5\s+< 150 MB ok$/)
    expect(formatMarkdown(rows).split('\n')[3]).toBe('| ready | 1500 ms | 1000 ms | 1.50× | ≤ 1.5× ref ✗ |')
  })

  it('reads the command line', () => {
    expect(parseBenchArgs([])).toMatchObject({ runs: 5, quick: false, changes: 4, throttle: 4, noBuild: false, appDir: null, mbps: null, gzip: false, against: null })
    expect(parseBenchArgs(['--against=/tmp/before-dist'])).toMatchObject({ against: '/tmp/before-dist', appDir: null })
    expect(parseBenchArgs(['--mbps=100', '--gzip'])).toMatchObject({ mbps: 100, gzip: true })
    expect(parseBenchArgs(['--quick'])).toMatchObject({ runs: 2, quick: true, changes: 2 })
    expect(parseBenchArgs(['--quick', '--runs=7', '--app=/tmp/x'])).toMatchObject({ runs: 7, appDir: '/tmp/x', mbps: null })
    expect(parseBenchArgs(['--mbps=100'])).toMatchObject({ mbps: 100 })
    expect(() => parseBenchArgs(['--mbps=0'])).toThrow(/--mbps/)
    expect(() => parseBenchArgs(['--runs=0'])).toThrow(/--runs/)
    expect(() => parseBenchArgs(['--runs=two'])).toThrow(/--runs/)
  })

  it('compares two builds: both medians, the change and the ratio', () => {
    const table = formatComparison(
      [
        { label: 'ready, large table', unit: 'ms', app: 6900.4, against: 7400 },
        { label: 'large load: memory first touched', unit: 'MB', app: 612, against: 706.4 },
        { label: 'filter change p95', unit: 'ms', app: 150, against: 140 },
        { label: 'large load CPU: import worker', unit: 'ms', app: null, against: 3100 },
      ],
      'against',
    ).split('\n')
    expect(table[0]).toMatch(/^metric\s+this build\s+against\s+change\s+ratio$/)
    expect(table[2]).toMatch(/^ready, large table\s+6900 ms\s+7400 ms\s+-500 ms\s+0\.93×$/)
    expect(table[3]).toMatch(/612\.0 MB\s+706\.4 MB\s+-94\.4 MB\s+0\.87×$/)
    expect(table[4]).toMatch(/150 ms\s+140 ms\s+\+10 ms\s+1\.07×$/)
    expect(table[5]).toMatch(/—\s+3100 ms\s+—\s+—$/)
  })
})
