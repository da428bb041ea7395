// The hardened profile's guards, one per stage of the pipeline. Each is a pure check; the hardened
// pipeline runs them and reports what each did as a RagGuardSignal.
import { findInstructionPhrase, IGNORE_INSTRUCTIONS } from "./instructions.ts";
import { asksForVerbatim, requestedEncoding } from "./query-intent.ts";

/** ingest_filter: why a document is refused (instruction-like content), or null to ingest it. */
export function ingestFilter(text: string): string | null {
  const phrase = findInstructionPhrase(text);
  return phrase === null
    ? null
    : `ingest_filter: instruction-like content ("${phrase.replace(/\s+/g, " ").slice(0, 80)}")`;
}

// "namespace X" / "tenant: X" / "tenant called X": a question reaching for another scope.
const NAMED_SCOPE = /\b(namespace|tenant)s?\b\s*[:=]?\s*(?:(?:called|named|id)\s+)?["'`]?([\w.:@/-]+)/gi;
// Words that follow "namespace" or "tenant" without naming one ("the namespace of ...", "my tenant is").
const NOT_A_NAME = new Set([
  "is",
  "of",
  "the",
  "a",
  "an",
  "this",
  "that",
  "my",
  "our",
  "your",
  "in",
  "for",
  "to",
  "and",
  "or",
  "it",
  "as",
  "with",
  "from",
  "name",
  "names",
  "id",
  "ids",
]);

/** input_filter: why a question is blocked before retrieval, or null to answer it. */
export function inputFilter(query: string, namespace: string): string | null {
  if (IGNORE_INSTRUCTIONS.test(query)) return "asks to ignore previous instructions";
  if (asksForVerbatim(query)) return "asks to reproduce documents verbatim";
  const encoding = requestedEncoding(query);
  if (encoding) return `asks to encode documents (${encoding})`;
  for (const match of query.matchAll(NAMED_SCOPE)) {
    const named = match[2]!.replace(/[.:,;!?-]+$/, "");
    if (!named || NOT_A_NAME.has(named.toLowerCase())) continue;
    if (named !== namespace) return `names another ${match[1]!.toLowerCase()} (${named})`;
  }
  return null;
}

/** model_refusal: passages the hardened model never quotes. */
export function isConfidential(document: { text: string; metadata: Record<string, string> }): boolean {
  const classification = document.metadata.classification?.trim().toLowerCase();
  return classification === "confidential" || classification === "restricted" || /\bCONFIDENTIAL\b/.test(document.text);
}

/** The one host the hardened pipeline may link to: the simulated shop's own site. */
export const ALLOWED_LINK_HOST = "halvorsen-outdoor.example";
export const REDACTED = "[REDACTED]";

// URLs stop before trailing punctuation, so "see https://x.example/a." keeps its full stop.
const URL_PATTERN = /\b(?:https?|ftp):\/\/[^\s<>"'`)\]]*[^\s<>"'`)\].,;:!?]/gi;
const SECRET_KEY = /\bsk-[A-Za-z0-9_-]{6,}/g;
// Canary-shaped tokens ("PXRAG-7QW2M9", "ACME-a1b2c3"): counted only with a digit, so words like "E-MAIL-ADDRESS" pass.
const CANARY_SHAPED = /\b[A-Z][A-Z0-9]{1,15}-[A-Za-z0-9]{6,}\b/g;
// The chat probes' canaries: "PX" and ten base32 characters.
const PX_CANARY = /\bPX[A-Z2-7]{10}\b/g;

/** output_filter: the answer with secret-shaped tokens and foreign URLs replaced, and how many were. */
export function redactOutput(answer: string): { text: string; redactions: number } {
  let redactions = 0;
  const redact = (text: string, pattern: RegExp, keep: (token: string) => boolean = () => false) =>
    text.replace(pattern, (token) => {
      if (keep(token)) return token;
      redactions++;
      return REDACTED;
    });
  let text = redact(answer, URL_PATTERN, isAllowedUrl);
  text = redact(text, SECRET_KEY);
  text = redact(text, CANARY_SHAPED, (token) => !/\d/.test(token));
  text = redact(text, PX_CANARY);
  return { text, redactions };
}

function isAllowedUrl(url: string): boolean {
  try {
    return new URL(url).hostname.toLowerCase() === ALLOWED_LINK_HOST;
  } catch {
    return false;
  }
}
