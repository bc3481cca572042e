/**
 * An agenda: the ordered chart slides a presenter composes for a meeting, each with its own region,
 * period and indicator. Stored locally, shared as a link (?agenda=…) or a JSON file. Anything read
 * back from a link or a file is checked item by item; unknown shapes are dropped, never trusted.
 */
import { DECK_SOURCES, type DeckSource } from './deck'

export type AgendaView = Exclude<DeckSource, 'all'>

export interface AgendaItem {
  view: AgendaView
  regionId: string | null
  periodKey: string | null
  indicatorId: string | null
  /** The chart within the view (a panel id, stable across languages). */
  panelId: string
  /** As shown when it was added, for the agenda list. */
  title: string
}

const MAX_ITEMS = 200
const MAX_TEXT = 300

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length <= MAX_TEXT ? value : null
}

/** The items of a parsed JSON value that are well-formed agenda items. */
export function readAgenda(value: unknown): AgendaItem[] {
  if (!Array.isArray(value)) return []
  const items: AgendaItem[] = []
  for (const raw of value.slice(0, MAX_ITEMS)) {
    if (typeof raw !== 'object' || raw === null) continue
    const r = raw as Record<string, unknown>
    const view = r.view
    const panelId = text(r.panelId)
    if (typeof view !== 'string' || view === 'all' || !(DECK_SOURCES as readonly string[]).includes(view) || panelId === null) continue
    items.push({
      view: view as AgendaView,
      regionId: text(r.regionId),
      periodKey: text(r.periodKey),
      indicatorId: text(r.indicatorId),
      panelId,
      title: text(r.title) ?? panelId,
    })
  }
  return items
}

/** base64url of the UTF-8 JSON: safe in a URL query, Chinese titles included. */
export function encodeAgenda(items: readonly AgendaItem[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(items))
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function decodeAgenda(param: string): AgendaItem[] {
  try {
    const binary = atob(param.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    return readAgenda(JSON.parse(new TextDecoder().decode(bytes)) as unknown)
  } catch {
    return []
  }
}
