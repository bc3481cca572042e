import { describe, expect, it } from 'vitest'
import type { Observation } from '../../src/domain/model'
import { decodeObservations, encodeObservations, ObservationDecoder, transferablesOf } from '../../src/io/observationTransfer'

const base: Observation = {
  id: 'o-1',
  subjectId: 's-大市口',
  indicatorId: 'i-投资',
  period: { start: { year: 2023, month: 1 }, end: { year: 2023, month: 10 } },
  actual: 432_000_000,
  actualUpper: null,
  qualifier: null,
  target: 497_000_000,
  targetPeriod: null,
  yoy: -3.5,
  rank: 1,
  rankScopeId: 's-京口区',
  documentId: 'd-1',
  evidence: [{ field: 'actual', quote: '完成项目投资4.32亿元' }],
}

const observations: Observation[] = [
  base,
  {
    ...base,
    id: 'o-2',
    subjectId: 's-正东路',
    actual: 75,
    actualUpper: 80,
    qualifier: 'range',
    target: null,
    targetPeriod: { start: { year: 2023, month: 1 }, end: { year: 2023, month: 12 } },
    yoy: null,
    rank: null,
    rankScopeId: null,
    documentId: null,
    evidence: [],
  },
  {
    ...base,
    id: 'o-3',
    actual: 0,
    qualifier: 'more-than',
    yoy: 0,
    evidence: [
      { field: 'target', quote: '目标4.97亿元' },
      { field: 'actual', quote: '完成项目投资4.32亿元' },
    ],
  },
]

describe('observations as columns', () => {
  it('round-trips every field, nulls and zeros kept apart', () => {
    expect(decodeObservations(encodeObservations(observations))).toEqual(observations)
    expect(decodeObservations(encodeObservations([]))).toEqual([])
  })

  it('shares each distinct string and period between rows', () => {
    const decoded = decodeObservations(encodeObservations(observations))
    expect(decoded[0]?.period).toBe(decoded[2]?.period)
    expect(decoded[0]?.period).not.toBe(decoded[1]?.targetPeriod)
    expect(decoded[0]?.evidence).not.toBe(decoded[2]?.evidence)
    const columns = encodeObservations(observations)
    // Two subjects, one indicator, one scope, one document, two quotes; the ids apart, each once.
    expect(columns.stringEnds).toHaveLength(7)
    expect(columns.ids).toBe('o-1o-2o-3')
    expect([...columns.idEnds]).toEqual([3, 6, 9])
  })

  it('gives every row without evidence the same frozen empty list, and each row with evidence its own', () => {
    const decoded = decodeObservations(encodeObservations([observations[1], { ...(observations[1] as Observation), id: 'o-4' }, base] as Observation[]))
    expect(decoded[0]?.evidence).toEqual([])
    expect(decoded[0]?.evidence).toBe(decoded[1]?.evidence)
    expect(Object.isFrozen(decoded[0]?.evidence)).toBe(true)
    expect(() => decoded[0]?.evidence.push({ field: 'actual', quote: 'x' })).toThrow(TypeError)
    expect(Object.isFrozen(decoded[2]?.evidence)).toBe(false)
  })

  it('counts periods by their dates, not by object, and keeps a repeated id as written', () => {
    // Same dates in new objects: one period; a string repeated after other values: one index.
    const copies = observations.map((o) => ({ ...o, period: { start: { ...o.period.start }, end: { ...o.period.end } } }))
    const mixed = [...copies, { ...copies[0], id: 'o-2', subjectId: 's-大市口' } as Observation]
    const columns = encodeObservations(mixed)
    expect(columns.periods).toHaveLength(8)
    expect(columns.subject[3]).toBe(columns.subject[0])
    expect(decodeObservations(columns)).toEqual(mixed)
  })

  it('decodes in slices that add up to the whole', () => {
    const many = Array.from({ length: 1_001 }, (_, i) => ({ ...observations[i % 3], id: `o-${i}` }) as Observation)
    const decoder = new ObservationDecoder(encodeObservations(many))
    const out: Observation[] = []
    for (let from = 0; from < decoder.count; from += 300) decoder.decode(from, from + 300, out)
    expect(out).toEqual(many)
  })

  it('lists each buffer to transfer once, and refuses NaN rather than turn it into null', () => {
    const columns = encodeObservations(observations)
    const buffers = transferablesOf(columns)
    expect(new Set(buffers).size).toBe(buffers.length)
    expect(buffers.length).toBeGreaterThanOrEqual(16)
    expect(() => encodeObservations([{ ...base, actual: Number.NaN }])).toThrow(/NaN/)
  })
})
