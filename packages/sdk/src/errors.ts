// Typed errors: every failed call throws one of these, carrying the API's error slug (`code`), the
// HTTP status and the body, so callers can branch on `instanceof` or on the slug.
import type { ErrorSlug } from "./generated/openapi.ts";

/** The base of every error the SDK throws: `code`, `status`, `body` and the server's `requestId`. */
export class PenaxtraError extends Error {
  /**
   * The documented error slug, e.g. `invalid_token`, `endpoint_not_found_or_inactive` (see ErrorSlug).
   * Any other string is possible too: a slug newer than this SDK, `http_<status>` for a body without
   * one, or this SDK's own `connection_error`, `wait_timeout` and `webhook_verification_failed`.
   */
  readonly code: ErrorSlug | (string & {});
  /** The HTTP status; 0 when there was no answer (connection failure, timeout, abort). */
  readonly status: number;
  /** The answer's body as parsed (the documented `{ error, issues? }` shape), or null. */
  readonly body: unknown;
  /** The server's `X-Request-Id` for this answer (null when there was no answer): quote it in a bug report. */
  readonly requestId: string | null = null;

  constructor(status: number, code: ErrorSlug | (string & {}), body: unknown, message?: string) {
    super(message ?? `${status} ${code}`);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** 400: the request was invalid; `message` lists the validation issues. */
export class BadRequestError extends PenaxtraError {}
/** 401: the API key is missing, unknown or revoked. */
export class AuthenticationError extends PenaxtraError {}
/** 403: the API key lacks the scope this call needs. */
export class PermissionDeniedError extends PenaxtraError {}
/** 404: no such object in this tenant. */
export class NotFoundError extends PenaxtraError {}
/** 409: the object's state does not allow the call (e.g. cancelling a finished scan), or an idempotency key was reused. */
export class ConflictError extends PenaxtraError {}
/** 413: the request body is larger than the server accepts. */
export class PayloadTooLargeError extends PenaxtraError {}
/** 429: too many requests (after the retries); `retryAfterSeconds` says how long to wait. */
export class RateLimitError extends PenaxtraError {
  /** Seconds the API asked to wait (Retry-After), when it said. */
  readonly retryAfterSeconds: number | null;
  constructor(status: number, code: ErrorSlug | (string & {}), body: unknown, retryAfterSeconds: number | null) {
    super(status, code, body);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
/** 5xx: the server failed (after the retries). */
export class ServerError extends PenaxtraError {}

/** The request never got an HTTP answer: connection refused, reset, DNS, or the per-attempt timeout. */
export class ConnectionError extends PenaxtraError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(0, "connection_error", null, message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** No answer within the timeout (the SDK's per-attempt timeout or the caller's AbortSignal.timeout). */
export class TimeoutError extends ConnectionError {}

/** The caller's AbortSignal aborted the call (`cause` is the signal's reason). */
export class UserAbortError extends PenaxtraError {
  constructor(options?: { cause?: unknown }) {
    super(0, "aborted", null, "the call was aborted");
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/**
 * The SDK's error for a caller's signal that fired: a timeout (AbortSignal.timeout) is a
 * TimeoutError like the SDK's own, anything else a UserAbortError; the reason stays as `cause`.
 */
export function abortError(reason: unknown): PenaxtraError {
  if (reason instanceof PenaxtraError) return reason;
  return (reason as { name?: unknown } | null)?.name === "TimeoutError"
    ? new TimeoutError("the caller's signal timed out", { cause: reason })
    : new UserAbortError({ cause: reason });
}

/** `waitFor` gave up before the scan or RAG run ended. */
export class WaitTimeoutError extends PenaxtraError {
  constructor(what: string, lastStatus: string) {
    super(0, "wait_timeout", null, `${what} still ${lastStatus} when waiting timed out`);
  }
}

const BY_STATUS: Record<number, typeof PenaxtraError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
};

/** The typed error for a failed answer and its parsed body. */
export function errorFromResponse(response: Response, body: unknown): PenaxtraError {
  const code =
    body && typeof body === "object" && typeof (body as { error?: unknown }).error === "string"
      ? (body as { error: string }).error
      : `http_${response.status}`;
  const error =
    response.status === 429
      ? new RateLimitError(429, code, body, retryAfterSeconds(response.headers.get("retry-after")))
      : response.status >= 500
        ? new ServerError(response.status, code, body)
        : new (BY_STATUS[response.status] ?? PenaxtraError)(response.status, code, body);
  const requestId = response.headers.get("x-request-id");
  (error as { requestId: string | null }).requestId = requestId;
  error.message = describe(response.status, code, body, requestId);
  return error;
}

const MAX_DETAIL_CHARS = 500;

/**
 * "400 invalid_request: limits.concurrency: Too big (request 5f0c...)": what was wrong, and where to
 * look. The body's `issues` when it has them, else its `message` ("unknown strategy nosuch; one of
 * ..."), else its other fields ("unknown_probe_ids: nosuch").
 */
function describe(status: number, code: string, body: unknown, requestId: string | null): string {
  const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const { issues, message } = fields;
  const details = Array.isArray(issues)
    ? issues
        .filter((issue): issue is { path: string; message: string } => !!issue && typeof issue === "object")
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join("; ")
    : typeof message === "string"
      ? message
      : Object.entries(fields)
          .filter(([name]) => name !== "error")
          .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
          .join("; ");
  const shown = details.length > MAX_DETAIL_CHARS ? `${details.slice(0, MAX_DETAIL_CHARS)}…` : details;
  return `${status} ${code}${shown ? `: ${shown}` : ""}${requestId ? ` (request ${requestId})` : ""}`;
}

/** Retry-After as seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
