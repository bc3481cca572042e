/**
 * The data table (数据明细) as a file: the rows it shows, filtered and in its order, as an
 * interchange table (interchangeTable.ts), so the CSV or XLSX imports back to the same figures.
 * Rows are built here, when the user asks, never for showing the table.
 *
 * A CSV of the whole 360,000-row table takes seconds to write. It is written a slice of rows at a
 * time, pausing between slices, so the page keeps responding and can show how far it has got; the
 * units (亿元, 万元 …) are chosen from all rows first, so every slice writes the same ones.
 */
import type { LocaleCode, LocalizedText, Observation } from '../domain/model'
import type { DatasetIndex } from '../domain/datasetIndex'
import { buildObservationRows } from '../domain/observationRow'
import { buildInterchangeTable, unitColumn, type InterchangeTable, type UnitColumn } from './interchangeTable'
import { BOM, csvCell } from './csv'

/**
 * `write-excel-file` builds the whole workbook in memory: about 6 s and a quarter of a gigabyte for
 * 36,000 rows on a fast machine. Larger tables are offered as CSV only.
 */
export const XLSX_MAX_ROWS = 50_000

/** Rows per slice of a CSV written in parts: a few dozen milliseconds of work each. */
export const CSV_SLICE_ROWS = 2000

export interface DataTableExportOptions {
  locale: LocaleCode
  nameOf: (text: LocalizedText) => string
}

function observationsAt(positions: ArrayLike<number>, index: DatasetIndex, from = 0, to = positions.length): Observation[] {
  const out: Observation[] = []
  for (let i = from; i < to; i++) out.push(index.observations[positions[i] as number] as Observation)
  return out
}

/** The rows at `positions` (in `index.observations`), in that order, as an interchange table. */
export function dataTableExport(positions: ArrayLike<number>, index: DatasetIndex, options: DataTableExportOptions): InterchangeTable {
  return buildInterchangeTable(buildObservationRows(observationsAt(positions, index), index), options)
}

/** Each indicator's unit in the export, from every figure of it among the rows (as buildInterchangeTable chooses). */
function exportUnits(positions: ArrayLike<number>, index: DatasetIndex, locale: LocaleCode): Map<string, UnitColumn> {
  const valuesOf = new Map<string, number[]>()
  for (let i = 0; i < positions.length; i++) {
    const o = index.observations[positions[i] as number] as Observation
    let values = valuesOf.get(o.indicatorId)
    if (!values) {
      values = []
      valuesOf.set(o.indicatorId, values)
    }
    for (const v of [o.actual, o.actualUpper, o.target]) if (v !== null) values.push(v)
  }
  const units = new Map<string, UnitColumn>()
  for (const [id, values] of valuesOf) {
    const indicator = index.indicators.get(id)
    if (indicator) units.set(id, unitColumn(indicator.unit, values, locale))
  }
  return units
}

function csvLines(rows: InterchangeTable['rows']): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n')
}

export interface CsvInPartsOptions {
  /** Called after each slice with the rows written so far. */
  onProgress?: (written: number, total: number) => void
  /** Waits between slices (the next macrotask by default), so the page can paint and respond. */
  pause?: () => Promise<void>
  sliceRows?: number
}

/**
 * The same CSV text as `toCsv(dataTableExport(…))` (BOM, CRLF, formula-safe cells), written a slice
 * at a time: one string per slice, ready to be the parts of a Blob.
 */
export async function dataTableCsvParts(
  positions: ArrayLike<number>,
  index: DatasetIndex,
  options: DataTableExportOptions,
  parts: CsvInPartsOptions = {},
): Promise<string[]> {
  const pause = parts.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
  const slice = Math.max(1, parts.sliceRows ?? CSV_SLICE_ROWS)
  const units = exportUnits(positions, index, options.locale)
  const header = buildInterchangeTable([], options).headers
  const out = [`${BOM}${header.map(csvCell).join(',')}\r\n`]
  for (let from = 0; from < positions.length; from += slice) {
    const to = Math.min(positions.length, from + slice)
    const rows = buildObservationRows(observationsAt(positions, index, from, to), index)
    out.push(`${csvLines(buildInterchangeTable(rows, { ...options, units }).rows)}\r\n`)
    parts.onProgress?.(to, positions.length)
    if (to < positions.length) await pause()
  }
  return out
}
