/**
 * An import issue as the review page says it: the field in the reviewer's words (主体, 指标, 期间…)
 * and the import's own message in the user's language, not a row number of a table nobody sees.
 */
import type { LocaleCode } from '../../domain/model'
import type { ValidationIssue } from '../../io/validationIssue'
import { describeIssue } from '../../io/validationMessages'

type Translate = (key: string, named?: Record<string, string>) => string

function fieldLabel(t: Translate, column: string | undefined): string | null {
  switch (column) {
    case undefined:
      return null
    case 'region':
      return t('review.columns.subject')
    case 'indicator':
      return t('review.columns.indicator')
    case 'period':
      return t('review.columns.period')
    case 'unit':
      return t('review.columns.unit')
    case 'actual':
    case 'target':
    case 'yoy':
    case 'rank':
      return t('review.columns.value')
    case 'source':
      return t('review.columns.source')
    case 'quote':
      return t('review.columns.quote')
    default:
      return column
  }
}

export function reviewIssueText(t: Translate, issue: ValidationIssue, locale: LocaleCode): string {
  const { firstFigure, key } = issue.params
  // A duplicate is named by the figure it repeats, not by a row number of the hidden table.
  if (issue.code === 'duplicateRow' && typeof firstFigure === 'string') {
    return t('review.duplicateOf', { figure: firstFigure, key: String(key ?? '') })
  }
  const field = fieldLabel(t, issue.location.column)
  // "主体：“地区”不能为空" would name the field twice, once in the import's words.
  if (issue.code === 'requiredCell' && field !== null) return t('review.issue', { field, message: t('review.required') })
  const message = describeIssue(issue, locale)
  return field === null ? message : t('review.issue', { field, message })
}
