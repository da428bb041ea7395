// What every resource uses: the typed openapi-fetch client with retries, the per-call options, and
// the two shapes of a call (one answer, or a list of pages). Errors become the SDK's typed errors.
import type { Client } from "openapi-fetch";
import { createClient } from "../create-client.ts";
import { errorFromResponse } from "../errors.ts";
import type { paths } from "../generated/openapi.ts";
import { type RetryOptions, retryingFetch } from "../retrying-fetch.ts";
import { userAgent } from "../version.ts";
import { ApiPromise } from "./api-promise.ts";
import { type Logger, type LogLevel, levelledLogger } from "./log.ts";
import type { Item, Ok } from "./operation-types.ts";
import { Page, PagePromise } from "./page.ts";
import { assertNotInBrowser, env } from "./runtime.ts";

/** How a client connects, retries and logs. Every field is optional. */
export interface PenaxtraOptions extends RetryOptions {
  /** Defaults to PENAXTRA_API_KEY. */
  apiKey?: string;
  /** Defaults to PENAXTRA_BASE_URL, then http://localhost:8787. */
  baseUrl?: string;
  /** A fetch of your own (a proxy, a test double); called per attempt. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** Where log lines go (default `console`). */
  logger?: Logger;
  /** How much to log (default PENAXTRA_LOG, then `warn`): `debug` shows every request, `info` each retry. */
  logLevel?: LogLevel;
  /**
   * Allow running in a web page. Off by default: a page shows its API key to everyone who opens it.
   * Turn it on only for a key that may be public.
   */
  dangerouslyAllowBrowser?: boolean;
}

/** Options of one call; they override the client's for that call only. */
export interface CallOptions {
  /** Cancels the call (including its retries); the call then rejects with UserAbortError or TimeoutError. */
  signal?: AbortSignal;
  /** Reuse a key of your own to make a create safe to repeat across processes. */
  idempotencyKey?: string;
  /** Per-attempt timeout in ms for this call. */
  timeoutMs?: number;
  /** Retries after the first attempt, for this call. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** An error body however it was read (JSON, text or bytes, for downloads), as JSON where it is. */
export function errorBody(error: unknown): unknown {
  const text = error instanceof ArrayBuffer ? new TextDecoder().decode(error) : error;
  try {
    return typeof text === "string" ? JSON.parse(text) : text;
  } catch {
    return text;
  }
}

/** The transport shared by the resources of one `Penaxtra` client. */
export class ApiClient {
  /** The low-level typed client (openapi-fetch), for anything the resources do not cover. */
  readonly client: Client<paths>;
  /** The client's log, already filtered by its level. */
  readonly log: Logger;
  private readonly baseFetch: (request: Request) => Promise<Response>;
  private readonly retry: RetryOptions;

  constructor(options: PenaxtraOptions) {
    assertNotInBrowser(options.dangerouslyAllowBrowser);
    const apiKey = options.apiKey ?? env("PENAXTRA_API_KEY");
    if (!apiKey) throw new TypeError("an API key is needed: pass apiKey or set PENAXTRA_API_KEY");
    this.log = levelledLogger(options.logger, options.logLevel, env("PENAXTRA_LOG"));
    this.baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.retry = options;
    this.client = createClient<paths>({
      baseUrl: options.baseUrl ?? env("PENAXTRA_BASE_URL") ?? "http://localhost:8787",
      fetch: retryingFetch(this.baseFetch, { ...options, log: this.log }),
      // Browsers refuse to let a page set User-Agent; everywhere else the server logs who called.
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(typeof document === "undefined" ? { "user-agent": userAgent() } : {}),
        ...options.headers,
      },
    });
  }

  /** openapi-fetch's request options for one call: signal, headers, and a fetch with this call's retry settings. */
  init(options: CallOptions) {
    const headers = {
      ...options.headers,
      ...(options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {}),
    };
    const retry = {
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    };
    return {
      signal: options.signal,
      headers: Object.keys(headers).length ? headers : undefined,
      ...(Object.keys(retry).length
        ? { fetch: retryingFetch(this.baseFetch, { ...this.retry, ...retry, log: this.log }) }
        : {}),
    };
  }

  /** One call: its data, or the typed error of its answer. */
  call<Op>(pending: Answer): ApiPromise<Ok<Op>> {
    return new ApiPromise(
      pending.then(({ data, error, response }) => {
        if (!response.ok) throw errorFromResponse(response, errorBody(error));
        return { data: data as Ok<Op>, response, requestId: response.headers.get("x-request-id") };
      }),
    );
  }

  /** A list: its first page, and every item of every page when iterated. */
  list<Op>(path: string, query: object, options: CallOptions): PagePromise<Item<Op>> {
    const fetchPage = (cursor?: string): PagePromise<Item<Op>> =>
      new PagePromise(
        this.call<Op>(
          // biome-ignore lint/suspicious/noExplicitAny: one generic pager over every list path; openapi-fetch cannot type that.
          (this.client.GET as any)(path, {
            params: { query: cursor ? { ...query, cursor } : query },
            ...this.init(options),
          }),
        )
          .withResponse()
          .then((answer) => ({
            ...answer,
            data: new Page(answer as never as ConstructorParameters<typeof Page<Item<Op>>>[0], fetchPage),
          })),
      );
    return fetchPage();
  }
}
