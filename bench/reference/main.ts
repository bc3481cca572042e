/**
 * The benchmark's reference page (npm run bench): the smallest Vue page that draws one ECharts bar
 * chart, with the same Vue and ECharts versions as the dashboard, marking 'dashboard:ready' on
 * ECharts' 'finished' like the dashboard does. Every figure of the dashboard is compared with it.
 *
 * A hash change (#1, #2, …) redraws the chart with other numbers: the reference for the
 * dashboard's filter change latency.
 */
import { createApp, defineComponent, h, onBeforeUnmount, onMounted, ref } from 'vue'
import { init, use, type EChartsType } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, CanvasRenderer])

const READY_MARK = 'dashboard:ready'

/**
 * Twenty bars of deterministic numbers, different for each hash. ECharts' defaults otherwise, the
 * entrance animation included: 'finished' (and so the mark) comes after it, as in the dashboard.
 */
function option(variant: number): Record<string, unknown> {
  const names = Array.from({ length: 20 }, (_, i) => `第${i + 1}街道`)
  const values = names.map((_, i) => Math.round(50 + 50 * Math.abs(Math.sin((i + 1) * (variant + 1)))))
  return {
    grid: { left: 80, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [{ type: 'bar', data: values }],
  }
}

const Chart = defineComponent({
  setup() {
    const el = ref<HTMLDivElement | null>(null)
    let chart: EChartsType | null = null
    let awaiting = true
    const draw = (): void => {
      awaiting = true
      chart?.setOption(option(Number(location.hash.slice(1)) || 0), { notMerge: true })
    }
    onMounted(() => {
      if (!el.value) return
      chart = init(el.value)
      chart.on('finished', () => {
        if (!awaiting) return
        awaiting = false
        performance.mark(READY_MARK)
        document.documentElement.dataset.readyCount = String(performance.getEntriesByName(READY_MARK).length)
      })
      draw()
      window.addEventListener('hashchange', draw)
    })
    onBeforeUnmount(() => {
      window.removeEventListener('hashchange', draw)
      chart?.dispose()
    })
    return () => h('div', { ref: el, style: { width: '100%', height: '560px' } })
  },
})

createApp(Chart).mount('#app')
