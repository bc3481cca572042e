/**
 * The data table (数据明细) as a file: the rows it shows, filtered and in its order, as an
 * interchange table (interchangeTable.ts), so the CSV or XLSX imports back to the same figures.
 * Rows are built here, when the user asks, never for showing the table.
 */
import type { LocaleCode, LocalizedText, Observation } from '../domain/model'
import type { DatasetIndex } from '../domain/datasetIndex'
import { buildObservationRows } from '../domain/observationRow'
import { buildInterchangeTable, type InterchangeTable } from './interchangeTable'

/**
 * `write-excel-file` builds the whole workbook in memory: about 6 s and a quarter of a gigabyte for
 * 36,000 rows on a fast machine. Larger tables are offered as CSV only.
 */
export const XLSX_MAX_ROWS = 50_000

/** The rows at `positions` (in `index.observations`), in that order, as an interchange table. */
export function dataTableExport(
  positions: ArrayLike<number>,
  index: DatasetIndex,
  options: { locale: LocaleCode; nameOf: (text: LocalizedText) => string },
): InterchangeTable {
  const observations = Array.from(positions, (p) => index.observations[p] as Observation)
  return buildInterchangeTable(buildObservationRows(observations, index), options)
}
