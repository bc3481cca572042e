// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- a test builds its own tiny components to throw from */
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createRouter, createMemoryHistory } from 'vue-router'
import { createPinia } from 'pinia'
import { i18n } from '../../src/i18n'
import ErrorBoundary from '../../src/components/ErrorBoundary.vue'

const fail = ref(true)
const Fragile = defineComponent({
  setup: () => () => {
    if (fail.value) throw new Error('broken view')
    return h('p', { 'data-testid': 'fine' }, 'fine')
  },
})

describe('ErrorBoundary: no white screens', () => {
  it('shows the error with details and a way back, and recovers on retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: 'overview', component: { render: () => null } },
        { path: '/other', name: 'other', component: { render: () => null } },
      ],
    })
    await router.push('/')
    const wrapper = mount(
      defineComponent({ render: () => h('main', [h(ErrorBoundary, null, { default: () => h(Fragile) })]) }),
      { global: { plugins: [router, i18n, createPinia()] } },
    )
    await flushPromises()
    const panel = wrapper.find('[data-testid="view-error"]')
    expect(panel.exists()).toBe(true)
    expect(panel.text()).toContain('这一页出错了')
    expect(panel.find('pre').text()).toContain('broken view')
    expect(panel.find('a').attributes('href')).toBe('/')

    fail.value = false
    await wrapper.find('[data-testid="view-error-retry"]').trigger('click')
    await nextTick()
    expect(wrapper.find('[data-testid="fine"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="view-error"]').exists()).toBe(false)
  })
})
