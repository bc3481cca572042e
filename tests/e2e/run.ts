/**
 * npm run test:e2e: builds when dist/ is missing, then runs every tests/e2e/*.e2e.ts with Node's
 * test runner in real headless Chromium.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

if (!existsSync('dist/index.html')) {
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const files = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => `tests/e2e/${f}`)
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
})
process.exit(run.status ?? 1)
