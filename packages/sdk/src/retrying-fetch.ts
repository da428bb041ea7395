// A fetch that retries what is safe to retry: network failures, 429 and 5xx, with jittered
// exponential backoff that honours Retry-After. Each attempt has its own timeout; the caller's
// AbortSignal cancels the whole call. A POST gets one Idempotency-Key for all its attempts, so a
// retried create is not applied twice by the server.
import type { Logger } from "./core/log.ts";
import { abortError, ConnectionError, retryAfterSeconds, TimeoutError } from "./errors.ts";

/** How calls are retried and timed out. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** First backoff in ms, doubled each retry, with full jitter (default 250). */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 30 000). */
  maxDelayMs?: number;
  /** For tests: the source of jitter, and the clock used for sleeping. */
  random?: () => number;
  /** For tests: how to wait between attempts (rejecting when the signal aborts). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The Idempotency-Key of a POST that has none (default: a random UUID). */
  newIdempotencyKey?: () => string;
}

/** The retry options, and where the attempts are logged (method, path, status, timing; never headers). */
export interface RetryingFetchOptions extends RetryOptions {
  /** Where attempts (debug) and retries (info) are logged. */
  log?: Logger;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Wraps a fetch with per-attempt timeouts and retries of network failures, 408, 429 and 5xx. */
export function retryingFetch(
  fetchImpl: (request: Request) => Promise<Response>,
  options: RetryingFetchOptions = {},
): (request: Request) => Promise<Response> {
  const maxRetries = options.maxRetries ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const newKey = options.newIdempotencyKey ?? (() => globalThis.crypto.randomUUID());
  const log = options.log;

  return async (original: Request) => {
    const request =
      original.method === "POST" && !original.headers.has("idempotency-key")
        ? withHeader(original, "idempotency-key", newKey())
        : original;
    // The body is read once, so every attempt can send it again.
    const body = request.body ? await request.arrayBuffer() : undefined;
    const callerSignal = original.signal;
    const what = `${request.method} ${new URL(request.url).pathname}`;
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
      const started = Date.now();
      let response: Response;
      log?.debug(`${what} (attempt ${attempt + 1} of ${maxRetries + 1})`);
      try {
        response = await fetchImpl(new Request(request, { body, signal }));
      } catch (error) {
        if (callerSignal?.aborted) throw abortError(callerSignal.reason);
        const failure = timeout.aborted
          ? new TimeoutError(`no answer within ${timeoutMs} ms`, { cause: error })
          : new ConnectionError((error as Error).message, { cause: error });
        if (attempt >= maxRetries) throw failure;
        const delay = backoff(attempt);
        log?.info(`${what} failed (${failure.message}); retrying in ${delay} ms`);
        await sleep(delay, callerSignal).catch((reason) => Promise.reject(abortError(reason)));
        continue;
      }
      const requestId = response.headers.get("x-request-id");
      log?.debug(`${what} answered ${response.status} in ${Date.now() - started} ms (request ${requestId ?? "-"})`);
      if (!RETRYABLE_STATUS.has(response.status) || attempt >= maxRetries) return response;
      const askedSeconds = retryAfterSeconds(response.headers.get("retry-after"));
      // The answer is dropped: its body would otherwise hold the connection.
      await response.body?.cancel().catch(() => {});
      const delay = askedSeconds !== null ? Math.min(askedSeconds * 1000, maxDelayMs) : backoff(attempt);
      log?.info(`${what} answered ${response.status} (request ${requestId ?? "-"}); retrying in ${delay} ms`);
      await sleep(delay, callerSignal).catch((reason) => Promise.reject(abortError(reason)));
    }
  };

  function backoff(attempt: number): number {
    return Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
  }
}

function withHeader(request: Request, name: string, value: string): Request {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return new Request(request, { headers });
}
