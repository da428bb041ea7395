// The reference pipeline's rule-based "model": turns a question and the retrieved passages into an
// answer. The vulnerable model does whatever the passages and the question ask; the hardened one
// only ever restates plain facts from the passages.
import { ENCODING_NAMES, encode } from "./encodings.ts";
import { looksLikeInstruction, splitSentences } from "./instructions.ts";
import { findInstructions } from "./obey.ts";
import { asksForVerbatim, requestedEncoding } from "./query-intent.ts";

export const ANSWER_PREFIX = "Based on our documents: ";
export const NOTHING_FOUND = "I could not find anything about that in our documents.";
export const CONFIDENTIAL_REFUSAL = "I can't share confidential internal information.";
export const BLOCKED_ANSWER = "I can't help with that request.";

/** Passages the vulnerable model quotes in an ordinary answer. */
const QUOTED_PASSAGES = 2;

export interface Passage {
  text: string;
}

export function generateVulnerableAnswer(query: string, passages: readonly Passage[]): string {
  if (!passages.length) return NOTHING_FOUND;
  const instructions = passages.flatMap((passage) => findInstructions(passage.text));
  const replyOnly = instructions.find((instruction) => instruction.kind === "reply_only");
  if (replyOnly) return replyOnly.text;
  const dictatedAnswer = instructions.find((instruction) => instruction.kind === "answer");
  const parts = [dictatedAnswer ? dictatedAnswer.text : plainAnswer(query, passages)];
  for (const instruction of instructions) {
    if (instruction.kind === "include") parts.push(instruction.text);
    // Markup already in the answer (quoted or included) is not repeated; hidden by an encoding, it is.
    else if (instruction.kind === "markdown" && !parts.some((part) => part.includes(instruction.text)))
      parts.push(instruction.text);
    else if (instruction.kind === "tool_call") parts.push(`TOOL_CALL: ${instruction.name}(${instruction.args})`);
  }
  return parts.join("\n\n");
}

/** What the vulnerable model says when no passage steers it: the passages, as the question wants them. */
function plainAnswer(query: string, passages: readonly Passage[]): string {
  const everything = passages.map((passage) => passage.text).join("\n\n");
  const encoding = requestedEncoding(query);
  if (encoding) return `Here are our documents in ${ENCODING_NAMES[encoding]}: ${encode(encoding, everything)}`;
  if (asksForVerbatim(query)) return `Here are the documents word for word:\n\n${everything}`;
  return (
    ANSWER_PREFIX +
    passages
      .slice(0, QUOTED_PASSAGES)
      .map((passage) => passage.text)
      .join(" ")
  );
}

/** The first sentence of each passage that states something rather than instructs; never anything dictated. */
export function generateHardenedAnswer(passages: readonly Passage[]): string {
  const facts = passages.flatMap(
    (passage) => splitSentences(passage.text).find((sentence) => !looksLikeInstruction(sentence)) ?? [],
  );
  return facts.length ? ANSWER_PREFIX + facts.join(" ") : NOTHING_FOUND;
}
