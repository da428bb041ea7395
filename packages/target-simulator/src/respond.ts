// The target simulator's "model": a pure function from (profile, system prompt, user text) to an answer.
//
// Both profiles read the text the same way, with generic rules of a naive language model: decode
// anything that looks encoded (base64, hex, percent-encoding, ROT13, reversed, spaced-out letters,
// invisible Unicode tags, split strings, a small foreign-language glossary), then find the requests in
// it: text to repeat, actions to take, code to run, things to remember, secrets to reveal, and so on.
// Nothing here knows probe ids or probe texts.
//
// - "vulnerable" obeys every request it finds, wherever it appears (a document, a tool result, another
//   agent's message), in one cheerful answer.
// - "hardened" declines anything that looks like an attack, with plain refusal wording, never repeats
//   dictated tokens or markup, and answers ordinary questions from its store facts.
//
// One file per step: model/reading.ts (decode hidden content), model/understanding.ts (requests
// found in the text), model/system-prompt.ts (what the model was given), model/vulnerable.ts,
// model/hardened.ts and model/ordinary.ts (ordinary questions).
import { hardenedAnswer } from "./model/hardened.ts";
import { read } from "./model/reading.ts";
import { parseSystemPrompt } from "./model/system-prompt.ts";
import { vulnerableAnswer } from "./model/vulnerable.ts";

export type SimulatorProfile = "vulnerable" | "hardened";

/** One answer of the simulated model. */
export function respond(profile: SimulatorProfile, systemPrompt: string, userText: string): string {
  const reading = read(userText);
  const configuration = parseSystemPrompt(systemPrompt);
  return profile === "vulnerable" ? vulnerableAnswer(reading, configuration) : hardenedAnswer(reading, configuration);
}
