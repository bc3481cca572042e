import { describe, expect, it } from 'vitest'
import { decodeAgenda, encodeAgenda, readAgenda, type AgendaItem } from '../../src/presenter/agenda'

const items: AgendaItem[] = [
  { view: 'targets', regionId: 'jingkou', periodKey: '2023-01..2023-10', indicatorId: 'project-investment', panelId: 'targets:project-investment', title: '京口区各地区项目投资完成情况' },
  { view: 'growth', regionId: null, periodKey: null, indicatorId: null, panelId: 'growth:wholesale-sales', title: '<img src=x onerror=alert(1)>' },
]

describe('agenda links and files', () => {
  it('round-trips through a URL-safe parameter, Chinese titles included', () => {
    const param = encodeAgenda(items)
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeAgenda(param)).toEqual(items)
  })

  it.each([
    ['not base64', '%%%'],
    ['not JSON', 'bm90IGpzb24'],
    ['not a list', encodeAgendaValue({ view: 'targets' })],
    ['unknown view', encodeAgendaValue([{ view: 'all', panelId: 'x' }, { view: 'admin', panelId: 'x' }])],
    ['no panel', encodeAgendaValue([{ view: 'targets' }])],
  ])('reads nothing from %s', (_label, param) => {
    expect(decodeAgenda(param)).toEqual([])
  })

  it('keeps only well-formed items and drops foreign fields', () => {
    const read = readAgenda([{ view: 'projects', panelId: 'projects:dashikou', regionId: 5, __proto__: { polluted: true }, extra: 'x' }])
    expect(read).toEqual([{ view: 'projects', regionId: null, periodKey: null, indicatorId: null, panelId: 'projects:dashikou', title: 'projects:dashikou' }])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

function encodeAgendaValue(value: unknown): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(value)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
