// Turns a probe variant into the payload actually sent: `{{canary}}` becomes this attempt's unique
// token, then encoding directives (`{{base64:…}}`, `{{rot13:…}}`, …) encode their inner text. The
// encodings are all reversible, so a target that decodes and obeys reproduces the canary exactly.
import { randomBytes } from "node:crypto";
import type { Probe } from "./probes/types.ts";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** "PX" + 10 random base32 characters: distinctive, never a dictionary word, survives any case-safe transport. */
export function makeCanary(): string {
  const bytes = randomBytes(10);
  let token = "PX";
  for (const byte of bytes) token += BASE32[byte % 32];
  return token;
}

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (char) => {
    const base = char <= "Z" ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Encoders by directive name. Each has an exact inverse; the catalogue test checks the round trip. */
export const payloadEncoders: Readonly<Record<string, (text: string) => string>> = {
  base64: (text) => Buffer.from(text, "utf8").toString("base64"),
  hex: (text) => Buffer.from(text, "utf8").toString("hex"),
  rot13,
  reverse: (text) => [...text].reverse().join(""),
  url: (text) =>
    [...Buffer.from(text, "utf8")].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  // One space between letters, a slash between words: "hi you" -> "h i / y o u".
  spaced: (text) =>
    text
      .split(" ")
      .map((word) => [...word].join(" "))
      .join(" / "),
  // "ASCII smuggling": Unicode tag characters (U+E0000 block) mirror ASCII but render as nothing.
  tags: (text) =>
    [...text]
      .map((char) => (char.charCodeAt(0) < 0x80 ? String.fromCodePoint(0xe0000 + char.charCodeAt(0)) : char))
      .join(""),
};

/** Inverse of each encoder; used by tests and by the target simulator's naive "decoder". */
export const payloadDecoders: Readonly<Record<string, (text: string) => string>> = {
  base64: (text) => Buffer.from(text, "base64").toString("utf8"),
  hex: (text) => Buffer.from(text, "hex").toString("utf8"),
  rot13,
  reverse: (text) => [...text].reverse().join(""),
  url: (text) => decodeURIComponent(text),
  spaced: (text) =>
    text
      .split(" / ")
      .map((word) => word.split(" ").join(""))
      .join(" "),
  tags: (text) =>
    [...text]
      .map((char) => {
        const code = char.codePointAt(0)!;
        return code >= 0xe0000 && code <= 0xe007f ? String.fromCharCode(code - 0xe0000) : char;
      })
      .join(""),
};

// Innermost directive first: the inner text may not contain another "{{" or "}}".
const DIRECTIVE = /\{\{([a-z0-9]+):((?:(?!\{\{|\}\})[\s\S])*)\}\}/;

// Templates come from tenants too (custom probes): nesting and size are bounded so that a template
// cannot grow without end (each url or hex level triples or doubles its text).
const MAX_DIRECTIVES = 8;
export const MAX_RENDERED_CHARS = 64_000;

export function renderTemplate(template: string, canary: string): string {
  let text = template.replaceAll("{{canary}}", canary);
  let applied = 0;
  for (let match = DIRECTIVE.exec(text); match; match = DIRECTIVE.exec(text)) {
    const [whole, name, inner] = match;
    const encode = payloadEncoders[name!];
    if (!encode) throw new Error(`unknown payload directive {{${name}:…}}`);
    if (++applied > MAX_DIRECTIVES) throw new Error(`more than ${MAX_DIRECTIVES} payload directives`);
    text = text.slice(0, match.index) + encode(inner!) + text.slice(match.index + whole.length);
    if (text.length > MAX_RENDERED_CHARS)
      throw new Error(`the rendered payload passes ${MAX_RENDERED_CHARS} characters`);
  }
  return text;
}

/** Text put into a template from outside it (a declared purpose, a model's output) cannot add directives. */
export const defuseTemplateText = (text: string) => text.replace(/\{\{/g, "{ {").replace(/\}\}/g, "} }");

export function renderPayload(probe: Probe, variantIndex: number, canary: string): string {
  const template = probe.variants[variantIndex];
  if (template === undefined)
    throw new RangeError(`probe ${probe.id} has no variant ${variantIndex} (it has ${probe.variants.length})`);
  return renderTemplate(template, canary);
}
