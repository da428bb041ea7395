// /api/v2/probes and /api/v2/frameworks: what the server can send, and the frameworks findings map to.
import type { ApiClient, CallOptions } from "../core/api-client.ts";
import type { Body } from "../core/operation-types.ts";
import type { operations } from "../generated/openapi.ts";

/** The probe library: every probe a scan can send, with its category, severity and framework references. */
export class Probes {
  constructor(private readonly api: ApiClient) {}

  /** The probe library, one page: `await` it for `{ data }`, or `for await` over the probes. */
  list(options: CallOptions = {}) {
    return this.api.list<operations["listProbes"]>("/api/v2/probes", {}, options);
  }

  /** Adds a probe of the tenant's own (scope `probes:write`), checked like a built-in one; scans send it when named in `probe_ids`. */
  create(body: Body<operations["createProbe"]>, options: CallOptions = {}) {
    return this.api.call<operations["createProbe"]>(
      this.api.client.POST("/api/v2/probes", { body, ...this.api.init(options) }),
    );
  }

  /** Drafts probes from a policy text with the server's attacker model, checks and stores them; resolves to `{ data }`. */
  generate(body: Body<operations["generateProbes"]>, options: CallOptions = {}) {
    return this.api.call<operations["generateProbes"]>(
      this.api.client.POST("/api/v2/probes/generate", { body, ...this.api.init(options) }),
    );
  }

  /** Removes one of the tenant's probes; findings it produced stay. */
  delete(probeId: string, options: CallOptions = {}) {
    return this.api.call<operations["deleteProbe"]>(
      this.api.client.DELETE("/api/v2/probes/{probe_id}", {
        params: { path: { probe_id: probeId } },
        ...this.api.init(options),
      }),
    );
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
