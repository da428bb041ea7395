// Long regexes are written as word lists, one concern per list, and joined into regex source here.

/**
 * Joins regex alternatives with "|": `alternation(["won'?t", "can'?t"])` is `"won'?t|can'?t"`.
 * Each entry is regex source, not literal text: nothing is escaped, so `"refuse[sd]?"` keeps its
 * class and `String.raw\`e\.g\.\`` needs its backslashes. Wrap the result in a group where other
 * source sits beside it: `(?:${alternation(words)})`.
 */
export function alternation(alternatives: readonly string[]): string {
  // An empty alternative matches everywhere: always a mistake in a word list.
  if (alternatives.length === 0 || alternatives.includes("")) throw new Error("alternation: empty alternative");
  return alternatives.join("|");
}
