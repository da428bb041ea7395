import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../db/unavailable.ts";
import { ApiError } from "../errors/api-error.ts";
import type { ErrorSlug } from "../generated/contract.ts";

// Every error body: the slug, which must be one openapi.yaml's ErrorSlug lists, then its fields.
const errorBody = (slug: ErrorSlug, fields: Record<string, unknown> = {}) => ({ error: slug, ...fields });

export function errorHandler(log: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(errorBody(error.slug, error.fields), error.status as 400);
    }
    // Hono's JSON validator throws 400 HTTPExceptions for malformed bodies.
    if (error instanceof HTTPException && error.status === 400) {
      return c.json(errorBody("invalid_json", { message: error.message }), 400);
    }
    // The contract documents one 400 for every malformed request, wrong media type included.
    if (error instanceof HTTPException && error.status === 415) {
      return c.json(
        errorBody("invalid_content_type", { message: "send the body as Content-Type: application/json" }),
        400,
      );
    }
    if (isDatabaseUnavailable(error)) {
      log.warn({ requestId: c.get("requestId"), code: (error as { code?: string }).code }, "database unavailable");
      c.header("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
      return c.json(errorBody("database_unavailable", { retry_after_seconds: DATABASE_RETRY_AFTER_SECONDS }), 503);
    }
    log.error({ err: error, requestId: c.get("requestId") }, "unhandled error");
    return c.json(errorBody("internal_error", { request_id: c.get("requestId") ?? null }), 500);
  };
}

export const notFoundHandler = (c: Context) => c.json(errorBody("not_found"), 404);
