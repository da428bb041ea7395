// What reaches Postgres from outside (a target's answers, a request's text and dates): made storable, or checked.
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

/** A date Postgres can hold and compare: a valid time in the years 0001 to 9999. */
export function storableDate(date: Date): boolean {
  return !Number.isNaN(date.getTime()) && storableYear(date.getUTCFullYear());
}
const storableYear = (year: number) => year >= 1 && year <= 9999;
// A date-time the request schemas accept (year 0000, or +275760) that Postgres cannot hold.
const DATE_TIME = /^([+-]?\d{4,6})-\d{2}-\d{2}T/;

const unstorableString = (text: string) => {
  LONE_SURROGATE.lastIndex = 0;
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
};
const unstorableDate = (leaf: string | Date) => {
  if (leaf instanceof Date) return !storableDate(leaf);
  const year = DATE_TIME.exec(leaf)?.[1];
  return year !== undefined && !storableYear(Number(year));
};

/**
 * The first place in a parsed request value that Postgres could not store: a string with a NUL or
 * a lone surrogate (jsonb refuses those), else a date outside 0001-9999; its path is like `tags.2`.
 * Input is refused with it rather than silently changed: what a user sent is what gets stored.
 */
export function unstorableInput(value: unknown): { path: string; message: string } | null {
  const text = firstLeaf(value, (leaf) => typeof leaf === "string" && unstorableString(leaf));
  if (text !== null)
    return { path: text, message: "text may not contain NUL characters or unpaired UTF-16 surrogates" };
  const date = firstLeaf(value, unstorableDate);
  if (date !== null) return { path: date, message: "dates must fall in the years 0001 to 9999" };
  return null;
}

/** The path of the first string or Date (object keys included) that `bad` picks, depth first. */
function firstLeaf(value: unknown, bad: (leaf: string | Date) => boolean, path: readonly string[] = []): string | null {
  if (typeof value === "string" || value instanceof Date) return bad(value) ? path.join(".") || "(value)" : null;
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = bad(key) ? [...path, key].join(".") : firstLeaf(item, bad, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
