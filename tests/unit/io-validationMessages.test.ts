import { describe, expect, it } from 'vitest'
import type { IssueCode, ValidationIssue } from '../../src/io/validationIssue'
import { describeIssue, formatIssueLine } from '../../src/io/validationMessages'

/** Every code the import added, with the parameters its producers pass. */
const IMPORT_CODES: Array<[IssueCode, Record<string, string | number>]> = [
  ['fileTooLarge', { size: '120.0 MB', max: '100.0 MB' }],
  ['tooManyRows', { max: 1_000_000 }],
  ['unsupportedFormat', { name: 'a.pdf' }],
  ['legacyXls', {}],
  ['emptyTable', {}],
  ['encodingDamaged', { count: 3, encoding: 'gb18030' }],
  ['missingColumn', { field: 'period' }],
  ['duplicateColumn', { field: 'region', columns: '地区、街道' }],
  ['ignoredColumn', { column: '备注' }],
  ['unclosedQuote', {}],
  ['forbiddenKey', { key: '__proto__' }],
  ['urlNotAllowed', { url: 'https://evil.example.com/' }],
  ['fetchFailed', { url: '/t.csv', reason: 'HTTP 404' }],
  ['fetchTimeout', { url: '/t.csv', seconds: 15 }],
  ['figuresWithoutQuote', { count: 12 }],
  ['issuesTruncated', { count: 501 }],
  ['noValidRows', {}],
  ['requiredCell', { field: 'region', value: '' }],
  ['badUnit', { value: '平方英尺呀' }],
  ['unitMismatch', { value: '43.7%', unit: '%', expected: '件' }],
  ['unitConflict', { value: '件', indicator: '投资', first: '亿元', firstRow: 2 }],
  ['extraCells', { count: 2 }],
  ['qualifierIgnored', { field: 'target', value: '约5', number: 500_000_000 }],
  ['ambiguousRegion', { value: '新城社区', parents: '丁卯街道、象山街道' }],
  ['ambiguousParent', { value: '新城社区' }],
  ['attributeConflict', { field: 'category', value: '民生', first: '经济发展', firstRow: 2 }],
  ['duplicateRow', { firstRow: 2, key: '大市口街道 · 投资 · 2023' }],
  ['quoteUnmatched', { value: '完成投资' }],
]

describe('messages for import issues', () => {
  it.each(IMPORT_CODES)('%s reads in Chinese and in English with its parameters filled in', (code, params) => {
    const issue: ValidationIssue = { severity: 'error', code, location: { file: 't.csv', row: 3, column: '完成' }, params }
    const zh = describeIssue(issue, 'zh-CN')
    const en = describeIssue(issue, 'en')
    expect(zh).not.toBe(en)
    for (const text of [zh, en]) {
      expect(text).not.toMatch(/undefined|\$\{/)
      expect(text.length).toBeGreaterThan(5)
    }
    expect(formatIssueLine(issue, 'zh-CN')).toContain('第 3 行“完成”列')
    expect(formatIssueLine(issue, 'en')).toContain('row 3, column "完成"')
  })

  it('names interchange fields in Chinese in Chinese messages', () => {
    const issue: ValidationIssue = { severity: 'error', code: 'requiredCell', location: { file: 't.csv', row: 4 }, params: { field: 'region' } }
    expect(describeIssue(issue, 'zh-CN')).toBe('“地区”不能为空')
    expect(describeIssue(issue, 'en')).toBe('"region" must not be empty')
  })
})
