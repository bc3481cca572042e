// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- each test builds the small host component it needs */
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import VirtualTable from '../../src/components/VirtualTable.vue'
import { useDebounced } from '../../src/composables/useDebounced'

/** A table of `count` rows whose cells say their index; happy-dom has no layout, so heights are set. */
function mountTable(count: number) {
  const rowCount = ref(count)
  const host = defineComponent({
    setup: () => () =>
      h(
        VirtualTable,
        { rowCount: rowCount.value, rowHeight: 50, rowKey: (i: number) => `row-${i}`, label: 'Rows', 'data-testid': 'table' },
        {
          head: () => h('tr', { 'aria-rowindex': 1 }, [h('th', 'n')]),
          row: ({ index, ariaRowIndex }: { index: number; ariaRowIndex: number }) =>
            h('tr', { 'data-row': index, 'aria-rowindex': ariaRowIndex }, [h('td', String(index))]),
          empty: () => h('p', { 'data-testid': 'empty' }, 'none'),
        },
      ),
  })
  const wrapper = mount(host, { attachTo: document.body })
  const scroller = wrapper.find('.virtual-table').element as HTMLElement
  Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: 500 })
  return { wrapper, scroller, rowCount }
}

const shownRows = (wrapper: ReturnType<typeof mountTable>['wrapper']): number[] =>
  wrapper.findAll('tbody tr').map((tr) => Number(tr.attributes('data-row')))

describe('VirtualTable', () => {
  it('renders only the rows in view and a few more, and tells screen readers the full size', async () => {
    const { wrapper, scroller } = mountTable(100_000)
    scroller.dispatchEvent(new Event('scroll'))
    await nextTick()
    const table = wrapper.find('table')
    expect(table.attributes('data-testid')).toBe('table')
    expect(table.attributes('aria-rowcount')).toBe('100001')
    const rows = shownRows(wrapper)
    expect(rows[0]).toBe(0)
    expect(rows.length).toBeLessThan(40)
    expect(wrapper.find('tbody tr').attributes('aria-rowindex')).toBe('2')
    // The box is as tall as all rows (plus the header), so its scrollbar stands for the whole table.
    expect((wrapper.find('.virtual-table__sizer').element as HTMLElement).style.height).toBe(`${100_000 * 50}px`)
    wrapper.unmount()
  })

  it('follows the scroll position', async () => {
    const { wrapper, scroller } = mountTable(100_000)
    scroller.scrollTop = 50 * 40_000
    scroller.dispatchEvent(new Event('scroll'))
    await nextTick()
    const rows = shownRows(wrapper)
    expect(rows).toContain(40_000)
    expect(rows).toContain(40_009)
    expect(rows.length).toBeLessThan(40)
    expect(wrapper.find('tr[data-row="40000"]').attributes('aria-rowindex')).toBe('40002')
    // The first rendered row is placed where it belongs.
    expect((wrapper.find('.virtual-table__sizer').element as HTMLElement).style.paddingTop).toBe(`${rows[0]! * 50}px`)
    wrapper.unmount()
  })

  it('shows the empty slot when there are no rows, and can be scrolled back to the top', async () => {
    const { wrapper, scroller, rowCount } = mountTable(0)
    expect(wrapper.find('[data-testid="empty"]').exists()).toBe(true)
    rowCount.value = 500
    await nextTick()
    // Well above the 100 rows a table renders whole.
    scroller.scrollTop = 5000
    scroller.dispatchEvent(new Event('scroll'))
    await nextTick()
    expect(shownRows(wrapper)[0]).toBeGreaterThan(0)
    ;(wrapper.findComponent(VirtualTable).vm as unknown as { scrollToTop: () => void }).scrollToTop()
    await nextTick()
    expect(shownRows(wrapper)[0]).toBe(0)
    expect(wrapper.find('[data-testid="empty"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('useDebounced', () => {
  function mountDebounced(delay: number) {
    const source = ref('')
    let api: ReturnType<typeof useDebounced<string>> | null = null
    const wrapper = mount(
      defineComponent({
        setup() {
          api = useDebounced(source, () => delay)
          return () => h('span', api?.value.value)
        },
      }),
    )
    return { source, wrapper, api: api as unknown as ReturnType<typeof useDebounced<string>> }
  }

  it('follows once typing pauses, and at once when asked or when the delay is 0', () => {
    vi.useFakeTimers()
    const { source, api, wrapper } = mountDebounced(150)
    source.value = 'a'
    vi.advanceTimersByTime(100)
    source.value = 'ab'
    vi.advanceTimersByTime(100)
    expect(api.value.value).toBe('')
    vi.advanceTimersByTime(60)
    expect(api.value.value).toBe('ab')
    source.value = 'abc'
    api.flush()
    expect(api.value.value).toBe('abc')
    wrapper.unmount()

    const immediate = mountDebounced(0)
    immediate.source.value = 'x'
    expect(immediate.api.value.value).toBe('x')
    immediate.wrapper.unmount()
    vi.useRealTimers()
  })
})
