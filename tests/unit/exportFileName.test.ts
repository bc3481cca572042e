import { describe, expect, it } from 'vitest'
import { MAX_STEM_BYTES, safeFileName, safeNamePart, truncateUtf8, uniqueFileNames } from '../../src/export/fileName'
import { imageDimensions } from '../../src/export/imageSettings'

const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/

describe('export file names', () => {
  it('joins region, indicator and period into a meaningful name', () => {
    expect(safeFileName(['大市口街道', '项目投资', '2023年1-10月'], 'png')).toBe('大市口街道-项目投资-2023年1-10月.png')
    expect(safeFileName(['Dashikou Subdistrict', 'Project investment', 'Jan–Oct 2023'], 'csv')).toBe(
      'Dashikou Subdistrict-Project investment-Jan–Oct 2023.csv',
    )
  })

  it('never yields a path or a character Windows refuses', () => {
    expect(safeFileName(['../a<b>:*?'], 'png')).toBe('a_b.png')
    for (const nasty of ['..\\..\\evil', 'a/b', 'x:y', 'q"uote', 'pipe|', 'tab\there', 'nul\u0000', 'cr\r\nlf', '  .hidden. ']) {
      const name = safeFileName([nasty], 'svg')
      expect(name.slice(0, -4)).not.toMatch(FORBIDDEN)
      expect(name).not.toMatch(/^[.\s]|[.\s]\.svg$/)
    }
  })

  it('removes bidirectional overrides that disguise an extension', () => {
    expect(safeFileName(['report\u202Egnp.exe'], 'png')).toBe('report_gnp.exe.png')
  })

  it('escapes reserved Windows device names, also with an extension', () => {
    expect(safeFileName(['CON'], 'png')).toBe('_CON.png')
    expect(safeFileName(['lpt1'], 'csv')).toBe('_lpt1.csv')
    expect(safeFileName(['com1.txt'], 'csv')).toBe('_com1.txt.csv')
    expect(safeFileName(['CONSOLE'], 'png')).toBe('CONSOLE.png')
  })

  it('caps the length in UTF-8 bytes without splitting a character', () => {
    const name = safeFileName(['街'.repeat(200), 'x'.repeat(50)], 'xlsx')
    const stem = name.slice(0, -'.xlsx'.length)
    expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(MAX_STEM_BYTES)
    expect(stem).toBe('街'.repeat(60))
    expect(truncateUtf8('a😀b', 4)).toBe('a')
    expect(truncateUtf8('a😀b', 5)).toBe('a😀')
  })

  it('falls back when nothing meaningful is left, and skips empty parts', () => {
    expect(safeFileName(['', null, '***'], 'png', '图表')).toBe('图表.png')
    expect(safeFileName(['大市口街道', '', '2023年'], 'png')).toBe('大市口街道-2023年.png')
    expect(safeNamePart('  a   b  ')).toBe('a b')
  })

  it('makes names unique within an archive, case-insensitively', () => {
    expect(uniqueFileNames(['a.png', 'A.png', 'a.png', 'b.png'])).toEqual(['a.png', 'A (2).png', 'a (3).png', 'b.png'])
  })
})

describe('export image sizes', () => {
  it('gives size × scale pixels for the slide presets, laid out larger-texted', () => {
    const d = imageDimensions('slide16x9', 2, { width: 900, height: 400 })
    expect(d).toMatchObject({ width: 1920, height: 1080, layoutWidth: 1280, layoutHeight: 720 })
    expect(d.layoutWidth * d.pixelRatio).toBe(3840)
    expect(d.layoutHeight * d.pixelRatio).toBe(2160)
    const s = imageDimensions('slide4x3', 3, { width: 900, height: 400 })
    expect([s.layoutWidth * s.pixelRatio, s.layoutHeight * s.pixelRatio]).toEqual([4320, 3240])
  })

  it('keeps the page layout "as shown"', () => {
    expect(imageDimensions('shown', 1, { width: 912.4, height: 380 })).toEqual({
      width: 912,
      height: 380,
      layoutWidth: 912,
      layoutHeight: 380,
      pixelRatio: 1,
    })
  })

  it('lowers the scale rather than exceed what a canvas can hold', () => {
    const d = imageDimensions('shown', 3, { width: 1200, height: 4900 })
    expect(d.layoutHeight * d.pixelRatio).toBeLessThanOrEqual(16000)
  })
})
