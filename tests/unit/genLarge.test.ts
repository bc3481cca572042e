/**
 * npm run gen:large: the large synthetic interchange table. The full table (360,000 rows) is what the
 * benchmark loads; here a small instance of the same generator goes through the real import.
 */
import { describe, expect, it } from 'vitest'
import { runImport } from '../../src/io/importPipeline'
import {
  LARGE_INDICATORS,
  LARGE_TABLE_HEADER,
  SYNTHETIC_SOURCE,
  largeTableLines,
  largeTableSummary,
  largeTableText,
} from '../../bench/largeTable'

const SMALL = { cities: 1, districtsPerCity: 2, streetsPerDistrict: 10 } as const

describe('the large synthetic table', () => {
  it('is 1,000 streets in 50 districts of 5 cities, 30 indicators, 12 periods: 360,000 rows by default', () => {
    expect(largeTableSummary()).toEqual({ rows: 360_000, streets: 1000, districts: 50, cities: 5, indicators: 30, periods: 12 })
    expect(LARGE_INDICATORS).toHaveLength(30)
    expect(LARGE_INDICATORS.filter((i) => i.better === 'lower').map((i) => i.name)).toEqual(['12345热线工单量', '信访件次', '安全生产事故'])
  })

  it('writes the interchange header and is the same every time (deterministic)', () => {
    const text = largeTableText(SMALL)
    expect(text.split('\r\n')[0]).toBe(LARGE_TABLE_HEADER.join(','))
    expect(LARGE_TABLE_HEADER.join(',')).toBe('region,parent,level,indicator,category,unit,period,target,actual,yoy,rank,better,source,quote')
    expect(largeTableText(SMALL)).toBe(text)
    expect(largeTableText({ ...SMALL, seed: 7 })).not.toBe(text)
  })

  it('is marked synthetic in names, source and quotes', () => {
    const rows = [...largeTableLines(SMALL)].slice(1).map((line) => line.split(','))
    for (const cells of rows) {
      expect(cells[1]).toMatch(/^合成/)
      expect(cells[12]).toBe(SYNTHETIC_SOURCE)
      if (cells[13] !== '') expect(cells[13]).toMatch(/（合成数据）$/)
    }
  })

  it('imports through the real pipeline: every row valid, one observation per row', async () => {
    const text = largeTableText(SMALL)
    const expected = largeTableSummary(SMALL)
    expect(expected.rows).toBe(20 * 30 * 12)
    const result = await runImport({ kind: 'bytes', bytes: new TextEncoder().encode(text), name: 'large.csv' })
    expect(result.status).toBe('ok')
    expect(result.stats).toMatchObject({ dataRows: expected.rows, validRows: expected.rows, errorRows: 0, warningRows: 0 })
    expect(Object.keys(result.stats.issueCounts)).toEqual(['figuresWithoutQuote'])
    const dataset = result.dataset
    expect(dataset?.observations).toHaveLength(expected.rows)
    // 20 streets under 2 districts (the top-level regions: no row describes a city), 30 indicators.
    expect(dataset?.subjects.filter((s) => s.level === 'street')).toHaveLength(20)
    expect(dataset?.subjects.filter((s) => s.level === 'district' && s.parentId === null)).toHaveLength(2)
    expect(dataset?.indicators).toHaveLength(30)
    expect(dataset?.indicators.filter((i) => i.direction === 'lower')).toHaveLength(3)
    expect(new Set(dataset?.indicators.map((i) => i.kind))).toEqual(new Set(['amount', 'count', 'area', 'rate', 'share', 'growth', 'progress']))
    // Every quote states its row's actual, so every quote became evidence.
    const quoted = text.split('\r\n').filter((l) => l.endsWith('）')).length
    expect(dataset?.observations.filter((o) => o.evidence.length > 0)).toHaveLength(quoted)
    expect(dataset?.documents.map((d) => d.title.zh)).toEqual([SYNTHETIC_SOURCE])
  })

  it('cumulates flows month by month and ranks each street within its district', async () => {
    const result = await runImport({ kind: 'text', text: largeTableText({ ...SMALL, indicators: 2 }), name: 'large.csv' })
    const dataset = result.dataset
    if (!dataset) throw new Error('no dataset')
    const series = new Map<string, number[]>()
    for (const o of dataset.observations) {
      const key = `${o.subjectId} ${o.indicatorId}`
      series.set(key, [...(series.get(key) ?? []), o.actual ?? Number.NaN])
      expect(o.rank).toBeGreaterThanOrEqual(1)
      expect(o.rank).toBeLessThanOrEqual(10)
    }
    for (const values of series.values()) {
      expect(values).toHaveLength(12)
      expect([...values].sort((a, b) => a - b)).toEqual(values)
    }
  })

  it('with district rows, reaches the cities: city › district › street', async () => {
    const options = { ...SMALL, indicators: 3, months: 2, districtRows: true }
    const result = await runImport({ kind: 'text', text: largeTableText(options), name: 'large.csv' })
    expect(result.status).toBe('ok')
    expect(result.stats.dataRows).toBe(largeTableSummary(options).rows)
    expect(largeTableSummary(options).rows).toBe((20 + 2) * 3 * 2)
    const subjects = result.dataset?.subjects ?? []
    const city = subjects.find((s) => s.level === 'city')
    expect(city?.name.zh).toBe('合成甲市')
    expect(subjects.filter((s) => s.level === 'district').every((d) => d.parentId === city?.id)).toBe(true)
  })
})
