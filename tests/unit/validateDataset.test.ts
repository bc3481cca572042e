import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { validateDatasetText, validateDatasetValue } from '../../src/io/validateDataset'
import { describeIssue, formatIssueLine } from '../../src/io/validationMessages'
import type { IssueCode } from '../../src/io/validationIssue'

const FILE = 'data/dataset.json'
const seedText = readFileSync(FILE, 'utf8')

/** A fresh, mutable copy of the seed dataset for each broken variant. */
function seed(): Record<string, unknown> & { observations: Array<Record<string, unknown>> } {
  return JSON.parse(seedText) as Record<string, unknown> & { observations: Array<Record<string, unknown>> }
}

function obs(data: ReturnType<typeof seed>, id: string): Record<string, unknown> {
  const found = data.observations.find((o) => o.id === id)
  if (!found) throw new Error(`no observation ${id}`)
  return found
}

describe('the embedded dataset', () => {
  it('validates with no error and no warning', () => {
    const { dataset, issues } = validateDatasetText(seedText, FILE)
    expect(issues.map((i) => formatIssueLine(i, 'en'))).toEqual([])
    expect(dataset?.observations.length).toBeGreaterThan(50)
  })
})

describe('a broken dataset is rejected with the place and a reason, in both languages', () => {
  it.each<[string, (d: ReturnType<typeof seed>) => void, IssueCode, RegExp]>([
    ['a target of zero', (d) => (obs(d, '000-07').target = 0), 'targetNotPositive', /observations\[6\] \(000-07\)\.target/],
    ['an unknown region', (d) => (obs(d, '000-07').subjectId = 'atlantis'), 'unknownRef', /\(000-07\)\.subjectId/],
    ['a rate above 100%', (d) => (obs(d, '000-16').actual = 130), 'outOfRange', /\(000-16\)\.actual/],
    ['a quote that states another number', (d) => (obs(d, '000-07').actual = 433_000_000), 'quoteMismatch', /\(000-07\)\.evidence\[0\]\.quote/],
    ['an unreadable period', (d) => (obs(d, '000-07').period = '2023年13月'), 'period', /\(000-07\)\.period/],
    ['a misspelt field', (d) => (obs(d, '000-07').targt = 1), 'unknownKey', /\(000-07\)\.targt/],
    ['a missing field', (d) => delete obs(d, '000-07').indicatorId, 'missingKey', /\(000-07\)\.indicatorId/],
    ['a number given as text', (d) => (obs(d, '000-07').actual = '4.32亿元'), 'type', /\(000-07\)\.actual/],
    [
      'the same region, indicator and period twice',
      (d) => d.observations.push({ ...obs(d, '000-07'), id: '000-99' }),
      'duplicateKey',
      /000-99/,
    ],
    ['a repeated id', (d) => (obs(d, '000-08').id = '000-07'), 'duplicateId', /observations\[7\]/],
    ['a range without an upper bound', (d) => (obs(d, '000-15').qualifier = 'range'), 'rangeWithoutUpper', /000-15/],
    ['a qualifier that does not exist', (d) => (obs(d, '000-15').qualifier = 'roughly'), 'enum', /000-15\)\.qualifier/],
    ['a negative rank', (d) => (obs(d, '000-02').rank = 0), 'rankMin', /000-02\)\.rank/],
  ])('%s', (_name, breakIt, code, where) => {
    const data = seed()
    breakIt(data)
    const { dataset, issues } = validateDatasetValue(data, FILE)
    expect(dataset).toBeNull()
    const issue = issues.find((i) => i.code === code)
    expect(issue, issues.map((i) => formatIssueLine(i, 'en')).join('\n')).toBeDefined()
    if (!issue) return
    expect(issue.severity).toBe('error')
    const en = formatIssueLine(issue, 'en')
    const zh = formatIssueLine(issue, 'zh-CN')
    expect(en).toMatch(where)
    expect(en.startsWith(`error ${FILE}`)).toBe(true)
    expect(zh.startsWith(`错误 ${FILE}`)).toBe(true)
    expect(describeIssue(issue, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
    // English text is English, except the Chinese data it quotes back to the user.
    const quoted = String(issue.params.quote ?? issue.params.value ?? '')
    expect(describeIssue(issue, 'en').replace(quoted, '')).not.toMatch(/[\u4e00-\u9fff]{3}/)
  })

  it('reports invalid JSON without throwing', () => {
    const { dataset, issues } = validateDatasetText('{"schemaVersion": 1,', 'broken.json')
    expect(dataset).toBeNull()
    expect(issues[0]?.code).toBe('jsonSyntax')
    expect(formatIssueLine(issues[0]!, 'zh-CN')).toMatch(/^错误 broken\.json: 不是有效的 JSON/)
  })

  it('does not let a __proto__ key reach the objects it builds', () => {
    const text = seedText.replace('"schemaVersion": 1,', '"schemaVersion": 1, "__proto__": {"polluted": true},')
    const { dataset, issues } = validateDatasetText(text, FILE)
    expect(dataset).toBeNull()
    expect(issues.some((i) => i.code === 'unknownKey')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
