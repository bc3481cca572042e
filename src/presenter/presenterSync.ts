/**
 * Keeps the audience window and the presenter window on the same slide over BroadcastChannel
 * (same origin, no server). Either window may move; both follow the last message.
 */
export interface SyncMessage {
  type: 'slide'
  index: number
  /** Distinguishes windows, so a window ignores its own echo. */
  from: string
}

export const PRESENT_CHANNEL = 'sid-present'

export function openPresenterSync(onSlide: (index: number) => void): { send: (index: number) => void; close: () => void } {
  if (typeof BroadcastChannel === 'undefined') return { send: () => undefined, close: () => undefined }
  const id = Math.random().toString(36).slice(2)
  const channel = new BroadcastChannel(PRESENT_CHANNEL)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<SyncMessage> | null
    // Messages are checked, not trusted: only a whole slide number from another window moves us.
    if (data?.type === 'slide' && data.from !== id && Number.isInteger(data.index)) onSlide(data.index as number)
  }
  return {
    send: (index) => channel.postMessage({ type: 'slide', index, from: id } satisfies SyncMessage),
    close: () => channel.close(),
  }
}
