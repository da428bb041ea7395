// Character swaps: the words stay readable to a model but no longer match a keyword filter. The
// canary is never touched, so a target that reads past the swaps can still echo it exactly.
import { outsideCanary } from "./canary-guard.ts";
import type { Strategy } from "./strategy.ts";

const LEET: Readonly<Record<string, string>> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };

// Latin letter -> a Cyrillic (or, where Cyrillic has none, Greek) letter that renders the same.
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: "\u0430", // а
  c: "\u0441", // с
  e: "\u0435", // е
  i: "\u0456", // і
  j: "\u0458", // ј
  o: "\u043e", // о
  p: "\u0440", // р
  s: "\u0455", // ѕ
  x: "\u0445", // х
  y: "\u0443", // у
  A: "\u0410", // А
  B: "\u0412", // В
  C: "\u0421", // С
  E: "\u0415", // Е
  H: "\u041d", // Н
  I: "\u0406", // І
  J: "\u0408", // Ј
  K: "\u041a", // К
  M: "\u041c", // М
  N: "\u039d", // Greek Ν
  O: "\u041e", // О
  P: "\u0420", // Р
  S: "\u0405", // Ѕ
  T: "\u0422", // Т
  X: "\u0425", // Х
  Y: "\u04ae", // Ү
  Z: "\u0396", // Greek Ζ
};

export const leetspeak: Strategy = {
  id: "leetspeak",
  description: "Swaps letters in words for look-alike digits (a->4, e->3, i->1, o->0, s->5, t->7).",
  apply: (prompt, canary) =>
    outsideCanary(prompt, canary, (part) =>
      part.replace(/[A-Za-z]+/g, (word) => word.replace(/[aeiost]/gi, (letter) => LEET[letter.toLowerCase()]!)),
    ),
};

export const homoglyph: Strategy = {
  id: "homoglyph",
  description: "Replaces Latin letters with identical-looking Cyrillic and Greek letters.",
  apply: (prompt, canary) =>
    outsideCanary(prompt, canary, (part) => part.replace(/[A-Za-z]/g, (letter) => HOMOGLYPHS[letter] ?? letter)),
};
