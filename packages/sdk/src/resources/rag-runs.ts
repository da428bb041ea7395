// /api/v2/rag-runs: the RAG suite (isolation, poisoning, deletion...) run against an ai-asset.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import { followEvents, type WaitOptions, waitUntilDone } from "../core/follow.ts";
import type { Body, Ok, Query } from "../core/operation-types.ts";
import type { components, operations } from "../generated/openapi.ts";

/** An event of `ragRuns.events()`: the run with its tests (`rag_run`, and `end` when it has ended). */
export type RagRunStreamEvent = components["schemas"]["RagRunEvent"];

/** RAG runs: the RAG test suite run against one ai-asset, each test passing only on evidence a defence acted. */
export class RagRuns {
  constructor(private readonly api: ApiClient) {}

  /** RAG runs, newest first: `await` it for the first page, `for await` over it for all of them. */
  list(query: Query<operations["listRagRuns"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listRagRuns"]>("/api/v2/rag-runs", query, options);
  }

  /** Starts a RAG run against an ai-asset; follow it with `waitFor` or `events`. */
  create(body: Body<operations["createRagRun"]>, options: CallOptions = {}) {
    return this.api.call<operations["createRagRun"]>(
      this.api.client.POST("/api/v2/rag-runs", { body, ...this.api.init(options) }),
    );
  }

  /** A RAG run with the result of each test. */
  get(id: string, options: CallOptions = {}) {
    return this.api.call<operations["getRagRun"]>(
      this.api.client.GET("/api/v2/rag-runs/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /**
   * The run as it goes, pushed by the server (GET /rag-runs/{id}/events): `rag_run` whenever a test
   * ends or its status changes, `end` with the final run; the iterator then ends.
   */
  events(id: string, options: CallOptions = {}): AsyncGenerator<RagRunStreamEvent, void, undefined> {
    return followEvents<RagRunStreamEvent>(this.api, "/api/v2/rag-runs/{id}/events", id, options);
  }

  /**
   * Resolves with the run and its tests once it is completed or failed; `onProgress` sees every
   * change. Follows the event stream, and reads every `intervalMs` where there is none.
   */
  waitFor(id: string, options: WaitOptions<Ok<operations["getRagRun"]>> = {}): Promise<Ok<operations["getRagRun"]>> {
    return waitUntilDone(
      `RAG run ${id}`,
      () => this.get(id, options),
      (run) => run.status !== "running",
      options,
      (signal) => this.events(id, { signal }),
    );
  }
}
