import { estimateTextWidth } from '../charts/common'

/** Room for the select's padding, border and drop-down arrow, in em. */
const SELECT_CHROME_EM = 2.5
/** Wider than this and the header wraps; longer names are cut with "…" in the closed select. */
const MAX_TEXT_EM = 24

/**
 * A CSS width for a <select> that fits its longest option, estimated from the texts. Given
 * explicitly because Chromium otherwise measures every option to size the select whenever its
 * value changes: with 1,051 regions that cost 180–225 ms of layout per region change, against 3–5 ms
 * with a set width (4× CPU throttling, the 360,000-row table of npm run bench).
 */
export function selectWidth(labels: readonly string[], minEm = 10): string {
  let longest = 0
  // estimateTextWidth in hundredths of an em: CJK glyphs 1 em, Latin about 0.6.
  for (const label of labels) longest = Math.max(longest, estimateTextWidth(label, 100))
  const textEm = Math.min(MAX_TEXT_EM, longest / 100)
  return `${Math.max(minEm, textEm + SELECT_CHROME_EM).toFixed(2)}em`
}
