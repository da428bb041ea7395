// /api/v2/reports: compliance reports of the findings in scope, as JSON, PDF or HTML.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import { ApiPromise } from "../core/api-promise.ts";
import type { Body, Query } from "../core/operation-types.ts";
import type { components, operations } from "../generated/openapi.ts";

/** Reports: the findings in scope mapped to the chosen frameworks, downloadable as JSON, PDF or HTML. */
export class Reports {
  constructor(private readonly api: ApiClient) {}

  /** Reports, newest first: `await` it for the first page, `for await` over it for all of them. */
  list(query: Query<operations["listReports"]> = {}, options: CallOptions = {}) {
    return this.api.list<operations["listReports"]>("/api/v2/reports", query, options);
  }

  /** Generates a report of the findings in scope, mapped to the chosen frameworks. */
  create(body: Body<operations["createReport"]>, options: CallOptions = {}) {
    return this.api.call<operations["createReport"]>(
      this.api.client.POST("/api/v2/reports", { body, ...this.api.init(options) }),
    );
  }

  /** A report's summary. */
  get(id: string, options: CallOptions = {}) {
    return this.api.call<operations["getReport"]>(
      this.api.client.GET("/api/v2/reports/{id}", { params: { path: { id } }, ...this.api.init(options) }),
    );
  }

  /** The report's JSON document (schema_version 1). */
  document(id: string, options: CallOptions = {}): ApiPromise<components["schemas"]["ReportDocument"]> {
    return this.api.call(
      this.api.client.GET("/api/v2/reports/{id}/download", {
        params: { path: { id }, query: { format: "json" } },
        ...this.api.init(options),
      }),
    ) as ApiPromise<components["schemas"]["ReportDocument"]>;
  }

  /** The report as PDF bytes. */
  pdf(id: string, options: CallOptions = {}): ApiPromise<Uint8Array> {
    const download = this.api.call(
      this.api.client.GET("/api/v2/reports/{id}/download", {
        params: { path: { id }, query: { format: "pdf" } },
        parseAs: "arrayBuffer",
        ...this.api.init(options),
      }),
    );
    return new ApiPromise(
      download
        .withResponse()
        .then((answer) => ({ ...answer, data: new Uint8Array(answer.data as unknown as ArrayBuffer) })),
    );
  }

  /** The report as one self-contained HTML page. */
  html(id: string, options: CallOptions = {}): ApiPromise<string> {
    return this.api.call(
      this.api.client.GET("/api/v2/reports/{id}/download", {
        params: { path: { id }, query: { format: "html" } },
        parseAs: "text",
        ...this.api.init(options),
      }),
    ) as ApiPromise<string>;
  }
}
