// What a strategy is: the shape every family file (encodings, character swaps, reframings) implements.
export interface Strategy {
  id: string;
  description: string;
  /** offline transform */
  apply(prompt: string, canary: string): string;
}

/** A strategy that encodes the prompt; `decode` gives it back (Morse: in upper case). */
export interface EncodingStrategy extends Strategy {
  decode(transformed: string, canary: string): string;
}

export const isEncoding = (strategy: Strategy): strategy is EncodingStrategy =>
  typeof (strategy as Partial<EncodingStrategy>).decode === "function";
