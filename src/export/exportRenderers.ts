/**
 * The ECharts parts an image export needs beyond the page's own: the SVG renderer (SVG export) and
 * the graphic component (the caption texts). Imported dynamically by `renderChartImage`, so they
 * load with the first export, not with the page. Registration is global and idempotent.
 */
import { use } from 'echarts/core'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { GraphicComponent } from 'echarts/components'
import { CHART_PARTS } from '../charts/chartParts'

use([CanvasRenderer, SVGRenderer, GraphicComponent, ...CHART_PARTS])

export const exportRenderersRegistered = true
