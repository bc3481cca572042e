/**
 * Validation messages in both languages. Kept as plain functions (not vue-i18n messages) because the
 * command-line validator uses them too, outside any Vue app.
 */
import type { LocaleCode } from '../domain/model'
import type { IssueCode, IssueLocation, ValidationIssue } from './validationIssue'

type Params = Record<string, string | number>
type Template = (p: Params) => string

const ZH: Record<IssueCode, Template> = {
  fileUnreadable: (p) => `无法读取文件：${p.reason}`,
  jsonSyntax: (p) => `不是有效的 JSON：${p.reason}`,
  type: (p) => `类型不对：应为${p.expected}，实际为${p.received}`,
  unknownKey: (p) => `多余的字段“${p.key}”（字段名是否拼错？）`,
  missingKey: (p) => `缺少必填字段“${p.key}”`,
  empty: () => '不能为空',
  id: (p) => `编号“${p.value}”无效：只能使用字母、数字、点、下划线和连字符`,
  period: (p) => `无法识别的期间“${p.value}”（示例：2023、2023-06、2023-01..2023-10、2023年1-10月）`,
  yearMonth: (p) => `无法识别的年月“${p.value}”（示例：2023-12）`,
  finite: (p) => `“${p.value}”不是有效数字`,
  enum: (p) => `“${p.value}”不是允许的取值（可选：${p.allowed}）`,
  integer: (p) => `排名应为整数，实际为 ${p.value}`,
  rankMin: (p) => `排名应不小于 1，实际为 ${p.value}`,
  quoteLength: () => '原文摘录过长（最多 500 字）：请只保留陈述该数字的分句',
  schemaVersion: (p) => `不支持的数据格式版本 ${p.value}（应为 1）`,
  unknownRef: (p) => `${p.field}引用了不存在的编号“${p.value}”`,
  duplicateId: (p) => `编号“${p.value}”重复（第一次出现在 ${p.first}）`,
  duplicateKey: (p) => `与 ${p.other} 重复：同一地区、指标和期间（${p.key}）只能有一条观测`,
  parentCycle: (p) => `上级关系形成循环：${p.chain}`,
  noFigures: () => '这条观测没有任何数值（完成值、目标、同比、排名均为空）',
  targetNotPositive: (p) => `目标应大于 0，实际为 ${p.value}`,
  outOfRange: (p) => `${p.field} ${p.value} 超出合理范围 ${p.min} 至 ${p.max}（${p.kind}）`,
  rangeWithoutUpper: () => '限定词为“范围”，但缺少上限 actualUpper',
  upperWithoutRange: () => '给出了上限 actualUpper，但限定词不是“范围”',
  evidenceForEmptyField: (p) => `原文摘录对应的字段“${p.field}”为空`,
  figureWithoutEvidence: (p) => `字段“${p.field}”有数值，但没有原文摘录`,
  evidenceWithoutDocument: () => '有原文摘录，但未注明来源文件 documentId',
  quoteMismatch: (p) => `原文“${p.quote}”中找不到与${p.field} ${p.value} 相符的数字`,
  targetPeriodBeforePeriod: (p) => `目标期间 ${p.targetPeriod} 早于观测期间 ${p.period}`,
  fileTooLarge: (p) => `文件过大（${p.size}），上限为 ${p.max}：请拆分后分批导入`,
  tooManyRows: (p) => `行数超过上限 ${p.max}：请拆分后分批导入`,
  unsupportedFormat: (p) => `无法识别的文件类型“${p.name}”：请使用 CSV、TSV、XLSX 或 JSON`,
  legacyXls: () => '不支持旧版 .xls 工作簿：请在 Excel 中另存为 .xlsx 或 CSV',
  emptyTable: () => '表格为空：没有表头行或数据行',
  encodingDamaged: (p) => `按 ${p.encoding} 解码时有 ${p.count} 处无法识别的字符：文件可能已损坏或使用了其他编码`,
  missingColumn: (p) => `缺少必填列“${p.field}”（可在列映射中指定）`,
  duplicateColumn: (p) => `多列都对应“${p.field}”：${p.columns}`,
  ignoredColumn: (p) => `未识别的列“${p.column}”，已忽略`,
  unclosedQuote: () => '引号未闭合：该单元格一直延续到文件末尾',
  forbiddenKey: (p) => `数据中含有不允许的字段名“${p.key}”`,
  urlNotAllowed: (p) => `只能加载同源或相对地址的数据，已拒绝“${p.url}”`,
  fetchFailed: (p) => `无法获取“${p.url}”：${p.reason}`,
  fetchTimeout: (p) => `获取“${p.url}”超时（${p.seconds} 秒）`,
  figuresWithoutQuote: (p) => `${p.count} 个数值注明了来源但没有原文摘录`,
  issuesTruncated: (p) => `另有 ${p.count} 条问题未逐条列出`,
  noValidRows: () => '没有可导入的有效行',
  requiredCell: (p) => `“${p.field}”不能为空`,
  badUnit: (p) => `无法识别的单位“${p.value}”（示例：亿元、万元、%、件、个、万平方米）`,
  unitMismatch: (p) => `“${p.value}”的单位（${p.unit}）与本行单位（${p.expected}）不一致`,
  unitConflict: (p) => `指标“${p.indicator}”在第 ${p.firstRow} 行的单位是 ${p.first}，本行却是“${p.value}”`,
  extraCells: (p) => `本行比表头多出 ${p.count} 个非空单元格，已忽略`,
  qualifierIgnored: (p) => `“${p.value}”中的限定词（约、余、近等）只对完成值有意义，${p.field}按数值 ${p.number} 导入`,
  ambiguousRegion: (p) => `地区“${p.value}”在不同上级下都出现过（${p.parents}），本行未填上级，无法确定是哪一个`,
  ambiguousParent: (p) => `上级“${p.value}”有多个同名地区，无法确定：暂按顶层地区导入`,
  attributeConflict: (p) => `${p.field}“${p.value}”与第 ${p.firstRow} 行的“${p.first}”不一致，按第 ${p.firstRow} 行导入`,
  duplicateRow: (p) => `与第 ${p.firstRow} 行重复：同一地区、指标和期间（${p.key}）只能有一行`,
  quoteUnmatched: () => '原文中找不到本行的任何数值，原文未导入',
}

const EN: Record<IssueCode, Template> = {
  fileUnreadable: (p) => `Cannot read the file: ${p.reason}`,
  jsonSyntax: (p) => `Not valid JSON: ${p.reason}`,
  type: (p) => `Wrong type: expected ${p.expected}, got ${p.received}`,
  unknownKey: (p) => `Unexpected field "${p.key}" (misspelt?)`,
  missingKey: (p) => `Required field "${p.key}" is missing`,
  empty: () => 'Must not be empty',
  id: (p) => `Invalid id "${p.value}": use letters, digits, dots, underscores and hyphens only`,
  period: (p) =>
    `Unrecognised period "${p.value}" (examples: 2023, 2023-06, 2023-01..2023-10, 2023年1-10月)`,
  yearMonth: (p) => `Unrecognised month "${p.value}" (example: 2023-12)`,
  finite: (p) => `"${p.value}" is not a valid number`,
  enum: (p) => `"${p.value}" is not an allowed value (one of: ${p.allowed})`,
  integer: (p) => `A rank must be a whole number, got ${p.value}`,
  rankMin: (p) => `A rank must be 1 or more, got ${p.value}`,
  quoteLength: () => 'Quote too long (500 characters at most): keep only the clause that states the figure',
  schemaVersion: (p) => `Unsupported dataset format version ${p.value} (expected 1)`,
  unknownRef: (p) => `${p.field} refers to an id that does not exist: "${p.value}"`,
  duplicateId: (p) => `Duplicate id "${p.value}" (first used at ${p.first})`,
  duplicateKey: (p) =>
    `Duplicates ${p.other}: one observation per region, indicator and period (${p.key})`,
  parentCycle: (p) => `The parent chain loops: ${p.chain}`,
  noFigures: () => 'This observation has no figure at all (actual, target, YoY and rank are all empty)',
  targetNotPositive: (p) => `A target must be greater than 0, got ${p.value}`,
  outOfRange: (p) => `${p.field} ${p.value} is outside the plausible range ${p.min} to ${p.max} (${p.kind})`,
  rangeWithoutUpper: () => 'The qualifier is "range" but actualUpper is missing',
  upperWithoutRange: () => 'actualUpper is given but the qualifier is not "range"',
  evidenceForEmptyField: (p) => `A quote is given for "${p.field}", which is empty`,
  figureWithoutEvidence: (p) => `"${p.field}" has a value but no quote`,
  evidenceWithoutDocument: () => 'Quotes are given but no source document (documentId)',
  quoteMismatch: (p) => `The quote "${p.quote}" states no number matching ${p.field} ${p.value}`,
  targetPeriodBeforePeriod: (p) => `The target period ${p.targetPeriod} ends before the period ${p.period}`,
  fileTooLarge: (p) => `The file is too large (${p.size}; at most ${p.max}): split it and import the parts`,
  tooManyRows: (p) => `More than ${p.max} rows: split the table and import the parts`,
  unsupportedFormat: (p) => `Unrecognised file type "${p.name}": use CSV, TSV, XLSX or JSON`,
  legacyXls: () => 'Legacy .xls workbooks are not supported: save it as .xlsx or CSV in Excel',
  emptyTable: () => 'The table is empty: no header row or no data rows',
  encodingDamaged: (p) =>
    `${p.count} characters could not be decoded as ${p.encoding}: the file may be damaged or in another encoding`,
  missingColumn: (p) => `Required column "${p.field}" is missing (map it in the column mapping)`,
  duplicateColumn: (p) => `Several columns map to "${p.field}": ${p.columns}`,
  ignoredColumn: (p) => `Unrecognised column "${p.column}" was ignored`,
  unclosedQuote: () => 'A quote is never closed: the cell runs to the end of the file',
  forbiddenKey: (p) => `The data contains a forbidden key "${p.key}"`,
  urlNotAllowed: (p) => `Only same-origin or relative links can be loaded; "${p.url}" was refused`,
  fetchFailed: (p) => `Could not fetch "${p.url}": ${p.reason}`,
  fetchTimeout: (p) => `Fetching "${p.url}" timed out (${p.seconds} s)`,
  figuresWithoutQuote: (p) =>
    p.count === 1 ? '1 figure names a source but carries no quote' : `${p.count} figures name a source but carry no quote`,
  issuesTruncated: (p) => `${p.count} more issues are not listed one by one`,
  noValidRows: () => 'There is no valid row to import',
  requiredCell: (p) => `"${p.field}" must not be empty`,
  badUnit: (p) => `Unrecognised unit "${p.value}" (examples: 亿元, 万元, %, 件, 个, 万平方米)`,
  unitMismatch: (p) => `The unit of "${p.value}" (${p.unit}) differs from the row's unit (${p.expected})`,
  unitConflict: (p) =>
    `Indicator "${p.indicator}" has unit ${p.first} in row ${p.firstRow}, but "${p.value}" here`,
  extraCells: (p) => `${p.count} non-empty cells beyond the last header were ignored`,
  qualifierIgnored: (p) =>
    `The qualifier in "${p.value}" (about, more than, …) applies to actuals only; ${p.field} imported as ${p.number}`,
  ambiguousRegion: (p) =>
    `Region "${p.value}" appears under several parents (${p.parents}) and this row names none`,
  ambiguousParent: (p) => `Several regions are named "${p.value}", so the parent is unclear: imported as top level`,
  attributeConflict: (p) =>
    `${p.field} "${p.value}" disagrees with "${p.first}" in row ${p.firstRow}; row ${p.firstRow} wins`,
  duplicateRow: (p) => `Duplicates row ${p.firstRow}: one row per region, indicator and period (${p.key})`,
  quoteUnmatched: () => 'The quote states none of the figures in this row, so it was not imported',
}

const FIELD_NAMES_ZH: Record<string, string> = {
  actual: '完成值',
  target: '目标',
  yoy: '同比',
  rank: '排名',
  subjectId: '地区',
  indicatorId: '指标',
  documentId: '来源文件',
  rankScopeId: '排名范围',
  parentId: '上级',
  // Interchange table columns (import issues name the field a column was mapped to).
  region: '地区',
  parent: '上级',
  level: '层级',
  indicator: '指标',
  category: '类别',
  unit: '单位',
  period: '期间',
  target_period: '目标期间',
  better: '方向',
  source: '来源',
  quote: '原文',
}

/** Where the issue is, as a reader would say it: "data/dataset.json › observations[12] (000-13) › target". */
export function describeLocation(location: IssueLocation, locale: LocaleCode): string {
  const parts: string[] = [location.file]
  if (location.row !== undefined) {
    const column = location.column ?? ''
    parts.push(
      locale === 'zh-CN'
        ? `第 ${location.row} 行${column ? `“${column}”列` : ''}`
        : `row ${location.row}${column ? `, column "${column}"` : ''}`,
    )
  } else if (location.path && location.path.length > 0) {
    let path = ''
    for (const [i, key] of location.path.entries()) {
      path += typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${key}`
      // The record label goes right after its array index, where a reader looks for it.
      if (typeof key === 'number' && i === 1 && location.record) path += ` (${location.record})`
    }
    parts.push(path)
  }
  return parts.join(' › ')
}

export function describeIssue(issue: ValidationIssue, locale: LocaleCode): string {
  const templates = locale === 'zh-CN' ? ZH : EN
  const params: Params = { ...issue.params }
  if (locale === 'zh-CN' && typeof params.field === 'string') params.field = FIELD_NAMES_ZH[params.field] ?? params.field
  return templates[issue.code](params)
}

/** One line per issue: "错误 data/dataset.json › observations[3] (000-04).target: 目标应大于 0，实际为 0". */
export function formatIssueLine(issue: ValidationIssue, locale: LocaleCode): string {
  const severity =
    locale === 'zh-CN' ? (issue.severity === 'error' ? '错误' : '警告') : issue.severity === 'error' ? 'error' : 'warning'
  return `${severity} ${describeLocation(issue.location, locale)}: ${describeIssue(issue, locale)}`
}
