import { afterEach, describe, expect, it } from 'vitest'
import { createDatasetsNotifier, type DatasetsChange, type DatasetsNotifier } from '../../src/io/datasetsChannel'

const open: DatasetsNotifier[] = []
function notifier(name: string): DatasetsNotifier {
  const n = createDatasetsNotifier(name)
  open.push(n)
  return n
}

afterEach(() => {
  for (const n of open.splice(0)) n.close()
})

function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20))
}

describe('datasets-changed between tabs', () => {
  it('another tab hears the change; the sender does not hear itself', async () => {
    const name = `test-${Math.random()}`
    const tabA = notifier(name)
    const tabB = notifier(name)
    const heardA: DatasetsChange[] = []
    const heardB: DatasetsChange[] = []
    tabA.subscribe((c) => heardA.push(c))
    const unsubscribe = tabB.subscribe((c) => heardB.push(c))
    tabA.notify({ kind: 'put', id: 'ds-1' })
    await nextTick()
    expect(heardB).toEqual([{ kind: 'put', id: 'ds-1' }])
    expect(heardA).toEqual([])
    unsubscribe()
    tabA.notify({ kind: 'delete', id: 'ds-1' })
    await nextTick()
    expect(heardB).toHaveLength(1)
  })

  it('ignores anything on the channel that is not its own message', async () => {
    const name = `test-${Math.random()}`
    const tab = notifier(name)
    const heard: DatasetsChange[] = []
    tab.subscribe((c) => heard.push(c))
    const stranger = new BroadcastChannel(name)
    stranger.postMessage({ type: 'something-else' })
    stranger.postMessage('datasets-changed')
    await nextTick()
    stranger.close()
    expect(heard).toEqual([])
  })
})
