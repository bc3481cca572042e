/**
 * Re-colouring a finished option from one palette to another: a chart drawn for the dark theme,
 * exported on a white background, gets the light palette's ink (light text on white would vanish).
 * Colours are matched by their role in the palettes (text → text, bar → bar, …), case-insensitively.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { ChartPalette } from '../charts/palette'
import { copyOption } from './optionCopy'

function paletteEntries(palette: ChartPalette): Array<[string, string]> {
  const entries: Array<[string, string]> = []
  for (const [key, value] of Object.entries(palette) as Array<[string, unknown]>) {
    if (typeof value === 'string') entries.push([key, value])
    else if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && entries.push([`${key}.${i}`, v]))
    else if (typeof value === 'object' && value !== null)
      for (const [sub, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string') entries.push([`${key}.${sub}`, v])
  }
  return entries
}

/** Colour in `from` → the colour of the same role in `to`. */
export function paletteMap(from: ChartPalette, to: ChartPalette): Map<string, string> {
  const target = new Map(paletteEntries(to))
  const map = new Map<string, string>()
  for (const [role, colour] of paletteEntries(from)) {
    const replacement = target.get(role)
    if (replacement !== undefined && !map.has(colour.toLowerCase())) map.set(colour.toLowerCase(), replacement)
  }
  return map
}

/** A copy of `option` with every colour of `from` replaced by its counterpart in `to`. */
export function recolorOption(option: EChartsCoreOption, from: ChartPalette, to: ChartPalette): EChartsCoreOption {
  if (from === to) return copyOption(option)
  const map = paletteMap(from, to)
  return copyOption(option, (text) => map.get(text.toLowerCase()) ?? text)
}
