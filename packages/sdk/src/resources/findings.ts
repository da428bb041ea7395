// /api/v2/findings: what scans found, with evidence, judge votes and triage status.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { Body, Query } from "../core/operation-types.ts";
import type { operations } from "../generated/openapi.ts";

/** Findings: each a probe that succeeded (or may have) against an endpoint, with its evidence. */
export class Findings {
  constructor(private readonly api: ApiClient) {}

  /** Findings, newest first, filtered by scan, severity, status...: `await` for a page, `for await` for all. */
  list(query: Query<operations["listFindings"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listFindings"]>("/api/v2/findings", query, options);
  }

  /** A finding with its evidence, the judges' votes and its remediation. */
  get(id: string, options: CallOptions = {}) {
    return this.api.call<operations["getFinding"]>(
      this.api.client.GET("/api/v2/findings/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** Changes a finding's triage status (e.g. `accepted_risk`, `false_positive`), with a reason. */
  updateStatus(id: string, body: Body<operations["updateFindingStatus"]>, options: CallOptions = {}) {
    return this.api.call<operations["updateFindingStatus"]>(
      this.api.client.PATCH("/api/v2/findings/{id}", { params: { path: { id } }, body, ...this.api.init(options) }),
    );
  }
}
