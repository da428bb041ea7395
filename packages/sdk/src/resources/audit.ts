// /api/v2/audit: the tenant's audit log.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { Query } from "../core/operation-types.ts";
import type { operations } from "../generated/openapi.ts";

/** The tenant's audit log: who did what, when, and whether it was allowed. */
export class Audit {
  constructor(private readonly api: ApiClient) {}

  /** Audit events, newest first: `await` it for the first page, `for await` over it for all of them. */
  list(query: Query<operations["listAuditEvents"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listAuditEvents"]>("/api/v2/audit", query, options);
  }
}
