import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { plainText, pptxDeck, type DeckSlide } from '../../src/export/pptxDeck'
import { zipArchive } from '../../src/export/zipArchive'

// A 1×1 white PNG.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC'
const PAYLOAD = '<img src=x onerror=alert(1)> & "引号"\u0001'

function slide(title: string, notes: string): DeckSlide {
  return {
    title,
    subtitle: '单位：%',
    footnote: `来源：${title}`,
    notes,
    altText: title,
    render: async () => ({ dataUrl: PNG, width: 1120, height: 490 }),
  }
}

async function files(blob: Blob): Promise<Record<string, string>> {
  const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()))
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, name.endsWith('.xml') || name.endsWith('.rels') ? strFromU8(bytes) : '']))
}

describe('the PPTX deck', () => {
  it('has a title slide and one slide per chart, with pictures, footnotes and notes; data stays text', async () => {
    const progress: string[] = []
    const blob = await pptxDeck(
      {
        title: `街道指标看板：${PAYLOAD}`,
        lines: ['地区：大市口街道', '期间：2023年1-10月', '生成日期：2024年5月1日'],
        slides: [slide('项目投资', `大市口街道 · 项目投资：完成：4.32亿元\n原文：“${PAYLOAD}”`), slide(PAYLOAD, 'b')],
      },
      { onProgress: (p) => progress.push(`${p.done}/${p.total}`) },
    )
    expect(progress).toEqual(['0/2', '1/2', '2/2'])
    const xml = await files(blob)
    const slides = Object.keys(xml).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    expect(slides).toHaveLength(3)
    expect(xml['ppt/slides/slide1.xml']).toContain('地区：大市口街道')
    for (const n of [2, 3]) {
      expect(xml[`ppt/slides/slide${n}.xml`]).toContain('<p:pic>')
      expect(xml[`ppt/slides/_rels/slide${n}.xml.rels`]).toMatch(/notesSlide/)
    }
    const all = Object.values(xml).join('\n')
    expect(all).not.toContain('<img')
    expect(all).toContain('&lt;img src=x onerror=alert(1)&gt; &amp;')
    expect(all).not.toContain('\u0001')
    const notes = Object.entries(xml).filter(([n]) => n.startsWith('ppt/notesSlides/notesSlide')).map(([, x]) => x).join('\n')
    expect(notes).toContain('完成：4.32亿元')
  })

  it('puts a text slide (the bulletin) after the title, with its quotes in the notes', async () => {
    const xml = await files(
      await pptxDeck({
        title: '通报',
        lines: [],
        slides: [slide('项目投资', 'n')],
        textSlides: [{ title: '通报', body: `1-10月，大市口街道完成项目投资4.32亿元。${PAYLOAD}`, notes: '4.32亿元: 1-10月,完成项目投资4.32亿元' }],
      }),
    )
    expect(xml['ppt/slides/slide2.xml']).toContain('大市口街道完成项目投资4.32亿元')
    expect(xml['ppt/slides/slide2.xml']).toContain('&lt;img')
    expect(xml['ppt/slides/slide3.xml']).toContain('<p:pic>')
    const notes = Object.entries(xml).filter(([n]) => n.startsWith('ppt/notesSlides/')).map(([, x]) => x).join('\n')
    expect(notes).toContain('完成项目投资4.32亿元')
  })

  it('stops with an AbortError when cancelled, before or between slides', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(pptxDeck({ title: 't', lines: [], slides: [slide('a', 'b')] }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
    const between = new AbortController()
    const slow: DeckSlide = { ...slide('a', 'b'), render: async () => (between.abort(), { dataUrl: PNG, width: 1, height: 1 }) }
    await expect(pptxDeck({ title: 't', lines: [], slides: [slow, slide('c', 'd')] }, { signal: between.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })
  })

  it('keeps line breaks and tabs but drops other control characters', () => {
    expect(plainText('a\nb\tc\u0000d\u001be')).toBe('a\nb\tcde')
  })
})

describe('the ZIP of a view', () => {
  it('holds one file per entry under unique names, with progress, and can be cancelled', async () => {
    const progress: number[] = []
    const blob = await zipArchive(
      ['a.png', 'a.png', 'b.png'].map((name) => ({ name, render: async () => new Blob([name]) })),
      { onProgress: (p) => progress.push(p.done) },
    )
    expect(progress).toEqual([0, 1, 2, 3])
    expect(Object.keys(unzipSync(new Uint8Array(await blob.arrayBuffer())))).toEqual(['a.png', 'a (2).png', 'b.png'])
    const controller = new AbortController()
    const entries = [1, 2, 3].map((i) => ({ name: `${i}.png`, render: async () => (i === 1 && controller.abort(), new Blob([String(i)])) }))
    await expect(zipArchive(entries, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
  })
})
