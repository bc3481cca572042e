import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The command officials and CI run: `npm run validate [file...]`, through tsx as package.json does.
function validate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('npm run validate', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'validate-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('passes on data/ and reports every observation in one summary line', () => {
    const seed = JSON.parse(readFileSync('data/dataset.json', 'utf8')) as { observations: unknown[] }
    const { status, stdout } = validate()
    expect(status).toBe(0)
    expect(stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^${seed.observations.length} observations, \\d+ subjects, \\d+ indicators, 2 documents`),
    )
  })

  it('fails on a file with a broken row, naming the row and field, in the language asked for', () => {
    const data = JSON.parse(readFileSync('data/dataset.json', 'utf8')) as { observations: Array<Record<string, unknown>> }
    data.observations[3]!.target = -5
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, JSON.stringify(data))

    const en = validate(broken, '--lang=en')
    expect(en.status).toBe(1)
    expect(en.stderr).toContain(`observations[3] (${String(data.observations[3]!.id)}).target: A target must be greater than 0, got -5`)
    expect(en.stdout).toMatch(/errors: 1,/)

    const zh = validate(broken, '--lang=zh')
    expect(zh.status).toBe(1)
    expect(zh.stderr).toContain('目标应大于 0，实际为 -5')
  })

  it('fails clearly on a file that is not JSON or does not exist', () => {
    const garbage = join(dir, 'garbage.json')
    writeFileSync(garbage, 'region,indicator\n大市口街道,')
    const run = validate(garbage, join(dir, 'missing.json'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/garbage\.json: Not valid JSON/)
    expect(run.stderr).toMatch(/missing\.json: Cannot read the file/)
  })
})
