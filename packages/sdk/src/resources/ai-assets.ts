// /api/v2/ai-assets: RAG pipelines and other AI assets that RAG runs test.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { Body, Query } from "../core/operation-types.ts";
import type { operations } from "../generated/openapi.ts";

/** AI assets: the RAG pipelines (ingest, query, delete hooks) that RAG runs test. */
export class AiAssets {
  constructor(private readonly api: ApiClient) {}

  /** Every ai-asset of the tenant: `await` it for the first page, `for await` over it for all of them. */
  list(query: Query<operations["listAiAssets"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listAiAssets"]>("/api/v2/ai-assets", query, options);
  }

  /** Registers an ai-asset; its RAG hooks must pass the server's network policy. */
  create(body: Body<operations["createAiAsset"]>, options: CallOptions = {}) {
    return this.api.call<operations["createAiAsset"]>(
      this.api.client.POST("/api/v2/ai-assets", { body, ...this.api.init(options) }),
    );
  }

  /** One ai-asset. */
  get(id: string, options: CallOptions = {}) {
    return this.api.call<operations["getAiAsset"]>(
      this.api.client.GET("/api/v2/ai-assets/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** Changes an ai-asset; fields left out keep their value. */
  update(id: string, body: Body<operations["updateAiAsset"]>, options: CallOptions = {}) {
    return this.api.call<operations["updateAiAsset"]>(
      this.api.client.PATCH("/api/v2/ai-assets/{id}", { params: { path: { id } }, body, ...this.api.init(options) }),
    );
  }

  /** Deletes an ai-asset; its runs and findings are kept. */
  delete(id: string, options: CallOptions = {}) {
    return this.api.call<operations["deleteAiAsset"]>(
      this.api.client.DELETE("/api/v2/ai-assets/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }
}
