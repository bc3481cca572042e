/**
 * The data behind a chart as an interchange table (shared/guides/domain.md): one row per (region,
 * indicator, period), the columns the import reads, so an exported CSV or XLSX imports back to the
 * same figures.
 *
 * Headers, units, levels, categories and qualifiers are written in the format's own vocabulary (the
 * import's aliases), in Chinese for the Chinese UI: 地区, 亿元, 街道, 经济发展, "300余". Figures are
 * numbers in the unit of their row (4.32 with unit 亿元), chosen per indicator from its largest
 * value; only a figure with a qualifier ("300余", "75至80") is text, because the qualifier is part of
 * the figure. Every unit is checked to read back as the indicator's base unit and scale, or the base
 * unit itself is written.
 */
import type { CategoryId, LocaleCode, Observation, Qualifier, SubjectLevel } from '../domain/model'
import type { ObservationRow } from '../domain/observationRow'
import { displayScale } from '../domain/displayScale'
import { formatPeriod, parsePeriod, periodKey } from '../domain/period'
import { parseUnit, unitInfo } from '../domain/units'
import { FIELD_ALIASES, INTERCHANGE_FIELDS, type InterchangeField } from '../io/interchangeColumns'

export type Cell = string | number | null

export interface InterchangeTable {
  headers: string[]
  rows: Cell[][]
}

const CJK = /[\u3400-\u9fff]/

/** The header of a field: its first Chinese alias in Chinese, the field name otherwise. */
export function interchangeHeader(field: InterchangeField, locale: LocaleCode): string {
  if (locale === 'zh-CN') return FIELD_ALIASES[field].find((alias) => CJK.test(alias)) ?? field
  return field
}

const LEVEL_ZH: Readonly<Record<SubjectLevel, string>> = {
  city: '市',
  district: '区',
  street: '街道',
  town: '镇',
  community: '社区',
  village: '村',
  org: '单位',
  project: '项目',
}

const CATEGORY_ZH: Readonly<Record<CategoryId, string>> = {
  economy: '经济发展',
  projects: '项目建设',
  livelihood: '民生保障',
  governance: '社会治理',
  community: '社区建设',
  finance: '金融',
}

/** Removes float noise from a division such as 432000000 / 1e8. */
function clean(value: number): number {
  return Number(value.toPrecision(15))
}

export interface UnitColumn {
  /** The unit as written in the table: "亿元", "%", "件", "CNY". */
  text: string
  /** Divide a base-unit value by this to get the number in the table. */
  factor: number
}

/**
 * The unit an indicator's rows are written in: the display scale in Chinese (亿元 for large sums),
 * the base unit in English (the import reads "CNY", not "CNY million"). Only a written form that
 * reads back as the same base unit and factor is used.
 */
export function unitColumn(unit: string, values: readonly number[], locale: LocaleCode): UnitColumn {
  const info = unitInfo(unit)
  const candidates: UnitColumn[] = []
  if (locale === 'zh-CN') {
    const scale = displayScale(unit, values, 'zh-CN')
    candidates.push({ text: scale.caption, factor: scale.factor }, { text: info.zh, factor: 1 })
  } else {
    candidates.push({ text: unit, factor: 1 }, { text: info.zh, factor: 1 })
  }
  for (const candidate of candidates) {
    const parsed = parseUnit(candidate.text)
    if (parsed && parsed.unit === unit && parsed.factor === candidate.factor) return candidate
  }
  return { text: unit, factor: 1 }
}

/** A figure with its qualifier, in the words the import (and a Chinese reader) understands. */
export function qualifiedFigure(value: number, upper: number | null, qualifier: Qualifier | null): Cell {
  const n = numberText(value)
  switch (qualifier) {
    case 'more-than':
      return `${n}余`
    case 'about':
      return `约${n}`
    case 'nearly':
      return `近${n}`
    case 'over':
      return `超过${n}`
    case 'range':
      return upper === null ? value : `${n}至${numberText(upper)}`
    default:
      return value
  }
}

/** A number in plain decimal notation (never "1e-7", which no spreadsheet user types). */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return ''
  if (Object.is(value, -0)) return '0'
  const text = String(value)
  if (!/e/i.test(text)) return text
  const abs = Math.abs(value)
  if (abs >= 1) return BigInt(Math.round(value)).toString()
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}

function periodText(period: Observation['period'], locale: LocaleCode): string {
  const text = formatPeriod(period, locale)
  const back = parsePeriod(text)
  return back && periodKey(back) === periodKey(period) ? text : periodKey(period)
}

/** The quotes behind an observation, each once, in field order. */
function quoteText(observation: Observation): string | null {
  const quotes = [...new Set(observation.evidence.map((e) => e.quote.trim()).filter((q) => q !== ''))]
  return quotes.length === 0 ? null : quotes.join('……')
}

export interface InterchangeOptions {
  locale: LocaleCode
  /** A name in the export's language. */
  nameOf: (text: { zh: string; en: string }) => string
  /**
   * The unit of each indicator's rows, by indicator id, when the table is written in parts (a large
   * export, a slice at a time) and every part must use the units chosen from all rows. Otherwise
   * they are chosen from the rows given.
   */
  units?: ReadonlyMap<string, UnitColumn>
}

/** The rows as an interchange table, in the order given. */
export function buildInterchangeTable(rows: readonly ObservationRow[], options: InterchangeOptions): InterchangeTable {
  const { locale, nameOf } = options
  // One unit per indicator, from every figure of it in this export.
  const units = new Map<string, UnitColumn>(options.units ?? [])
  const valuesOf = new Map<string, number[]>()
  for (const row of rows) {
    if (units.has(row.indicator.id)) continue
    const list = valuesOf.get(row.indicator.id) ?? []
    for (const v of [row.observation.actual, row.observation.actualUpper, row.observation.target]) if (v !== null) list.push(v)
    valuesOf.set(row.indicator.id, list)
  }
  for (const row of rows)
    if (!units.has(row.indicator.id))
      units.set(row.indicator.id, unitColumn(row.indicator.unit, valuesOf.get(row.indicator.id) ?? [], locale))

  const body = rows.map((row) => {
    const o = row.observation
    const unit = units.get(row.indicator.id) ?? { text: row.indicator.unit, factor: 1 }
    const scaled = (v: number): number => clean(v / unit.factor)
    const parent = row.parents[row.parents.length - 1] ?? null
    const cells: Record<InterchangeField, Cell> = {
      region: nameOf(row.subject.name),
      parent: parent ? nameOf(parent.name) : null,
      level: locale === 'zh-CN' ? LEVEL_ZH[row.subject.level] : row.subject.level,
      indicator: nameOf(row.indicator.name),
      category: locale === 'zh-CN' ? CATEGORY_ZH[row.indicator.category] : row.indicator.category,
      unit: unit.text,
      period: periodText(o.period, locale),
      target: o.target === null ? null : scaled(o.target),
      target_period: o.targetPeriod === null ? null : periodText(o.targetPeriod, locale),
      actual:
        o.actual === null ? null : qualifiedFigure(scaled(o.actual), o.actualUpper === null ? null : scaled(o.actualUpper), o.qualifier),
      yoy: o.yoy,
      rank: o.rank,
      better: row.indicator.direction,
      source: row.document ? nameOf(row.document.title) : null,
      quote: quoteText(o),
    }
    return INTERCHANGE_FIELDS.map((field) => cells[field])
  })
  return { headers: INTERCHANGE_FIELDS.map((field) => interchangeHeader(field, locale)), rows: body }
}
