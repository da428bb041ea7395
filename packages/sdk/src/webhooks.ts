// Verifying a webhook delivery: `X-Penaxtra-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
// under the webhook's secret. Web Crypto only, so it runs in Node, Bun, Deno, workers and browsers.
// A signature older (or newer) than the tolerance is refused: a captured delivery cannot be replayed.

import { PenaxtraError } from "./errors.ts";
import type { components } from "./generated/openapi.ts";

/** A webhook delivery whose signature is missing, malformed, too old, or does not match the secret. */
export class WebhookVerificationError extends PenaxtraError {
  constructor(reason: string) {
    super(0, "webhook_verification_failed", null, `webhook signature rejected: ${reason}`);
  }
}

/** The type of a webhook event, e.g. `scan.completed`, `finding.created`. */
export type WebhookEventType = components["schemas"]["WebhookEvent"];

/** The JSON body of a webhook delivery. */
export interface WebhookEventBody {
  /** The delivery id, also in X-Penaxtra-Delivery: the same on every retry, so use it to de-duplicate. */
  id: string;
  /** What happened. */
  type: WebhookEventType;
  /** When it happened (ISO 8601). */
  created_at: string;
  /** The event's object: the scan, finding or RAG run as the API shows it. */
  data: Record<string, unknown>;
}

/** How strictly `verifyWebhook` checks a delivery's age. */
export interface VerifyOptions {
  /** Default 300 seconds. */
  toleranceSeconds?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

/**
 * Checks a delivery's `X-Penaxtra-Signature` (HMAC-SHA256 of `<t>.<raw body>` under the webhook's
 * secret, at most `toleranceSeconds` old) and returns its parsed body; throws WebhookVerificationError.
 * Pass the body exactly as received, before any JSON parsing.
 */
export async function verifyWebhook(
  rawBody: string,
  signatureHeader: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): Promise<WebhookEventBody> {
  if (!signatureHeader) throw new WebhookVerificationError("no X-Penaxtra-Signature header");
  const parts = new Map(signatureHeader.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const signatures = signatureHeader
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .map((part) => part.slice(3));
  if (!Number.isInteger(timestamp) || !signatures.length) throw new WebhookVerificationError("malformed header");
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300))
    throw new WebhookVerificationError("timestamp outside the tolerance (a replay?)");

  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const expected = toHex(
    new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${rawBody}`))),
  );
  if (!signatures.some((signature) => constantTimeEqual(signature, expected)))
    throw new WebhookVerificationError("signature does not match");
  return JSON.parse(rawBody) as WebhookEventBody;
}

/** `webhooks.verify`: verification of deliveries without a client (no API key needed). */
export const webhooks = { verify: verifyWebhook };

const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
