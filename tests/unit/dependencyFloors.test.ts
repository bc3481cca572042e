import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { checkLockfile, compareVersions } from '../../scripts/dependencyFloors'

const lockOf = (packages: Record<string, string>) => ({
  packages: Object.fromEntries(Object.entries(packages).map(([path, version]) => [path, { version }])),
})

describe('dependency floors', () => {
  it.each([
    ['6.1.0', '6.1.0', 0],
    ['6.0.9', '6.1.0', -1],
    ['11.4.18', '11.4.14', 1],
    ['6.1.0-rc.1', '6.1.0', -1],
    ['10.0.0', '9.9.9', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign)
  })

  it('passes on this project', () => {
    expect(checkLockfile(JSON.parse(readFileSync('package-lock.json', 'utf8')))).toEqual([])
  })

  it('notes old build-time copies without failing: they never reach the browser', () => {
    const devOnly: string[] = []
    const lock = { packages: { 'node_modules/x/node_modules/vue-i18n': { version: '10.0.8', dev: true } } }
    expect(checkLockfile(lock, devOnly)).toEqual([])
    expect(devOnly).toHaveLength(1)
  })

  it('fails below a floor, also for a nested copy, and on npm xlsx anywhere', () => {
    const problems = checkLockfile(
      lockOf({
        'node_modules/echarts': '6.0.0',
        'node_modules/foo/node_modules/vue-i18n': '11.4.13',
        'node_modules/bar/node_modules/xlsx': '0.18.5',
      }),
    )
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(/echarts 6\.0\.0 is below 6\.1\.0[\s\S]*vue-i18n 11\.4\.13[\s\S]*xlsx is installed/)
  })
})
