/**
 * The presenter's keys, declared in one table: the help overlay lists it, the key handler reads it.
 * Presentation clickers send PageUp/PageDown (some send arrows or B for blank), so those all work.
 */
export type PresenterAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'fullscreen'
  | 'black'
  | 'white'
  | 'leave'
  | 'help'

export interface Shortcut {
  action: PresenterAction
  keys: readonly string[]
  /** Message key of the description in the help overlay. */
  label: string
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'Enter'], label: 'present.keys.next' },
  { action: 'previous', keys: ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'], label: 'present.keys.previous' },
  { action: 'first', keys: ['Home'], label: 'present.keys.first' },
  { action: 'last', keys: ['End'], label: 'present.keys.last' },
  { action: 'fullscreen', keys: ['f', 'F'], label: 'present.keys.fullscreen' },
  { action: 'black', keys: ['b', 'B', '.'], label: 'present.keys.black' },
  { action: 'white', keys: ['w', 'W', ','], label: 'present.keys.white' },
  { action: 'leave', keys: ['Escape'], label: 'present.keys.leave' },
  { action: 'help', keys: ['?'], label: 'present.keys.help' },
]

const BY_KEY = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)))

/** Shortcuts are off while the user types: in a field, a select or anything editable. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export type KeyResult = { kind: 'action'; action: PresenterAction } | { kind: 'jump'; slide: number } | { kind: 'digit' } | null

/**
 * Reads one key press. Digits collect in `buffer` (a number then Enter jumps to that slide); any
 * other key clears it. Pure apart from the buffer it is given.
 */
export function readKey(key: string, buffer: { digits: string }): KeyResult {
  if (/^[0-9]$/.test(key)) {
    buffer.digits = (buffer.digits + key).slice(-4)
    return { kind: 'digit' }
  }
  if (key === 'Enter' && buffer.digits !== '') {
    const slide = Number(buffer.digits)
    buffer.digits = ''
    return { kind: 'jump', slide }
  }
  buffer.digits = ''
  const action = BY_KEY.get(key)
  return action ? { kind: 'action', action } : null
}
