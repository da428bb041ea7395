// The guarded model: a capable model behind a shallow safety layer, the way many deployed ones fail.
// The layer judges a conversation by its first user message, read as the hardened model reads it
// (decoding base64, hex, ROT13 and the like); once that opening passed, the model answers as the
// naive one does. So it refuses every single-message attack, yet yields
//   - on a later turn of a conversation that opened innocently (multi-turn escalation),
//   - to text the layer cannot read but the model can (leetspeak, homoglyphs),
//   - to instructions in tool results, which the layer never looks at.
import { deobfuscate } from "./deobfuscate.ts";
import { hardenedAnswer } from "./hardened.ts";
import { benignAnswer } from "./ordinary.ts";
import { read } from "./reading.ts";
import type { Configuration } from "./system-prompt.ts";
import { vulnerableAnswer } from "./vulnerable.ts";

export interface Turn {
  role: "user" | "assistant" | "tool";
  text: string;
}

/** True when the hardened model would decline the text rather than answer it as an ordinary question. */
export function flaggedAsAttack(text: string, configuration: Configuration): boolean {
  const reading = read(text);
  return hardenedAnswer(reading, configuration) !== benignAnswer(reading.text, configuration);
}

/** What the caller said since the model last spoke: the latest user turn and any tool results after it. */
export function latestCallerText(turns: readonly Turn[]): string {
  const lastAssistant = turns.findLastIndex((turn) => turn.role === "assistant" && turn.text.trim() !== "");
  const since = turns.slice(lastAssistant + 1).filter((turn) => turn.role !== "assistant");
  return (since.length ? since : turns.filter((turn) => turn.role !== "assistant"))
    .map((turn) => turn.text)
    .join("\n\n");
}

/** The answer, and whether the filter let the conversation through to the naive model (it then obeys tool requests too). */
export function guardedAnswer(
  turns: readonly Turn[],
  configuration: Configuration,
): { content: string; passed: boolean; obeyedText: string } {
  const opening = turns.find((turn) => turn.role === "user");
  const latest = latestCallerText(turns);
  if (opening && flaggedAsAttack(opening.text, configuration))
    return { content: hardenedAnswer(read(latest), configuration), passed: false, obeyedText: "" };
  const obeyedText = deobfuscate(latest);
  return { content: vulnerableAnswer(read(obeyedText), configuration), passed: true, obeyedText };
}
