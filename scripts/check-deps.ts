/**
 * npm run check:deps — dependency floors, checked from package-lock.json because the registry's audit
 * service cannot be reached from these machines. Fails when an installed version is below the floor
 * known to fix an advisory, or when a package we refuse (npm `xlsx`) appears anywhere in the tree.
 * The README's security section lists the same floors and why.
 */
import { readFileSync } from 'node:fs'
import { DEPENDENCY_FLOORS, FORBIDDEN_PACKAGES, checkLockfile } from './dependencyFloors'

const lock = JSON.parse(readFileSync(process.argv[2] ?? 'package-lock.json', 'utf8')) as unknown
const devOnly: string[] = []
const problems = checkLockfile(lock, devOnly)
for (const floor of DEPENDENCY_FLOORS) console.log(`floor ${floor.name} >= ${floor.min}: ${floor.why}`)
console.log(`forbidden: ${FORBIDDEN_PACKAGES.map((f) => f.name).join(', ')}`)
for (const note of devOnly) console.log(`note: ${note}`)
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`)
  process.exit(1)
}
console.log('dependency floors: ok')
