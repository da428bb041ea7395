// The resource client: `new Penaxtra()` with endpoints, scans, findings, ragRuns, aiAssets, probes,
// frameworks, reports, webhooks and audit. Methods return the data itself and throw typed errors (errors.ts); list
// methods are async iterators over every page; scans.events / ragRuns.events follow the server's
// event streams, and waitFor resolves at the end (reading every intervalMs where there is no stream).
// Everything is typed from openapi.yaml through openapi-fetch's `paths`.
import type { Client } from "openapi-fetch";
import { createClient } from "./create-client.ts";
import { abortError, ConnectionError, errorFromResponse, PenaxtraError, WaitTimeoutError } from "./errors.ts";
import { readEventStream } from "./event-stream.ts";
import type { components, operations, paths } from "./generated/openapi.ts";
import { defaultSleep, type RetryOptions, retryingFetch } from "./retrying-fetch.ts";
import { userAgent } from "./version.ts";
import { verifyWebhook } from "./webhooks.ts";

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type Ok<Op> = Op extends { responses: infer R }
  ? 200 extends keyof R
    ? Json<R[200]>
    : 201 extends keyof R
      ? Json<R[201]>
      : 202 extends keyof R
        ? Json<R[202]>
        : undefined
  : never;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type Body<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
type Item<Op> = Ok<Op> extends { data: Array<infer T> } ? T : never;

export interface PenaxtraOptions extends RetryOptions {
  /** Defaults to PENAXTRA_API_KEY. */
  apiKey?: string;
  /** Defaults to PENAXTRA_BASE_URL, then http://localhost:8787. */
  baseUrl?: string;
  /** A fetch of your own (a proxy, a test double); called per attempt. */
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Reuse a key of your own to make a create safe to repeat across processes. */
  idempotencyKey?: string;
}

export interface WaitOptions<T = unknown> {
  signal?: AbortSignal;
  /** Default 1000 ms. */
  intervalMs?: number;
  /** Default 10 minutes. */
  timeoutMs?: number;
  /** Called with every state read while waiting, the final one included: drive a progress bar with it. */
  onProgress?: (current: T) => void;
  /**
   * Follow the server's event stream (default true): each change arrives as it happens. Without it,
   * or when the stream cannot be opened, `waitFor` reads the scan or run every `intervalMs`.
   */
  stream?: boolean;
}

/** An event of `scans.events()`: the scan (`scan`, and `end` when it has ended) or a new finding. */
export type ScanStreamEvent = components["schemas"]["ScanEvent"] | components["schemas"]["ScanFindingEvent"];
/** An event of `ragRuns.events()`: the run with its tests (`rag_run`, and `end` when it has ended). */
export type RagRunStreamEvent = components["schemas"]["RagRunEvent"];

const env = (name: string): string | undefined => (typeof process !== "undefined" ? process.env?.[name] : undefined);
const SCAN_FINAL = new Set(["completed", "failed", "cancelled"]);
const parseJson = (text: unknown) => {
  try {
    return typeof text === "string" ? JSON.parse(text) : text;
  } catch {
    return text;
  }
};

export class Penaxtra {
  /** The low-level typed client, for anything the resources do not cover. */
  readonly client: Client<paths>;

  constructor(options: PenaxtraOptions = {}) {
    const apiKey = options.apiKey ?? env("PENAXTRA_API_KEY");
    if (!apiKey) throw new TypeError("an API key is needed: pass apiKey or set PENAXTRA_API_KEY");
    const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.client = createClient<paths>({
      baseUrl: options.baseUrl ?? env("PENAXTRA_BASE_URL") ?? "http://localhost:8787",
      fetch: retryingFetch(baseFetch, options),
      // Browsers refuse to let a page set User-Agent; everywhere else the server logs who called.
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(typeof document === "undefined" ? { "user-agent": userAgent() } : {}),
        ...options.headers,
      },
    });
  }

  readonly endpoints = {
    list: (query: Query<operations["listEndpoints"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listEndpoints"]>("/api/v2/endpoints", query, options),
    create: (body: Body<operations["createEndpoint"]>, options: CallOptions = {}) =>
      this.call<operations["createEndpoint"]>(this.client.POST("/api/v2/endpoints", { body, ...this.init(options) })),
    get: (id: string, options: CallOptions = {}) =>
      this.call<operations["getEndpoint"]>(
        this.client.GET("/api/v2/endpoints/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    update: (id: string, body: Body<operations["updateEndpoint"]>, options: CallOptions = {}) =>
      this.call<operations["updateEndpoint"]>(
        this.client.PATCH("/api/v2/endpoints/{id}", { params: { path: { id } }, body, ...this.init(options) }),
      ),
    delete: (id: string, options: CallOptions = {}) =>
      this.call<operations["deleteEndpoint"]>(
        this.client.DELETE("/api/v2/endpoints/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    test: (id: string, options: CallOptions = {}) =>
      this.call<operations["testEndpoint"]>(
        this.client.POST("/api/v2/endpoints/{id}/test", { params: { path: { id } }, ...this.init(options) }),
      ),
  };

  readonly scans = {
    list: (query: Query<operations["listScans"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listScans"]>("/api/v2/scans", query, options),
    create: (body: Body<operations["createScan"]>, options: CallOptions = {}) =>
      this.call<operations["createScan"]>(this.client.POST("/api/v2/scans", { body, ...this.init(options) })),
    get: (id: string, options: CallOptions = {}) =>
      this.call<operations["getScan"]>(
        this.client.GET("/api/v2/scans/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    cancel: (id: string, options: CallOptions = {}) =>
      this.call<operations["cancelScan"]>(
        this.client.POST("/api/v2/scans/{id}/cancel", { params: { path: { id } }, ...this.init(options) }),
      ),
    /** The scan's findings as a SARIF 2.1.0 (JSON text) or JUnit XML file for CI, or a self-contained HTML report for people. */
    export: async (
      id: string,
      format: "sarif" | "junit" | "html" = "sarif",
      options: CallOptions = {},
    ): Promise<string> => {
      const { data, error, response } = await this.client.GET("/api/v2/scans/{id}/export", {
        params: { path: { id }, query: { format } },
        parseAs: "text",
        ...this.init(options),
      });
      if (!response.ok) throw errorFromResponse(response, parseJson(error));
      return data as unknown as string;
    },
    /**
     * The scan as it runs, pushed by the server (GET /scans/{id}/events): `scan` whenever it changes,
     * `finding` for each new finding, `end` with the final scan; the iterator then ends. A stream
     * that drops is opened again (it starts with the current state, so nothing is missed).
     */
    events: (id: string, options: CallOptions = {}) =>
      this.follow<ScanStreamEvent>("/api/v2/scans/{id}/events", id, options),
    /**
     * Resolves with the scan once it is completed, failed or cancelled; `onProgress` sees every
     * change. Follows the event stream, and reads every `intervalMs` where there is none.
     */
    waitFor: (id: string, options: WaitOptions<components["schemas"]["Scan"]> = {}) =>
      this.waitFor(
        `scan ${id}`,
        () => this.scans.get(id, options),
        (scan) => SCAN_FINAL.has(scan.status),
        options,
        (signal) => this.scans.events(id, { signal }),
      ),
  };

  readonly findings = {
    list: (query: Query<operations["listFindings"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listFindings"]>("/api/v2/findings", query, options),
    get: (id: string, options: CallOptions = {}) =>
      this.call<operations["getFinding"]>(
        this.client.GET("/api/v2/findings/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    updateStatus: (id: string, body: Body<operations["updateFindingStatus"]>, options: CallOptions = {}) =>
      this.call<operations["updateFindingStatus"]>(
        this.client.PATCH("/api/v2/findings/{id}", { params: { path: { id } }, body, ...this.init(options) }),
      ),
  };

  readonly aiAssets = {
    list: (query: Query<operations["listAiAssets"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listAiAssets"]>("/api/v2/ai-assets", query, options),
    create: (body: Body<operations["createAiAsset"]>, options: CallOptions = {}) =>
      this.call<operations["createAiAsset"]>(this.client.POST("/api/v2/ai-assets", { body, ...this.init(options) })),
    get: (id: string, options: CallOptions = {}) =>
      this.call<operations["getAiAsset"]>(
        this.client.GET("/api/v2/ai-assets/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    update: (id: string, body: Body<operations["updateAiAsset"]>, options: CallOptions = {}) =>
      this.call<operations["updateAiAsset"]>(
        this.client.PATCH("/api/v2/ai-assets/{id}", { params: { path: { id } }, body, ...this.init(options) }),
      ),
    delete: (id: string, options: CallOptions = {}) =>
      this.call<operations["deleteAiAsset"]>(
        this.client.DELETE("/api/v2/ai-assets/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
  };

  readonly ragRuns = {
    list: (query: Query<operations["listRagRuns"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listRagRuns"]>("/api/v2/rag-runs", query, options),
    create: (body: Body<operations["createRagRun"]>, options: CallOptions = {}) =>
      this.call<operations["createRagRun"]>(this.client.POST("/api/v2/rag-runs", { body, ...this.init(options) })),
    get: (id: string, options: CallOptions = {}) =>
      this.call<operations["getRagRun"]>(
        this.client.GET("/api/v2/rag-runs/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    /**
     * The run as it goes, pushed by the server (GET /rag-runs/{id}/events): `rag_run` whenever a test
     * ends or its status changes, `end` with the final run; the iterator then ends.
     */
    events: (id: string, options: CallOptions = {}) =>
      this.follow<RagRunStreamEvent>("/api/v2/rag-runs/{id}/events", id, options),
    /**
     * Resolves with the run and its tests once it is completed or failed; `onProgress` sees every
     * change. Follows the event stream, and reads every `intervalMs` where there is none.
     */
    waitFor: (id: string, options: WaitOptions<Ok<operations["getRagRun"]>> = {}) =>
      this.waitFor(
        `RAG run ${id}`,
        () => this.ragRuns.get(id, options),
        (run) => run.status !== "running",
        options,
        (signal) => this.ragRuns.events(id, { signal }),
      ),
  };

  readonly probes = {
    list: (options: CallOptions = {}) =>
      this.call<operations["listProbes"]>(this.client.GET("/api/v2/probes", { ...this.init(options) })),
  };

  readonly frameworks = {
    list: (options: CallOptions = {}) =>
      this.call<operations["listFrameworks"]>(this.client.GET("/api/v2/frameworks", { ...this.init(options) })),
  };

  readonly reports = {
    list: (query: Query<operations["listReports"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listReports"]>("/api/v2/reports", query, options),
    create: (body: Body<operations["createReport"]>, options: CallOptions = {}) =>
      this.call<operations["createReport"]>(this.client.POST("/api/v2/reports", { body, ...this.init(options) })),
    get: (id: string, options: CallOptions = {}) =>
      this.call<operations["getReport"]>(
        this.client.GET("/api/v2/reports/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    /** The report's JSON document. */
    document: (id: string, options: CallOptions = {}) =>
      this.call<operations["downloadReport"]>(
        this.client.GET("/api/v2/reports/{id}/download", {
          params: { path: { id }, query: { format: "json" } },
          ...this.init(options),
        }),
      ) as Promise<components["schemas"]["ReportDocument"]>,
    /** The report as PDF bytes. */
    pdf: async (id: string, options: CallOptions = {}): Promise<Uint8Array> => {
      const { data, error, response } = await this.client.GET("/api/v2/reports/{id}/download", {
        params: { path: { id }, query: { format: "pdf" } },
        parseAs: "arrayBuffer",
        ...this.init(options),
      });
      if (!response.ok)
        throw errorFromResponse(
          response,
          parseJson(error instanceof ArrayBuffer ? new TextDecoder().decode(error) : error),
        );
      return new Uint8Array(data as unknown as ArrayBuffer);
    },
    /** The report as one self-contained HTML page. */
    html: async (id: string, options: CallOptions = {}): Promise<string> => {
      const { data, error, response } = await this.client.GET("/api/v2/reports/{id}/download", {
        params: { path: { id }, query: { format: "html" } },
        parseAs: "text",
        ...this.init(options),
      });
      if (!response.ok) throw errorFromResponse(response, parseJson(error));
      return data as unknown as string;
    },
  };

  /** Webhook subscriptions, and `verify` for the deliveries they send (webhooks.ts). */
  readonly webhooks = {
    list: (query: Query<operations["listWebhooks"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listWebhooks"]>("/api/v2/webhooks", query, options),
    /** The answer carries the signing secret, once: keep it to verify deliveries. */
    create: (body: Body<operations["createWebhook"]>, options: CallOptions = {}) =>
      this.call<operations["createWebhook"]>(this.client.POST("/api/v2/webhooks", { body, ...this.init(options) })),
    get: (id: string, options: CallOptions = {}) =>
      this.call<operations["getWebhook"]>(
        this.client.GET("/api/v2/webhooks/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    delete: (id: string, options: CallOptions = {}) =>
      this.call<operations["deleteWebhook"]>(
        this.client.DELETE("/api/v2/webhooks/{id}", { params: { path: { id } }, ...this.init(options) }),
      ),
    verify: verifyWebhook,
  };

  readonly audit = {
    list: (query: Query<operations["listAuditEvents"]> = {}, options: CallOptions = {}) =>
      this.pages<operations["listAuditEvents"]>("/api/v2/audit", query, options),
  };

  private init(options: CallOptions) {
    return {
      signal: options.signal,
      headers: options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : undefined,
    };
  }

  private async call<Op>(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<Ok<Op>> {
    const { data, error, response } = await pending;
    if (!response.ok) throw errorFromResponse(response, error);
    return data as Ok<Op>;
  }

  /** Every item of a cursor-paginated list, fetching the next page only when it is needed. */
  private async *pages<Op>(
    path: string,
    query: object,
    options: CallOptions,
  ): AsyncGenerator<Item<Op>, void, undefined> {
    let cursor: string | undefined;
    do {
      const page = (await this.call<Op>(
        // biome-ignore lint/suspicious/noExplicitAny: one generic pager over every list path; openapi-fetch cannot type that.
        (this.client.GET as any)(path, { params: { query: { ...query, cursor } }, ...this.init(options) }),
      )) as unknown as { data: Item<Op>[]; next_cursor: string | null };
      yield* page.data;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  /** The events of one stream, reopened when it drops before `end` (five times in a row at most). */
  private async *follow<E extends { event: string; data: unknown }>(
    path: "/api/v2/scans/{id}/events" | "/api/v2/rag-runs/{id}/events",
    id: string,
    options: CallOptions,
  ): AsyncGenerator<E, void, undefined> {
    for (let failures = 0; ; ) {
      const { data, error, response } = await this.client.GET(path, {
        params: { path: { id } },
        parseAs: "stream",
        ...this.init(options),
      });
      if (!response.ok) throw errorFromResponse(response, parseJson(error));
      try {
        for await (const event of readEventStream(data as unknown as ReadableStream<Uint8Array>)) {
          failures = 0;
          yield { event: event.event, data: JSON.parse(event.data) } as E;
          if (event.event === "end") return;
        }
      } catch (error) {
        if (options.signal?.aborted) throw abortError(options.signal.reason);
        if (++failures > 5) throw new ConnectionError("the event stream kept dropping", { cause: error });
      }
      await defaultSleep(Math.min(5000, 100 * 2 ** failures), options.signal).catch((reason) =>
        Promise.reject(abortError(reason)),
      );
    }
  }

  private async waitFor<T extends { status: string }>(
    what: string,
    read: () => Promise<T>,
    done: (value: T) => boolean,
    options: WaitOptions<T>,
    stream?: (signal: AbortSignal) => AsyncIterable<{ event: string; data: unknown }>,
  ): Promise<T> {
    const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
    if (stream && options.stream !== false) {
      const timeout = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let last: T | undefined;
      try {
        for await (const event of stream(signal)) {
          if (event.event === "finding") continue;
          last = event.data as T;
          options.onProgress?.(last);
          if (event.event === "end" || done(last)) return last;
        }
      } catch (error) {
        if (options.signal?.aborted) throw abortError(options.signal.reason);
        if (timeout.aborted) throw new WaitTimeoutError(what, last?.status ?? "unknown");
        // Refused for a reason the polled read will answer too (a missing scan, a revoked token):
        // let it say so; anything else (a server without streams, a proxy that cuts them) polls.
        if (!(error instanceof PenaxtraError) || [401, 403].includes(error.status)) throw error;
      }
    }
    for (;;) {
      const value = await read();
      options.onProgress?.(value);
      if (done(value)) return value;
      if (Date.now() >= deadline) throw new WaitTimeoutError(what, value.status);
      await defaultSleep(options.intervalMs ?? 1000, options.signal).catch((reason) =>
        Promise.reject(abortError(reason)),
      );
    }
  }
}
