/**
 * How a bulletin words a figure against its plan and against 序时进度. Shared by the clause of one
 * street and the district summary, so the two can never phrase the same comparison differently.
 *
 * Direction matters: for a higher-is-better figure the gap reads 超序时进度 / 落后序时进度; for a
 * lower-is-better one (a ceiling on energy use or complaints) being under the line is the good
 * case, so it reads 低于序时进度 / 高于序时进度 and the plan is a 控制目标, never "completed".
 */
import type { Direction, LocaleCode, Period } from '../domain/model'
import type { ProgressStatus } from '../domain/progress'
import { derivedPercent, periodPhrase, pointsText, roundTo } from './reportFormat'
import { figure, text, type FigureSource, type Segment } from './segments'

function isWholeCalendarYear(p: Period): boolean {
  return p.start.year === p.end.year && p.start.month === 1 && p.end.month === 12
}

/**
 * What the target is called: 年度计划 / "the annual plan" for an annual target; 年度控制目标 /
 * "the annual ceiling" for a lower-is-better one; otherwise named by its own period (上半年计划).
 */
export function planLabel(targetPeriod: Period | null, direction: Direction, locale: LocaleCode): string {
  const ceiling = direction === 'lower'
  if (targetPeriod === null || isWholeCalendarYear(targetPeriod)) {
    if (locale === 'zh-CN') return ceiling ? '年度控制目标' : '年度计划'
    return ceiling ? 'the annual ceiling' : 'the annual plan'
  }
  const when = periodPhrase(targetPeriod, locale)
  if (locale === 'zh-CN') return ceiling ? `${when}控制目标` : `${when}计划`
  return ceiling ? `the ceiling for ${when}` : `the plan for ${when}`
}

/** "占年度计划的86.9%" / "86.9% of the annual plan"; a ceiling is "为年度控制目标的70.0%". */
export function completionPhrase(
  completion: number,
  label: string,
  direction: Direction,
  locale: LocaleCode,
  sources: FigureSource[],
): Segment[] {
  const rate = figure(derivedPercent(completion, locale), { role: 'completion', value: completion, sources, derived: true })
  if (locale === 'zh-CN') return [text(direction === 'lower' ? `为${label}的` : `占${label}的`), rate]
  return [rate, text(` of ${label}`)]
}

/**
 * The gap to 序时进度 in percentage points, worded by its sign and the indicator's direction:
 * 超序时进度3.6个百分点 / 落后序时进度…; 低于/高于序时进度… for a ceiling; within the tolerance
 * "与序时进度基本持平", and "与序时进度持平" when it rounds to 0.0 (no "超0.0个百分点").
 */
export function gapPhrase(
  gap: number,
  status: ProgressStatus,
  direction: Direction,
  locale: LocaleCode,
  sources: FigureSource[],
): Segment[] {
  const zh = locale === 'zh-CN'
  if (roundTo(Math.abs(gap), 1) === 0) return [text(zh ? '与序时进度持平' : 'on schedule')]
  if (status === 'on-time') return [text(zh ? '与序时进度基本持平' : 'broadly on schedule')]
  const points = figure(pointsText(gap, locale), { role: 'gap', value: gap, sources, derived: true, status })
  const above = gap > 0
  if (direction === 'lower') {
    if (zh) return [text(above ? '高于序时进度' : '低于序时进度'), points]
    return [points, text(above ? ' above the time-elapsed share' : ' below the time-elapsed share')]
  }
  if (zh) return [text(above ? '超序时进度' : '落后序时进度'), points]
  return [points, text(above ? ' ahead of schedule' : ' behind schedule')]
}
