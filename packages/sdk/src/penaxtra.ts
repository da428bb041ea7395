// The resource client: `new Penaxtra()` with endpoints, scans, findings, ragRuns, aiAssets, probes,
// frameworks, reports, webhooks and audit (one class per resource in resources/). Calls resolve to
// the data itself (`.withResponse()` adds the raw answer) and throw typed errors (errors.ts); lists
// are a first page to `await` or every item to `for await`. Typed from openapi.yaml throughout.
import type { Client } from "openapi-fetch";
import { ApiClient, type PenaxtraOptions } from "./core/api-client.ts";
import type { paths } from "./generated/openapi.ts";
import { AiAssets } from "./resources/ai-assets.ts";
import { Audit } from "./resources/audit.ts";
import { Frameworks, Probes } from "./resources/catalogue.ts";
import { Endpoints } from "./resources/endpoints.ts";
import { Findings } from "./resources/findings.ts";
import { RagRuns } from "./resources/rag-runs.ts";
import { Reports } from "./resources/reports.ts";
import { Scans } from "./resources/scans.ts";
import { Webhooks } from "./resources/webhooks.ts";

/**
 * A client of the Penaxtra v2 API. Reads PENAXTRA_API_KEY, PENAXTRA_BASE_URL and PENAXTRA_LOG when
 * the options leave them out; retries network failures, 408, 429 and 5xx with backoff.
 *
 * @example
 * const penaxtra = new Penaxtra();
 * const { scan_id } = await penaxtra.scans.create({ endpoint_id });
 * const scan = await penaxtra.scans.waitFor(scan_id);
 */
export class Penaxtra {
  /** The low-level typed client (openapi-fetch), for anything the resources do not cover. */
  readonly client: Client<paths>;
  /** The LLM endpoints scans are sent to. */
  readonly endpoints: Endpoints;
  /** Scans: start, follow, cancel, export. */
  readonly scans: Scans;
  /** What scans found, and its triage. */
  readonly findings: Findings;
  /** RAG pipelines and other AI assets. */
  readonly aiAssets: AiAssets;
  /** RAG test suites run against an ai-asset. */
  readonly ragRuns: RagRuns;
  /** The probe library. */
  readonly probes: Probes;
  /** The compliance frameworks findings map to. */
  readonly frameworks: Frameworks;
  /** Compliance reports as JSON, PDF or HTML. */
  readonly reports: Reports;
  /** Webhook targets, and verification of their deliveries. */
  readonly webhooks: Webhooks;
  /** The tenant's audit log. */
  readonly audit: Audit;

  /** Throws a TypeError without an API key, or in a web page unless `dangerouslyAllowBrowser` is set. */
  constructor(options: PenaxtraOptions = {}) {
    const api = new ApiClient(options);
    this.client = api.client;
    this.endpoints = new Endpoints(api);
    this.scans = new Scans(api);
    this.findings = new Findings(api);
    this.aiAssets = new AiAssets(api);
    this.ragRuns = new RagRuns(api);
    this.probes = new Probes(api);
    this.frameworks = new Frameworks(api);
    this.reports = new Reports(api);
    this.webhooks = new Webhooks(api);
    this.audit = new Audit(api);
  }
}
