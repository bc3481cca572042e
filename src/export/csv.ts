/**
 * CSV that Excel opens correctly in Chinese and that cannot run anything:
 *
 * - UTF-8 with a byte order mark: without it, Chinese Excel reads the file as GBK and shows mojibake;
 * - CRLF line ends, RFC 4180 quoting (a cell with a comma, quote or line break is quoted, quotes doubled);
 * - text cells that start with `= + - @`, a tab or a carriage return get a leading `'`, so Excel and
 *   LibreOffice show them as text instead of evaluating a formula (CSV injection). Numbers are written
 *   as numbers, so -3.2 stays -3.2.
 */
import type { Cell, InterchangeTable } from './interchangeTable'
import { numberText } from './interchangeTable'

export const BOM = '\uFEFF'

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** A text cell made inert: a leading formula character is escaped with `'`. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function csvCell(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return numberText(cell)
  const text = neutralizeFormula(cell)
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The table as CSV text, BOM first. */
export function toCsv(table: InterchangeTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

export function csvBlob(table: InterchangeTable): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' })
}
