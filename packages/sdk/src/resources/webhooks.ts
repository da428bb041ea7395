// /api/v2/webhooks: where the server posts scan and finding events, and checking what it posts.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { Body, Query } from "../core/operation-types.ts";
import type { operations } from "../generated/openapi.ts";
import { verifyWebhook } from "../webhooks.ts";

/** Webhook targets, and `verify` for the deliveries they receive. */
export class Webhooks {
  constructor(private readonly api: ApiClient) {}

  /** The tenant's webhook targets: `await` it for the first page, `for await` over it for all of them. */
  list(query: Query<operations["listWebhooks"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listWebhooks"]>("/api/v2/webhooks", query, options);
  }

  /** Registers a webhook target. The answer carries the signing secret, once: keep it to verify deliveries. */
  create(body: Body<operations["createWebhook"]>, options: CallOptions = {}) {
    return this.api.call<operations["createWebhook"]>(
      this.api.client.POST("/api/v2/webhooks", { body, ...this.api.init(options) }),
    );
  }

  /** A webhook target with its latest deliveries. */
  get(id: string, options: CallOptions = {}) {
    return this.api.call<operations["getWebhook"]>(
      this.api.client.GET("/api/v2/webhooks/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** Removes a webhook target; deliveries not yet sent are dropped. */
  delete(id: string, options: CallOptions = {}) {
    return this.api.call<operations["deleteWebhook"]>(
      this.api.client.DELETE("/api/v2/webhooks/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** Checks a delivery's X-Penaxtra-Signature against the webhook's secret and returns its event (see `verifyWebhook`). */
  readonly verify = verifyWebhook;
}
