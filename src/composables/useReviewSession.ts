/**
 * The state of one review: the text under review, the report's year and date, the source, the
 * figures the extractor found in it and what the reviewer made of each (ticked, corrected, added).
 *
 * Figures are keyed by where they start in the text: extraction is redone when the year or the date
 * changes (they decide periods such as 今年以来), and a reviewer's ticks and corrections stay with
 * the figure at the same place. A new text starts a new review.
 */
import { computed, effectScope, ref, shallowRef, watch } from 'vue'
import { extractFigures, type Candidate, type Role } from '../extract'
import type { PeriodContext } from '../domain/period'
import type { ValidationIssue } from '../io/validationIssue'
import {
  applyEdit,
  effectiveFields,
  guessReportYear,
  isEdited,
  type ReviewEdit,
  type ReviewFields,
} from '../components/review/reviewRows'

/** Longest text reviewed at once, in characters (a long work report is 20,000; ten newspaper pages 60,000): extracting and drawing this much takes one to two seconds. */
export const MAX_REVIEW_CHARS = 60_000
const MIN_YEAR = 1990
const MAX_YEAR = 2100

export interface ReviewItem {
  /** Where the figure starts in the text: its identity within the review. */
  key: number
  candidate: Candidate
  /** The editable fields as they stand (the reading, or the reviewer's correction). */
  fields: ReviewFields
  edited: boolean
  selected: boolean
  /** Already added to the dataset from this review. */
  added: boolean
  /** Problems the last attempt to add it found. */
  issues: ValidationIssue[]
}

export type EditableField = 'subject' | 'indicator' | 'period'

const NO_ISSUES: ValidationIssue[] = []

/** The same reading of the same figure (extraction again after a change of year gives new objects). */
function sameCandidate(a: Candidate, b: Candidate): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

function createReviewSession() {
  /** The text box, the source and the report's date as the reviewer types them. */
  const draft = ref('')
  const source = ref('')
  const yearText = ref(String(new Date().getFullYear()))
  const yearTouched = ref(false)
  /** Month of the report's date (1-12), or null when not stated. */
  const asOfMonth = ref<number | null>(null)

  /** The text under review (what the offsets point into), or null before the first extraction. */
  const text = shallowRef<string | null>(null)
  const edits = ref<Record<number, ReviewEdit>>({})
  const selected = ref<ReadonlySet<number>>(new Set())
  const added = ref<ReadonlySet<number>>(new Set())
  const issues = shallowRef<ReadonlyMap<number, ValidationIssue[]>>(new Map())

  const year = computed<number | null>(() => {
    const trimmed = yearText.value.trim()
    if (!/^\d{4}$/.test(trimmed)) return null
    const n = Number(trimmed)
    return n >= MIN_YEAR && n <= MAX_YEAR ? n : null
  })

  const context = computed<PeriodContext | null>(() => {
    const y = year.value
    if (y === null) return null
    return asOfMonth.value === null ? { year: y } : { year: y, asOf: { year: y, month: asOfMonth.value } }
  })

  /** Extracted again when the text, the year or the date changes; a half-typed year keeps the last result. */
  const candidates = shallowRef<Candidate[]>([])
  watch([text, context], ([t, ctx]) => {
    if (t === null) candidates.value = []
    else if (ctx !== null) candidates.value = extractFigures(t, ctx)
  })

  /**
   * One item per figure. An item whose figure, correction and state are unchanged is the same
   * object as before, so the row and the highlight showing it are not drawn again: a keystroke in
   * one row of a long report redraws that row, not hundreds.
   */
  let previous = new Map<number, { item: ReviewItem; edit: ReviewEdit | undefined }>()
  const items = computed<ReviewItem[]>(() => {
    const next = new Map<number, { item: ReviewItem; edit: ReviewEdit | undefined }>()
    const list = candidates.value.map((candidate) => {
      const key = candidate.start
      const edit = edits.value[key]
      const isSelected = selected.value.has(key)
      const isAdded = added.value.has(key)
      const itemIssues = issues.value.get(key) ?? NO_ISSUES
      const before = previous.get(key)
      const old = before?.item
      const reused =
        old !== undefined &&
        before?.edit === edit &&
        old.selected === isSelected &&
        old.added === isAdded &&
        old.issues === itemIssues &&
        sameCandidate(old.candidate, candidate)
      const item: ReviewItem = reused
        ? old
        : {
            key,
            candidate,
            fields: effectiveFields(candidate, edit),
            edited: isEdited(candidate, edit),
            selected: isSelected,
            added: isAdded,
            issues: itemIssues,
          }
      next.set(key, { item, edit })
      return item
    })
    previous = next
    return list
  })

  const selectedItems = computed(() => items.value.filter((i) => i.selected))

  /** The ticked figures as the reviewer corrected them, in text order. */
  const acceptedCandidates = computed(() => selectedItems.value.map((i) => applyEdit(i.candidate, edits.value[i.key])))

  /** Starts a review of the text in the box. Returns false when there is nothing (or too much) to review. */
  function start(): boolean {
    const next = draft.value
    if (next.trim() === '' || next.length > MAX_REVIEW_CHARS) return false
    if (!yearTouched.value) {
      const guessed = guessReportYear(next)
      if (guessed !== null) yearText.value = String(guessed)
    }
    if (next !== text.value) {
      edits.value = {}
      selected.value = new Set()
      added.value = new Set()
      issues.value = new Map()
    }
    text.value = next
    return true
  }

  function dropIssues(key: number): void {
    if (!issues.value.has(key)) return
    const next = new Map(issues.value)
    next.delete(key)
    issues.value = next
  }

  function setField(key: number, field: EditableField, value: string): void {
    edits.value = { ...edits.value, [key]: { ...edits.value[key], [field]: value } }
    dropIssues(key)
  }

  function setRole(key: number, role: Role): void {
    edits.value = { ...edits.value, [key]: { ...edits.value[key], role } }
    dropIssues(key)
  }

  /** Back to what the extractor read. */
  function revert(key: number): void {
    const next = { ...edits.value }
    delete next[key]
    edits.value = next
    dropIssues(key)
  }

  function setSelected(key: number, on: boolean): void {
    const next = new Set(selected.value)
    if (on) next.add(key)
    else next.delete(key)
    selected.value = next
  }

  /** Ticks every figure not yet added, or unticks all. */
  function selectAll(on: boolean): void {
    selected.value = on ? new Set(items.value.filter((i) => !i.added).map((i) => i.key)) : new Set()
  }

  /** The problems of the last attempt, by figure key (empty: none). */
  function setIssues(next: ReadonlyMap<number, ValidationIssue[]>): void {
    issues.value = next
  }

  /** The figures were added: they stay listed, marked as added and unticked. */
  function markAdded(keys: readonly number[]): void {
    const nextAdded = new Set(added.value)
    const nextSelected = new Set(selected.value)
    for (const key of keys) {
      nextAdded.add(key)
      nextSelected.delete(key)
    }
    added.value = nextAdded
    selected.value = nextSelected
    issues.value = new Map()
  }

  return {
    candidates,
    draft,
    source,
    yearText,
    yearTouched,
    asOfMonth,
    year,
    context,
    text,
    items,
    selectedItems,
    acceptedCandidates,
    start,
    setField,
    setRole,
    revert,
    setSelected,
    selectAll,
    setIssues,
    markAdded,
  }
}

export type ReviewSession = ReturnType<typeof createReviewSession>

let shared: ReviewSession | null = null

/**
 * The page's one review, kept while the user looks elsewhere (the data table, a chart) and comes
 * back; gone with a reload. Its watcher lives in a detached scope, not in the first view's.
 */
export function useReviewSession(): ReviewSession {
  shared ??= effectScope(true).run(createReviewSession) ?? createReviewSession()
  return shared
}
