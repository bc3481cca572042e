/**
 * "Export all" for the charts of the current view: a ZIP of their images (with the image settings
 * the reader chose in a chart's menu) or a PowerPoint deck, with progress and cancel. One export runs
 * at a time.
 */
import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'
import { useLocaleFormat } from '../composables/useLocaleFormat'
import { useChosenRegionName } from '../composables/useChosenRegionName'
import { parsePeriod } from '../domain/period'
import { buildBulletinModel } from '../panels/bulletinModel'
import { toPlainText } from '../bulletin/bulletinText'
import type { TextSlide } from './pptxDeck'
import { downloadBlob } from './download'
import { useExportPreferences } from './exportPreferences'
import { safeFileName } from './fileName'
import type { ImageDimensions } from './imageSettings'
import { blobToDataUrl } from './renderChartImage'
import { useChartExport } from './useChartExport'
import { useChartRegistry, type ChartExportSource } from './viewCharts'
import type { Progress } from './zipArchive'

/**
 * A chart image on a slide: laid out at 1120×490 (the slide's picture box, 12.3 × 5.4 in) so its
 * 12 px labels read at about 10 pt, and drawn at 3x for a sharp projection.
 */
export const SLIDE_IMAGE: ImageDimensions = { width: 1120, height: 490, layoutWidth: 1120, layoutHeight: 490, pixelRatio: 3 }

export interface ViewChart {
  id: number
  source: ChartExportSource
}

export type ViewExportKind = 'zip' | 'pptx'

export function useViewExport() {
  const { t } = useI18n()
  const route = useRoute()
  const format = useLocaleFormat()
  const datasetStore = useDatasetStore()
  const filters = useFiltersStore()
  const registry = useChartRegistry()
  const chartExport = useChartExport()
  const preferences = useExportPreferences()

  /** The charts that can be exported now (not those showing an empty state), in page order. */
  const charts = computed<ViewChart[]>(() =>
    registry.charts.value.flatMap((c) => {
      const source = c.source()
      return source ? [{ id: c.id, source }] : []
    }),
  )

  const running = ref<ViewExportKind | null>(null)
  const progress = ref<Progress>({ done: 0, total: 0 })
  const controller = shallowRef<AbortController | null>(null)

  const viewTitle = computed(() => (typeof route.name === 'string' ? t(`nav.${route.name}`) : t('app.title')))
  const regionName = useChosenRegionName()
  const periodName = computed(() => {
    const chosen = filters.periodKey === null ? null : parsePeriod(filters.periodKey)
    if (chosen) return format.period(chosen)
    const periods = new Set(charts.value.map((c) => c.source.period).filter((p): p is string => !!p))
    return periods.size === 1 ? ([...periods][0] ?? '') : t('filters.allPeriods')
  })

  function pick(ids: ReadonlySet<number> | null): ViewChart[] {
    return ids === null ? charts.value : charts.value.filter((c) => ids.has(c.id))
  }

  async function run(kind: ViewExportKind, work: (signal: AbortSignal) => Promise<{ blob: Blob; name: string }>): Promise<string | null> {
    if (running.value !== null) return null
    const abort = new AbortController()
    controller.value = abort
    running.value = kind
    progress.value = { done: 0, total: 0 }
    try {
      const { blob, name } = await work(abort.signal)
      downloadBlob(blob, name)
      return name
    } finally {
      running.value = null
      controller.value = null
    }
  }

  /** A ZIP of the chosen charts' images (all when `ids` is null). Null when another export runs. */
  async function exportZip(ids: ReadonlySet<number> | null = null): Promise<string | null> {
    const chosen = pick(ids)
    const image = { ...preferences.value }
    return run('zip', async (signal) => {
      const { zipArchive } = await import('./zipArchive')
      const blob = await zipArchive(
        chosen.map((c) => ({ name: chartExport.fileName(c.source, image.format), render: () => chartExport.renderImage(c.source, image) })),
        { signal, onProgress: (p) => (progress.value = p) },
      )
      return { blob, name: safeFileName([regionName.value, viewTitle.value, periodName.value], 'zip', t('export.fallbackName')) }
    })
  }

  /**
   * The bulletin (通报) of the chosen region and period as the deck's first slide, with each figure's
   * quote in the notes; null with no region chosen, or when the data has nothing to write for it.
   */
  function bulletinSlide(): TextSlide | null {
    // A bulletin is about one region: with all regions chosen, the deck has charts only.
    if (filters.regionId === null) return null
    const model = buildBulletinModel(datasetStore.dataset, datasetStore.index, format.locale.value, {
      regionId: filters.regionId,
      periodKey: filters.periodKey,
      excluded: new Set(),
      projections: true,
      summaries: true,
    })
    const body = toPlainText(model.paragraphs, format.locale.value)
    if (body === '') return null
    const quotes = model.paragraphs
      .flat(2)
      .flatMap((segment) => (segment.kind === 'figure' ? segment.sources.map((s) => `${segment.text}: ${s.quote ?? '—'}`) : []))
    return { title: t('bulletin.title'), body, notes: [...new Set(quotes)].join('\n') }
  }

  /** A 16:9 deck of the chosen charts (all when `ids` is null). Null when another export runs. */
  async function exportPptx(ids: ReadonlySet<number> | null = null): Promise<string | null> {
    const chosen = pick(ids)
    return run('pptx', async (signal) => {
      const { pptxDeck } = await import('./pptxDeck')
      const bulletin = bulletinSlide()
      const date = new Intl.DateTimeFormat(format.locale.value, { dateStyle: 'long' }).format(new Date())
      const blob = await pptxDeck(
        {
          title: t('export.deck.title', { view: viewTitle.value }),
          lines: [
            t('export.deck.region', { region: regionName.value }),
            t('export.deck.period', { period: periodName.value }),
            t('export.deck.date', { date }),
          ],
          lang: format.locale.value,
          textSlides: bulletin ? [bulletin] : [],
          slides: chosen.map((c) => {
            const caption = chartExport.caption(c.source)
            return {
              title: caption.title,
              subtitle: caption.subtitle,
              footnote: caption.footer,
              notes: chartExport.notes(c.source),
              altText: c.source.label,
              render: async () => {
                const blob = await chartExport.render(c.source, 'png', SLIDE_IMAGE, 'white', false)
                return { dataUrl: await blobToDataUrl(blob), width: SLIDE_IMAGE.width, height: SLIDE_IMAGE.height }
              },
            }
          }),
        },
        { signal, onProgress: (p) => (progress.value = p) },
      )
      return { blob, name: safeFileName([regionName.value, viewTitle.value, periodName.value], 'pptx', t('export.fallbackName')) }
    })
  }

  function cancel(): void {
    controller.value?.abort()
  }

  return { charts, running, progress, exportZip, exportPptx, cancel }
}
