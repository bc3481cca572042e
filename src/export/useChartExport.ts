/**
 * Exports of one chart, bound to the page: the language (captions, file names, notes), the theme
 * (colours, background) and the page's font stack. The heavy libraries load on first use only.
 */
import { useI18n } from 'vue-i18n'
import { useLocaleFormat } from '../composables/useLocaleFormat'
import { useSettingsStore } from '../stores/settings'
import type { ObservationRow } from '../domain/observationRow'
import { periodKey } from '../domain/period'
import { captionMetrics, fullDataHeight, type ChartCaption } from './captionedOption'
import { csvBlob } from './csv'
import { downloadBlob } from './download'
import { safeFileName } from './fileName'
import { imageDimensions, type ImageBackground, type ImageDimensions, type ImageFormat, type ImageSettings, type Size } from './imageSettings'
import { buildInterchangeTable, type InterchangeTable } from './interchangeTable'
import { renderChartImage } from './renderChartImage'
import { speakerNotes, type NoteFormat } from './speakerNotes'
import type { ChartExportSource } from './viewCharts'

/** The page's font stack, with double quotes made single (it ends up inside SVG attributes). */
export function pageFontFamily(): string {
  const family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif'
  return family.replace(/"/g, "'")
}

/** The colour of a chart panel's paper in the current theme. */
export function pageChartBackground(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--paper').trim() || '#ffffff'
}

/** The one value every row shares, or null. */
function shared<T>(rows: readonly ObservationRow[], key: (row: ObservationRow) => T, id: (value: T) => string): T | null {
  const first = rows[0]
  if (!first) return null
  const value = key(first)
  return rows.every((row) => id(key(row)) === id(value)) ? value : null
}

export function useChartExport() {
  const { t } = useI18n()
  const format = useLocaleFormat()
  const settings = useSettingsStore()

  function caption(source: ChartExportSource): ChartCaption {
    const subtitle = [
      source.unit ? t('chart.unit', { unit: source.unit }) : '',
      source.period ? t('chart.period', { period: source.period }) : '',
    ].filter((s) => s !== '')
    return {
      title: source.title,
      subtitle: subtitle.join('   '),
      footer: footnote(source),
    }
  }

  function footnote(source: ChartExportSource): string {
    return source.sources.length > 0 ? t('chart.source', { source: source.sources.join('；') }) : ''
  }

  /**
   * Region, indicator and period for a file name: those the chart's rows share (the common parent
   * when the rows are several regions), the chart's title where they share no indicator.
   */
  function nameParts(source: ChartExportSource): string[] {
    const rows = source.rows()
    const subject = shared(rows, (r) => r.subject, (s) => s.id)
    const parent = shared(rows, (r) => r.parents[r.parents.length - 1] ?? null, (s) => s?.id ?? '')
    const region = subject ?? parent
    const indicator = shared(rows, (r) => r.indicator, (i) => i.id)
    const period = shared(rows, (r) => r.observation.period, periodKey)
    return [
      region ? format.name(region.name) : '',
      indicator ? format.name(indicator.name) : source.title,
      period ? format.period(period) : (source.period ?? ''),
    ]
  }

  function fileName(source: ChartExportSource, extension: string): string {
    return safeFileName(nameParts(source), extension, t('export.fallbackName'))
  }

  /** The chart's size on the page, tall enough for every row, plus the captions' room. */
  function shownSize(source: ChartExportSource): Size {
    const shown = source.shown()
    const metrics = captionMetrics(caption(source), shown.width)
    return { width: shown.width, height: fullDataHeight(source.option, shown.height) + metrics.header + metrics.footer }
  }

  function dimensions(source: ChartExportSource, image: ImageSettings): ImageDimensions {
    return imageDimensions(image.size, image.scale, shownSize(source))
  }

  function render(
    source: ChartExportSource,
    imageFormat: ImageFormat,
    dims: ImageDimensions,
    background: ImageBackground,
    withCaption: boolean,
  ): Promise<Blob> {
    return renderChartImage({
      option: source.option,
      caption: withCaption ? caption(source) : null,
      format: imageFormat,
      dimensions: dims,
      theme: settings.theme,
      background,
      themeBackground: pageChartBackground(),
      fontFamily: pageFontFamily(),
    })
  }

  function renderImage(source: ChartExportSource, image: ImageSettings): Promise<Blob> {
    return render(source, image.format, dimensions(source, image), image.background, true)
  }

  async function exportImage(source: ChartExportSource, image: ImageSettings): Promise<string> {
    const blob = await renderImage(source, image)
    const name = fileName(source, image.format)
    downloadBlob(blob, name)
    return name
  }

  function table(source: ChartExportSource): InterchangeTable {
    return buildInterchangeTable(source.rows(), { locale: format.locale.value, nameOf: format.name })
  }

  async function exportCsv(source: ChartExportSource): Promise<string> {
    const name = fileName(source, 'csv')
    downloadBlob(csvBlob(table(source)), name)
    return name
  }

  async function exportXlsx(source: ChartExportSource): Promise<string> {
    const { xlsxBlob } = await import('./xlsx')
    const name = fileName(source, 'xlsx')
    downloadBlob(await xlsxBlob(table(source), source.title), name)
    return name
  }

  const noteFormat: NoteFormat = {
    name: format.name,
    period: format.period,
    quantity: format.quantity,
    percent: format.percent,
    growth: format.growth,
    points: format.points,
    rank: format.rank,
    item: (label, value) => t('export.notes.item', { label, value }),
    get separator() {
      return t('export.notes.separator')
    },
    quote: (quote, source) =>
      source === null ? t('export.notes.quote', { quote }) : t('export.notes.quoteWithSource', { quote, source }),
    get labels() {
      return {
        actual: t('export.notes.actual'),
        target: t('export.notes.target'),
        completion: t('export.notes.completion'),
        elapsed: t('export.notes.elapsed'),
        gap: t('export.notes.gap'),
        yoy: t('export.notes.yoy'),
        rank: t('export.notes.rank'),
      }
    },
  }

  function notes(source: ChartExportSource): string {
    return speakerNotes(source.rows(), noteFormat)
  }

  return { caption, footnote, fileName, nameParts, dimensions, render, renderImage, exportImage, exportCsv, exportXlsx, table, notes }
}
