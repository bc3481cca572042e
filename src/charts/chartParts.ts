/**
 * The ECharts series and components the app's charts use, in one list: the app registers them
 * with the canvas renderer (EChart.vue), the Node tests with the SVG renderer, so both draw with
 * exactly the same parts. Add a part here when a chart builder needs it.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'

export const CHART_PARTS = [
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  DataZoomComponent,
  MarkLineComponent,
  AriaComponent,
]
