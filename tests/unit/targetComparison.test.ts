import { describe, expect, it } from 'vitest'
import { syntheticDistrict } from '../fixtures/syntheticDistrict'
import { validateDatasetValue } from '../../src/io/validateDataset'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { Dataset } from '../../src/domain/model'
import {
  buildTargetComparison,
  comparisonParentId,
  hasTarget,
  indicatorsWithTargets,
} from '../../src/domain/targetComparison'

function district(streets: number): Dataset {
  const dataset = validateDatasetValue(syntheticDistrict({ streets }), 'synthetic.json').dataset
  if (!dataset) throw new Error('fixture is invalid')
  return dataset
}

const seed = loadEmbeddedDataset().dataset as Dataset
const seedIndex = buildDatasetIndex(seed)

describe('targets vs actuals on the seed dataset', () => {
  it('offers the one indicator with a target', () => {
    expect(indicatorsWithTargets(seed.observations, seedIndex).map((i) => i.id)).toEqual(['project-investment'])
  })

  it('compares 大市口街道 among 京口区 streets: 4.32 of 4.97亿元 is 86.9%, 3.6 points ahead of 83.3%', () => {
    const c = buildTargetComparison(seed.observations, seedIndex, {
      indicatorId: 'project-investment',
      regionId: null,
      periodKey: null,
    })
    expect(c?.parent?.id).toBe('jingkou')
    expect(c?.periodKey).toBe('2023-01..2023-10')
    expect(c?.rows.map((r) => r.subject.id)).toEqual(['dashikou'])
    const row = c?.rows[0]
    expect(row?.completion).toBeCloseTo(86.92, 2)
    expect(row?.elapsed).toBeCloseTo(83.33, 2)
    expect(row?.gap).toBeCloseTo(3.59, 2)
    expect(row?.status).toBe('ahead')
    expect(c?.summary).toMatchObject({ total: 1, atOrAbove: 1, ahead: 1, onTime: 0, behind: 0 })
  })

  it.each([
    ['dashikou', 'jingkou'],
    ['jingkou', 'jingkou'],
    ['zhenjiang', 'zhenjiang'],
  ])('choosing %s compares the children of %s', (regionId, parentId) => {
    const targets = seed.observations.filter(hasTarget)
    expect(comparisonParentId(targets, seedIndex, regionId)).toBe(parentId)
  })

  it('has no rows for a region without targets, and says so rather than guessing', () => {
    const c = buildTargetComparison(seed.observations, seedIndex, {
      indicatorId: 'project-investment',
      regionId: 'nantong',
      periodKey: null,
    })
    expect(c).toBeNull()
  })
})

describe('targets vs actuals on a 60-street district', () => {
  const data = district(60)
  const index = buildDatasetIndex(data)
  const c = buildTargetComparison(data.observations, index, {
    indicatorId: 'syn-investment',
    regionId: 'syn-district',
    periodKey: '2023-01..2023-10',
  })

  it('has one row per street', () => {
    expect(c?.rows).toHaveLength(60)
    expect(new Set(c?.rows.map((r) => r.subject.id)).size).toBe(60)
  })

  it('counts N of M at or above 序时进度 by the status rule', () => {
    const s = c?.summary
    const byRule = c?.rows.filter((r) => r.gap >= -0.5).length
    expect(s?.atOrAbove).toBe(byRule)
    expect((s?.ahead ?? 0) + (s?.onTime ?? 0) + (s?.behind ?? 0)).toBe(60)
    expect(s?.atOrAbove).toBeGreaterThan(0)
    expect(s?.behind).toBeGreaterThan(0)
  })

  it('gives the average 完成率 and the pooled one (Σactual / Σtarget)', () => {
    const rows = c?.rows ?? []
    const mean = rows.reduce((sum, r) => sum + r.completion, 0) / rows.length
    const pooled =
      (100 * rows.reduce((sum, r) => sum + (r.observation.actual ?? 0), 0)) /
      rows.reduce((sum, r) => sum + (r.observation.target ?? 0), 0)
    expect(c?.summary.averageCompletion).toBeCloseTo(mean, 9)
    expect(c?.summary.pooledCompletion).toBeCloseTo(pooled, 9)
    expect(c?.summary.elapsed).toBeCloseTo(83.333, 2)
  })
})

describe('the per-dataset grouping of target figures (a filter change reads only the rows it needs)', () => {
  const request = { indicatorId: 'syn-investment', regionId: 'syn-district', periodKey: null }

  it('answers again from the grouping with equal rows, each call a comparison of its own', () => {
    const data = district(12)
    const index = buildDatasetIndex(data)
    const first = buildTargetComparison(data.observations, index, request)
    const second = buildTargetComparison(data.observations, index, request)
    expect(second).toEqual(first)
    expect(second?.rows).not.toBe(first?.rows)
  })

  it('follows a new dataset: another index is grouped anew, never served from the old one', () => {
    const before = district(12)
    const beforeIndex = buildDatasetIndex(before)
    expect(buildTargetComparison(before.observations, beforeIndex, request)?.rows).toHaveLength(12)
    // Datasets are replaced whole (the store activates a new one): a new index, here with every
    // target doubled and one street fewer.
    const dropped = before.observations[0]?.subjectId
    const after: Dataset = {
      ...before,
      observations: before.observations
        .filter((o) => o.subjectId !== dropped)
        .map((o) => ({ ...o, target: o.target === null ? null : o.target * 2 })),
    }
    const afterIndex = buildDatasetIndex(after)
    const c = buildTargetComparison(after.observations, afterIndex, request)
    expect(c?.rows).toHaveLength(11)
    expect(c?.rows.map((r) => r.observation.target)).toEqual(
      after.observations.filter((o) => o.indicatorId === 'syn-investment' && hasTarget(o) && o.subjectId !== 'syn-district').map((o) => o.target),
    )
    // The old dataset's answer is unchanged.
    expect(buildTargetComparison(before.observations, beforeIndex, request)?.rows).toHaveLength(12)
  })
})
