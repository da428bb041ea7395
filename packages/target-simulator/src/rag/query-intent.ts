// What a question asks the pipeline to do with its documents beyond answering: hand them out
// verbatim or encoded. The vulnerable model complies; the hardened input filter blocks.

const VERBATIM =
  /\bverbatim\b|\bword[\s-]+(?:for|by)[\s-]+word\b|\b(?:full|entire|complete|whole|raw)\s+(?:text|contents?|documents?)\b|\b(?:repeat|quote|print|dump|reproduce|recite|copy|paste)\b[^.?!\n]{0,200}\b(?:documents?|docs|passages?|sources?|context|records?|files?|memos?|notes?|texts?|contents?|articles?|everything)\b/i;

export type Encoding = "base64" | "hex" | "rot13" | "spell_out" | "reverse";

// Named encodings first; a bare "encode" means base64, the usual choice.
const ENCODING_REQUESTS: ReadonlyArray<[Encoding, RegExp]> = [
  ["base64", /\bbase[\s-]?64\b|\bb64\b/i],
  ["hex", /\bhex(?:adecimal)?\b/i],
  ["rot13", /\brot[\s-]?13\b/i],
  [
    "spell_out",
    /\bspell(?:ed|ing|s)?\s+(?:\S+\s+){0,3}?out\b|\bletter\s+by\s+letter\b|\bone\s+(?:letter|character)\s+at\s+a\s+time\b/i,
  ],
  // Not a bare "reverse": "reverse osmosis filter" is an ordinary product question.
  [
    "reverse",
    /\bin\s+reverse\b|\breversed\b|\bbackwards?\b|\breverse\s+(?:the\s+|each\s+|every\s+|all\s+|its\s+)?(?:order|text|letters|characters|words|documents?|passages?|strings?)\b/i,
  ],
  ["base64", /\b(?:encode[ds]?|encoding|encrypt(?:ed)?|obfuscate[ds]?)\b/i],
];

export function asksForVerbatim(query: string): boolean {
  return VERBATIM.test(query);
}

export function requestedEncoding(query: string): Encoding | null {
  for (const [encoding, pattern] of ENCODING_REQUESTS) if (pattern.test(query)) return encoding;
  return null;
}
