/**
 * What the overview shows: every figure of the chosen region and period as a card, grouped by
 * category, with how many have a target and how many of those are at or above 序时进度.
 *
 * A large table has thousands of figures in a scope (360,000 with no region or period chosen), and
 * a card each would take the page minutes to draw and nobody could read it: each category shows its
 * first OVERVIEW_PAGE cards, more on request up to OVERVIEW_MAX_PER_GROUP, and says how many it
 * holds. The counts come from one pass over the scope, kept per scope; cards are made only for the
 * figures shown.
 */
import type { CategoryId, Dataset, Observation } from '../domain/model'
import { CATEGORIES } from '../domain/model'
import type { DatasetIndex } from '../domain/datasetIndex'
import { buildObservationRows, type ObservationRow } from '../domain/observationRow'
import { observationsInScope, positionsInScope, type Scope } from '../domain/scope'
import { statusLookup } from '../domain/statusIndex'

/** Cards shown per category at first, and added by each "show more". */
export const OVERVIEW_PAGE = 20
/** Never more cards per category than this at once; beyond, the reader narrows the scope. */
export const OVERVIEW_MAX_PER_GROUP = 100

export interface OverviewGroup {
  category: CategoryId
  /** Figures of the category in scope. */
  total: number
  /** The first of them, in data order, as many as asked for (at most OVERVIEW_MAX_PER_GROUP). */
  rows: ObservationRow[]
}

export interface OverviewModel {
  /** Figures in scope. */
  total: number
  /** Figures with a target (and an actual): those with a status. */
  assessed: number
  /** Of those, ahead of or on 序时进度. */
  atOrAbove: number
  /** The subject's name is on the card unless every figure is about the chosen region itself. */
  showSubject: boolean
  /** Categories with figures, in the order of CATEGORIES. */
  groups: OverviewGroup[]
}

/** The counts of one scope, and where its figures are (positions in the index's own list). */
interface ScopeSummary {
  positions: readonly number[]
  totals: ReadonlyMap<CategoryId, number>
  total: number
  assessed: number
  atOrAbove: number
  showSubject: boolean
}

/** A few scopes per dataset index, most recent last: going back to a scope is instant. */
const SUMMARIES_KEPT = 8
const summaries = new WeakMap<DatasetIndex, Map<string, ScopeSummary>>()

/** Figures whose subject and indicator resolve (buildObservationRows' rule), with their category. */
function categoryOf(o: Observation, index: DatasetIndex): CategoryId | null {
  if (!index.subjects.has(o.subjectId)) return null
  return index.indicators.get(o.indicatorId)?.category ?? null
}

function summarize(index: DatasetIndex, scope: Scope): ScopeSummary {
  const positions = positionsInScope(index, scope)
  const status = statusLookup(index)
  const totals = new Map<CategoryId, number>()
  let total = 0
  let assessed = 0
  let atOrAbove = 0
  let showSubject = false
  for (const p of positions) {
    const o = index.observations[p] as Observation
    const category = categoryOf(o, index)
    if (category === null) continue
    total++
    totals.set(category, (totals.get(category) ?? 0) + 1)
    if (o.subjectId !== scope.regionId) showSubject = true
    const s = status(p)
    if (s !== null) {
      assessed++
      if (s !== 'behind') atOrAbove++
    }
  }
  return { positions, totals, total, assessed, atOrAbove, showSubject }
}

function scopeSummary(index: DatasetIndex, scope: Scope): ScopeSummary {
  let kept = summaries.get(index)
  if (kept === undefined) {
    kept = new Map()
    summaries.set(index, kept)
  }
  const key = `${scope.regionId ?? ''}\u0000${scope.periodKey ?? ''}`
  let summary = kept.get(key)
  if (summary === undefined) {
    summary = summarize(index, scope)
    if (kept.size >= SUMMARIES_KEPT) kept.delete(kept.keys().next().value as string)
  } else kept.delete(key)
  kept.set(key, summary)
  return summary
}

/** How many cards a category shows: asked for, at least one page, at most the cap and what it has. */
function shownCount(asked: number | undefined, total: number): number {
  return Math.min(total, OVERVIEW_MAX_PER_GROUP, Math.max(OVERVIEW_PAGE, asked ?? OVERVIEW_PAGE))
}

/**
 * The overview of a scope. `shown` says how many cards each category was asked to show (one page
 * when absent). Observations other than the index's own are scanned as given (same answers).
 */
export function buildOverview(
  dataset: Dataset,
  index: DatasetIndex,
  scope: Scope,
  shown: ReadonlyMap<CategoryId, number> = new Map(),
): OverviewModel {
  if (dataset.observations !== index.observations) {
    const rows = buildObservationRows(observationsInScope(dataset, index, scope), index)
    const groups = CATEGORIES.flatMap((category): OverviewGroup[] => {
      const all = rows.filter((r) => r.indicator.category === category)
      return all.length === 0 ? [] : [{ category, total: all.length, rows: all.slice(0, shownCount(shown.get(category), all.length)) }]
    })
    const assessed = rows.filter((r) => r.status !== null)
    return {
      total: rows.length,
      assessed: assessed.length,
      atOrAbove: assessed.filter((r) => r.status !== 'behind').length,
      showSubject: rows.some((r) => r.subject.id !== scope.regionId),
      groups,
    }
  }
  const summary = scopeSummary(index, scope)
  // The first figures of each category, in data order: a walk that stops once every category has
  // its share, so a page of cards never reads the whole scope.
  const wanted = new Map<CategoryId, number>()
  let missing = 0
  for (const [category, total] of summary.totals) {
    const n = shownCount(shown.get(category), total)
    wanted.set(category, n)
    missing += n
  }
  const picked = new Map<CategoryId, Observation[]>()
  for (let i = 0; i < summary.positions.length && missing > 0; i++) {
    const o = index.observations[summary.positions[i] as number] as Observation
    const category = categoryOf(o, index)
    if (category === null) continue
    const list = picked.get(category) ?? []
    if (list.length >= (wanted.get(category) ?? 0)) continue
    list.push(o)
    picked.set(category, list)
    missing--
  }
  const groups = CATEGORIES.flatMap((category): OverviewGroup[] => {
    const total = summary.totals.get(category) ?? 0
    return total === 0 ? [] : [{ category, total, rows: buildObservationRows(picked.get(category) ?? [], index) }]
  })
  return {
    total: summary.total,
    assessed: summary.assessed,
    atOrAbove: summary.atOrAbove,
    showSubject: summary.showSubject,
    groups,
  }
}
