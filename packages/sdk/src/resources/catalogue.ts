// /api/v2/probes and /api/v2/frameworks: what the server can send, and the frameworks findings map to.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { operations } from "../generated/openapi.ts";

/** The probe library: every probe a scan can send, with its category, severity and framework references. */
export class Probes {
  constructor(private readonly api: ApiClient) {}

  /** The probe library, one page: `await` it for `{ data }`, or `for await` over the probes. */
  list(options: CallOptions = {}) {
    return this.api.list<operations["listProbes"]>("/api/v2/probes", {}, options);
  }
}

/** The six compliance frameworks (OWASP LLM, OWASP Agentic, NIST AI 600-1, MITRE ATLAS, EU AI Act, ISO 42001). */
export class Frameworks {
  constructor(private readonly api: ApiClient) {}

  /** The frameworks and their references, one page: `await` it for `{ data }`, or `for await` over them. */
  list(options: CallOptions = {}) {
    return this.api.list<operations["listFrameworks"]>("/api/v2/frameworks", {}, options);
  }
}
