import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseQuantity } from '../../src/domain/chineseNumber'
import {
  candidatesToRows,
  extractFigures,
  INTERCHANGE_COLUMNS,
  score,
  toCsv,
  toOutputCandidate,
  type GoldFigure,
} from '../../src/extract'

const REPORT =
  '近日,南山区桃源街道召开推进会。1-10月,街道实现社会消费品零售总额增幅12.4%,位列南山区第一。' +
  '当年计划投资8.2亿元,完成投资6.1亿元。月均办理热线工单300余件。'

describe('toOutputCandidate: the CLI shape of issue 7', () => {
  it('has exactly the issue’s keys, in its order, with the issue’s qualifier spelling', () => {
    const [c] = extractFigures('月均办理热线工单300余件').map(toOutputCandidate)
    expect(Object.keys(c!)).toEqual(['start', 'end', 'text', 'value', 'unit', 'kind', 'role', 'qualifier', 'subject', 'indicator', 'period'])
    expect(c).toMatchObject({ text: '300余件', value: 300, unit: '件', kind: 'count', role: 'count', qualifier: 'more_than' })
  })

  it.each<[string, number, string]>([
    ['完成投资4.32亿元', 432_000_000, '元'],
    ['改造7.85万平方米', 78_500, '平方米'],
    ['增幅43.7%', 43.7, '%'],
    ['提高3.5个百分点', 3.5, '个百分点'],
    ['位列全区第二。', 2, '位'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(extractFigures(text).map(toOutputCandidate).map((c) => [c.value, c.unit])).toEqual([[value, unit]])
  })
})

describe('candidatesToRows: interchange rows', () => {
  const rows = candidatesToRows(REPORT, extractFigures(REPORT, { year: 2023 }), { source: 'report.txt' })

  it('puts each figure in the column its role names, and one sentence’s growth and rank in one row', () => {
    expect(rows.map((r) => [r.region, r.indicator, r.period, r.actual, r.target, r.yoy, r.rank])).toEqual([
      ['桃源街道', '社会消费品零售总额', '2023-01..2023-10', '', '', '12.4', '1'],
      ['桃源街道', '投资', '2023', '', '820000000', '', ''],
      ['桃源街道', '投资', '', '610000000', '', '', ''],
      ['桃源街道', '热线工单', '', '300余', '', '', ''],
    ])
  })

  it('writes qualifiers the number reader takes back, and a quote found in the source', () => {
    const row = rows[3]!
    expect(parseQuantity(row.actual)).toMatchObject({ value: 300, qualifier: 'more-than' })
    for (const r of rows) {
      expect(REPORT).toContain(r.quote)
      expect(r.source).toBe('report.txt')
    }
  })

  it('names the rows of figures the table has no column for, and gives figures without a period the default', () => {
    const text = '镇高新出资1亿元,占比7.78%。完成年度计划的86%,超序时进度2.7个百分点。'
    const r = candidatesToRows(text, extractFigures(text), { defaultPeriod: '2023' })
    expect(r.map((x) => [x.indicator, x.unit, x.period, x.actual])).toEqual([
      ['镇高新出资', '元', '2023', '100000000'],
      ['镇高新出资占比', '%', '2023', '7.78'],
      ['完成率', '%', '2023', '86'],
      ['较序时进度', '个百分点', '2023', '2.7'],
    ])
  })

  it('writes RFC 4180 CSV with the interchange header', () => {
    const csv = toCsv(rows)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(INTERCHANGE_COLUMNS.join(','))
    expect(lines[1]).toBe('桃源街道,社会消费品零售总额,%,2023-01..2023-10,,,12.4,1,report.txt,"街道实现社会消费品零售总额增幅12.4%,位列南山区第一"')
    expect(toCsv([{ ...rows[0]!, quote: 'a "b"' }])).toContain('"a ""b"""')
  })
})

describe('score: precision, recall and role accuracy against gold', () => {
  const gold: GoldFigure[] = [
    { start: 0, end: 4, text: '300件', value: 300, unit: '件', kind: 'count', role: 'count', qualifier: null },
    { start: 10, end: 13, text: '27%', value: 27, unit: '%', kind: 'progress', role: 'progress', qualifier: null },
  ]
  it('matches overlapping spans with equal values, once each', () => {
    const s = score(gold, [
      { start: 0, end: 5, text: '300余件', value: 300, unit: '件', role: 'count', qualifier: 'more_than' },
      { start: 1, end: 4, text: '00件', value: 300, unit: '件', role: 'count', qualifier: null },
      { start: 10, end: 13, text: '27%', value: 27, unit: '%', role: 'share', qualifier: null },
    ])
    expect([s.matched, s.precision, s.recall, s.roleAccuracy, s.qualifierAccuracy]).toEqual([2, 2 / 3, 1, 0.5, 0.5])
    expect(s.spurious.map((c) => c.text)).toEqual(['00件'])
    expect(s.wrongRole.map((w) => w.found.role)).toEqual(['share'])
  })

  it('does not match a different value on the same span', () => {
    const s = score(gold, [{ start: 10, end: 13, text: '27%', value: 2.7, unit: '%', role: 'progress', qualifier: null }])
    expect([s.matched, s.recall, s.missed.length]).toEqual([0, 0, 2])
  })
})

// The command as users run it: `npm run extract -- FILE`, through tsx as package.json does.
function extract(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], { encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('npm run extract', { timeout: 60_000 }, () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'extract-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints {"candidates":[…]} with offsets into the file’s text', () => {
    const file = join(dir, 'report.txt')
    writeFileSync(file, REPORT)
    const { status, stdout } = extract(file, '--year=2023')
    expect(status).toBe(0)
    const out = JSON.parse(stdout) as { candidates: Array<{ start: number; end: number; text: string; period: string | null }> }
    expect(out.candidates).toHaveLength(5)
    for (const c of out.candidates) expect(REPORT.slice(c.start, c.end)).toBe(c.text)
    expect(out.candidates[0]?.period).toBe('2023-01..2023-10')
  })

  it('writes interchange rows with --csv, the file name as source', () => {
    const file = join(dir, 'report.txt')
    writeFileSync(file, REPORT)
    const { status, stdout } = extract(file, '--csv')
    expect(status).toBe(0)
    expect(stdout.split('\r\n')[0]).toBe(INTERCHANGE_COLUMNS.join(','))
    expect(stdout).toContain(',report.txt,')
  })

  it('reads GB18030 text as Chinese Windows tools save it', () => {
    const file = join(dir, 'gbk.txt')
    // "全年完成投资5亿元,同比增长12%。" in GB18030.
    writeFileSync(file, Buffer.from('c8abc4eacdeab3c9cdb6d7ca35d2dad4aa2ccdacb1c8d4f6b3a4313225a1a3', 'hex'))
    const out = JSON.parse(extract(file).stdout) as { candidates: Array<{ text: string; role: string }> }
    expect(out.candidates.map((c) => [c.text, c.role])).toEqual([
      ['5亿元', 'actual'],
      ['12%', 'growth'],
    ])
  })

  it('fails with usage on a missing file or an unknown option', () => {
    expect(extract().status).toBe(2)
    expect(extract(join(dir, 'none.txt')).status).toBe(2)
    const bad = extract(join(dir, 'report.txt'), '--frobnicate')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('usage')
  })
})
