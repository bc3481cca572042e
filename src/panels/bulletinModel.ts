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

/** The region a bulletin is about: the chosen one, or the one with most figures. */
export function bulletinSubject(dataset: Dataset, regionId: string | null): string | null {
  if (regionId !== null) return regionId
  return mostFrequent(countBy(dataset.observations, (o) => o.subjectId))
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

export function buildBulletinModel(
  dataset: Dataset,
  index: DatasetIndex,
  locale: LocaleCode,
  choice: BulletinChoice,
): BulletinModel {
  const subjectId = bulletinSubject(dataset, choice.regionId)
  const own = subjectId === null ? [] : dataset.observations.filter((o) => o.subjectId === subjectId)
  const period = bulletinPeriod(own, choice.periodKey)
  if (subjectId === null || period === null) {
    return { subjectId, period, periods: periodsOf(own), indicatorIds: [], paragraphs: [] }
  }
  const indicatorIds = bulletinObservations(dataset, subjectId, period).map((o) => o.indicatorId)
  const chosen = indicatorIds.filter((id) => !choice.excluded.has(id))
  const region = buildRegionBulletin(dataset, index, {
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
    for (const parentId of [subjectId, subject?.parentId ?? null]) {
      if (parentId === null) continue
      const sentences = chosen.flatMap((indicatorId) => {
        const summary = summarizeDistrict(dataset, index, { parentId, indicatorId, period })
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
