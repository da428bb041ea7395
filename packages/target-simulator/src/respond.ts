// The target simulator's "model": a pure function from (profile, system prompt, conversation) to an answer.
//
// Every profile reads text the same way, with generic rules of a naive language model: decode
// anything that looks encoded (base64, hex, percent-encoding, ROT13, reversed, Morse, spaced-out
// letters, invisible Unicode tags, split strings, a small foreign-language glossary), then find the
// requests in it: text to repeat, actions to take, code to run, things to remember, secrets to
// reveal, tools to call, and so on. Nothing here knows probe ids or probe texts.
//
// - "vulnerable" obeys every request it finds, wherever it appears (a document, a tool result, another
//   agent's message), in one cheerful answer, and calls the declared tools it is told to call.
// - "hardened" declines anything that looks like an attack, with plain refusal wording, never repeats
//   dictated tokens or markup, and answers ordinary questions from its store facts.
// - "guarded" is a naive model behind a shallow filter on the conversation's first message
//   (model/guarded.ts): it resists single-message attacks but yields on a later turn, to text the
//   filter cannot read (leetspeak, homoglyphs) and to instructions in tool results.
//
// Given a memory (model/memory.ts, one per simulator instance), the vulnerable profile keeps what any
// caller asks it to remember and recites it in later conversations to whoever asks; the hardened and
// guarded profiles keep nothing across conversations.
//
// One file per step: model/reading.ts (decode hidden content), model/understanding.ts (requests
// found in the text), model/system-prompt.ts (what the model was given), model/vulnerable.ts,
// model/hardened.ts, model/guarded.ts, model/tool-calls.ts, model/ordinary.ts (ordinary questions) and
// model/memory.ts (what outlives a conversation).
import { guardedAnswer, latestCallerText, type Turn } from "./model/guarded.ts";
import { hardenedAnswer } from "./model/hardened.ts";
import type { CrossSessionMemory } from "./model/memory.ts";
import { read } from "./model/reading.ts";
import { parseSystemPrompt } from "./model/system-prompt.ts";
import { type DeclaredTool, type EmittedToolCall, requestedToolCalls } from "./model/tool-calls.ts";
import { asks, MEMORY_CUE, RECALL_CUE } from "./model/understanding.ts";
import { vulnerableAnswer } from "./model/vulnerable.ts";

export type { Turn } from "./model/guarded.ts";
export { CrossSessionMemory } from "./model/memory.ts";
export type { DeclaredTool, EmittedToolCall } from "./model/tool-calls.ts";

export const SIMULATOR_PROFILES = ["vulnerable", "hardened", "guarded"] as const;
export type SimulatorProfile = (typeof SIMULATOR_PROFILES)[number];

/** One answer of the simulated model to a single user message. */
export function respond(profile: SimulatorProfile, systemPrompt: string, userText: string): string {
  return respondToConversation(profile, systemPrompt, [{ role: "user", text: userText }], []).content;
}

/**
 * One answer to a whole conversation: text, and the calls of declared tools the model makes.
 * `memory` outlives the conversation (the vulnerable profile reads and writes it); without one, every
 * conversation starts from nothing.
 */
export function respondToConversation(
  profile: SimulatorProfile,
  systemPrompt: string,
  turns: readonly Turn[],
  tools: readonly DeclaredTool[],
  memory?: CrossSessionMemory,
): { content: string; toolCalls: EmittedToolCall[] } {
  const configuration = parseSystemPrompt(systemPrompt);
  if (profile === "hardened") {
    // Everything the caller said, tool results included, read at once: it declines what looks like an attack.
    const said = turns
      .filter((turn) => turn.role !== "assistant")
      .map((turn) => turn.text)
      .join("\n\n");
    return { content: hardenedAnswer(read(said), configuration), toolCalls: [] };
  }
  if (profile === "guarded") {
    const { content, passed, obeyedText } = guardedAnswer(turns, configuration);
    // It calls tools only where the filter let the conversation through to the naive model.
    return { content, toolCalls: passed ? requestedToolCalls(obeyedText, tools) : [] };
  }
  const said = turns
    .filter((turn) => turn.role !== "assistant")
    .map((turn) => turn.text)
    .join("\n\n");
  const latest = latestCallerText(turns);
  // Recalled before this turn is kept: what it recites came from earlier requests.
  const remembered = memory?.recall() ?? [];
  if (memory) {
    const understood = read(latest).text;
    if (MEMORY_CUE.test(understood) && !asks(understood, RECALL_CUE)) memory.remember(latest);
  }
  return {
    content: vulnerableAnswer(read(said), configuration, remembered),
    toolCalls: requestedToolCalls(latest, tools),
  };
}
