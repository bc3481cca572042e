/**
 * The columns of the interchange table (shared/guides/domain.md): which header means which field,
 * in English or Chinese, and the column-mapping step for tables whose headers we do not know.
 *
 * Headers are matched after normalisation (full-width to ASCII, case, spaces, underscores and a
 * trailing "*" ignored), so "Target_Period", "目标期间", "目标 期间" and "ＴＡＲＧＥＴ" all work. A
 * header may carry the unit of its figures in brackets, as Chinese tables often do: "目标（亿元）".
 *
 * Header text is never used as an object key: look-ups go through Maps and mapped rows are arrays
 * indexed by field, so a column named "__proto__" or "constructor" is just an unknown column.
 */
import { parseUnit, type ParsedUnit } from '../domain/units'
import { stableHash } from './stableHash'

export const INTERCHANGE_FIELDS = [
  'region',
  'parent',
  'level',
  'indicator',
  'category',
  'unit',
  'period',
  'target',
  'target_period',
  'actual',
  'yoy',
  'rank',
  'better',
  'source',
  'quote',
] as const
export type InterchangeField = (typeof INTERCHANGE_FIELDS)[number]

/** Fields every row needs. `unit` may instead come from the headers of the figure columns ("目标（亿元）"). */
export const REQUIRED_FIELDS: readonly InterchangeField[] = ['region', 'indicator', 'unit', 'period']

/** The names domain.md lists for each field, plus the model's own English spellings. */
export const FIELD_ALIASES: Readonly<Record<InterchangeField, readonly string[]>> = {
  region: ['region', '地区', '街道', '镇街', '责任单位'],
  parent: ['parent', '上级', '所属'],
  level: ['level', '层级'],
  indicator: ['indicator', '指标'],
  category: ['category', '类别'],
  unit: ['unit', '单位', '计量单位'],
  period: ['period', '期间', '时期'],
  target: ['target', '目标', '计划', '年度目标'],
  target_period: ['target_period', '目标期间'],
  actual: ['actual', '完成', '实际', '完成值'],
  yoy: ['yoy', '同比', '同比增长'],
  rank: ['rank', '排名'],
  better: ['better', 'direction', '方向'],
  source: ['source', '来源'],
  quote: ['quote', '原文'],
}

/**
 * Headers seen in real tables that are not in the interchange spec. They are only *suggested*
 * (the user confirms them in the mapping step); an import never relies on them silently.
 */
const GUESS_ALIASES: Readonly<Record<InterchangeField, readonly string[]>> = {
  region: ['单位名称', '街道名称', '镇街名称', '地区名称', '区域', '乡镇', '镇', '社区', '村', '名称', 'name', 'area', 'district', 'street'],
  parent: ['上级单位', '上级地区', '所属地区', '所属街道', '所属区', '所属镇街'],
  level: ['级别', '类型'],
  indicator: ['指标名称', '指标项', '考核指标', '项目', 'metric', 'kpi'],
  category: ['分类', '指标类别', '大类', '板块'],
  unit: ['单位名', 'units'],
  period: ['时间', '年份', '月份', '统计期', '统计期间', '报告期', '日期', 'date', 'year'],
  target: ['目标值', '计划值', '全年目标', '年度计划', '目标任务', '任务', 'plan', 'goal'],
  target_period: ['目标时期', '计划期间'],
  actual: ['完成数', '实绩', '累计完成', '完成情况', '实际完成', '完成额', 'value', 'done'],
  yoy: ['同比增幅', '增幅', '增速', '同比增长率', '同比%', 'growth'],
  rank: ['位次', '名次', 'ranking'],
  better: ['指标方向', '正负向', 'polarity'],
  source: ['数据来源', '出处', '文件', 'document'],
  quote: ['原文摘录', '摘录', '依据', 'evidence'],
}

/** Figure columns whose header may carry a unit in brackets. */
const UNIT_HINT_FIELDS: ReadonlySet<InterchangeField> = new Set(['target', 'actual'])

/** Normalised header text: NFKC (full-width → ASCII), lower case, no spaces, underscores, dashes, dots or "*". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.*·:：]+/g, '')
}

export interface HeaderParts {
  /** The header without a bracketed suffix, normalised. */
  name: string
  /** A unit written in brackets after the name ("目标（亿元）" → 亿元), if it reads as a unit. */
  unit: ParsedUnit | null
  unitText: string | null
}

// One bracketed group at the end: "(亿元)", "[万元]", "【%】". No nesting, so no backtracking.
const BRACKET_SUFFIX = /^(.+?)[([【]([^()[\]【】]{1,12})[)\]】]$/

/** Splits "目标（亿元）" into the name 目标 and the unit 亿元. */
export function splitHeader(header: string): HeaderParts {
  const text = header.normalize('NFKC').trim()
  const m = BRACKET_SUFFIX.exec(text)
  if (m) {
    const unitText = (m[2] ?? '').trim()
    const unit = parseUnit(unitText)
    return { name: normalizeHeader(m[1] ?? ''), unit, unitText: unit ? unitText : null }
  }
  return { name: normalizeHeader(text), unit: null, unitText: null }
}

function aliasTable(source: Readonly<Record<InterchangeField, readonly string[]>>): Map<string, InterchangeField> {
  const table = new Map<string, InterchangeField>()
  for (const field of INTERCHANGE_FIELDS) for (const alias of source[field]) table.set(normalizeHeader(alias), field)
  return table
}

const EXACT = aliasTable(FIELD_ALIASES)
const GUESS = aliasTable(GUESS_ALIASES)
/** Every known name, longest first, for the "header contains a known name" fallback. */
const CONTAINED: ReadonlyArray<readonly [string, InterchangeField]> = [...EXACT, ...GUESS]
  .filter(([alias]) => alias.length >= 2)
  .sort((a, b) => b[0].length - a[0].length)

export type MatchConfidence = 'exact' | 'guess' | 'none'

/** The field a header names: exactly (an alias from the spec), by a guess, or not at all. */
export function matchHeader(header: string): { field: InterchangeField | null; confidence: MatchConfidence } {
  const { name } = splitHeader(header)
  if (name === '') return { field: null, confidence: 'none' }
  const exact = EXACT.get(name)
  if (exact) return { field: exact, confidence: 'exact' }
  const guess = GUESS.get(name)
  if (guess) return { field: guess, confidence: 'guess' }
  // The longest known name inside the header, if no other field's name of that length is in it too.
  let found: InterchangeField | null = null
  let foundLength = 0
  for (const [alias, field] of CONTAINED) {
    if (alias.length < foundLength) break
    if (!name.includes(alias)) continue
    if (found !== null && found !== field) return { field: null, confidence: 'none' }
    found = field
    foundLength = alias.length
  }
  return found ? { field: found, confidence: 'guess' } : { field: null, confidence: 'none' }
}

/**
 * Which field each column holds, by column position; null for a column that is ignored. The same
 * headers in the same order always get the same mapping, so it can be remembered by
 * `headerSignature`.
 */
export type ColumnMapping = ReadonlyArray<InterchangeField | null>

export interface MappingCheck {
  /** Required fields no column provides (unit counts as provided by a unit in a figure header). */
  missing: InterchangeField[]
  /** Fields that two or more columns claim, with those columns' indexes. */
  duplicates: Array<{ field: InterchangeField; columns: number[] }>
  /** Columns whose header is not blank but which no field uses. */
  ignored: number[]
  /** True when the mapping can be imported as it is. */
  ok: boolean
}

export interface MappingSuggestion extends MappingCheck {
  mapping: ColumnMapping
  /** Per column: 'exact' (an alias from the spec), 'guess' (please confirm) or 'none'. */
  confidence: MatchConfidence[]
  /** True when every mapped column matched exactly and nothing is missing: no mapping step needed. */
  confident: boolean
}

/** Units written in the headers of figure columns, by column index. */
export function headerUnits(headers: readonly string[], mapping: ColumnMapping): Map<number, { unit: ParsedUnit; text: string }> {
  const units = new Map<number, { unit: ParsedUnit; text: string }>()
  headers.forEach((header, i) => {
    const field = mapping[i]
    if (!field || !UNIT_HINT_FIELDS.has(field)) return
    const parts = splitHeader(header)
    if (parts.unit && parts.unitText) units.set(i, { unit: parts.unit, text: parts.unitText })
  })
  return units
}

/** Checks a (user's) mapping against the headers it is for. */
export function checkMapping(headers: readonly string[], mapping: ColumnMapping): MappingCheck {
  const columnsOf = new Map<InterchangeField, number[]>()
  const ignored: number[] = []
  headers.forEach((header, i) => {
    const field = mapping[i] ?? null
    if (field === null) {
      if (header.trim() !== '') ignored.push(i)
      return
    }
    const list = columnsOf.get(field)
    if (list) list.push(i)
    else columnsOf.set(field, [i])
  })
  const unitInHeaders = headerUnits(headers, mapping).size > 0
  const missing = REQUIRED_FIELDS.filter((f) => !columnsOf.has(f) && !(f === 'unit' && unitInHeaders))
  const duplicates = [...columnsOf]
    .filter(([, columns]) => columns.length > 1)
    .map(([field, columns]) => ({ field, columns }))
  return { missing, duplicates, ignored, ok: missing.length === 0 && duplicates.length === 0 }
}

/**
 * A mapping for these headers: exact aliases first, then guesses for fields still free. When two
 * columns name the same field, the first keeps it and the later one is left unmapped.
 */
export function suggestMapping(headers: readonly string[]): MappingSuggestion {
  const matches = headers.map((h) => matchHeader(h))
  const mapping: Array<InterchangeField | null> = headers.map(() => null)
  const confidence: MatchConfidence[] = headers.map(() => 'none')
  const taken = new Set<InterchangeField>()
  for (const pass of ['exact', 'guess'] as const) {
    matches.forEach((m, i) => {
      if (m.confidence !== pass || m.field === null || taken.has(m.field)) return
      mapping[i] = m.field
      confidence[i] = pass
      taken.add(m.field)
    })
  }
  const check = checkMapping(headers, mapping)
  return { ...check, mapping, confidence, confident: check.ok && !confidence.includes('guess') }
}

/** A key for "a table with these headers", to remember the user's mapping for the next such file. */
export function headerSignature(headers: readonly string[]): string {
  return `h-${stableHash(headers.map(normalizeHeader).join('\u001f'))}`
}

/**
 * The cells of one row by field, through a mapping: an array indexed like `INTERCHANGE_FIELDS`
 * (never an object keyed by header text). Missing cells read as ''.
 */
export interface MappedRow {
  get(field: InterchangeField): string
  /** The column index that provides `field`, or -1. */
  column(field: InterchangeField): number
}

/** Prepares a mapping for fast per-row use: each field's column index, the first column wins. */
export function compileMapping(mapping: ColumnMapping): (cells: readonly string[]) => MappedRow {
  const columnOf = new Int32Array(INTERCHANGE_FIELDS.length).fill(-1)
  const indexOf = new Map<InterchangeField, number>(INTERCHANGE_FIELDS.map((f, i) => [f, i]))
  mapping.forEach((field, column) => {
    if (field === null) return
    const k = indexOf.get(field)
    if (k !== undefined && columnOf[k] === -1) columnOf[k] = column
  })
  return (cells) => ({
    get(field) {
      const column = columnOf[indexOf.get(field) ?? -1] ?? -1
      return column < 0 ? '' : (cells[column] ?? '')
    },
    column(field) {
      return columnOf[indexOf.get(field) ?? -1] ?? -1
    },
  })
}

/** Applies a mapping to rows for display (e.g. the mapping step's preview): field → cell, per row. */
export function applyMapping(mapping: ColumnMapping, rows: readonly (readonly string[])[]): Array<Map<InterchangeField, string>> {
  const read = compileMapping(mapping)
  return rows.map((cells) => {
    const row = read(cells)
    const out = new Map<InterchangeField, string>()
    for (const field of INTERCHANGE_FIELDS) if (row.column(field) >= 0) out.set(field, row.get(field))
    return out
  })
}
