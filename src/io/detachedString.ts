/**
 * Copies of strings cut from a large text, so that what an import keeps does not keep the text.
 *
 * V8 (Chromium's worker, Node) makes a substring of 13 characters or more a view into the string
 * it was cut from, not a copy. A table's cells are cut from the decoded file, so one kept source
 * name, quote or preview cell would keep the whole file in memory (75 MB for the 360,000-row
 * table, 63 MB of UTF-8) for as long as the dataset lives, and through the mapping and
 * validation of its rows. Shorter strings are copies already.
 * Use it for what is kept once per distinct value (names, sources) or per row at most (quotes).
 */

/** V8's shortest sliced string (`SlicedString::kMinLength`): anything shorter is a copy. */
const MIN_SLICE = 13

/**
 * The copy is made by joining a character in front (V8 makes a cons string of the two) and cutting
 * it off again: V8 cuts a substring only from a flat string, so it first writes the cons string out
 * as one new string, and the result is a view into that new string and nothing else (tested by
 * its memory in io-detachedString.test.ts). A third of the time of a round trip through JSON.
 */
export function detachedString(text: string): string {
  return text.length < MIN_SLICE ? text : ` ${text}`.slice(1)
}
