/**
 * Colours the chart builders draw with, one set per theme. Builders take a palette instead of
 * hard-coding colours, so the dark theme (and later the projector theme) re-colours every chart.
 * Status colours keep their meaning across themes and are always paired with an icon or a word.
 */
import type { ProgressStatus } from '../domain/progress'

export type ThemeName = 'light' | 'dark'

export interface ChartPalette {
  text: string
  muted: string
  axisLine: string
  /** Grey bad / ok / good bands behind a bullet bar, darkest first. */
  bands: readonly [string, string, string]
  status: Readonly<Record<ProgressStatus, string>>
  /** Bars that carry no status (counts, growth): one calm colour, the average and reference in ink. */
  bar: string
  /** A bar that is below zero (a fall in YoY growth). */
  negative: string
  /** Behind a value label that may sit on a marker line. */
  labelBackground: string
  tooltipBackground: string
  tooltipText: string
}

export const LIGHT_PALETTE: ChartPalette = {
  text: '#1f2328',
  muted: '#57606a',
  axisLine: '#8c959f',
  bands: ['#d0d7de', '#e1e6eb', '#f0f2f4'],
  status: { ahead: '#1a7f37', 'on-time': '#b58100', behind: '#b42318' },
  bar: '#1f5fbf',
  negative: '#b42318',
  labelBackground: 'rgba(255, 255, 255, 0.85)',
  tooltipBackground: '#ffffff',
  tooltipText: '#1f2328',
}

export const DARK_PALETTE: ChartPalette = {
  text: '#e6edf3',
  muted: '#9aa6b2',
  axisLine: '#6e7781',
  bands: ['#3d444d', '#30363d', '#262c33'],
  status: { ahead: '#3fb950', 'on-time': '#d4a72c', behind: '#f85149' },
  bar: '#58a6ff',
  negative: '#f85149',
  labelBackground: 'rgba(13, 17, 23, 0.8)',
  tooltipBackground: '#161b22',
  tooltipText: '#e6edf3',
}

export const PALETTES: Readonly<Record<ThemeName, ChartPalette>> = { light: LIGHT_PALETTE, dark: DARK_PALETTE }

/** Colour is never the only signal: bars and cards repeat the status as an icon (as StatusBadge does). */
export const STATUS_ICONS: Readonly<Record<ProgressStatus, string>> = { ahead: '▲', 'on-time': '●', behind: '▼' }
