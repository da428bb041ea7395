// Transforms that rewrite characters (leetspeak, homoglyphs, ROT13) must leave the canary alone: the
// target has to reproduce it exactly, so only the text around it is rewritten.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** This attempt's canary, and any other canary-shaped token ("PX" + 10 of A-Z2-7) in the prompt. */
const canarySource = (canary: string) => `${canary ? `${escapeRegExp(canary)}|` : ""}PX[A-Z2-7]{10}`;

// A run of 24+ base64/hex characters is no word: it is an earlier strategy's encoded payload when
// strategies are stacked (e.g. base64 then leetspeak), and swapping its letters would corrupt it.
const ENCODED_BLOB = "[A-Za-z0-9+/=]{24,}";

function spans(text: string, source: string): Array<[number, number]> {
  return [...text.matchAll(new RegExp(source, "g"))].map((match) => [match.index, match.index + match[0].length]);
}

/** [start, end) of every canary occurrence in `text`, in UTF-16 offsets. */
export function canarySpans(text: string, canary: string): Array<[number, number]> {
  return spans(text, canarySource(canary));
}

/**
 * Applies `rewrite` to every stretch of `text` between canaries and encoded blobs, which stay verbatim.
 * A rewrite that maps letters to letters (ROT13) is its own inverse through this function too.
 */
export function outsideCanary(text: string, canary: string, rewrite: (part: string) => string): string {
  let result = "";
  let last = 0;
  for (const [start, end] of spans(text, `${canarySource(canary)}|${ENCODED_BLOB}`)) {
    result += rewrite(text.slice(last, start)) + text.slice(start, end);
    last = end;
  }
  return result + rewrite(text.slice(last));
}
