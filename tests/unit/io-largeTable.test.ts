/**
 * A large generated table goes through the whole import. No timing assertion (machines differ);
 * the time is printed so it can be noted. For the 500,000-row measurement:
 *
 *   IO_LARGE_ROWS=500000 npx vitest run tests/unit/io-largeTable.test.ts
 */
import { describe, expect, it } from 'vitest'
import { runImport, type ImportProgress } from '../../src/io/importPipeline'

const ROWS = Number(process.env.IO_LARGE_ROWS ?? 50_000)

const INDICATORS: ReadonlyArray<readonly [string, string]> = [
  ['固定资产投资', '亿元'],
  ['12345热线按时办结率', '%'],
  ['矛盾纠纷化解', '件'],
  ['老旧小区改造面积', '万平方米'],
  ['限上批发业销售额', '万元'],
]
const PERIODS = ['2023年1-10月', '2023', '2023年上半年', '2022', '2024-03']

/** One row per (street, indicator, period): streets under 40 districts, 40 figures per street. */
function makeTable(rows: number): string {
  const lines = ['地区,上级,指标,类别,单位,期间,目标,完成,同比,排名,方向,来源,原文']
  for (let i = 0; i < rows; i++) {
    const street = Math.floor(i / 40)
    const k = i % 40
    const [name, unit] = INDICATORS[k % 5] ?? ['x', '件']
    const percent = unit === '%'
    const target = percent ? '95' : k % 7 === 0 ? '"1,234.5"' : String(10 + (street % 90))
    const actual = percent ? String(80 + (street % 20)) : k % 3 === 0 ? `${100 + (street % 50)}余` : String(5 + (street % 80))
    const quote = k === 1 ? `"完成${actual}%"` : ''
    lines.push(
      `第${street}街道,第${street % 40}区,${name}${Math.floor(k / 5)},经济发展,${unit},${PERIODS[k % 5]},${target},${actual},${(street % 30) - 5}%,${(street % 10) + 1},正向,${k === 1 ? '区统计局' : ''},${quote}`,
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

describe(`a generated table of ${ROWS} rows`, () => {
  it('imports every row with progress and no issue but the provenance note', async () => {
    const bytes = new TextEncoder().encode(makeTable(ROWS))
    const progress: ImportProgress[] = []
    const started = performance.now()
    const result = await runImport({ kind: 'bytes', bytes, name: 'large.csv' }, {}, (p) => progress.push(p))
    const ms = performance.now() - started
    console.log(`${ROWS} rows, ${(bytes.length / 1e6).toFixed(1)} MB: imported in ${ms.toFixed(0)} ms`)

    expect(result.status).toBe('ok')
    expect(result.stats).toMatchObject({ dataRows: ROWS, validRows: ROWS, errorRows: 0 })
    expect(result.dataset?.observations).toHaveLength(ROWS)
    expect(result.dataset?.subjects.length).toBe(Math.ceil(ROWS / 40) + Math.min(40, Math.ceil(ROWS / 40)))
    expect(Object.keys(result.stats.issueCounts)).toEqual(ROWS > 0 ? ['figuresWithoutQuote'] : [])
    // Progress every 5,000 rows while parsing, then mapping and validation in parts.
    expect(progress.filter((p) => p.phase === 'parsing')).toHaveLength(Math.floor(ROWS / 5000) + 1)
    expect(progress.filter((p) => p.phase === 'validating').at(-1)?.fraction).toBe(1)
  }, 600_000)
})
