/**
 * When a chart can take a new option as a merge instead of a replacement.
 *
 * ECharts' `notMerge` rebuilds every component and series view (its "replaceAll" mode marks each
 * model brand new): on a filter change that re-created the tooltip's DOM (a forced page layout),
 * the axes and every bar, which was most of a 4× throttled redraw's ECharts time on the 360,000-row
 * table (npm run bench). A merge keeps the views and only updates them, but a merge also keeps any
 * setting the new option leaves out. The two agree exactly when both options have the same
 * structure: the same components, in the same order, with the same keys at every level. ECharts
 * replaces arrays inside a component whole (data, categories, mark lines), so their contents may
 * differ freely; `type` and `id` values are part of the structure, as they choose the model.
 */
import type { EChartsCoreOption } from 'echarts/core'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Keys at every level of one component's option (arrays opaque), with its type and id values. */
function componentShape(value: Record<string, unknown>): string {
  const parts: string[] = []
  for (const key of Object.keys(value).sort()) {
    const v = value[key]
    if (v === undefined) continue
    if (key === 'type' || key === 'id') parts.push(`${key}=${String(v)}`)
    else if (isPlainObject(v)) parts.push(`${key}${componentShape(v)}`)
    else parts.push(`${key}:${Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v}`)
  }
  return `{${parts.join(',')}}`
}

/**
 * A text that is equal for two options exactly when setting the second over the first with a merge
 * gives the same chart as setting it alone (see above). Top-level arrays are lists of components
 * (series, axes, dataZoom) and are compared element by element.
 */
export function optionShape(option: EChartsCoreOption): string {
  const parts: string[] = []
  for (const key of Object.keys(option).sort()) {
    const v: unknown = option[key]
    if (v === undefined) continue
    if (Array.isArray(v)) parts.push(`${key}[${v.map((c) => (isPlainObject(c) ? componentShape(c) : typeof c)).join(';')}]`)
    else if (isPlainObject(v)) parts.push(`${key}${componentShape(v)}`)
    else parts.push(`${key}:${v === null ? 'null' : typeof v}`)
  }
  return parts.join('|')
}
