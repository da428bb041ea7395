// @penaxtra/sdk: `new Penaxtra()` (resources, typed errors, retries, event streams, webhooks) and a
// low-level client typed from openapi.yaml (see generated/openapi.ts).
import type { Client, ClientOptions } from "openapi-fetch";
import { assertNotInBrowser, env } from "./core/runtime.ts";
import { createClient } from "./create-client.ts";
import type { components, ErrorSlug, operations, paths } from "./generated/openapi.ts";

export type { CallOptions, PenaxtraOptions } from "./core/api-client.ts";
export { ApiPromise, type ApiResponse } from "./core/api-promise.ts";
export type { WaitOptions } from "./core/follow.ts";
export type { Logger, LogLevel } from "./core/log.ts";
export { Page, PagePromise } from "./core/page.ts";
export * from "./errors.ts";
export { readEventStream, type ServerSentEvent } from "./event-stream.ts";
export { Penaxtra } from "./penaxtra.ts";
export { AiAssets } from "./resources/ai-assets.ts";
export { Audit } from "./resources/audit.ts";
export { Frameworks, Probes } from "./resources/catalogue.ts";
export { Endpoints } from "./resources/endpoints.ts";
export { Findings } from "./resources/findings.ts";
export { type RagRunStreamEvent, RagRuns } from "./resources/rag-runs.ts";
export { Reports } from "./resources/reports.ts";
export { type ScanStreamEvent, Scans } from "./resources/scans.ts";
export { Webhooks } from "./resources/webhooks.ts";
export { type RetryingFetchOptions, type RetryOptions, retryingFetch } from "./retrying-fetch.ts";
export * from "./types.ts";
export { SDK_VERSION, userAgent } from "./version.ts";
export {
  type VerifyOptions,
  verifyWebhook,
  type WebhookEventBody,
  type WebhookEventType,
  WebhookVerificationError,
  webhooks,
} from "./webhooks.ts";
export type { components, ErrorSlug, operations, paths };

/** Every schema of openapi.yaml by name: `Schemas["Scan"]`, `Schemas["EndpointCreate"]`... */
export type Schemas = components["schemas"];

/** Options of the low-level client: openapi-fetch's, with the API key and base URL read from the environment. */
export interface PenaxtraClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** Defaults to PENAXTRA_BASE_URL, then http://localhost:8787. */
  baseUrl?: string;
  /** Defaults to PENAXTRA_API_KEY. */
  apiKey?: string;
  /** Allow running in a web page, where the API key is visible to anyone (off by default). */
  dangerouslyAllowBrowser?: boolean;
}

/** The low-level typed client: every path, parameter and response of /api/v2, no retries. */
export function createPenaxtraClient(options: PenaxtraClientOptions = {}): Client<paths> {
  const {
    apiKey = env("PENAXTRA_API_KEY"),
    baseUrl = env("PENAXTRA_BASE_URL") ?? "http://localhost:8787",
    dangerouslyAllowBrowser,
    headers,
    ...rest
  } = options;
  assertNotInBrowser(dangerouslyAllowBrowser);
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
