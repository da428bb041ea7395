// One error type for every layer, carrying one of the contract's error slugs; http/error-handler.ts
// turns it into `{"error": slug, ...fields}`.
// `slug` is typed by openapi.yaml's ErrorSlug: a slug the contract does not list does not compile.
import type { ErrorSlug } from "../generated/contract.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly slug: ErrorSlug,
    readonly fields: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(slug);
    this.name = "ApiError";
  }
}

export const notFound = (slug: ErrorSlug = "not_found") => new ApiError(404, slug);
export const badRequest = (slug: ErrorSlug, fields: Record<string, unknown> = {}) => new ApiError(400, slug, fields);
export const payloadTooLarge = (limitBytes: number) =>
  new ApiError(413, "payload_too_large", { limit_bytes: limitBytes });
export const rateLimited = (retryAfterSeconds: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(429, "rate_limited", { retry_after_seconds: seconds }, { "Retry-After": String(seconds) });
};
