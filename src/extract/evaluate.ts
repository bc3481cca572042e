/**
 * Scoring the extractor against hand-made gold annotations (tests/fixtures/extract/*.gold.json).
 *
 * A candidate finds a gold figure when their spans overlap and their values agree: spans may
 * differ at the edges (whether "约" or "余" belongs to the figure is a matter of taste) without
 * the figure being wrong, while a different value is a different figure. Each gold figure takes
 * at most one candidate, so a figure found twice counts once and the second is a false positive.
 */
import type { OutputQualifier, Role } from './types'

export interface GoldFigure {
  start: number
  end: number
  text: string
  value: number
  unit: string
  kind: string
  role: Role
  qualifier: OutputQualifier | null
}

export interface GoldDocument {
  /** File name of the source text, relative to the seeds directory. */
  document: string
  figures: GoldFigure[]
  /** Numbers in the text that are deliberately not figures (dates, names, durations), with why. */
  excluded: Array<{ start: number; end: number; text: string; reason: string }>
}

/** What the scorer needs of a candidate: the CLI shape has all of it. */
export interface Scored {
  start: number
  end: number
  text: string
  value: number
  unit: string
  role: Role
  qualifier: OutputQualifier | null
}

export interface Score {
  gold: number
  found: number
  matched: number
  precision: number
  recall: number
  /** Among matched figures, the share whose role agrees with the gold. */
  roleAccuracy: number
  /** The same for the unit as written (元, 平方米, 件 …) and for the qualifier. */
  unitAccuracy: number
  qualifierAccuracy: number
  missed: GoldFigure[]
  spurious: Scored[]
  wrongRole: Array<{ gold: GoldFigure; found: Scored }>
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b
}

/** Both lists in text order; a two-pointer walk, so scoring is linear in their lengths. */
export function score(gold: readonly GoldFigure[], found: readonly Scored[]): Score {
  const g = [...gold].sort((a, b) => a.start - b.start)
  const f = [...found].sort((a, b) => a.start - b.start)
  const used = new Array<boolean>(f.length).fill(false)
  const missed: GoldFigure[] = []
  const wrongRole: Score['wrongRole'] = []
  let matched = 0
  let roles = 0
  let units = 0
  let qualifiers = 0
  let from = 0
  for (const fig of g) {
    while (from < f.length && (f[from]?.end ?? 0) <= fig.start) from++
    let hit = -1
    for (let j = from; j < f.length; j++) {
      const c = f[j]
      if (c === undefined || c.start >= fig.end) break
      if (!used[j] && sameNumber(c.value, fig.value)) {
        hit = j
        break
      }
    }
    const c = hit < 0 ? undefined : f[hit]
    if (c === undefined) {
      missed.push(fig)
      continue
    }
    used[hit] = true
    matched++
    if (c.role === fig.role) roles++
    else wrongRole.push({ gold: fig, found: c })
    if (c.unit === fig.unit) units++
    if (c.qualifier === fig.qualifier) qualifiers++
  }
  const spurious = f.filter((_, j) => !used[j])
  return {
    gold: g.length,
    found: f.length,
    matched,
    precision: ratio(matched, f.length),
    recall: ratio(matched, g.length),
    roleAccuracy: ratio(roles, matched),
    unitAccuracy: ratio(units, matched),
    qualifierAccuracy: ratio(qualifiers, matched),
    missed,
    spurious,
    wrongRole,
  }
}

/** Scores of several documents added up (micro-averaged: every figure weighs the same). */
export function combine(scores: readonly Score[]): Score {
  const sum = (pick: (s: Score) => number): number => scores.reduce((n, s) => n + pick(s), 0)
  const matched = sum((s) => s.matched)
  const found = sum((s) => s.found)
  const gold = sum((s) => s.gold)
  return {
    gold,
    found,
    matched,
    precision: ratio(matched, found),
    recall: ratio(matched, gold),
    roleAccuracy: ratio(sum((s) => s.roleAccuracy * s.matched), matched),
    unitAccuracy: ratio(sum((s) => s.unitAccuracy * s.matched), matched),
    qualifierAccuracy: ratio(sum((s) => s.qualifierAccuracy * s.matched), matched),
    missed: scores.flatMap((s) => s.missed),
    spurious: scores.flatMap((s) => s.spurious),
    wrongRole: scores.flatMap((s) => s.wrongRole),
  }
}
