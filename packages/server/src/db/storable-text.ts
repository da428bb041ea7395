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

/**
 * Where in a parsed request value a string Postgres cannot store sits (a NUL, or a lone surrogate
 * jsonb refuses), as a path like `tags.2`; null when every string is storable. Input is refused
 * with it rather than silently changed: what a user sent is what gets stored.
 */
export function unstorableTextPath(value: unknown, path: readonly (string | number)[] = []): string | null {
  if (typeof value === "string") {
    LONE_SURROGATE.lastIndex = 0;
    return value.includes("\u0000") || LONE_SURROGATE.test(value) ? path.join(".") || "(value)" : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, [...path, index]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableTextPath(key, [...path, key]) ?? unstorableTextPath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
