/**
 * Property-based tests (fast-check) for everything that reads untrusted text or formats figures:
 * the readers never throw anything but a validation result, never pollute prototypes, and what the
 * app writes it reads back. Seeds are fixed so a failure reproduces; fast-check prints the case.
 */
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findQuantities, parseChineseNumeral, parseQuantity } from '../../src/domain/chineseNumber'
import { formatPeriod, parsePeriod, periodKey } from '../../src/domain/period'
import { formatGrowth, formatPercent, formatQuantity } from '../../src/domain/format'
import { parseDelimited } from '../../src/io/delimitedText'
import { decodeBytes } from '../../src/io/decodeBytes'
import { runImport } from '../../src/io/importPipeline'
import { validateDatasetValue } from '../../src/io/validateDataset'
import { toCsv } from '../../src/export/csv'
import type { Period } from '../../src/domain/model'

const params = { seed: 20261123, numRuns: 300 }

/** Text that looks like report prose: digits, Chinese numerals, units, qualifiers, punctuation, noise. */
const reportText = fc
  .array(
    fc.oneof(
      fc.constantFrom('一', '二', '十', '百', '千', '万', '亿', '零', '两', '余', '多', '约', '近', '超过', '至', '左右', '以上'),
      fc.constantFrom('元', '亿元', '万元', '%', '个百分点', '件', '个', '平方米', '亩', '美元', '第', '位', '月', '年', '日'),
      fc.constantFrom('.', ',', '，', '、', '-', '—', '~', '（', '）', ' ', '\n', '12345', '2023'),
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted', 'toString']

afterEach(() => {
  // Any reader that wrote through __proto__ would leave this behind for every object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
})

describe('number and period parsers', () => {
  it('never throw, and every match lies inside the text it was found in', () => {
    fc.assert(
      fc.property(fc.oneof(reportText, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        parseChineseNumeral(text)
        parseQuantity(text)
        parsePeriod(text)
        for (const m of findQuantities(text)) {
          expect(m.start).toBeGreaterThanOrEqual(0)
          expect(m.end).toBeLessThanOrEqual(text.length)
          expect(text.slice(m.start, m.end)).toBe(m.text)
          expect(Number.isFinite(m.value)).toBe(true)
        }
      }),
      params,
    )
  })

  it('read full-width text (as Chinese IMEs type it) exactly as its ASCII form, at the same offsets', () => {
    // Full-width forms of ASCII, except the comma (in prose a clause mark, never a thousands separator).
    const widen = (text: string): string =>
      text.replace(/[!-+\--~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000')
    fc.assert(
      fc.property(reportText, (text) => {
        const wide = widen(text)
        const narrow = findQuantities(text)
        const found = findQuantities(wide)
        expect(found.map((m) => ({ ...m, text: '' }))).toEqual(narrow.map((m) => ({ ...m, text: '' })))
        for (const m of found) expect(m.text).toBe(wide.slice(m.start, m.end))
        expect(parseQuantity(wide)).toEqual(parseQuantity(text))
        expect(parseChineseNumeral(wide)).toEqual(parseChineseNumeral(text))
      }),
      params,
    )
  })

  it('read back what the formatter writes: counts, money and areas in Chinese', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('件', '个', 'CNY', 'm2', 'USD'),
        fc.integer({ min: 1, max: 9_999_999_999 }),
        (unit, value) => {
          const text = formatQuantity(value, unit, 'zh-CN')
          const parsed = parseQuantity(text)
          expect(parsed, text).not.toBeNull()
          // The display rounds to two decimals of its magnitude (万, 亿): that much may be lost.
          const step = value >= 1e8 ? 1e6 : value >= 1e4 ? 1e2 : 0.01
          expect(Math.abs((parsed?.value ?? Number.NaN) - value), text).toBeLessThanOrEqual(step / 2 + 1e-6)
        },
      ),
      params,
    )
  })

  it('read back percentages and growth rates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10000, max: 100000 }).map((n) => n / 10), (value) => {
        expect(parseQuantity(formatPercent(value, 'zh-CN'))?.value).toBeCloseTo(value, 6)
        const growth = formatGrowth(value, 'zh-CN').replace('−', '-').replace('+', '')
        expect(parseQuantity(growth)?.value).toBeCloseTo(Math.abs(value) === 0 ? 0 : value, 6)
      }),
      params,
    )
  })

  it('read back every Chinese period label and every canonical period key', () => {
    const period = fc
      .tuple(fc.integer({ min: 2000, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
      .map(([year, a, b]): Period => ({ start: { year, month: Math.min(a, b) }, end: { year, month: Math.max(a, b) } }))
    fc.assert(
      fc.property(period, (p) => {
        const read = parsePeriod(formatPeriod(p, 'zh-CN'))
        expect(read).not.toBeNull()
        expect(periodKey(read as Period)).toBe(periodKey(p))
        expect(periodKey(parsePeriod(periodKey(p)) as Period)).toBe(periodKey(p))
      }),
      params,
    )
  })
})

describe('table readers', () => {
  const cell = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('=1+1', '"quoted"', 'a,b', 'line\nbreak', '  padded  ', '__proto__'))

  it('read back any table the CSV writer writes (formula cells come back with their guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const headers = ['a', 'b', 'c']
        const text = toCsv({ headers, rows }).replace(/^\uFEFF/, '')
        const parsed = parseDelimited(text, ',').rows.filter((r) => !(r.length === 1 && r[0] === ''))
        const guarded = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)))
        expect(parsed).toEqual([headers, ...guarded])
      }),
      params,
    )
  })

  it('decode any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(typeof decodeBytes(bytes).text).toBe('string')
      }),
      params,
    )
  })

  it('import any text as a result with issues, never an exception, and never pollute prototypes', async () => {
    const header = fc.constantFrom('region', '地区', 'indicator', '指标', 'unit', 'period', 'actual', 'target', ...POLLUTION_KEYS)
    const line = fc.array(fc.oneof(reportText, fc.constantFrom(...POLLUTION_KEYS)), { minLength: 1, maxLength: 6 })
    await fc.assert(
      fc.asyncProperty(fc.array(header, { minLength: 1, maxLength: 8 }), fc.array(line, { maxLength: 6 }), async (headers, rows) => {
        const text = [headers, ...rows].map((r) => r.join('\t')).join('\n')
        const result = await runImport({ kind: 'text', text, name: 'pasted.tsv' })
        expect(['ok', 'needs-mapping', 'failed']).toContain(result.status)
      }),
      { ...params, numRuns: 100 },
    )
  })
})

describe('dataset validator', () => {
  it('returns issues for any JSON, never throws, never pollutes', () => {
    const key = fc.oneof(fc.constantFrom(...POLLUTION_KEYS, 'schemaVersion', 'observations', 'subjects', 'name'), fc.string({ maxLength: 6 }))
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value
    fc.assert(
      fc.property(json, (value) => {
        const result = validateDatasetValue(JSON.parse(JSON.stringify(value)) as unknown, 'fuzz.json')
        expect(result.dataset === null || result.issues.every((i) => i.severity !== 'error')).toBe(true)
      }),
      params,
    )
  })

  it('rejects __proto__ smuggled in through JSON text without polluting', () => {
    const text = '{"schemaVersion":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'
    const result = validateDatasetValue(JSON.parse(text) as unknown, 'proto.json')
    expect(result.dataset).toBeNull()
  })
})
