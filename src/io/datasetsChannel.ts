/**
 * Two tabs stay consistent: when one imports, renames, deletes or switches datasets, the others
 * hear 'datasets-changed' and reload their list (and, if their active dataset changed, the data).
 *
 * BroadcastChannel delivers to other same-origin contexts only, never to the sender, so a tab
 * never reacts to its own change. Where it does not exist, notifying does nothing and the tab
 * simply sees changes at its next reload.
 */

export const DATASETS_CHANNEL = 'street-indicator-dashboard:datasets'

export type DatasetsChange =
  | { kind: 'put'; id: string }
  | { kind: 'rename'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'activate'; id: string | null }

export interface DatasetsChangedMessage {
  type: 'datasets-changed'
  change: DatasetsChange
}

export interface DatasetsNotifier {
  notify(change: DatasetsChange): void
  /** Calls `listener` for changes made in other tabs; returns the unsubscribe function. */
  subscribe(listener: (change: DatasetsChange) => void): () => void
  close(): void
}

function isMessage(data: unknown): data is DatasetsChangedMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as { type?: unknown; change?: { kind?: unknown } }
  return message.type === 'datasets-changed' && typeof message.change?.kind === 'string'
}

export function createDatasetsNotifier(name = DATASETS_CHANNEL): DatasetsNotifier {
  if (typeof BroadcastChannel === 'undefined') {
    return { notify: () => undefined, subscribe: () => () => undefined, close: () => undefined }
  }
  const channel = new BroadcastChannel(name)
  const listeners = new Set<(change: DatasetsChange) => void>()
  channel.onmessage = (event: MessageEvent<unknown>) => {
    // Only our own message shape is acted on; anything else on the channel is ignored.
    if (!isMessage(event.data)) return
    for (const listener of listeners) listener(event.data.change)
  }
  return {
    notify(change) {
      const message: DatasetsChangedMessage = { type: 'datasets-changed', change }
      channel.postMessage(message)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      listeners.clear()
      channel.close()
    },
  }
}
