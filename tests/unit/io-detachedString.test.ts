import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { detachedString } from '../../src/io/detachedString'
import { runImport } from '../../src/io/importPipeline'

describe('detachedString', () => {
  it('gives back the same text for any string, lone surrogates and control characters included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const long = `${text}一段超过十三个字符的引用文字`
        return detachedString(text) === text && detachedString(long) === long
      }),
      { seed: 20261123, numRuns: 200 },
    )
  }, 20_000) // fast-check builds its string generators on first use: a second or more on a busy machine

  it('leaves what an import returns unchanged: long cells, names and quotes read as written', async () => {
    const source = '合成数据（gen:large，非真实统计）'
    const text = `region,parent,indicator,unit,period,actual,source,quote\n大市口街道办事处合成区域甲,京口区,一般公共预算收入合计,亿元,2023-01..2023-10,4.32,${source},完成一般公共预算收入4.32亿元（合成数据）\n`
    const result = await runImport({ kind: 'text', text, name: 't.csv' })
    expect(result.preview.rows[0]?.cells).toEqual(text.split('\n')[1]?.split(','))
    expect(result.dataset?.documents[0]?.title.zh).toBe(source)
    expect(result.dataset?.subjects.map((s) => s.name.zh)).toContain('大市口街道办事处合成区域甲')
    expect(result.dataset?.observations[0]?.evidence).toEqual([{ field: 'actual', quote: '完成一般公共预算收入4.32亿元（合成数据）' }])
  })
})
