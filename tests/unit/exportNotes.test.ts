import { describe, expect, it } from 'vitest'
import { loadEmbeddedDataset } from '../../src/io/embeddedDataset'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import { buildObservationRows } from '../../src/domain/observationRow'
import type { Dataset } from '../../src/domain/model'
import { formatGrowth, formatPercent, formatPoints, formatQuantity, formatRank } from '../../src/domain/format'
import { formatPeriod } from '../../src/domain/period'
import { speakerNotes, type NoteFormat } from '../../src/export/speakerNotes'
import { observationRowsByIds } from '../../src/export/chartRows'

const seed = loadEmbeddedDataset().dataset as Dataset
const index = buildDatasetIndex(seed)

const zh: NoteFormat = {
  name: (t) => t.zh,
  period: (p) => formatPeriod(p, 'zh-CN'),
  quantity: (v, unit, qualifier, upper) => formatQuantity(v, unit, 'zh-CN', { qualifier, upper }),
  percent: (v) => formatPercent(v, 'zh-CN'),
  growth: (v) => formatGrowth(v, 'zh-CN'),
  points: (v) => formatPoints(v, 'zh-CN'),
  rank: (v) => formatRank(v, 'zh-CN'),
  item: (label, value) => `${label}：${value}`,
  separator: '；',
  quote: (quote, source) => `原文（${source}）：“${quote}”`,
  labels: { actual: '完成', target: '目标', completion: '完成率', elapsed: '序时进度', gap: '差', yoy: '同比', rank: '排名' },
}

describe('speaker notes', () => {
  it('list every figure of a row with its quotes', () => {
    const rows = buildObservationRows(seed.observations.filter((o) => o.id === '000-07'), index)
    const notes = speakerNotes(rows, zh).split('\n')
    expect(notes[0]).toMatch(/^大市口街道 · 项目投资 · 2023年1-10月：完成：4\.32亿元；目标：4\.97亿元；完成率：86\.9%；序时进度：83\.3%；差：\+3\.6个百分点/)
    expect(notes.slice(1).join('\n')).toMatch(/完成项目投资4\.32亿元/)
    expect(notes.slice(1).every((line) => line.startsWith('原文（'))).toBe(true)
  })

  it('finds the observations behind a chart from its table row ids, in order and once each', () => {
    const ids = ['000-07', 'missing', '000-07', '000-15']
    expect(observationRowsByIds(ids, seed, index).map((r) => r.observation.id)).toEqual(['000-07', '000-15'])
  })
})
