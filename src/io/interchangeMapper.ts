/**
 * Rows of the interchange table → a dataset: regions, indicators and documents in the file format
 * that `validateDatasetValue` reads, observations as columns (see `MappedValue`).
 *
 * Rows are added one at a time (`addRow`) and checked cell by cell as they arrive, so a caller can
 * read a 500,000-row file without keeping its raw cells; only the observation of each good row and
 * a few shared strings are kept. `finish` then does what needs every row: the region hierarchy (a
 * parent named in one row may be the region of another), duplicates, documents, and ids.
 *
 * Ids are deterministic: a region's id is a hash of its name and its parent's name, an indicator's
 * of its name, an observation's of (region, indicator, period). The same table imported twice gives
 * the same ids, so merging and "replace matching rows" line up.
 *
 * Row numbers are those a spreadsheet shows: the header row is row 1 when the table starts at the
 * top. Every issue names the row, the column header as written in the file, and the cell.
 */
import type * as v from 'valibot'
import type {
  CategoryId,
  Direction,
  Evidence,
  EvidenceField,
  IndicatorKind,
  LocalizedText,
  Period,
  Qualifier,
  SubjectLevel,
  YearMonth,
} from '../domain/model'
import { parsePeriod, periodKey, type PeriodContext } from '../domain/period'
import { parseUnit, type ParsedUnit } from '../domain/units'
import type { datasetSchema } from './datasetSchema'
import type { IssueCollector } from './importResult'
import { compileMapping, headerUnits, type ColumnMapping, type InterchangeField } from './interchangeColumns'
import {
  inferKind,
  inferLevel,
  isBlankCell,
  parseCategory,
  parseDirection,
  parseFigure,
  parseGrowth,
  parseLevel,
  parseRank,
  plainFigureValue,
  plainRankValue,
} from './interchangeValues'
import { detachedString } from './detachedString'
import { NO_EVIDENCE, ObservationColumnsBuilder, blankObservation, nullIfNaN, type ObservationColumns } from './observationTransfer'
import { IdIndex } from './idIndex'
import { hashPrefix, stableHash, stableId, stableIdFrom, type HashPrefix } from './stableHash'
import { readQuote, readingStates } from './validateDataset'

/** The dataset as a file holds it (periods as keys), i.e. what `validateDatasetValue` accepts. */
export type DatasetFile = v.InferInput<typeof datasetSchema>
type SubjectFile = DatasetFile['subjects'][number]
type IndicatorFile = DatasetFile['indicators'][number]
type DocumentFile = DatasetFile['documents'][number]

export interface MapperOptions {
  /** File name as the user knows it: names the dataset and every issue. */
  file: string
  /** The dataset's name; the file name without its extension by default. */
  datasetName?: LocalizedText
  /** The year (and for "今年以来" the month) that relative periods such as "上半年" belong to. */
  periodContext?: PeriodContext
}

/**
 * What the mapper builds: regions, indicators and documents as a dataset file holds them, and the
 * observations as columns (`observationTransfer.ts`), the form the import worker posts them in:
 * a table's rows are most of its memory, and as columns they are a few arrays instead of 360,000
 * objects for the worker's garbage collector to trace (`validateMappedDataset` reads them one row
 * at a time, and writes a part back to the file format when it has to run the schema over it).
 */
export type MappedValue = Omit<DatasetFile, 'observations'> & { observations: ObservationColumns }

/** The mapped dataset, with the row each record came from so later issues can point at rows. */
export interface MappedDataset {
  value: MappedValue
  observationRows: number[]
  subjectRows: number[]
  indicatorRows: number[]
  documentRows: number[]
}

/** Maximum length of a quote in the dataset format. */
const MAX_QUOTE = 500
/**
 * Runs of whitespace (including the full-width space U+3000 and line breaks inside a cell) become
 * one space. Names keep their inner spaces: "Dashikou Subdistrict" must not become
 * "DashikouSubdistrict" when an English table is re-imported.
 */
const SPACES = /\s+/g

/**
 * The good rows until `finish`, row k at index k of every array: its figures and periods (`finish`
 * works out the ids and references, which need every row), and what `finish` needs to work those
 * out. Arrays of numbers (NaN for none: V8 keeps an array of only numbers as plain doubles) and of
 * shared strings (names are interned) rather than one record per row: a record for each of
 * 360,000 rows, alive until `finish`, is work for the garbage collector every time it runs during
 * the import (see `npm run bench:import`).
 */
interface KeptRows {
  actual: number[]
  actualUpper: number[]
  qualifiers: Array<Qualifier | null>
  target: number[]
  targetPeriods: Array<Period | null>
  yoy: number[]
  rank: number[]
  /** Row numbers as a spreadsheet shows them. */
  rows: number[]
  regions: string[]
  /** As written; '' when the row leaves it blank. */
  parents: string[]
  levels: Array<SubjectLevel | null>
  /** The indicator the row names, as the mapper holds it (found once, while the row was read). */
  indicators: IndicatorDraft[]
  periods: KeyedPeriod[]
  sources: Array<string | null>
  quotes: Array<string | null>
}

/** A period with its canonical key: one object per distinct period of a table, shared by its rows. */
interface KeyedPeriod {
  key: string
  value: Period
}

interface IndicatorDraft {
  id: string
  name: string
  unit: string
  unitText: string
  kind: IndicatorKind
  category: CategoryId | null
  categoryText: string
  direction: Direction | null
  directionText: string
  firstRow: number
  /** Whether an observation of the dataset has this indicator (set by `finish`). */
  used: boolean
}

interface SubjectDraft {
  key: string
  id: string
  /**
   * The hash state after "<id>\u001f<indicator id>\u001f" per indicator of this region's rows: the
   * start of every observation id's key, read once per (region, indicator) instead of per row.
   */
  keyHashes: Map<IndicatorDraft, HashPrefix> | null
  name: string
  parentName: string
  parentId: string | null
  level: SubjectLevel | null
  levelText: string
  firstRow: number
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file
  const dot = name.lastIndexOf('.')
  return (dot > 0 ? name.slice(0, dot) : name).trim() || file
}

type CachedReader<T> = ((text: string) => T) & {
  /** Forgets every text read (they are cut from the file and would keep it in memory). */
  clear(): void
}

/**
 * Caches a cell reader by the cell's text. Tables repeat the same units, periods, categories and
 * often the same figures thousands of times; reading each distinct text once makes mapping a
 * 500,000-row table several times faster. The cache stops growing at `limit` entries so a table of
 * all-distinct values costs no more memory than it saves.
 *
 * Rows come sorted by something (region, indicator, period), so a column often repeats the cell
 * above it: that is checked first, by comparing the two texts, which is cheaper than hashing the
 * new text for the map (cells are fresh strings every row). Values are shared between rows with
 * the same text: readers return values that the mapper only reads.
 */
function memoize<T>(read: (text: string) => T, limit = 50_000): CachedReader<T> {
  const cache = new Map<string, T>()
  let lastText: string | null = null
  let lastValue: T | undefined
  const cached = (text: string): T => {
    if (text === lastText) return lastValue as T
    let value = cache.get(text)
    if (value === undefined && !cache.has(text)) {
      value = read(text)
      if (cache.size < limit) cache.set(text, value)
    }
    lastText = text
    lastValue = value
    return value as T
  }
  return Object.assign(cached, {
    clear(): void {
      cache.clear()
      lastText = null
      lastValue = undefined
    },
  })
}

function subjectKey(name: string, parent: string): string {
  return `${name}\u0000${parent}`
}

export interface InterchangeMapper {
  /** Checks one row and keeps it if it has no error. `cells` in column order, `row` as a spreadsheet numbers it. */
  addRow(cells: readonly string[], row: number): void
  /** Builds the dataset from the rows kept so far. Call once. */
  finish(): MappedDataset
  /** Rows kept so far. */
  readonly keptRows: number
}

export function createInterchangeMapper(
  headers: readonly string[],
  mapping: ColumnMapping,
  issues: IssueCollector,
  options: MapperOptions,
): InterchangeMapper {
  // Column index of each field (-1: not in the table), looked up once instead of per cell.
  const probe = compileMapping(mapping)([])
  const col = (field: InterchangeField): number => probe.column(field)
  const C = {
    region: col('region'),
    parent: col('parent'),
    level: col('level'),
    indicator: col('indicator'),
    category: col('category'),
    unit: col('unit'),
    period: col('period'),
    target: col('target'),
    targetPeriod: col('target_period'),
    actual: col('actual'),
    yoy: col('yoy'),
    rank: col('rank'),
    better: col('better'),
    source: col('source'),
    quote: col('quote'),
  }
  const columnName = (field: InterchangeField): string => {
    const i = col(field)
    return i >= 0 ? (headers[i] ?? field) : field
  }
  const units = headerUnits(headers, mapping)
  const targetHint = C.target >= 0 ? (units.get(C.target) ?? null) : null
  const actualHint = C.actual >= 0 ? (units.get(C.actual) ?? null) : null
  const anyHint = targetHint ?? actualHint

  const strings = new Map<string, string>()
  const intern = (s: string): string => {
    const known = strings.get(s)
    if (known !== undefined) return known
    const own = detachedString(s)
    strings.set(own, own)
    return own
  }

  const kept: KeptRows = {
    actual: [],
    actualUpper: [],
    qualifiers: [],
    target: [],
    targetPeriods: [],
    yoy: [],
    rank: [],
    rows: [],
    regions: [],
    parents: [],
    levels: [],
    indicators: [],
    periods: [],
    sources: [],
    quotes: [],
  }
  const indicators = new Map<string, IndicatorDraft>()

  const readUnit = memoize(parseUnit)
  const periods = new Map<string, KeyedPeriod>()
  const readPeriod = memoize((text): KeyedPeriod | null => {
    // A copy: `parsePeriod` keeps the texts it read in a cache that outlives the import.
    const p = parsePeriod(detachedString(text), options.periodContext)
    if (p === null) return null
    // "2023年1-10月" and "2023-01..2023-10" are one period: their rows share it.
    const key = periodKey(p)
    let known = periods.get(key)
    if (known === undefined) {
      known = { key, value: p }
      periods.set(key, known)
    }
    return known
  })
  const readGrowth = memoize(parseGrowth)
  const readRank = memoize(parseRank)
  const readLevel = memoize(parseLevel)
  const readCategory = memoize(parseCategory)
  const readDirection = memoize(parseDirection)
  const readName = memoize((text) => intern(text.trim().replace(SPACES, ' ')))
  const readSource = memoize((text) => intern(text.trim()))
  // Figures depend on the row's unit too: one cache per unit (few distinct units per table).
  const figureReaders = new Map<ParsedUnit, CachedReader<ReturnType<typeof parseFigure>>>()
  const readFigure = (text: string, unit: ParsedUnit): ReturnType<typeof parseFigure> => {
    let reader = figureReaders.get(unit)
    if (!reader) {
      reader = memoize((t) => parseFigure(t, unit), 20_000)
      figureReaders.set(unit, reader)
    }
    return reader(text)
  }

  // State of the row being read. Kept outside `addRow` so that reading a row allocates no closures:
  // at 500,000 rows, garbage is what costs time.
  let cells: readonly string[] = []
  let row = 0
  let failed = false
  const cell = (column: number): string => (column < 0 ? '' : (cells[column] ?? ''))
  type Code = Parameters<IssueCollector['row']>[1]
  function error(code: Code, field: InterchangeField | undefined, column: number, params?: Record<string, string | number>): void {
    failed = true
    issues.row('error', code, row, field === undefined ? undefined : columnName(field), column < 0 ? undefined : cell(column), params)
  }
  function warn(code: Code, field: InterchangeField | undefined, column: number, params?: Record<string, string | number>): void {
    issues.row('warning', code, row, field === undefined ? undefined : columnName(field), column < 0 ? undefined : cell(column), params)
  }
  // The upper end and qualifier of the figure `figure` read last: numbers and words in two
  // variables rather than a result object for each figure cell of every row.
  let figureUpper: number | null = null
  let figureQualifier: Qualifier | null = null
  /** The figure's value in base units, or null (blank, or an error reported); see `figureUpper`. */
  function figure(field: 'actual' | 'target', column: number, unit: ParsedUnit | null): number | null {
    figureUpper = null
    figureQualifier = null
    const text = cell(column)
    if (isBlankCell(text) || unit === null) return null // no unit at all is reported once, for the unit column
    const plain = plainFigureValue(text, unit.factor)
    if (!Number.isNaN(plain)) return plain
    const result = readFigure(text, unit)
    if (!result.ok) {
      error(result.code, field, column, result.params)
      return null
    }
    figureUpper = result.value.upper
    figureQualifier = result.value.qualifier
    return result.value.value
  }

  function addRow(rowCells: readonly string[], rowNumber: number): void {
    cells = rowCells
    row = rowNumber
    failed = false

    if (cells.length > headers.length) {
      let extra = 0
      for (let i = headers.length; i < cells.length; i++) if ((cells[i] ?? '').trim() !== '') extra++
      if (extra > 0) warn('extraCells', undefined, -1, { count: extra })
    }

    const region = readName(cell(C.region))
    if (region === '') error('requiredCell', 'region', C.region, { field: 'region' })
    const indicator = readName(cell(C.indicator))
    if (indicator === '') error('requiredCell', 'indicator', C.indicator, { field: 'indicator' })

    // The unit: the row's unit column, else a unit written in a figure column's header ("目标（亿元）").
    const unitText = cell(C.unit).trim()
    let rowUnit: ParsedUnit | null = null
    if (!isBlankCell(unitText)) {
      rowUnit = readUnit(unitText)
      if (rowUnit === null) error('badUnit', 'unit', C.unit)
    } else if (anyHint === null) {
      error('requiredCell', 'unit', C.unit, { field: 'unit' })
    }
    const baseUnit = rowUnit ?? anyHint?.unit ?? null

    let period: KeyedPeriod | null = null
    const periodText = cell(C.period).trim()
    if (periodText === '') error('requiredCell', 'period', C.period, { field: 'period' })
    else {
      period = readPeriod(periodText)
      if (period === null) error('period', 'period', C.period)
    }
    let targetPeriod: Period | null = null
    const targetPeriodText = cell(C.targetPeriod).trim()
    if (!isBlankCell(targetPeriodText)) {
      targetPeriod = readPeriod(targetPeriodText)?.value ?? null
      if (targetPeriod === null) error('period', 'target_period', C.targetPeriod)
    }

    const actual = figure('actual', C.actual, rowUnit ?? actualHint?.unit ?? baseUnit)
    const actualUpper = figureUpper
    const actualQualifier = figureQualifier
    const targetUnit = rowUnit ?? targetHint?.unit ?? baseUnit
    const target = figure('target', C.target, targetUnit)
    if (target !== null && figureQualifier !== null && targetUnit !== null) {
      // Said in the unit the table uses ("6亿元"), not in base units (600000000).
      const written = Number((target / targetUnit.factor).toPrecision(12))
      const unitWritten = rowUnit !== null ? unitText : (targetHint?.text ?? anyHint?.text ?? '')
      warn('qualifierIgnored', 'target', C.target, { field: 'target', number: `${written}${unitWritten}` })
    }

    let yoy: number | null = null
    const yoyText = cell(C.yoy)
    if (!isBlankCell(yoyText)) {
      // A plain decimal is a growth in % as written (what parseGrowth gives it).
      const plain = plainFigureValue(yoyText, 1)
      if (!Number.isNaN(plain)) yoy = plain
      else {
        const result = readGrowth(yoyText)
        if (!result.ok) error(result.code, 'yoy', C.yoy, result.params)
        else {
          yoy = result.value.value
          if (result.value.qualifier !== null) warn('qualifierIgnored', 'yoy', C.yoy, { field: 'yoy', number: yoy })
        }
      }
    }

    let rank: number | null = null
    const rankText = cell(C.rank)
    if (!isBlankCell(rankText)) {
      const plain = plainRankValue(rankText)
      if (!Number.isNaN(plain)) rank = plain
      else {
        const result = readRank(rankText)
        if (!result.ok) error(result.code, 'rank', C.rank, result.params)
        else rank = result.value
      }
    }

    // Vocabulary columns: an unknown word is a warning and the default applies.
    let level: SubjectLevel | null = null
    const levelText = cell(C.level)
    if (!isBlankCell(levelText)) {
      const result = readLevel(levelText)
      if (result.ok) level = result.value
      else warn('enum', 'level', C.level, result.params)
    }
    let category: CategoryId | null = null
    const categoryText = cell(C.category).trim()
    if (!isBlankCell(categoryText)) {
      const result = readCategory(categoryText)
      if (result.ok) category = result.value
      else warn('enum', 'category', C.category, result.params)
    }
    let direction: Direction | null = null
    const directionText = cell(C.better).trim()
    if (!isBlankCell(directionText)) {
      const result = readDirection(directionText)
      if (result.ok) direction = result.value
      else warn('enum', 'better', C.better, result.params)
    }

    const sourceText = cell(C.source)
    const source = isBlankCell(sourceText) ? null : readSource(sourceText)
    const quoteText = cell(C.quote)
    let quote: string | null = isBlankCell(quoteText) ? null : detachedString(quoteText.trim().replace(SPACES, ' '))
    if (quote !== null && quote.length > MAX_QUOTE) {
      issues.row('warning', 'quoteLength', row, columnName('quote'), `${quote.slice(0, 60)}…`)
      quote = null
    }

    if (!failed && actual === null && target === null && yoy === null && rank === null) error('noFigures', undefined, -1)

    // The indicator: its base unit is fixed by the first row that names it.
    let draft: IndicatorDraft | undefined
    if (!failed && baseUnit !== null) {
      const known = indicators.get(indicator)
      if (!known) {
        draft = {
          id: stableId('i', indicator),
          name: indicator,
          unit: baseUnit.unit,
          unitText: detachedString(unitText || anyHint?.text || baseUnit.unit),
          kind: inferKind(baseUnit.unit, indicator),
          category,
          categoryText: detachedString(categoryText),
          direction,
          directionText: detachedString(directionText),
          firstRow: row,
          used: false,
        }
        indicators.set(indicator, draft)
      } else if (known.unit !== baseUnit.unit) {
        error('unitConflict', 'unit', C.unit, { indicator, first: known.unitText, firstRow: known.firstRow })
      } else {
        draft = known
        if (category !== null) {
          if (known.category === null) {
            known.category = category
            known.categoryText = detachedString(categoryText)
          } else if (known.category !== category)
            warn('attributeConflict', 'category', C.category, { field: 'category', first: known.categoryText, firstRow: known.firstRow })
        }
        if (direction !== null) {
          if (known.direction === null) {
            known.direction = direction
            known.directionText = detachedString(directionText)
          } else if (known.direction !== direction)
            warn('attributeConflict', 'better', C.better, { field: 'better', first: known.directionText, firstRow: known.firstRow })
        }
      }
    }

    // A row without an error has its indicator's draft: the check only tells the compiler so.
    if (failed || period === null || draft === undefined) return
    kept.actual.push(actual ?? Number.NaN)
    kept.actualUpper.push(actualUpper ?? Number.NaN)
    kept.qualifiers.push(actualQualifier)
    kept.target.push(target ?? Number.NaN)
    kept.targetPeriods.push(targetPeriod)
    kept.yoy.push(yoy ?? Number.NaN)
    kept.rank.push(rank ?? Number.NaN)
    kept.rows.push(row)
    kept.regions.push(region)
    kept.parents.push(readName(cell(C.parent)))
    kept.levels.push(level)
    kept.indicators.push(draft)
    kept.periods.push(period)
    kept.sources.push(source)
    kept.quotes.push(quote)
  }

  function finish(): MappedDataset {
    // What was read from the cells is not needed any more, and the texts it was read from are
    // cut from the file: forgotten here, they no longer keep the file in memory.
    cells = []
    for (const cache of [readUnit, readPeriod, readGrowth, readRank, readLevel, readCategory, readDirection, readName, readSource])
      cache.clear()
    for (const cache of figureReaders.values()) cache.clear()
    figureReaders.clear()
    strings.clear()

    const rejected = new Set<number>()

    // --- Regions. A region is (name, parent name); a row that leaves the parent blank means the
    // region of that name when there is only one.
    const count = kept.rows.length
    const parentsOf = new Map<string, Set<string>>()
    for (let k = 0; k < count; k++) {
      const region = kept.regions[k] as string
      const parent = kept.parents[k] as string
      // Rows of one region come together: the pair of the row before is in the set already.
      if (parent === '' || (k > 0 && region === kept.regions[k - 1] && parent === kept.parents[k - 1])) continue
      const set = parentsOf.get(region)
      if (set) set.add(parent)
      else parentsOf.set(region, new Set([parent]))
    }
    const subjects = new Map<string, SubjectDraft>()
    const byName = new Map<string, SubjectDraft[]>()
    const addSubject = (name: string, parent: string, level: SubjectLevel | null, levelText: string, row: number): SubjectDraft => {
      const key = subjectKey(name, parent)
      const draft: SubjectDraft = {
        key,
        id: stableId('s', name, parent),
        keyHashes: null,
        name,
        parentName: parent,
        parentId: null,
        level,
        levelText,
        firstRow: row,
      }
      subjects.set(key, draft)
      const list = byName.get(name)
      if (list) list.push(draft)
      else byName.set(name, [draft])
      return draft
    }
    // The region of the row before, as rows of one region usually come together: the same two
    // (interned) names are compared instead of joining them into a key for every row.
    let lastRegion: string | null = null
    let lastParent = ''
    let lastDraft: SubjectDraft | undefined
    /** The region of each kept row; undefined for a row refused here. */
    const subjectOf: Array<SubjectDraft | undefined> = []
    for (let k = 0; k < count; k++) {
      const row = kept.rows[k] as number
      const region = kept.regions[k] as string
      const level = kept.levels[k] ?? null
      let parent = kept.parents[k] as string
      if (parent === '') {
        const parents = parentsOf.get(region)
        if (parents && parents.size > 1) {
          issues.row('error', 'ambiguousRegion', row, columnName('region'), region, { parents: [...parents].join('、') })
          rejected.add(row)
          subjectOf.push(undefined)
          continue
        }
        if (parents && parents.size === 1) parent = [...parents][0] ?? ''
      }
      const levelText = level ?? ''
      let draft = region === lastRegion && parent === lastParent ? lastDraft : subjects.get(subjectKey(region, parent))
      if (!draft) draft = addSubject(region, parent, level, levelText, row)
      else if (level !== null) {
        if (draft.level === null) {
          draft.level = level
          draft.levelText = levelText
        } else if (draft.level !== level)
          issues.row('warning', 'attributeConflict', row, columnName('level'), level, {
            field: 'level',
            first: draft.levelText,
            firstRow: draft.firstRow,
          })
      }
      subjectOf.push(draft)
      lastRegion = region
      lastParent = parent
      lastDraft = draft
    }
    // Parents: the one region of that name, or a new top-level region when no row describes it.
    for (const draft of [...subjects.values()]) {
      if (draft.parentName === '') continue
      const candidates = byName.get(draft.parentName) ?? []
      if (candidates.length === 0) {
        draft.parentId = addSubject(draft.parentName, '', null, '', draft.firstRow).id
      } else if (candidates.length === 1) {
        draft.parentId = candidates[0]?.id ?? null
      } else {
        issues.row('warning', 'ambiguousParent', draft.firstRow, columnName('parent'), draft.parentName)
      }
    }
    // A parent chain that loops (A under B, B under A) is cut where it closes.
    const byId = new Map([...subjects.values()].map((d) => [d.id, d]))
    for (const draft of subjects.values()) {
      const chain = [draft.name]
      let cursor = draft.parentId
      let steps = 0
      while (cursor !== null && steps++ <= subjects.size) {
        const up = byId.get(cursor)
        if (!up) break
        chain.push(up.name)
        if (up === draft) {
          issues.row('warning', 'parentCycle', draft.firstRow, columnName('parent'), draft.parentName, { chain: chain.join(' → ') })
          draft.parentId = null
          break
        }
        cursor = up.parentId
      }
    }

    // --- Documents: one per source text; quotes without a source are vouched for by the file itself.
    const fileSource = `\u0000file:${options.file}`
    const documents = new Map<string, { doc: DocumentFile; latest: number; firstRow: number }>()
    const documentFor = (source: string, end: YearMonth, row: number): string => {
      const known = documents.get(source)
      const month = end.year * 12 + end.month - 1
      if (known) {
        if (month > known.latest) {
          known.latest = month
          known.doc.published = `${end.year}-${String(end.month).padStart(2, '0')}`
        }
        return known.doc.id
      }
      const isFile = source === fileSource
      const title = isFile ? options.file : source
      const url = !isFile && /^https?:\/\/\S+$/i.test(source) && source.length <= 2000 ? source : null
      const doc: DocumentFile = {
        id: stableId('d', source),
        title: { zh: title, en: title },
        publisher: { zh: '导入的表格', en: 'Imported table' },
        published: `${end.year}-${String(end.month).padStart(2, '0')}`,
        dateNote: {
          zh: '表格未给出发布日期：按引用它的数据中最晚的期间计。',
          en: 'The table gives no publication date: taken as the latest period of the figures citing it.',
        },
        url,
      }
      documents.set(source, { doc, latest: month, firstRow: row })
      return doc.id
    }

    // --- Observations, one per (region, indicator, period), written as columns from one object
    // filled in for each row in turn (the columns keep none of it).
    const observations = new ObservationColumnsBuilder(count)
    const observationRows: number[] = []
    const o = blankObservation()
    // The id each kept row took, and the kept row that took each id. A row's key is not kept but
    // made again on a hit (a duplicate, which is rare): 360,000 keys held to the end would cost
    // more memory than the rows themselves.
    const ids = new Array<string>(count)
    const seen = new IdIndex(count, (k) => ids[k] as string)
    const keyOf = (k: number): string =>
      `${subjectOf[k]?.id ?? ''}\u001f${kept.indicators[k]?.id ?? ''}\u001f${kept.periods[k]?.key ?? ''}`
    /** The hash state after the (region, indicator) part of a row's key, made once per pair. */
    const keyHash = (subject: SubjectDraft, indicator: IndicatorDraft): HashPrefix => {
      subject.keyHashes ??= new Map()
      let state = subject.keyHashes.get(indicator)
      if (state === undefined) {
        state = hashPrefix(`${subject.id}\u001f${indicator.id}\u001f`)
        subject.keyHashes.set(indicator, state)
      }
      return state
    }
    const usedIndicators = new Set<string>()
    // Regions that an observation has, and the regions above them.
    const usedSubjects = new Set<string>()
    let lastSubject: SubjectDraft | null = null
    for (let k = 0; k < count; k++) {
      const row = kept.rows[k] as number
      if (rejected.has(row)) continue
      const subject = subjectOf[k]
      const indicator = kept.indicators[k]
      const period = kept.periods[k]
      if (!subject || !indicator || !period) continue
      // The id is the hash of the (region, indicator, period) key, so one map by id finds both
      // duplicate rows (same key) and, should it ever happen, two keys with the same hash. The key
      // itself is only written out when the id was taken: the hash reads on from its pair's part.
      let id = stableIdFrom('o', keyHash(subject, indicator), period.key)
      ids[k] = id // before the claim: `seen` reads the id a row took from `ids`
      let first = seen.claim(id, k)
      if (first !== undefined) {
        const key = `${subject.id}\u001f${indicator.id}\u001f${period.key}`
        if (keyOf(first) === key) {
          issues.row('error', 'duplicateRow', row, undefined, undefined, {
            firstRow: kept.rows[first] as number,
            key: `${kept.regions[k] ?? ''} · ${indicator.name} · ${period.key}`,
          })
          continue
        }
        for (let salt = 1; first !== undefined; salt++) {
          id = `o-${stableHash(key, salt)}`
          ids[k] = id
          first = seen.claim(id, k)
        }
      }
      o.id = id
      o.period = period.value
      o.actual = nullIfNaN(kept.actual[k] as number)
      o.actualUpper = nullIfNaN(kept.actualUpper[k] as number)
      o.qualifier = kept.qualifiers[k] ?? null
      o.target = nullIfNaN(kept.target[k] as number)
      o.targetPeriod = kept.targetPeriods[k] ?? null
      o.yoy = nullIfNaN(kept.yoy[k] as number)
      o.rank = nullIfNaN(kept.rank[k] as number)
      o.evidence = NO_EVIDENCE

      const quote = kept.quotes[k] ?? null
      if (quote !== null) {
        // Read once for the four figures (reading the numbers of a quote is the costly part).
        const reading = readQuote(quote)
        const figures: Array<[EvidenceField, number | null]> = [
          ['actual', o.actual],
          ['target', o.target],
          ['yoy', o.yoy],
          ['rank', o.rank],
        ]
        const evidence: Evidence[] = []
        for (const [field, value] of figures) {
          if (value !== null && readingStates(reading, field, value)) evidence.push({ field, quote })
        }
        if (evidence.length === 0) issues.row('warning', 'quoteUnmatched', row, columnName('quote'), quote)
        else o.evidence = evidence
      }
      const source = kept.sources[k] ?? (o.evidence.length > 0 ? fileSource : null)

      if (!indicator.used) {
        indicator.used = true
        usedIndicators.add(indicator.id)
      }
      // The region of the observation before (and all above it) is in already.
      if (subject !== lastSubject) {
        let cursor: string | null = subject.id
        while (cursor !== null && !usedSubjects.has(cursor)) {
          usedSubjects.add(cursor)
          cursor = byId.get(cursor)?.parentId ?? null
        }
        lastSubject = subject
      }
      o.subjectId = subject.id
      o.indicatorId = indicator.id
      // A rank is counted among the region's siblings: within its parent.
      o.rankScopeId = o.rank !== null ? subject.parentId : null
      o.documentId = source === null ? null : documentFor(source, o.period.end, row)
      observations.add(o)
      observationRows.push(row)
    }

    // --- Only what the observations use (and the regions above them) goes into the dataset.
    const subjectList: SubjectFile[] = []
    const subjectRows: number[] = []
    for (const d of subjects.values()) {
      if (!usedSubjects.has(d.id)) continue
      subjectList.push({
        id: d.id,
        level: d.level ?? inferLevel(d.name),
        name: { zh: d.name, en: d.name },
        parentId: d.parentId,
      })
      subjectRows.push(d.firstRow)
    }
    const indicatorList: IndicatorFile[] = []
    const indicatorRows: number[] = []
    for (const d of indicators.values()) {
      if (!usedIndicators.has(d.id)) continue
      indicatorList.push({
        id: d.id,
        name: { zh: d.name, en: d.name },
        // The category column is optional; economy is the commonest group in these reports.
        category: d.category ?? 'economy',
        unit: d.unit,
        kind: d.kind,
        direction: d.direction ?? 'higher',
      })
      indicatorRows.push(d.firstRow)
    }
    const documentList: DocumentFile[] = []
    const documentRows: number[] = []
    for (const { doc, firstRow } of documents.values()) {
      documentList.push(doc)
      documentRows.push(firstRow)
    }

    // What was kept beside the observations is not needed any more.
    for (const list of Object.values(kept)) list.length = 0
    const name = options.datasetName ?? { zh: baseName(options.file), en: baseName(options.file) }
    return {
      value: {
        schemaVersion: 1,
        name,
        documents: documentList,
        subjects: subjectList,
        indicators: indicatorList,
        observations: observations.finish(),
      },
      observationRows,
      subjectRows,
      indicatorRows,
      documentRows,
    }
  }

  return {
    addRow,
    finish,
    get keptRows() {
      return kept.rows.length
    },
  }
}
