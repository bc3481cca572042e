/**
 * The bulletin as a Word document (.docx): the same segments as the screen, figures in bold
 * (projections in italics), and a footnote per figure quoting the source clauses it rests on.
 * Loaded lazily by the view: the docx library never reaches the initial bundle.
 */
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { LocaleCode } from '../domain/model'
import type { Paragraph as BulletinParagraph } from './bulletinText'

export interface DocxOptions {
  locale: LocaleCode
  title: string
  /** The title of a source document, to name it in footnotes. */
  documentTitle: (documentId: string) => string | null
}

export async function bulletinToDocx(paragraphs: readonly BulletinParagraph[], options: DocxOptions): Promise<Blob> {
  const zh = options.locale === 'zh-CN'
  const footnotes: Record<number, { children: Paragraph[] }> = {}
  let next = 1
  const body = paragraphs.map((paragraph) => {
    const runs: (TextRun | FootnoteReferenceRun)[] = []
    paragraph.forEach((sentence, i) => {
      if (i > 0 && !zh) runs.push(new TextRun(' '))
      for (const segment of sentence) {
        if (segment.kind === 'text') {
          runs.push(new TextRun(segment.text))
          continue
        }
        runs.push(new TextRun({ text: segment.text, bold: true, italics: segment.projection }))
        const quotes = [
          ...new Set(
            segment.sources.flatMap((s) => {
              if (s.quote === null) return []
              const title = s.documentId === null ? null : options.documentTitle(s.documentId)
              const quoted = zh ? `「${s.quote}」` : `“${s.quote}”`
              return [title === null ? quoted : zh ? `${quoted}（《${title}》）` : `${quoted} (${title})`]
            }),
          ),
        ]
        if (quotes.length > 0) {
          footnotes[next] = { children: [new Paragraph(quotes.join(zh ? '；' : '; '))] }
          runs.push(new FootnoteReferenceRun(next))
          next += 1
        }
      }
    })
    // Chinese report paragraphs open with a two-character indent.
    return new Paragraph({ children: runs, ...(zh ? { indent: { firstLine: 480 } } : {}), spacing: { line: 360 } })
  })
  const doc = new Document({
    creator: zh ? '街道指标看板' : 'Street Indicator Dashboard',
    title: options.title,
    footnotes,
    sections: [{ children: [new Paragraph({ text: options.title, heading: HeadingLevel.HEADING_1 }), ...body] }],
  })
  return Packer.toBlob(doc)
}
