import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { escapeMarkdown, paragraphText, toMarkdown, toPlainText, type Paragraph } from '../../src/bulletin/bulletinText'
import { buildRegionBulletin, bulletinSentences } from '../../src/bulletin/regionBulletin'
import { figure, joinSegments, normalizeSegments, text, type FigureSource } from '../../src/bulletin/segments'
import { buildDatasetIndex } from '../../src/domain/datasetIndex'
import type { LocaleCode } from '../../src/domain/model'
import { validateDatasetText } from '../../src/io/validateDataset'

const loaded = validateDatasetText(readFileSync('data/dataset.json', 'utf8'), 'data/dataset.json').dataset
if (!loaded) throw new Error('the seed dataset does not validate')
const dataset = loaded
const index = buildDatasetIndex(dataset)
const JAN_OCT = { start: { year: 2023, month: 1 }, end: { year: 2023, month: 10 } }

function seedParagraph(locale: LocaleCode): Paragraph {
  return bulletinSentences(buildRegionBulletin(dataset, index, { subjectId: 'dashikou', period: JAN_OCT, locale, projections: true }))
}

describe('segments', () => {
  it('merges adjacent text and drops empty text', () => {
    const f = figure('1件', { role: 'actual', value: 1, sources: [] })
    expect(normalizeSegments([text('a'), text(''), text('b'), f, text('c')])).toEqual([text('ab'), f, text('c')])
  })

  it('joins parts with a separator', () => {
    expect(joinSegments([[text('甲')], [text('乙')], [text('丙')]], '、')).toEqual([text('甲、乙、丙')])
  })
})

describe('plain text', () => {
  it.each<[LocaleCode, string]>([
    ['zh-CN', '位列京口区第一。（预测）按目前进度测算'],
    ['en', 'ranking first in Jingkou District. (Projection) At the current pace'],
  ])('runs sentences on as the language does (%s)', (locale, join) => {
    expect(paragraphText(seedParagraph(locale), locale)).toContain(join)
  })

  it('separates paragraphs with a blank line and skips empty ones', () => {
    const a: Paragraph = [[text('甲。')]]
    const b: Paragraph = [[text('乙。')], [text('丙。')]]
    expect(toPlainText([a, [], b], 'zh-CN')).toBe('甲。\n\n乙。丙。')
    expect(toPlainText([a, b], 'en')).toBe('甲。\n\n乙。 丙。')
  })
})

describe('Markdown', () => {
  const title = (id: string): string | null => (id === '000_bd2e9a7aa564cbf7' ? '镇江报道' : null)

  it('cites the quotes behind each figure in footnotes and sets projections in italics (zh)', () => {
    expect(toMarkdown([seedParagraph('zh-CN')], { locale: 'zh-CN', title: '大市口街道 2023年1-10月', documentTitle: title })).toBe(
      [
        '# 大市口街道 2023年1-10月',
        '',
        '1-10月，大市口街道完成项目投资4.32亿元[^1]，占年度计划的86.9%[^2]，超序时进度3.6个百分点[^2]；' +
          '限上批发业商品销售额增幅43.7%[^3]，位列京口区第一[^4]。' +
          '（预测）按目前进度测算，大市口街道全年项目投资预计完成*5.18亿元*[^1]，为年度计划的*104.3%*[^2]，可完成年度计划；完成年度计划还需月均完成*0.33亿元*[^2]。',
        '',
        '[^1]: 「1-10月,完成项目投资4.32亿元」（《镇江报道》）',
        '[^2]: 「1-10月,完成项目投资4.32亿元」（《镇江报道》）；「当年计划投资4.97亿元」（《镇江报道》）',
        '[^3]: 「街道实现限上批发业商品销售额增幅43.7%」（《镇江报道》）',
        '[^4]: 「位列京口区第一」（《镇江报道》）',
        '',
      ].join('\n'),
    )
  })

  it('English quotes and no title', () => {
    const md = toMarkdown([seedParagraph('en')], { locale: 'en' })
    expect(md.startsWith('In January–October, Dashikou Subdistrict completed project investment of CNY 432 million[^1], 86.9%[^2] of')).toBe(true)
    expect(md).toContain('would reach *CNY 518.4 million*[^1] for the full year')
    expect(md).toContain('[^3]: “街道实现限上批发业商品销售额增幅43.7%”\n')
  })

  it('without footnotes is the plain text with projections in italics', () => {
    const md = toMarkdown([seedParagraph('zh-CN')], { locale: 'zh-CN', footnotes: false })
    expect(md).not.toContain('[^')
    expect(md.replace(/\*/g, '')).toBe(`${toPlainText([seedParagraph('zh-CN')], 'zh-CN')}\n`)
  })

  it('escapes markup characters in text, figures and quotes', () => {
    const source: FigureSource = { observationId: 'o', field: 'actual', quote: '完成*100*件 [注]', documentId: null }
    const paragraph: Paragraph = [[text('a_b <c> # '), figure('100件', { role: 'actual', value: 100, sources: [source] })]]
    expect(toMarkdown([paragraph], { locale: 'zh-CN' })).toBe('a\\_b \\<c\\> \\# 100件[^1]\n\n[^1]: 「完成\\*100\\*件 \\[注\\]」\n')
    expect(escapeMarkdown('`x`|y~!')).toBe('\\`x\\`\\|y\\~\\!')
  })
})
