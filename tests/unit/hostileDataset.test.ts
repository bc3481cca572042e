import { describe, expect, it } from 'vitest'
import { hostileDataset } from '../fixtures/hostileDataset'
import { validateDatasetValue } from '../../src/io/validateDataset'

describe('the hostile fixture', () => {
  it('is a valid dataset: the payloads must reach the views, not stop at validation', () => {
    const result = validateDatasetValue(hostileDataset(), 'hostile.json')
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(result.dataset).not.toBeNull()
  })
})
