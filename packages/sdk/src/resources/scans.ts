// /api/v2/scans: starting, following, cancelling and exporting scans.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { ApiPromise } from "../core/api-promise.ts";
import { followEvents, type WaitOptions, waitUntilDone } from "../core/follow.ts";
import type { Body, Query } from "../core/operation-types.ts";
import type { components, operations } from "../generated/openapi.ts";

/** An event of `scans.events()`: the scan (`scan`, and `end` when it has ended) or a new finding. */
export type ScanStreamEvent = components["schemas"]["ScanEvent"] | components["schemas"]["ScanFindingEvent"];

const FINAL = new Set(["completed", "failed", "cancelled"]);

/** Scans: a set of probes sent to one endpoint, every answer judged by the panel. */
export class Scans {
  constructor(private readonly api: ApiClient) {}

  /** Scans, newest first: `await` it for the first page, `for await` over it for all of them. */
  list(query: Query<operations["listScans"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listScans"]>("/api/v2/scans", query, options);
  }

  /** Starts a scan of an endpoint (all probes, or `probe_ids`); it runs in the background: follow it with `waitFor` or `events`. */
  create(body: Body<operations["createScan"]>, options: CallOptions = {}) {
    return this.api.call<operations["createScan"]>(
      this.api.client.POST("/api/v2/scans", { body, ...this.api.init(options) }),
    );
  }

  /** A scan with its progress and counts. */
  get(id: string, options: CallOptions = {}) {
    return this.api.call<operations["getScan"]>(
      this.api.client.GET("/api/v2/scans/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** Cancels a queued or running scan; what it found so far is kept. */
  cancel(id: string, options: CallOptions = {}) {
    return this.api.call<operations["cancelScan"]>(
      this.api.client.POST("/api/v2/scans/{id}/cancel", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** The scan's findings as a SARIF 2.1.0 (JSON text) or JUnit XML file for CI, or a self-contained HTML report for people. */
  export(id: string, format: "sarif" | "junit" | "html" = "sarif", options: CallOptions = {}): ApiPromise<string> {
    return this.api.call(
      this.api.client.GET("/api/v2/scans/{id}/export", {
        params: { path: { id }, query: { format } },
        parseAs: "text",
        ...this.api.init(options),
      }),
    ) as ApiPromise<string>;
  }

  /**
   * The scan as it runs, pushed by the server (GET /scans/{id}/events): `scan` whenever it changes,
   * `finding` for each new finding, `end` with the final scan; the iterator then ends. A stream
   * that drops is opened again (it starts with the current state, so nothing is missed).
   */
  events(id: string, options: CallOptions = {}): AsyncGenerator<ScanStreamEvent, void, undefined> {
    return followEvents<ScanStreamEvent>(this.api, "/api/v2/scans/{id}/events", id, options);
  }

  /**
   * Resolves with the scan once it is completed, failed or cancelled; `onProgress` sees every
   * change. Follows the event stream, and reads every `intervalMs` where there is none.
   */
  waitFor(
    id: string,
    options: WaitOptions<components["schemas"]["Scan"]> = {},
  ): Promise<components["schemas"]["Scan"]> {
    return waitUntilDone(
      `scan ${id}`,
      () => this.get(id, options),
      (scan) => FINAL.has(scan.status),
      options,
      (signal) => this.events(id, { signal }),
    );
  }
}
