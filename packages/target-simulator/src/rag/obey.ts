// The instructions the vulnerable model finds in a retrieved passage and obeys, with the text each
// one dictates, copied verbatim so that an injected marker comes back exactly.
import { looksLikeInstruction, splitSentences } from "./instructions.ts";

export type Instruction =
  /** "reply only with X": the answer becomes exactly X. */
  | { kind: "reply_only"; text: string; at: number }
  /** "when asked about T, answer X" / "the correct answer is X": X is the answer. */
  | { kind: "answer"; text: string; at: number }
  /** "always include X" / "include the following ...: X": X is appended. */
  | { kind: "include"; text: string; at: number }
  /** A markdown image or link in an instruction: copied into the answer. */
  | { kind: "markdown"; text: string; at: number }
  /** "call the NAME tool ...": the answer makes the call. */
  | { kind: "tool_call"; name: string; args: string; at: number };

const CLAUSE_FORMS: ReadonlyArray<{ kind: "reply_only" | "answer" | "include"; pattern: RegExp }> = [
  { kind: "reply_only", pattern: /\b(?:reply|respond|answer)\s+only\s+with\b/gi },
  // "always include the following: X" is left to the next form, which skips to the colon.
  { kind: "include", pattern: /\balways\s+include\b(?!\s+the\s+following\b)/gi },
  { kind: "include", pattern: /\binclude\s+the\s+following\b[^:\n]{0,200}:/gi },
  {
    kind: "answer",
    pattern:
      /\bwhen\s+(?:you\s+are\s+|you're\s+)?asked\s+about\s+[^,\n]{1,200}?,\s*(?:always\s+)?(?:answer|reply|respond|say)(?:\s+(?:with|that))?\b/gi,
  },
  { kind: "answer", pattern: /\bthe\s+correct\s+answer\s+is\b/gi },
];

const TOOL_CALL = /\bcall\s+the\s+[`"']?([A-Za-z_][\w.-]*)[`"']?\s+tool\b/gi;
// Bounded like the patterns in instructions.ts: a line of unmatched brackets stays linear.
const MARKDOWN_LINK = /!?\[[^\]\n]{0,200}\]\([^)\s]{1,2000}\)/g;

// Bounds on what one passage can make the model write: a passage that repeats an instruction
// thousands of times must not turn into an answer of hundreds of megabytes.
export const MAX_CLAUSE_CHARS = 2000;
export const MAX_INSTRUCTIONS_PER_PASSAGE = 10;

const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "`": "`" };
// Where an unquoted clause ends: a line break, a sentence end, or a closing quote (an apostrophe
// only when it cannot be part of a word, so "don't" does not cut the clause).
const CLAUSE_END = /\n|[.!?](?=\s|$)|["”’»]|'(?=[\s.,;:!?]|$)/;

/** The text an instruction dictates, starting at `start`: a quoted string, else up to the end of the sentence or line. */
export function clauseAt(text: string, start: number): string {
  const rest = text
    .slice(start, start + MAX_CLAUSE_CHARS + 10)
    .replace(/^[\s:]+/, "")
    .slice(0, MAX_CLAUSE_CHARS);
  const close = CLOSING_QUOTE[rest[0] ?? ""];
  if (close) {
    const end = rest.indexOf(close, 1);
    return (end < 0 ? rest.slice(1).split("\n")[0]! : rest.slice(1, end)).trim();
  }
  const end = rest.search(CLAUSE_END);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** Every instruction in the passage, in the order they appear. */
export function findInstructions(passage: string): Instruction[] {
  const found: Instruction[] = [];
  for (const { kind, pattern } of CLAUSE_FORMS) {
    for (const match of passage.matchAll(pattern)) {
      const text = clauseAt(passage, match.index + match[0].length);
      if (text) found.push({ kind, text, at: match.index });
    }
  }
  for (const match of passage.matchAll(TOOL_CALL)) {
    const args = clauseAt(passage, match.index + match[0].length).replace(/^with\s+/i, "");
    found.push({ kind: "tool_call", name: match[1]!, args, at: match.index });
  }
  let offset = 0;
  for (const sentence of splitSentences(passage)) {
    const at = passage.indexOf(sentence, offset);
    offset = at + sentence.length;
    if (!looksLikeInstruction(sentence)) continue;
    for (const match of sentence.matchAll(MARKDOWN_LINK))
      found.push({ kind: "markdown", text: match[0], at: at + match.index });
  }
  return found.sort((a, b) => a.at - b.at).slice(0, MAX_INSTRUCTIONS_PER_PASSAGE);
}
