import { describe, expect, it } from 'vitest'
import { syntheticDistrict } from '../fixtures/syntheticDistrict'
import { validateDatasetValue } from '../../src/io/validateDataset'

describe('the synthetic district fixture', () => {
  it.each([1, 60, 200])('with %i streets is a valid dataset', (streets) => {
    const result = validateDatasetValue(syntheticDistrict({ streets }), 'synthetic.json')
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(result.dataset?.observations).toHaveLength(streets * 2)
  })

  it('is the same for the same seed', () => {
    expect(syntheticDistrict({ streets: 5, seed: 7 })).toEqual(syntheticDistrict({ streets: 5, seed: 7 }))
  })
})
