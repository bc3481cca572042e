/**
 * Adding reviewed figures to the active dataset: validate and merge (`acceptance.ts`), store the
 * merged dataset (IndexedDB, or memory when the browser will not keep it), and only then switch the
 * dashboard to it. Any failure before the switch leaves the active data exactly as it was.
 */
import { shallowRef } from 'vue'
import { sharedDatasetRepository } from './useDatasetRepository'
import { useI18n } from 'vue-i18n'
import type { Candidate } from '../extract'
import type { Dataset, LocalizedText } from '../domain/model'
import type { PeriodContext } from '../domain/period'
import type { ValidationIssue } from '../io/validationIssue'
import { useDatasetStore } from '../stores/dataset'
import { issuesByFigure } from '../components/review/reviewRows'
import { prepareAcceptance } from '../components/review/acceptance'

export type AcceptReport =
  /** The ticked figures have errors; nothing was added. `byFigure` maps positions in the accepted list to their issues. */
  | { status: 'invalid'; issues: ValidationIssue[]; byFigure: Map<number, ValidationIssue[]> }
  /** The merged dataset failed validation; nothing was added. */
  | { status: 'rejected'; issues: ValidationIssue[] }
  /** The active dataset changed while the figures were being checked; nothing was added. */
  | { status: 'stale' }
  | {
      status: 'added'
      added: number
      skipped: number
      /** False when the browser could not store it: it is gone after a reload. */
      persisted: boolean
      name: LocalizedText
      /** Warnings of the import (the figures were added all the same). */
      warnings: ValidationIssue[]
      /** The first new figure, for links to where it is shown. */
      first: { subjectId: string; indicatorId: string } | null
    }

/** The page's shared repository: the write reaches other tabs through its cross-tab notifier. */
const openRepository = sharedDatasetRepository

export interface AcceptRequest {
  text: string
  /** The ticked figures, corrected, in text order. */
  candidates: readonly Candidate[]
  source: string
  context: PeriodContext
}

export function useReviewAccept() {
  const { t } = useI18n()
  const datasetStore = useDatasetStore()
  const busy = shallowRef(false)

  function storedName(base: Dataset): LocalizedText {
    return {
      zh: t('review.accept.storedName', { name: base.name.zh }, { locale: 'zh-CN' }),
      en: t('review.accept.storedName', { name: base.name.en }, { locale: 'en' }),
    }
  }

  async function accept(request: AcceptRequest): Promise<AcceptReport> {
    busy.value = true
    try {
      const base = datasetStore.dataset
      const file = t('review.accept.tableName')
      const outcome = await prepareAcceptance({ ...request, base, file })
      if (outcome.status === 'invalid') {
        return { status: 'invalid', issues: outcome.issues, byFigure: issuesByFigure(outcome.issues, outcome.rows) }
      }
      if (outcome.status === 'rejected') return { status: 'rejected', issues: outcome.issues }
      if (datasetStore.dataset !== base) return { status: 'stale' }

      // A stored dataset is replaced in place; the embedded or a linked one gets a stored copy with the figures.
      const from = datasetStore.source
      const name = from.kind === 'stored' ? base.name : storedName(base)
      let persisted = false
      let id: string | null = from.kind === 'stored' ? from.id : null
      try {
        const repo = await openRepository()
        const summary = await repo.put(outcome.dataset, {
          ...(id === null ? {} : { id }),
          name,
          sourceFile: request.source,
          activate: true,
        })
        persisted = summary.persisted
        id = summary.id
      } catch (err) {
        // Storage failed outright: the figures stay in this page's memory, and the page says so.
        console.warn('review: storing the dataset failed', err)
      }
      if (datasetStore.dataset !== base) return { status: 'stale' }
      datasetStore.activate(
        outcome.dataset,
        { kind: 'stored', id: id ?? 'review', name: name.zh },
        outcome.datasetIssues.filter((i) => i.severity !== 'error'),
      )
      const firstId = outcome.addedIds[0]
      const first = outcome.dataset.observations.find((o) => o.id === firstId)
      return {
        status: 'added',
        added: outcome.added,
        skipped: outcome.skipped,
        persisted,
        name,
        warnings: outcome.importWarnings,
        first: first ? { subjectId: first.subjectId, indicatorId: first.indicatorId } : null,
      }
    } finally {
      busy.value = false
    }
  }

  return { busy, accept }
}
