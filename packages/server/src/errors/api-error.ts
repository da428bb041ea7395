// One error type for every handler; `error-handler.ts` turns it into `{"error": slug, ...fields}`.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly fields: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(slug);
    this.name = "ApiError";
  }
}

export const notFound = (slug = "not_found") => new ApiError(404, slug);
export const badRequest = (slug: string, fields: Record<string, unknown> = {}) => new ApiError(400, slug, fields);
export const payloadTooLarge = (limitBytes: number) => new ApiError(413, "payload_too_large", { limit_bytes: limitBytes });
export const rateLimited = (retryAfterSeconds: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(429, "rate_limited", { retry_after_seconds: seconds }, { "Retry-After": String(seconds) });
};
