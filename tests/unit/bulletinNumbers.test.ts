/**
 * Numbers in generated text must equal the data. These tests read the numbers back out of the
 * sentences — Chinese with the app's own quote parser (`findQuantities`, the one validation uses),
 * English with a small reader below — and compare them with figures computed here, independently,
 * from the raw table, allowing only the rounding the printed precision implies.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { buildClause } from '../../src/bulletin/bulletinClause'
import { paragraphText } from '../../src/bulletin/bulletinText'
import { summarizeDistrict } from '../../src/bulletin/districtSummary'
import { districtSummarySentences } from '../../src/bulletin/districtSummaryText'
import { buildRegionBulletin, bulletinSentences } from '../../src/bulletin/regionBulletin'
import { figuresOf, segmentsText } from '../../src/bulletin/segments'
import { findQuantities } from '../../src/domain/chineseNumber'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset, LocaleCode, Observation, Period, Subject } from '../../src/domain/model'
import { validateDatasetText } from '../../src/io/validateDataset'

type Kind = 'money' | 'percent' | 'points' | 'count' | 'rank'

interface Number_ {
  kind: Kind
  value: number
}

interface Expected extends Number_ {
  /** Half a unit of the last printed digit. */
  tolerance: number
}

const ZH_KIND: Record<string, Kind> = { CNY: 'money', '%': 'percent', pp: 'points', 个: 'count', rank: 'rank' }

function readZh(sentence: string): Number_[] {
  return findQuantities(sentence).map((q) => ({ kind: (q.unit === null ? undefined : ZH_KIND[q.unit]) ?? 'count', value: q.value }))
}

const EN_RANKS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const EN_NUMBER =
  /CNY (-?[\d,]+(?:\.\d+)?)( million| billion)?|(-?[\d,]+(?:\.\d+)?)(%| percentage points?|\b)|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/g

/** Every number in an English sentence, in order: money, percentages, points, bare counts, rank words. */
function readEn(sentence: string): Number_[] {
  const out: Number_[] = []
  for (const m of sentence.matchAll(EN_NUMBER)) {
    if (m[1] !== undefined) {
      const scale = m[2] === ' billion' ? 1e9 : m[2] === ' million' ? 1e6 : 1
      out.push({ kind: 'money', value: Number(m[1].replace(/,/g, '')) * scale })
    } else if (m[3] !== undefined) {
      const value = Number(m[3].replace(/,/g, ''))
      const kind: Kind = m[4] === '%' ? 'percent' : m[4]?.startsWith(' percentage') ? 'points' : 'count'
      out.push({ kind, value })
    } else if (m[5] !== undefined) {
      out.push({ kind: 'rank', value: EN_RANKS.indexOf(m[5]) + 1 })
    }
  }
  return out
}

/** Money prints with two decimals of 亿/万 in Chinese, of billion/million in English. */
function money(value: number, locale: LocaleCode, scaleOf = value): Expected {
  const m = Math.max(Math.abs(value), Math.abs(scaleOf))
  const unit = locale === 'zh-CN' ? (m >= 1e8 ? 1e8 : m >= 1e4 ? 1e4 : 1) : m >= 1e9 ? 1e9 : m >= 1e6 ? 1e6 : 1
  return { kind: 'money', value, tolerance: unit * 0.005 + 1e-6 }
}
const percent = (value: number): Expected => ({ kind: 'percent', value, tolerance: 0.05 + 1e-9 })
const points = (value: number): Expected => ({ kind: 'points', value: Math.abs(value), tolerance: 0.05 + 1e-9 })
const count = (value: number): Expected => ({ kind: 'count', value, tolerance: 0 })
const rank = (value: number): Expected => ({ kind: 'rank', value, tolerance: 0 })

function expectNumbers(found: Number_[], expected: Expected[], context: string): void {
  expect(
    found.map((f) => f.kind),
    context,
  ).toEqual(expected.map((e) => e.kind))
  expected.forEach((e, i) => {
    const f = found[i]
    expect(Math.abs((f?.value ?? Number.NaN) - e.value), `${context}\n#${i} ${e.kind}: read ${f?.value}, data ${e.value}`).toBeLessThanOrEqual(
      e.tolerance,
    )
  })
}

function p(startYear: number, startMonth: number, endYear: number, endMonth: number): Period {
  return { start: { year: startYear, month: startMonth }, end: { year: endYear, month: endMonth } }
}
const JAN_OCT = p(2023, 1, 2023, 10)
const ELAPSED = (10 / 12) * 100

describe('the seed bulletin states the seed figures', () => {
  const { dataset } = validateDatasetText(readFileSync('data/dataset.json', 'utf8'), 'data/dataset.json')
  if (!dataset) throw new Error('the seed dataset does not validate')
  const index = buildDatasetIndex(dataset)
  const byId = new Map(dataset.observations.map((o) => [o.id, o]))
  const investment = byId.get('000-07')
  const wholesale = byId.get('000-02')
  const actual = investment?.actual ?? null
  const target = investment?.target ?? null
  const yoy = wholesale?.yoy ?? null
  const position = wholesale?.rank ?? null
  if (actual === null || target === null || yoy === null || position === null) {
    throw new Error('seed figures 000-07 / 000-02 changed')
  }
  const completion = (actual / target) * 100
  const projected = (actual * 12) / 10
  const monthly = (target - actual) / 2

  it.each<[LocaleCode, (s: string) => Number_[]]>([
    ['zh-CN', readZh],
    ['en', readEn],
  ])('%s', (locale, read) => {
    const bulletin = buildRegionBulletin(dataset, index, { subjectId: 'dashikou', period: JAN_OCT, locale, projections: true })
    const [sentence, projection] = bulletinSentences(bulletin).map(segmentsText)
    expectNumbers(
      read(sentence ?? ''),
      [money(actual, locale), percent(completion), points(completion - ELAPSED), percent(yoy), rank(position)],
      sentence ?? '',
    )
    expectNumbers(
      read(projection ?? ''),
      [money(projected, locale, target), percent((projected / target) * 100), money(monthly, locale, target)],
      projection ?? '',
    )
  })
})

/** A deterministic pseudo-random generator (LCG), so every run checks the same tables. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

interface Row {
  zh: string
  en: string
  actual: number
  target: number
}

const SYLLABLES = ['东', '西', '南', '北', '金', '银', '青', '白', '红', '绿', '春', '秋', '安', '平', '和', '兴']
const PINYIN = ['Dong', 'Xi', 'Nan', 'Bei', 'Jin', 'Yin', 'Qing', 'Bai', 'Hong', 'Lü', 'Chun', 'Qiu', 'An', 'Ping', 'He', 'Xing']

/** Twelve streets with plans in 亿元 (even tables) or 万元 (odd ones), 60%–110% completed. */
function generateTable(seed: number): Row[] {
  const next = random(seed)
  const large = seed % 2 === 0
  return Array.from({ length: 12 }, (_, i) => {
    const a = SYLLABLES[i] ?? '甲'
    const b = SYLLABLES[(i * 5 + seed) % SYLLABLES.length] ?? '乙'
    const target = Math.round((large ? 0.5e8 + next() * 7.5e8 : 2e6 + next() * 8.8e7) / 1e4) * 1e4
    const actual = Math.round((target * (0.6 + next() * 0.5)) / 1e4) * 1e4
    return {
      zh: `${a}${b}街道`,
      en: `${PINYIN[i] ?? 'Jia'}${(PINYIN[(i * 5 + seed) % PINYIN.length] ?? 'Yi').toLowerCase()} Subdistrict`,
      actual,
      target,
    }
  })
}

function tableDataset(rows: Row[]): Dataset {
  const subjects: Subject[] = [{ id: 'd', level: 'district', name: { zh: '新城区', en: 'Xincheng District' }, parentId: null }]
  const observations: Observation[] = []
  rows.forEach((row, i) => {
    subjects.push({ id: `s${i}`, level: 'street', name: { zh: row.zh, en: row.en }, parentId: 'd' })
    observations.push({
      id: `o${i}`,
      subjectId: `s${i}`,
      indicatorId: 'inv',
      period: JAN_OCT,
      actual: row.actual,
      actualUpper: null,
      qualifier: null,
      target: row.target,
      targetPeriod: null,
      yoy: null,
      rank: null,
      rankScopeId: null,
      documentId: null,
      evidence: [],
    })
  })
  return {
    schemaVersion: 1,
    name: { zh: '生成', en: 'Generated' },
    documents: [],
    subjects,
    indicators: [{ id: 'inv', name: { zh: '项目投资', en: 'Project investment' }, category: 'projects', unit: 'CNY', kind: 'amount', direction: 'higher' }],
    observations,
  }
}

/** The gap as printed: no number inside the 0.5-point band or when it rounds to 0.0. */
function gapNumber(gap: number): Expected[] {
  return Math.abs(gap) <= 0.5 || Number(Math.abs(gap).toFixed(1)) === 0 ? [] : [points(gap)]
}

/** What the summary must state, computed from the rows alone. */
function expectedSummary(rows: Row[], locale: LocaleCode): { numbers: Expected[]; ahead: string[]; behind: string[] } {
  const scored = rows.map((r) => ({ ...r, completion: (r.actual / r.target) * 100, gap: (r.actual / r.target) * 100 - ELAPSED }))
  const ranked = [...scored].sort((a, b) => b.gap - a.gap)
  const ahead = ranked.filter((r) => r.gap > 0.5)
  const behind = ranked.filter((r) => r.gap < -0.5)
  const onTime = ranked.filter((r) => Math.abs(r.gap) <= 0.5)
  const total = rows.reduce((s, r) => s + r.actual, 0)
  const totalTarget = rows.reduce((s, r) => s + r.target, 0)
  const best = ranked[0]
  const worst = ranked[ranked.length - 1]
  if (!best || !worst) throw new Error('empty table')
  const name = (r: Row): string => (locale === 'zh-CN' ? r.zh : r.en)
  return {
    numbers: [
      count(rows.length),
      money(total, locale),
      percent((total / totalTarget) * 100),
      money(total / rows.length, locale),
      ...[ahead, behind, onTime].filter((g) => g.length > 0).map((g) => count(g.length)),
      percent(best.completion),
      ...gapNumber(best.gap),
      percent(worst.completion),
      ...gapNumber(worst.gap),
    ],
    ahead: ahead.map(name),
    behind: behind.map(name),
  }
}

const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1)

describe('district summaries of generated tables state the table', () => {
  it.each(SEEDS)('table %i', (seed) => {
    const rows = generateTable(seed)
    const dataset = tableDataset(rows)
    const summary = summarizeDistrict(dataset, buildDatasetIndex(dataset), { parentId: 'd', indicatorId: 'inv', period: JAN_OCT })
    if (!summary) throw new Error('no summary')
    for (const [locale, read] of [
      ['zh-CN', readZh],
      ['en', readEn],
    ] as const) {
      const text = paragraphText(districtSummarySentences(summary, { locale }), locale)
      const expected = expectedSummary(rows, locale)
      expectNumbers(read(text), expected.numbers, text)
      const list = (label: string, end: string): string[] => {
        const start = text.indexOf(label)
        if (start < 0) return []
        const rest = text.slice(start + label.length)
        const stop = rest.search(end)
        return (stop < 0 ? rest : rest.slice(0, stop)).split(locale === 'zh-CN' ? '、' : /, | and /)
      }
      if (locale === 'zh-CN') {
        expect(list('超序时进度的有：', '[；。]')).toEqual(expected.ahead)
        expect(list('滞后的有：', '[；。]')).toEqual(expected.behind)
      } else {
        expect(list('Ahead of schedule: ', '[;.]')).toEqual(expected.ahead)
        expect(list('behind schedule: ', '[;.]')).toEqual(expected.behind)
      }
    }
  })
})

describe('clauses of generated streets state their figures', () => {
  const rows = SEEDS.flatMap((seed) => generateTable(seed * 101))
  const dataset = tableDataset(rows)
  const index = buildDatasetIndex(dataset)

  it.each(dataset.observations.map((o) => [o.id, o] as const))('%s', (_id, o) => {
    const actual = o.actual ?? Number.NaN
    const target = o.target ?? Number.NaN
    const completion = (actual / target) * 100
    for (const [locale, read] of [
      ['zh-CN', readZh],
      ['en', readEn],
    ] as const) {
      const clause = buildClause(o, index, { locale, nameSubject: true })
      const text = segmentsText(clause?.segments ?? [])
      expectNumbers(read(text), [money(actual, locale), percent(completion), ...gapNumber(completion - ELAPSED)], text)
      // And each figure segment's own value is the data's, before rounding.
      const figures = figuresOf(clause?.segments ?? [])
      expect(figures[0]?.value).toBe(actual)
      expect(figures[1]?.value).toBeCloseTo(completion, 9)
    }
  })
})
