import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { findQuantities } from '../../src/domain/chineseNumber'
import { validateDatasetText } from '../../src/io/validateDataset'

const { dataset } = validateDatasetText(readFileSync('data/dataset.json', 'utf8'), 'data/dataset.json')
if (!dataset) throw new Error('the embedded dataset does not validate: run npm run validate')

const cases = dataset.observations.flatMap((o) =>
  o.evidence.map((e) => ({ id: o.id, field: e.field, quote: e.quote, value: o[e.field] })),
)

describe('every figure in the embedded dataset is the number its quote states', () => {
  it.each(cases)('$id $field = $value ← 「$quote」', ({ field, quote, value }) => {
    const found = findQuantities(quote).filter((q) => (field === 'rank' ? q.unit === 'rank' : q.unit !== 'rank'))
    expect(found.map((q) => q.value)).toContain(value)
  })

  it('keeps the qualifier the quote states', () => {
    for (const o of dataset.observations) {
      const quote = o.evidence.find((e) => e.field === 'actual')?.quote
      if (!quote || o.actual === null) continue
      const match = findQuantities(quote).find((q) => q.value === o.actual)
      expect(match?.qualifier ?? null, `${o.id} 「${quote}」`).toBe(o.qualifier)
    }
  })
})
