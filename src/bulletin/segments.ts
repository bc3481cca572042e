/**
 * A generated bulletin sentence is a list of segments rather than a string, so that the view can
 * link every figure to the quote it comes from ("which document says so?") and mark projections,
 * while plain text, Markdown and Word renderers all read the same structure.
 */
import type { EvidenceField, Observation } from '../domain/model'
import type { ProgressStatus } from '../domain/progress'

/** What a figure is, so a renderer can style or explain it. */
export type FigureRole =
  | 'actual'
  | 'target'
  | 'completion' // 完成率, %
  | 'gap' // 完成率 − 序时进度, percentage points
  | 'yoy' // 同比, %
  | 'rank'
  | 'count' // how many streets …
  | 'total' // a district's sum
  | 'average' // a district's mean
  | 'projected' // year-end projection
  | 'projected-completion' // projection ÷ target, %
  | 'monthly-needed' // 还需月均完成

/** One stated figure behind a segment: the observation, the field, and the exact source clause. */
export interface FigureSource {
  observationId: string
  field: EvidenceField
  /** The quote from `Observation.evidence`; null when the observation has none for this field. */
  quote: string | null
  documentId: string | null
}

export interface TextSegment {
  kind: 'text'
  text: string
}

export interface FigureSegment {
  kind: 'figure'
  /** The figure as printed, with its unit and qualifier: "4.32亿元", "86.9%", "3.6个百分点", "第一". */
  text: string
  role: FigureRole
  /** The unrounded value behind the text, in base units (percent and points as plain numbers). */
  value: number
  /** Computed from stated figures (完成率, gaps, sums) rather than stated by a source. */
  derived: boolean
  /** An estimate (year-end projection): the view must mark it, never show it as a fact. */
  projection: boolean
  /** Every stated figure it rests on; a 完成率 rests on the actual and the target. */
  sources: FigureSource[]
  /** For a gap: the 超序时/达序时/滞后 status it expresses (direction-aware); null otherwise. */
  status: ProgressStatus | null
}

export type Segment = TextSegment | FigureSegment

export function text(value: string): TextSegment {
  return { kind: 'text', text: value }
}

export interface FigureInit {
  role: FigureRole
  value: number
  sources: FigureSource[]
  derived?: boolean
  projection?: boolean
  status?: ProgressStatus | null
}

export function figure(printed: string, init: FigureInit): FigureSegment {
  return {
    kind: 'figure',
    text: printed,
    role: init.role,
    value: init.value,
    derived: init.derived ?? false,
    projection: init.projection ?? false,
    sources: init.sources,
    status: init.status ?? null,
  }
}

/** The evidence of one field of an observation, as a figure source. */
export function sourceOf(observation: Observation, field: EvidenceField): FigureSource {
  return {
    observationId: observation.id,
    field,
    quote: observation.evidence.find((e) => e.field === field)?.quote ?? null,
    documentId: observation.documentId,
  }
}

/** Adjacent text segments merged and empty ones dropped, so equal sentences have equal segments. */
export function normalizeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = []
  for (const segment of segments) {
    if (segment.kind === 'text') {
      if (segment.text === '') continue
      const last = out[out.length - 1]
      if (last?.kind === 'text') {
        out[out.length - 1] = text(last.text + segment.text)
        continue
      }
    }
    out.push(segment)
  }
  return out
}

/** Parts joined with a separator between them: clauses with "；", names with "、". */
export function joinSegments(parts: readonly (readonly Segment[])[], separator: string): Segment[] {
  const out: Segment[] = []
  parts.forEach((part, i) => {
    if (i > 0) out.push(text(separator))
    out.push(...part)
  })
  return normalizeSegments(out)
}

/** The text of segments, as printed. */
export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join('')
}

/** The figures among segments, in reading order. */
export function figuresOf(segments: readonly Segment[]): FigureSegment[] {
  return segments.filter((s): s is FigureSegment => s.kind === 'figure')
}
