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
  /** Base text size in px: 12 on screen, larger for the projector (axis labels ≥ 28 px at 1080p). */
  fontSize: number
  /** Width of marker lines (target, average, reference). */
  lineWidth: number
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
  fontSize: 12,
  lineWidth: 2,
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
  fontSize: 12,
  lineWidth: 2,
}

export const PALETTES: Readonly<Record<ThemeName, ChartPalette>> = { light: LIGHT_PALETTE, dark: DARK_PALETTE }

/**
 * Projector themes: projectors wash out colour and small text, so pure black/white grounds, type at
 * 28 px on a 1080p stage, thick lines, and status colours from the Okabe–Ito colour-blind-safe set
 * (always with icons, and decals on by default in the presenter).
 */
export const PROJECTOR_PALETTES: Readonly<Record<ThemeName, ChartPalette>> = {
  light: {
    ...LIGHT_PALETTE,
    text: '#000000',
    muted: '#333333',
    axisLine: '#000000',
    bands: ['#bdbdbd', '#d9d9d9', '#efefef'],
    status: { ahead: '#0072b2', 'on-time': '#e69f00', behind: '#d55e00' },
    bar: '#0072b2',
    negative: '#d55e00',
    labelBackground: 'rgba(255, 255, 255, 0.9)',
    fontSize: 28,
    lineWidth: 4,
  },
  dark: {
    ...DARK_PALETTE,
    text: '#ffffff',
    muted: '#dddddd',
    axisLine: '#ffffff',
    bands: ['#4d4d4d', '#383838', '#262626'],
    status: { ahead: '#56b4e9', 'on-time': '#f0e442', behind: '#e69f00' },
    bar: '#56b4e9',
    negative: '#e69f00',
    labelBackground: 'rgba(0, 0, 0, 0.85)',
    fontSize: 28,
    lineWidth: 4,
  },
}

/** Colour is never the only signal: bars and cards repeat the status as an icon (as StatusBadge does). */
export const STATUS_ICONS: Readonly<Record<ProgressStatus, string>> = { ahead: '▲', 'on-time': '●', behind: '▼' }
