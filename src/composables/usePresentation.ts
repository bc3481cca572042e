import { computed, onBeforeUnmount, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useSettingsStore } from '../stores/settings'
import { usePanelContext } from './usePanelContext'
import { PROJECTOR_PALETTES } from '../charts/palette'
import { buildAgendaDeck, buildDeck, isDeckSource, type DeckSource } from '../presenter/deck'
import { decodeAgenda } from '../presenter/agenda'
import { openPresenterSync } from '../presenter/presenterSync'

/** Rows a projected chart shows at once: at 28 px type, more would overlap. */
const PROJECTOR_ROWS = 14

/**
 * The deck and the current slide, shared by the audience and the presenter window: the slide number
 * lives in the URL (?slide=5, 1-based, so a link opens on it), and moves are broadcast to the other window.
 */
export function usePresentation() {
  const route = useRoute()
  const router = useRouter()
  const settings = useSettingsStore()
  const context = usePanelContext(undefined, () => ({
    palette: PROJECTOR_PALETTES[settings.theme],
    decal: true,
    visibleRows: PROJECTOR_ROWS,
  }))

  const source = computed<DeckSource>(() => (isDeckSource(route.query.deck) ? route.query.deck : 'all'))
  // ?agenda=… (a composed, shared agenda) wins over the current view's charts.
  const agenda = computed(() => (typeof route.query.agenda === 'string' ? decodeAgenda(route.query.agenda) : null))
  const deck = computed(() =>
    agenda.value
      ? buildAgendaDeck(context.value, agenda.value, new Date())
      : buildDeck(context.value, source.value, new Date()),
  )
  const index = computed(() => {
    const n = Number(route.query.slide)
    const last = deck.value.length - 1
    return Number.isInteger(n) && n >= 1 ? Math.min(n - 1, last) : 0
  })
  const slide = computed(() => deck.value[index.value] ?? null)
  const next = computed(() => deck.value[index.value + 1] ?? null)

  function goTo(target: number, broadcast = true): void {
    const clamped = Math.max(0, Math.min(target, deck.value.length - 1))
    if (broadcast) sync.send(clamped)
    if (clamped === index.value && route.query.slide !== undefined) return
    void router.replace({ query: { ...route.query, slide: String(clamped + 1) } })
  }

  const sync = openPresenterSync((i) => goTo(i, false))
  onBeforeUnmount(() => sync.close())
  // A shorter deck after a filter change: stay on a slide that exists.
  watch(
    () => deck.value.length,
    () => {
      if (Number(route.query.slide) > deck.value.length) goTo(deck.value.length - 1)
    },
  )

  return { deck, index, slide, next, source, goTo, context }
}
