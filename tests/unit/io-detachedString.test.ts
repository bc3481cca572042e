import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
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

describe('caches that outlive an import keep copies, not pieces of the text', () => {
  it('periods and quotes cut from a large text, read or copied, do not keep it in memory', () => {
    // In a Node of its own, with the garbage collector at hand: the live heap after reading a few
    // periods and quotes cut from a 20 MB text, and copies of the quotes, once the text itself is
    // gone. Left as V8 slices, the cached keys (period.ts, chineseNumber.ts) or the copies would
    // keep all of it.
    const period = fileURLToPath(new URL('../../src/domain/period.ts', import.meta.url))
    const chineseNumber = fileURLToPath(new URL('../../src/domain/chineseNumber.ts', import.meta.url))
    const detached = fileURLToPath(new URL('../../src/io/detachedString.ts', import.meta.url))
    const script = `
      import { parsePeriod } from ${JSON.stringify(period)}
      import { findQuantities } from ${JSON.stringify(chineseNumber)}
      import { detachedString } from ${JSON.stringify(detached)}
      const kept = []
      const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed }
      const before = heap()
      ;(() => {
        const lines = []
        for (let i = 0; i < 200000; i++)
          lines.push('2023-01..2023-' + String((i % 12) + 1).padStart(2, '0') + ',大市口街道完成项目投资' + i + '.5亿元，同比增长' + (i % 9) + '.2%')
        const big = lines.join('\\n')
        let at = 0
        for (let k = 0; k < 24; k++) {
          const end = big.indexOf('\\n', at)
          const comma = big.indexOf(',', at)
          parsePeriod(big.slice(at, comma))
          // Twice: a quote is cached the second time it is read.
          findQuantities(big.slice(comma + 1, end))
          findQuantities(big.slice(comma + 1, end))
          kept.push(detachedString(big.slice(comma + 1, end)))
          at = end + 1
        }
      })()
      console.log(JSON.stringify({ retainedMB: (heap() - before) / 1e6, kept: kept.length }))
    `
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    })
    const { retainedMB } = JSON.parse(output.trim().split('\n').pop() ?? '{}') as { retainedMB: number }
    expect(retainedMB).toBeLessThan(4)
  }, 30_000)
})
