// What instruction-like text looks like inside a document. One vocabulary for both profiles: the
// hardened ingest filter and model refuse what the vulnerable model obeys.

/** "ignore all previous instructions" and its usual variants. */
export const IGNORE_INSTRUCTIONS =
  /\b(?:ignore|disregard|forget)\s+(?:(?:all|any|every|the|your|my|of|previous|prior|earlier|above|preceding|former)\s+)+(?:instructions?|rules|directions|guidelines|prompts?)\b/i;

/**
 * Phrases no ordinary document contains: each one is an attempt to steer the model that reads it.
 * Gaps are bounded ({0,200}) so that a 100k-character line cannot make a pattern quadratic.
 */
export const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  IGNORE_INSTRUCTIONS,
  /\b(?:reply|respond|answer)\s+only\s+with\b/i,
  /\balways\s+include\b/i,
  /\binclude\s+the\s+following\b[^:\n]{0,200}:/i,
  /\bwhen\s+(?:you\s+are\s+|you're\s+)?asked\s+about\b[^\n]{0,200}?\b(?:answer|reply|respond|say)\b/i,
  /\bthe\s+correct\s+answer\s+is\b/i,
  /\bcall\s+the\s+[`"']?[\w.-]+[`"']?\s+tool\b/i,
  /\bsystem\s*:/i,
  /<\s*\/?\s*instructions?\s*>/i,
  /!\[/,
];

// Sentences that address the model rather than inform the reader.
const IMPERATIVE_START =
  /^\s*(?:please\s+)?(?:ignore|disregard|forget|reply|respond|answer|say|include|add|append|output|print|call|send|visit|click|render|display|embed|insert|tell|pretend|act|repeat|write|do\s+not|don't|never|always)\b/i;
const ADDRESSES_MODEL = /\b(?:you|assistant|the\s+model|the\s+ai)\s+(?:must|should|shall|will|are\s+to)\b/i;

/** The first instruction-like phrase in the text, or null. */
export function findInstructionPhrase(text: string): string | null {
  for (const pattern of INSTRUCTION_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

export function looksLikeInstruction(sentence: string): boolean {
  return findInstructionPhrase(sentence) !== null || IMPERATIVE_START.test(sentence) || ADDRESSES_MODEL.test(sentence);
}

/** Sentences: split after . ! ? followed by whitespace, and at line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
