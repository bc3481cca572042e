/**
 * A PowerPoint deck of a view's charts through `pptxgenjs`, loaded on demand: 16:9, a title slide
 * (what, region, period, date), then one slide per chart with its title as slide text, the chart as
 * an image, the sources as a footnote, and speaker notes holding the figures and their quotes.
 * Every text is a plain text run: nothing from the data is read as markup.
 */
import { throwIfAborted, type ArchiveOptions } from './zipArchive'

/** LAYOUT_WIDE: 13.333 × 7.5 inches. */
export const SLIDE_WIDTH_IN = 13.333
export const SLIDE_HEIGHT_IN = 7.5
const MARGIN_IN = 0.5
/** Where the chart image goes on a slide. */
export const IMAGE_BOX = { x: MARGIN_IN, y: 1.3, w: SLIDE_WIDTH_IN - 2 * MARGIN_IN, h: 5.4 } as const

export interface SlideImage {
  /** A data URL (image/png;base64). */
  dataUrl: string
  width: number
  height: number
}

export interface DeckSlide {
  title: string
  /** Unit and period. */
  subtitle: string
  /** Sources. */
  footnote: string
  notes: string
  /** Alternative text of the image. */
  altText: string
  render: () => Promise<SlideImage>
}

/** A slide of text, e.g. the bulletin (通报) written from the same data, placed before the charts. */
export interface TextSlide {
  title: string
  body: string
  notes: string
}

export interface DeckInput {
  title: string
  /** Region, period, date: one line each on the title slide. */
  lines: readonly string[]
  slides: readonly DeckSlide[]
  textSlides?: readonly TextSlide[]
  /** Fonts that have the Chinese glyphs on Windows and macOS; PowerPoint falls back per glyph. */
  fontFace?: string
  lang?: string
}

/** Text as PowerPoint's XML can hold it: control characters (other than line breaks and tabs) removed. */
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
}

/** The image's box on the slide: as large as fits, centred, its aspect ratio kept. */
export function fitImage(width: number, height: number, box: { x: number; y: number; w: number; h: number } = IMAGE_BOX) {
  const scale = Math.min(box.w / width, box.h / height)
  const w = width * scale
  const h = height * scale
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h }
}

export async function pptxDeck(input: DeckInput, options: ArchiveOptions = {}): Promise<Blob> {
  const { signal, onProgress } = options
  throwIfAborted(signal)
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = plainText(input.title)
  const fontFace = input.fontFace ?? 'Microsoft YaHei'
  const lang = input.lang ?? 'zh-CN'
  pptx.theme = { headFontFace: fontFace, bodyFontFace: fontFace }
  const text = { fontFace, lang, color: '1F2328' }

  const cover = pptx.addSlide()
  cover.addText(plainText(input.title), { ...text, x: MARGIN_IN, y: 2.2, w: SLIDE_WIDTH_IN - 2 * MARGIN_IN, h: 1.2, fontSize: 36, bold: true })
  cover.addText(plainText(input.lines.join('\n')), {
    ...text,
    x: MARGIN_IN,
    y: 3.6,
    w: SLIDE_WIDTH_IN - 2 * MARGIN_IN,
    h: 1.6,
    fontSize: 18,
    color: '57606A',
    valign: 'top',
  })

  for (const spec of input.textSlides ?? []) {
    const slide = pptx.addSlide()
    slide.addText(plainText(spec.title), { ...text, x: MARGIN_IN, y: 0.3, w: SLIDE_WIDTH_IN - 2 * MARGIN_IN, h: 0.6, fontSize: 24, bold: true })
    slide.addText(plainText(spec.body), {
      ...text,
      x: MARGIN_IN,
      y: 1.1,
      w: SLIDE_WIDTH_IN - 2 * MARGIN_IN,
      h: 5.9,
      fontSize: 18,
      valign: 'top',
      lineSpacingMultiple: 1.3,
      fit: 'shrink',
    })
    if (spec.notes !== '') slide.addNotes(plainText(spec.notes))
  }

  const total = input.slides.length
  onProgress?.({ done: 0, total })
  for (const [i, spec] of input.slides.entries()) {
    throwIfAborted(signal)
    const image = await spec.render()
    const slide = pptx.addSlide()
    slide.addText(plainText(spec.title), { ...text, x: MARGIN_IN, y: 0.3, w: SLIDE_WIDTH_IN - 2 * MARGIN_IN, h: 0.6, fontSize: 24, bold: true, fit: 'shrink' })
    if (spec.subtitle !== '')
      slide.addText(plainText(spec.subtitle), { ...text, x: MARGIN_IN, y: 0.85, w: SLIDE_WIDTH_IN - 2 * MARGIN_IN, h: 0.35, fontSize: 13, color: '57606A' })
    slide.addImage({ data: image.dataUrl, altText: plainText(spec.altText), ...fitImage(image.width, image.height) })
    if (spec.footnote !== '')
      slide.addText(plainText(spec.footnote), { ...text, x: MARGIN_IN, y: 6.8, w: SLIDE_WIDTH_IN - 2 * MARGIN_IN, h: 0.5, fontSize: 11, color: '57606A', fit: 'shrink' })
    if (spec.notes !== '') slide.addNotes(plainText(spec.notes))
    onProgress?.({ done: i + 1, total })
  }
  throwIfAborted(signal)
  const out = await pptx.write({ outputType: 'blob', compression: true })
  throwIfAborted(signal)
  if (!(out instanceof Blob)) throw new TypeError('pptxgenjs returned no Blob')
  return out
}
