// What reaches Postgres as text or JSON from outside (a target's answers, a reviewer's note).
/**
 * Text Postgres accepts: no NUL characters, no lone UTF-16 surrogates (a target may send either,
 * and slicing can split a pair). Either one would make the whole group's JSON unreadable to
 * Postgres, on every retry.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
}

export const storableJson = (value: unknown) =>
  JSON.stringify(value, (_key, item) => (typeof item === "string" ? storableText(item) : item));
