import { describe, expect, it } from 'vitest'
import {
  FIELD_ALIASES,
  INTERCHANGE_FIELDS,
  applyMapping,
  checkMapping,
  headerSignature,
  headerUnits,
  matchHeader,
  splitHeader,
  suggestMapping,
  type InterchangeField,
} from '../../src/io/interchangeColumns'

describe('header matching', () => {
  it('knows every alias of domain.md exactly', () => {
    for (const field of INTERCHANGE_FIELDS) {
      for (const alias of FIELD_ALIASES[field]) expect(matchHeader(alias), alias).toEqual({ field, confidence: 'exact' })
    }
  })

  it.each<[string, InterchangeField | null, 'exact' | 'guess' | 'none']>([
    // case, spaces, underscores, full-width letters, a required-field star
    ['Region', 'region', 'exact'],
    [' target period ', 'target_period', 'exact'],
    ['Target_Period', 'target_period', 'exact'],
    ['ＴＡＲＧＥＴ', 'target', 'exact'],
    ['地区*', 'region', 'exact'],
    ['目标 期间', 'target_period', 'exact'],
    // a unit in brackets after the name
    ['目标（亿元）', 'target', 'exact'],
    ['完成值(万元)', 'actual', 'exact'],
    ['同比(%)', 'yoy', 'exact'],
    // common headers outside the spec are suggestions only
    ['指标名称', 'indicator', 'guess'],
    ['单位名称', 'region', 'guess'],
    ['年度目标任务', 'target', 'guess'],
    ['同比增长率', 'yoy', 'guess'],
    ['统计期间', 'period', 'guess'],
    // ambiguous (contains 计划 and 完成) and unknown headers stay unmapped
    ['计划完成率', null, 'none'],
    ['序号', null, 'none'],
    ['备注', null, 'none'],
    ['', null, 'none'],
    // names that could touch a prototype are plain unknown headers
    ['__proto__', null, 'none'],
    ['constructor', null, 'none'],
    ['prototype', null, 'none'],
  ])('%j → %s (%s)', (header, field, confidence) => {
    expect(matchHeader(header)).toEqual({ field, confidence })
  })

  it('splits a bracketed unit off a header', () => {
    expect(splitHeader('目标（亿元）')).toMatchObject({ name: '目标', unitText: '亿元', unit: { unit: 'CNY', factor: 1e8 } })
    expect(splitHeader('完成【万平方米】')).toMatchObject({ name: '完成', unit: { unit: 'm2', factor: 1e4 } })
    expect(splitHeader('地区')).toEqual({ name: '地区', unit: null, unitText: null })
  })
})

describe('the mapping step', () => {
  it('maps a table in interchange form exactly, so no mapping step is needed', () => {
    const headers = ['地区', '上级', '指标', '单位', '期间', '目标', '完成', '备注']
    const s = suggestMapping(headers)
    expect(s.mapping).toEqual(['region', 'parent', 'indicator', 'unit', 'period', 'target', 'actual', null])
    expect(s).toMatchObject({ ok: true, confident: true, missing: [], duplicates: [], ignored: [7] })
  })

  it('suggests guesses for other headers and asks for confirmation', () => {
    const s = suggestMapping(['单位名称', '指标名称', '计量单位', '统计期', '完成数'])
    expect(s.mapping).toEqual(['region', 'indicator', 'unit', 'period', 'actual'])
    expect(s.confidence).toEqual(['guess', 'guess', 'exact', 'guess', 'guess'])
    expect(s.ok).toBe(true)
    expect(s.confident).toBe(false)
  })

  it('lists the required fields no column provides', () => {
    const s = suggestMapping(['名字', '数值'])
    expect(s.missing).toEqual(['region', 'indicator', 'unit', 'period'])
    expect(s.ok).toBe(false)
  })

  it('accepts a unit in the figure headers instead of a unit column', () => {
    const headers = ['地区', '指标', '期间', '目标（亿元）', '完成（亿元）']
    const s = suggestMapping(headers)
    expect(s.missing).toEqual([])
    expect([...headerUnits(headers, s.mapping).keys()]).toEqual([3, 4])
  })

  it('keeps the first of two columns with the same meaning, and checkMapping reports a user mapping that doubles one', () => {
    const headers = ['地区', '街道', '指标', '单位', '期间', '完成']
    expect(suggestMapping(headers).mapping).toEqual(['region', null, 'indicator', 'unit', 'period', 'actual'])
    const check = checkMapping(headers, ['region', 'region', 'indicator', 'unit', 'period', 'actual'])
    expect(check.duplicates).toEqual([{ field: 'region', columns: [0, 1] }])
    expect(check.ok).toBe(false)
  })

  it('applies a user mapping to rows without using header text as keys', () => {
    const mapped = applyMapping(['region', null, 'actual'], [['大市口街道', 'x', '4.32']])
    expect([...(mapped[0] ?? new Map())]).toEqual([
      ['region', '大市口街道'],
      ['actual', '4.32'],
    ])
  })

  it('gives the same signature to the same headers however they are spaced or cased, and another to others', () => {
    const a = headerSignature(['地区', 'Indicator', '单位'])
    expect(headerSignature([' 地区 ', 'INDICATOR', '单位'])).toBe(a)
    expect(headerSignature(['地区', '单位', 'Indicator'])).not.toBe(a)
    expect(a).toMatch(/^h-[0-9a-f]{14}$/)
  })

  it('is not polluted by headers named __proto__, constructor or prototype', () => {
    const headers = ['__proto__', 'constructor', 'prototype', '地区', '指标', '单位', '期间', '完成']
    const s = suggestMapping(headers)
    expect(s.mapping.slice(0, 3)).toEqual([null, null, null])
    const mapped = applyMapping(s.mapping, [['{"polluted":1}', 'x', 'y', 'a', 'b', '件', '2023', '1']])
    expect(mapped[0]?.get('region')).toBe('a')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})
