/**
 * The steps of one import on the import page:
 *
 *   choose → reading (worker, progress, cancel) → [mapping] → review → saving → choose
 *
 * Reading happens in the import worker (src/io/importClient.ts); nothing is stored until the user
 * confirms in the review step, and the active dataset changes only after the write has committed
 * (useDatasetRepository.saveImport).
 */
import { ref, shallowRef } from 'vue'
import type { ImportJob } from '../io/importClient'
import type { ImportInput, ImportProgress } from '../io/importPipeline'
import type { ImportResult } from '../io/importResult'
import type { InterchangeField } from '../io/interchangeColumns'
import { initialMapping } from '../io/importReport'
import type { ValidationIssue } from '../io/validationIssue'
import { useDatasetRepository, type ImportTarget, type SaveOutcome } from './useDatasetRepository'

export type ImportStep = 'choose' | 'reading' | 'mapping' | 'review' | 'saving'

export function useImportFlow() {
  const repo = useDatasetRepository()

  const step = ref<ImportStep>('choose')
  const input = shallowRef<ImportInput | null>(null)
  const progress = shallowRef<ImportProgress | null>(null)
  const result = shallowRef<ImportResult | null>(null)
  /** The mapping being edited in the mapping step (one entry per column). */
  const mapping = ref<Array<InterchangeField | null>>([])
  /** The mapping step opened with the mapping remembered for these headers. */
  const mappingRemembered = ref(false)
  /** The mapping the current result was read with, when the user chose it. */
  const userMapping = shallowRef<Array<InterchangeField | null> | null>(null)
  /** A failure of the worker itself (not of the data, which is in result.issues). */
  const failure = ref<string | null>(null)
  /** Issues of a merge that did not validate: shown in the review, nothing was written. */
  const mergeIssues = shallowRef<ValidationIssue[]>([])
  let job: ImportJob | null = null
  /** Bumped by every run and cancel: an answer for an older generation is dropped. */
  let generation = 0

  async function run(options: { mapping?: Array<InterchangeField | null> } = {}): Promise<void> {
    const current = input.value
    if (current === null) return
    job?.cancel()
    job = null
    const mine = ++generation
    step.value = 'reading'
    progress.value = null
    failure.value = null
    mergeIssues.value = []
    const { startImport, ImportCancelledError } = await import('../io/importClient')
    if (mine !== generation) return
    const thisJob = startImport(current, {
      ...(options.mapping ? { mapping: options.mapping } : {}),
      onProgress: (p) => {
        if (job === thisJob) progress.value = p
      },
    })
    job = thisJob
    let next: ImportResult
    try {
      next = await thisJob.result
    } catch (error) {
      if (job !== thisJob) return
      job = null
      if (error instanceof ImportCancelledError) {
        reset()
        return
      }
      failure.value = error instanceof Error ? error.message : String(error)
      step.value = 'choose'
      return
    }
    if (job !== thisJob) return
    job = null
    result.value = next
    userMapping.value = options.mapping ?? null
    if (next.status === 'needs-mapping' && next.mapping) {
      await openMapping(next)
      return
    }
    step.value = 'review'
  }

  async function openMapping(from: ImportResult): Promise<void> {
    const state = from.mapping
    if (!state) return
    let remembered = null
    try {
      remembered = await repo.rememberedMapping(state.signature)
    } catch {
      // Nothing remembered can be read: start from the suggestion.
    }
    const base = userMapping.value ?? null
    const initial = base
      ? { mapping: [...base], remembered: false }
      : initialMapping(state.headers, state.suggestion.mapping, remembered)
    mapping.value = initial.mapping
    mappingRemembered.value = initial.remembered
    step.value = 'mapping'
  }

  function start(next: ImportInput): void {
    input.value = next
    result.value = null
    userMapping.value = null
    void run()
  }

  function cancel(): void {
    const current = job
    job = null
    generation++
    current?.cancel()
    reset()
  }

  /** Reads the table again with the user's mapping, and remembers it for tables with these headers. */
  async function confirmMapping(): Promise<void> {
    const state = result.value?.mapping
    const chosen = [...mapping.value]
    if (state) {
      try {
        await repo.rememberMapping(state.signature, chosen)
      } catch {
        // Not remembered; the import itself goes on.
      }
    }
    await run({ mapping: chosen })
  }

  /** From the review back to the mapping step, with the mapping the rows were read with. */
  function editMapping(): void {
    const current = result.value
    if (!current?.mapping) return
    userMapping.value = [...current.mapping.mapping]
    void openMapping(current)
  }

  async function confirm(target: ImportTarget): Promise<SaveOutcome | null> {
    const current = result.value
    const dataset = current?.dataset
    if (!current || !dataset || current.status !== 'ok' || input.value === null) return null
    step.value = 'saving'
    mergeIssues.value = []
    const outcome = await repo.saveImport(dataset, target, input.value.name)
    if (outcome.ok) reset()
    else {
      step.value = 'review'
      if (outcome.reason === 'invalid') mergeIssues.value = outcome.issues
    }
    return outcome
  }

  function reset(): void {
    step.value = 'choose'
    input.value = null
    result.value = null
    progress.value = null
    mapping.value = []
    mappingRemembered.value = false
    userMapping.value = null
    mergeIssues.value = []
  }

  return {
    step,
    input,
    progress,
    result,
    mapping,
    mappingRemembered,
    failure,
    mergeIssues,
    start,
    cancel,
    confirmMapping,
    editMapping,
    confirm,
    reset,
  }
}
