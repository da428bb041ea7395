// Attack strategies: composable transforms of a rendered probe prompt into one that asks for the
// same thing in a way a filter may miss. Every offline strategy is pure and deterministic, and keeps
// the attempt's canary recoverable, so a target that reads through the disguise and obeys still
// reproduces it exactly. `language:<code>` needs a translating attacker model and is only parsed here.
import { homoglyph, leetspeak } from "./character-swaps.ts";
import { base64, hex, morse, rot13Strategy } from "./encodings.ts";
import { manyShot, pastTense, payloadSplit } from "./reframings.ts";
import type { Strategy } from "./strategy.ts";

export { type EncodingStrategy, isEncoding, type Strategy } from "./strategy.ts";

export const OFFLINE_STRATEGIES: readonly Strategy[] = Object.freeze([
  base64,
  leetspeak,
  homoglyph,
  morse,
  payloadSplit,
  manyShot,
  pastTense,
  rot13Strategy,
  hex,
]);

export type ParsedStrategy =
  | { kind: "offline"; strategy: Strategy }
  | { kind: "language"; id: string; language: string };

const LANGUAGE_PREFIX = "language:";
// ISO 639-1/-2 code in lower case, optionally with a region: "et", "fil", "pt-br", "es-419".
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-(?:[a-z]{2}|[0-9]{3}))?$/;

const KNOWN = `known strategies: ${OFFLINE_STRATEGIES.map((strategy) => strategy.id).join(", ")}, ${LANGUAGE_PREFIX}<code>`;

export function parseStrategy(name: string): ParsedStrategy | { error: string } {
  const trimmed = name.trim();
  const strategy = OFFLINE_STRATEGIES.find((candidate) => candidate.id === trimmed);
  if (strategy) return { kind: "offline", strategy };
  if (trimmed.startsWith(LANGUAGE_PREFIX)) {
    const language = trimmed.slice(LANGUAGE_PREFIX.length);
    if (LANGUAGE_CODE.test(language)) return { kind: "language", id: trimmed, language };
    return {
      error: `invalid language code "${language}" in strategy "${trimmed}": expected 2-3 lowercase letters with an optional region, e.g. language:et or language:pt-br (${KNOWN})`,
    };
  }
  return { error: `unknown strategy "${trimmed}" (${KNOWN})` };
}

export function applyStrategy(strategy: Strategy, prompt: string, canary: string): string {
  return strategy.apply(prompt, canary);
}
