/**
 * What a chart image export can be asked for, and the pixel sizes that follow from it.
 *
 * The output size in pixels is always the chosen size × the scale: a 16:9 slide at 2x is
 * 3840×2160. Slide sizes are laid out at 2/3 of their pixel size (1280×720 for 16:9) and drawn at a
 * 1.5 higher ratio, so the chart's 12 px labels come out at 18 px per 1920 px of width: readable on a
 * projector, where text drawn 1:1 at 1920 wide would be too small. "As shown" keeps the page's layout.
 */

export const IMAGE_FORMATS = ['png', 'svg'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

export const IMAGE_SCALES = [1, 2, 3] as const
export type ImageScale = (typeof IMAGE_SCALES)[number]

export const IMAGE_BACKGROUNDS = ['white', 'transparent', 'theme'] as const
export type ImageBackground = (typeof IMAGE_BACKGROUNDS)[number]

export const IMAGE_SIZES = ['shown', 'slide16x9', 'slide4x3'] as const
export type ImageSize = (typeof IMAGE_SIZES)[number]

export interface ImageSettings {
  format: ImageFormat
  scale: ImageScale
  background: ImageBackground
  size: ImageSize
}

export const DEFAULT_IMAGE_SETTINGS: Readonly<ImageSettings> = {
  format: 'png',
  scale: 2,
  background: 'white',
  size: 'shown',
}

export interface Size {
  width: number
  height: number
}

/** Pixel sizes at 1x of the fixed presets. */
export const SIZE_PRESETS: Readonly<Record<Exclude<ImageSize, 'shown'>, Size>> = {
  slide16x9: { width: 1920, height: 1080 },
  slide4x3: { width: 1440, height: 1080 },
}

/** Slides are laid out this much smaller than their pixel size, and drawn this much sharper. */
export const SLIDE_TEXT_ZOOM = 1.5

/** Limits that keep a canvas within what browsers allocate (Chromium: 16384 px a side). */
export const MAX_LAYOUT_SIDE = 5000
export const MAX_PIXEL_SIDE = 16000

export interface ImageDimensions {
  /** The image's size in pixels at 1x (SVG: its nominal width and height). */
  width: number
  height: number
  /** The size the chart is laid out at, in CSS pixels. */
  layoutWidth: number
  layoutHeight: number
  /** Drawing ratio: layout size × pixelRatio = output pixels (= width × scale). */
  pixelRatio: number
}

/**
 * Sizes for a chart that is `shown` on the page (its drawing area, in CSS pixels), exported at
 * `size` and `scale`. A scale that would exceed the canvas limit is lowered (never the layout).
 */
export function imageDimensions(size: ImageSize, scale: ImageScale, shown: Size): ImageDimensions {
  if (size === 'shown') {
    const width = clampSide(shown.width)
    const height = clampSide(shown.height)
    return { width, height, layoutWidth: width, layoutHeight: height, pixelRatio: safeRatio(width, height, scale) }
  }
  const preset = SIZE_PRESETS[size]
  const ratio = safeRatio(preset.width, preset.height, scale)
  return {
    width: preset.width,
    height: preset.height,
    layoutWidth: preset.width / SLIDE_TEXT_ZOOM,
    layoutHeight: preset.height / SLIDE_TEXT_ZOOM,
    pixelRatio: ratio * SLIDE_TEXT_ZOOM,
  }
}

function clampSide(value: number): number {
  return Math.max(1, Math.min(MAX_LAYOUT_SIDE, Math.round(Number.isFinite(value) ? value : 1)))
}

function safeRatio(width: number, height: number, scale: number): number {
  const longest = Math.max(width, height)
  return longest * scale <= MAX_PIXEL_SIDE ? scale : Math.max(1, Math.floor(MAX_PIXEL_SIDE / longest))
}

/** Whether a value read back (from storage, a test) is one of the known settings. */
export function isImageSettings(value: unknown): value is ImageSettings {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    (IMAGE_FORMATS as readonly unknown[]).includes(v.format) &&
    (IMAGE_SCALES as readonly unknown[]).includes(v.scale) &&
    (IMAGE_BACKGROUNDS as readonly unknown[]).includes(v.background) &&
    (IMAGE_SIZES as readonly unknown[]).includes(v.size)
  )
}
