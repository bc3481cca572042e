/**
 * What the bulletin view writes: for a region and period, the region's sentence (and projections),
 * then a district summary per chosen indicator for the region's parent (or for the region itself
 * when it is the parent of the streets). Pure; the text itself comes from src/bulletin.
 */
import type { Dataset, Observation, Period, LocaleCode } from '../domain/model'
import type { DatasetIndex } from '../domain/datasetIndex'
import { periodKey } from '../domain/period'
import { countBy, mostFrequent } from '../domain/mostFrequent'
import { periodsOf } from '../domain/scope'
import {
  buildRegionBulletin,
  bulletinObservations,
  bulletinSentences,
  districtSummarySentences,
  summarizeDistrict,
  type Paragraph,
} from '../bulletin'

export interface BulletinChoice {
  regionId: string | null
  periodKey: string | null
  /** Indicators left out by the user (all others are written). */
  excluded: ReadonlySet<string>
  projections: boolean
  summaries: boolean
}

export interface BulletinModel {
  subjectId: string | null
  period: Period | null
  /** Periods the region has figures for, latest first. */
  periods: Period[]
  /** Indicators the region has figures for in the period, in bulletin order. */
  indicatorIds: string[]
  paragraphs: Paragraph[]
}

/** The region with most figures, per observation list: counting 360,000 rows on every change is slow. */
const busiestSubject = new WeakMap<readonly Observation[], string | null>()

/** The region a bulletin is about: the chosen one, or the one with most figures. */
export function bulletinSubject(dataset: Dataset, regionId: string | null): string | null {
  if (regionId !== null) return regionId
  let subjectId = busiestSubject.get(dataset.observations)
  if (subjectId === undefined) {
    subjectId = mostFrequent(countBy(dataset.observations, (o) => o.subjectId))
    busiestSubject.set(dataset.observations, subjectId)
  }
  return subjectId
}

/**
 * The observations of some subjects, in dataset order: from the index's per-subject positions when
 * given the index's own dataset, else by a scan.
 */
function observationsOf(dataset: Dataset, index: DatasetIndex, subjectIds: Iterable<string>): Observation[] {
  const ids = new Set(subjectIds)
  if (dataset.observations !== index.observations) return dataset.observations.filter((o) => ids.has(o.subjectId))
  const positions: number[] = []
  for (const id of ids) positions.push(...(index.positionsBySubject.get(id) ?? []))
  positions.sort((a, b) => a - b)
  return positions.map((p) => dataset.observations[p] as Observation)
}

/** The dataset with only some of its observations (the rest of it shared, not copied). */
function withObservations(dataset: Dataset, observations: Observation[]): Dataset {
  return { ...dataset, observations }
}

/** The default period: the chosen one if the region has figures in it, else the period of its first target. */
function bulletinPeriod(own: readonly Observation[], chosen: string | null): Period | null {
  const periods = periodsOf(own)
  if (chosen !== null) {
    const match = periods.find((p) => periodKey(p) === chosen)
    if (match) return match
  }
  const withTarget = own.find((o) => o.target !== null && o.actual !== null)
  if (withTarget) return withTarget.period
  // Otherwise the period with most figures: the bulletin with most to say.
  const top = mostFrequent(countBy(own, (o) => periodKey(o.period)))
  return periods.find((p) => periodKey(p) === top) ?? null
}

/**
 * The writers in src/bulletin read whole observation lists (a find per street and indicator for a
 * summary, a filter per region): on the 360,000-row table that took minutes per change. They are
 * given only the rows they can use, in dataset order, so they find the same figures: the region's
 * own rows for its sentence and projections, and for each summary the children's rows of the one
 * indicator and period it is about.
 */
export function buildBulletinModel(
  dataset: Dataset,
  index: DatasetIndex,
  locale: LocaleCode,
  choice: BulletinChoice,
): BulletinModel {
  const subjectId = bulletinSubject(dataset, choice.regionId)
  const own = subjectId === null ? [] : observationsOf(dataset, index, [subjectId])
  const period = bulletinPeriod(own, choice.periodKey)
  if (subjectId === null || period === null) {
    return { subjectId, period, periods: periodsOf(own), indicatorIds: [], paragraphs: [] }
  }
  const ownDataset = withObservations(dataset, own)
  const indicatorIds = bulletinObservations(ownDataset, subjectId, period).map((o) => o.indicatorId)
  const chosen = indicatorIds.filter((id) => !choice.excluded.has(id))
  const region = buildRegionBulletin(ownDataset, index, {
    subjectId,
    period,
    locale,
    indicatorIds: chosen,
    projections: choice.projections,
  })
  const paragraphs: Paragraph[] = [bulletinSentences(region)]

  if (choice.summaries) {
    // Summaries over the region's own children if it has any with figures, else over its siblings.
    const subject = index.subjects.get(subjectId)
    const key = periodKey(period)
    for (const parentId of [subjectId, subject?.parentId ?? null]) {
      if (parentId === null) continue
      const children = (index.children.get(parentId) ?? []).map((child) => child.id)
      const byIndicator = new Map<string, Observation[]>()
      for (const o of observationsOf(dataset, index, children)) {
        if (periodKey(o.period) !== key) continue
        const list = byIndicator.get(o.indicatorId)
        if (list) list.push(o)
        else byIndicator.set(o.indicatorId, [o])
      }
      const sentences = chosen.flatMap((indicatorId) => {
        const rows = withObservations(dataset, byIndicator.get(indicatorId) ?? [])
        const summary = summarizeDistrict(rows, index, { parentId, indicatorId, period })
        return summary && summary.entries.length > 1 ? districtSummarySentences(summary, { locale }) : []
      })
      if (sentences.length > 0) {
        paragraphs.push(sentences)
        break
      }
    }
  }
  return {
    subjectId,
    period,
    periods: periodsOf(own),
    indicatorIds,
    paragraphs: paragraphs.filter((p) => p.length > 0),
  }
}
