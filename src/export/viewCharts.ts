/**
 * Which charts the current view shows, for "export all": every ChartPanel registers itself while
 * mounted. A view (or any ancestor) may provide its own registry under CHART_REGISTRY; without one,
 * the page-wide registry is used, which holds exactly the charts of the routed view because only one
 * view is mounted at a time.
 */
import { inject, shallowRef, type InjectionKey, type ShallowRef } from 'vue'
import type { EChartsCoreOption } from 'echarts/core'
import type { ObservationRow } from '../domain/observationRow'
import type { Size } from './imageSettings'

/** Everything an export needs from one chart, read at the moment of export. */
export interface ChartExportSource {
  title: string
  unit: string | null
  period: string | null
  sources: readonly string[]
  option: EChartsCoreOption
  /** The observations behind the chart (built on demand). */
  rows: () => ObservationRow[]
  /** The chart's drawing area on the page now, in CSS pixels. */
  shown: () => Size
  /** Screen-reader label of the chart, used as the image's alt text. */
  label: string
}

export interface RegisteredChart {
  id: number
  /** null while the chart shows its empty state. */
  source: () => ChartExportSource | null
}

export interface ChartRegistry {
  charts: Readonly<ShallowRef<readonly RegisteredChart[]>>
  /** Adds a chart; returns the function that removes it. */
  register: (source: RegisteredChart['source']) => { id: number; unregister: () => void }
}

export const CHART_REGISTRY: InjectionKey<ChartRegistry> = Symbol('chart-registry')

let nextId = 1

export function createChartRegistry(): ChartRegistry {
  const charts = shallowRef<readonly RegisteredChart[]>([])
  return {
    charts,
    register(source) {
      const entry: RegisteredChart = { id: nextId++, source }
      charts.value = [...charts.value, entry]
      return {
        id: entry.id,
        unregister: () => {
          charts.value = charts.value.filter((c) => c !== entry)
        },
      }
    },
  }
}

const pageRegistry = createChartRegistry()

export function useChartRegistry(): ChartRegistry {
  return inject(CHART_REGISTRY, pageRegistry)
}
