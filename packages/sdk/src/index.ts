// @penaxtra/sdk: a client typed from openapi.yaml (see generated/openapi.ts).
import type { Client, ClientOptions } from "openapi-fetch";
import { createClient } from "./create-client.ts";
import type { components, ErrorSlug, operations, paths } from "./generated/openapi.ts";

export * from "./errors.ts";
export { readEventStream, type ServerSentEvent } from "./event-stream.ts";
export {
  type CallOptions,
  Penaxtra,
  type PenaxtraOptions,
  type RagRunStreamEvent,
  type ScanStreamEvent,
  type WaitOptions,
} from "./penaxtra.ts";
export { type RetryOptions, retryingFetch } from "./retrying-fetch.ts";
export {
  type VerifyOptions,
  verifyWebhook,
  type WebhookEventBody,
  type WebhookEventType,
  WebhookVerificationError,
  webhooks,
} from "./webhooks.ts";
export type { components, ErrorSlug, operations, paths };
export type Schemas = components["schemas"];

export interface PenaxtraClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** Defaults to PENAXTRA_BASE_URL, then http://localhost:8787. */
  baseUrl?: string;
  /** Defaults to PENAXTRA_API_KEY. */
  apiKey?: string;
}

const env = (name: string): string | undefined => (typeof process !== "undefined" ? process.env?.[name] : undefined);

/** The low-level typed client: every path, parameter and response of /api/v2. */
export function createPenaxtraClient(options: PenaxtraClientOptions = {}): Client<paths> {
  const {
    apiKey = env("PENAXTRA_API_KEY"),
    baseUrl = env("PENAXTRA_BASE_URL") ?? "http://localhost:8787",
    headers,
    ...rest
  } = options;
  return createClient<paths>({
    baseUrl,
    // Resolved per request, so test doubles installed after creation (msw) still apply.
    fetch: rest.fetch ?? ((request: Request) => globalThis.fetch(request)),
    ...rest,
    headers: {
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      ...(headers as Record<string, string> | undefined),
    },
  });
}
