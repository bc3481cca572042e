/** The floors and the refused packages, and the pure check over a parsed package-lock.json (v2/v3). */

export interface Floor {
  name: string
  min: string
  why: string
}

export const DEPENDENCY_FLOORS: readonly Floor[] = [
  { name: 'echarts', min: '6.1.0', why: 'HTML leaked through some default tooltip paths before 6.1.0' },
  { name: 'vue-i18n', min: '11.4.14', why: 'two advisories fixed in 11.4.14 (after CVE-2025-53892)' },
  { name: '@intlify/core-base', min: '11.4.14', why: 'the vue-i18n core, same fixes' },
  { name: 'vue', min: '3.5.0', why: 'the version the app is built and tested on' },
  { name: 'jszip', min: '3.8.0', why: 'CVE-2022-48285 (path traversal in loadAsync) fixed in 3.8.0' },
  { name: 'vite', min: '8.0.0', why: 'dev-server file-serving advisories fixed in current majors' },
]

export const FORBIDDEN_PACKAGES: readonly { name: string; why: string }[] = [
  { name: 'xlsx', why: 'npm xlsx 0.18.5: unfixed prototype pollution (CVE-2023-30533) and ReDoS (CVE-2024-22363)' },
]

/** Numeric semver compare of x.y.z (pre-release tags sort before the release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): [number[], string] => {
    const [core = '', pre = ''] = v.split('-', 2)
    return [core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre]
  }
  const [ca, pa] = parse(a)
  const [cb, pb] = parse(b)
  for (let i = 0; i < 3; i++) {
    const d = (ca[i] ?? 0) - (cb[i] ?? 0)
    if (d !== 0) return d
  }
  if (pa === pb) return 0
  if (pa === '') return 1
  if (pb === '') return -1
  return pa < pb ? -1 : 1
}

interface LockPackage {
  version?: unknown
  dev?: unknown
}

/**
 * Problems found in the lockfile; empty when every floor holds and nothing forbidden is installed.
 * Floors apply to what ships to the browser (packages not marked `dev`): build tools may carry older
 * copies (e.g. @intlify/vue-i18n-extensions pins vue-i18n 10 for its own use) that never reach a user;
 * `devOnly` collects those for the report. A forbidden package fails wherever it appears.
 */
export function checkLockfile(lock: unknown, devOnly: string[] = []): string[] {
  const packages = (lock as { packages?: Record<string, LockPackage> } | null)?.packages
  if (!packages || typeof packages !== 'object') return ['package-lock.json has no "packages" map (lockfile v2 or v3 needed)']
  const problems: string[] = []
  const installed = new Map<string, { version: string; dev: boolean; path: string }[]>()
  for (const [path, entry] of Object.entries(packages)) {
    const at = path.lastIndexOf('node_modules/')
    if (at < 0 || typeof entry.version !== 'string') continue
    const name = path.slice(at + 'node_modules/'.length)
    installed.set(name, [...(installed.get(name) ?? []), { version: entry.version, dev: entry.dev === true, path }])
  }
  for (const floor of DEPENDENCY_FLOORS) {
    for (const copy of installed.get(floor.name) ?? []) {
      if (compareVersions(copy.version, floor.min) >= 0) continue
      const line = `${floor.name} ${copy.version} is below ${floor.min}: ${floor.why}`
      if (copy.dev && floor.name !== 'vite') devOnly.push(`${line} (build-time only: ${copy.path})`)
      else problems.push(line)
    }
  }
  for (const forbidden of FORBIDDEN_PACKAGES) {
    if (installed.has(forbidden.name)) problems.push(`${forbidden.name} is installed: ${forbidden.why}`)
  }
  return problems
}
