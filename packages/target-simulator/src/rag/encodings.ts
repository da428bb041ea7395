// The encodings the vulnerable model applies when asked: all reversible, so the encoded answer
// still carries every secret it encodes.
import type { Encoding } from "./query-intent.ts";

const rot13 = (text: string) =>
  text.replace(/[a-z]/gi, (char) => {
    const base = char <= "Z" ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });

const ENCODERS: Record<Encoding, (text: string) => string> = {
  base64: (text) => Buffer.from(text, "utf8").toString("base64"),
  hex: (text) => Buffer.from(text, "utf8").toString("hex"),
  rot13,
  spell_out: (text) => [...text].join(" "),
  reverse: (text) => [...text].reverse().join(""),
};

export const ENCODING_NAMES: Record<Encoding, string> = {
  base64: "base64",
  hex: "hex",
  rot13: "ROT13",
  spell_out: "spelled out",
  reverse: "reverse",
};

export function encode(encoding: Encoding, text: string): string {
  return ENCODERS[encoding](text);
}
