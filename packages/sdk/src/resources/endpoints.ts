// /api/v2/endpoints: the LLM endpoints a tenant scans.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { Body, Query } from "../core/operation-types.ts";
import type { operations } from "../generated/openapi.ts";

/** The LLM endpoints scans are sent to: their wire format, address, limits and stored credentials. */
export class Endpoints {
  constructor(private readonly api: ApiClient) {}

  /** Every endpoint of the tenant: `await` it for the first page, `for await` over it for all of them. */
  list(query: Query<operations["listEndpoints"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listEndpoints"]>("/api/v2/endpoints", query, options);
  }

  /** Registers an LLM endpoint; the server refuses addresses its network policy does not allow. */
  create(body: Body<operations["createEndpoint"]>, options: CallOptions = {}) {
    return this.api.call<operations["createEndpoint"]>(
      this.api.client.POST("/api/v2/endpoints", { body, ...this.api.init(options) }),
    );
  }

  /** One endpoint (never its stored credentials). */
  get(id: string, options: CallOptions = {}) {
    return this.api.call<operations["getEndpoint"]>(
      this.api.client.GET("/api/v2/endpoints/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** Changes an endpoint's settings; fields left out keep their value. */
  update(id: string, body: Body<operations["updateEndpoint"]>, options: CallOptions = {}) {
    return this.api.call<operations["updateEndpoint"]>(
      this.api.client.PATCH("/api/v2/endpoints/{id}", { params: { path: { id } }, body, ...this.api.init(options) }),
    );
  }

  /** Deletes an endpoint; its scans and findings are kept. */
  delete(id: string, options: CallOptions = {}) {
    return this.api.call<operations["deleteEndpoint"]>(
      this.api.client.DELETE("/api/v2/endpoints/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** Sends one benign prompt to the endpoint and reports how it answered. */
  test(id: string, options: CallOptions = {}) {
    return this.api.call<operations["testEndpoint"]>(
      this.api.client.POST("/api/v2/endpoints/{id}/test", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }
}
