// Generated from openapi.yaml by `pnpm generate`. Do not edit.
/* eslint-disable */
export interface paths {
  "/api/v2/scans": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List scans, newest first */
    get: operations["listScans"];
    put?: never;
    /** Start a scan of an endpoint */
    post: operations["createScan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/scans/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a scan */
    get: operations["getScan"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/scans/{id}/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow a scan as it runs (Server-Sent Events)
     * @description A `text/event-stream` of the scan's progress, pushed as it happens instead of polled. The stream opens with the scan as `GET /scans/{id}` returns it (event `scan`) and every finding it has so far (event `finding`, one each, the finding as `GET /findings` lists it); then a `scan` event whenever its status, totals or progress change (status and findings at once, progress within half a second; at most ten events a second) and a `finding` event for each new finding. When the scan has ended (completed, failed or cancelled) the stream sends event `end` with the final scan and closes. A comment line keeps an idle stream open every 15 seconds. A client that loses the stream opens it again and gets the current state first, so nothing is missed (finding events repeat: their `id` is the finding's). Errors before the stream starts are JSON as everywhere else. Browsers' EventSource cannot send the Authorization header: read the stream with fetch.
     */
    get: operations["streamScanEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/scans/{id}/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export a scan's findings as SARIF 2.1.0 or JUnit XML for CI, or HTML for people
     * @description SARIF: one rule per probe, one result per finding (error for critical and high, warning for medium, note below; `needs_review` findings one level lower), with the finding's status, confidence, risk refs and a stable `partialFingerprints["penaxtra/v1"]`. JUnit: one test case per probe the scan sent; a confirmed finding is a failure, one that needs review an error, a probe whose every attempt errored is skipped. HTML: one self-contained page for people (summary, findings by severity, coverage by framework, every finding with the prompt, the answer and each judge's vote); no script or external resource, target text escaped. Findings marked false_positive or accepted_risk are left out.
     */
    get: operations["exportScan"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/scans/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a queued or running scan */
    post: operations["cancelScan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/findings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List findings, newest first */
    get: operations["listFindings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/findings/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a finding with its evidence and judge votes */
    get: operations["getFinding"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the triage status of a finding */
    patch: operations["updateFindingStatus"];
    trace?: never;
  };
  "/api/v2/rag-runs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List RAG runs, newest first */
    get: operations["listRagRuns"];
    put?: never;
    /** Start a manual RAG run against an ai-asset */
    post: operations["createRagRun"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/rag-runs/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a RAG run with the result of each test */
    get: operations["getRagRun"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/rag-runs/{id}/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow a RAG run as it runs (Server-Sent Events)
     * @description A `text/event-stream` of the run: it opens with the run as `GET /rag-runs/{id}` returns it (event `rag_run`), sends it again whenever a test ends or the status changes (at most ten a second), and when the run has ended sends event `end` with the final run and closes. A comment line keeps an idle stream open every 15 seconds; a client that reconnects gets the current state first. Errors before the stream starts are JSON as everywhere else.
     */
    get: operations["streamRagRunEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/endpoints": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List endpoints */
    get: operations["listEndpoints"];
    put?: never;
    /** Register an LLM endpoint */
    post: operations["createEndpoint"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/endpoints/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an endpoint */
    get: operations["getEndpoint"];
    put?: never;
    post?: never;
    /** Delete an endpoint; its scans and findings are kept */
    delete: operations["deleteEndpoint"];
    options?: never;
    head?: never;
    /** Change an endpoint */
    patch: operations["updateEndpoint"];
    trace?: never;
  };
  "/api/v2/endpoints/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send one benign prompt to the endpoint and report how it answered */
    post: operations["testEndpoint"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/ai-assets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List ai-assets */
    get: operations["listAiAssets"];
    put?: never;
    /** Register an ai-asset */
    post: operations["createAiAsset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/ai-assets/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an ai-asset */
    get: operations["getAiAsset"];
    put?: never;
    post?: never;
    /** Delete an ai-asset; its runs and findings are kept */
    delete: operations["deleteAiAsset"];
    options?: never;
    head?: never;
    /** Change an ai-asset */
    patch: operations["updateAiAsset"];
    trace?: never;
  };
  "/api/v2/reports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List reports, newest first */
    get: operations["listReports"];
    put?: never;
    /**
     * Generate a report of the findings in scope, mapped to the chosen frameworks
     * @description The report is a snapshot, generated at once; it does not change when findings do.
     */
    post: operations["createReport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/reports/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a report's summary */
    get: operations["getReport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/reports/{id}/download": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a report as JSON (schema_version 1), PDF or one self-contained HTML page */
    get: operations["downloadReport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/webhooks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhook targets */
    get: operations["listWebhooks"];
    put?: never;
    /** Register a webhook target; the answer shows its signing secret once */
    post: operations["createWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/webhooks/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a webhook target with its latest deliveries */
    get: operations["getWebhook"];
    put?: never;
    post?: never;
    /** Remove a webhook target (deliveries not yet sent are dropped) */
    delete: operations["deleteWebhook"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/probes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The probe library, with the tenant's own probes */
    get: operations["listProbes"];
    put?: never;
    /**
     * Add a probe of the tenant's own
     * @description Checked like a built-in probe: a known category and detectors, risk refs the six frameworks define (the category's refs are added), templates that render (`{{canary}}` and encoding directives), success markers that compile, `{{canary}}` wherever `canary_echo` must find it. Either `variants` (single messages) or `turns` (conversations, steps as in the multi-turn and tool-result probes). Usable in `probe_ids` of this tenant's scans; a scan without `probe_ids` does not send it. A scan keeps the definition it started with.
     */
    post: operations["createProbe"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/probes/generate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Turn a policy text into probes of the tenant's own, with the attacker model
     * @description The attacker model (`PENAXTRA_ATTACKER`) drafts `count` probes that test whether a target keeps to the policy, each with 2-3 payload variants carrying `{{canary}}`; every draft is checked and stored like a POST /api/v2/probes body (detectors `canary_echo` and `refusal`, ids `policy-<title>`), and the created probes are returned. The policy is sent to the model as data between delimiters.
     */
    post: operations["generateProbes"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/probes/{probe_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove one of the tenant's probes (scans that sent it keep their findings) */
    delete: operations["deleteProbe"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/frameworks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The compliance frameworks and their references */
    get: operations["listFrameworks"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's audit log, newest first */
    get: operations["listAuditEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v2/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This API description as JSON */
    get: operations["getOpenApiDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description The machine-readable `error` of every error body, one slug per cause. The HTTP status and
     *     the fields next to `error` depend on the slug; the description of each value names them.
     *     Treat a slug you do not know by its HTTP status: new slugs may be added.
     * @enum {string}
     */
    ErrorSlug:
      | "invalid_json"
      | "invalid_content_type"
      | "invalid_request"
      | "invalid_query"
      | "invalid_id"
      | "invalid_header"
      | "invalid_cursor"
      | "invalid_endpoint_id"
      | "invalid_probe_ids"
      | "too_many_probe_ids"
      | "invalid_strategies"
      | "attacker_not_configured"
      | "invalid_ai_asset_id"
      | "invalid_http_template"
      | "invalid_tools"
      | "invalid_probe"
      | "invalid_url"
      | "target_not_allowed"
      | "target_unresolvable"
      | "missing_token"
      | "invalid_token"
      | "expired_token"
      | "missing_scope"
      | "not_found"
      | "endpoint_not_found"
      | "endpoint_not_found_or_inactive"
      | "scan_not_found"
      | "finding_not_found"
      | "ai_asset_not_found"
      | "rag_asset_not_found"
      | "rag_run_not_found"
      | "report_not_found"
      | "webhook_not_found"
      | "probe_not_found"
      | "scan_not_cancellable"
      | "probe_exists"
      | "idempotency_key_in_use"
      | "idempotency_key_reused"
      | "payload_too_large"
      | "rate_limited"
      | "internal_error"
      | "database_unavailable"
      | "enqueue_failed"
      | "attacker_failed";
    Error: {
      error: components["schemas"]["ErrorSlug"];
    } & {
      [key: string]: unknown;
    };
    /** @description A 400 body. `error` is one of `invalid_json`, `invalid_content_type`, `invalid_request`, `invalid_query`, `invalid_id`, `invalid_header`, `invalid_cursor`, `invalid_endpoint_id`, `invalid_probe_ids`, `too_many_probe_ids`, `invalid_strategies`, `attacker_not_configured`, `invalid_ai_asset_id`, `invalid_http_template`, `invalid_tools`, `invalid_probe`, `invalid_url`, `target_not_allowed`, `target_unresolvable`. */
    ValidationError: {
      error: components["schemas"]["ErrorSlug"];
      issues?: components["schemas"]["ValidationIssue"][];
    } & {
      [key: string]: unknown;
    };
    ValidationIssue: {
      path: string;
      message: string;
    };
    MissingScopeError: {
      /** @constant */
      error: "missing_scope";
      required_scope: string;
    };
    PayloadTooLargeError: {
      /** @constant */
      error: "payload_too_large";
      limit_bytes: number;
    };
    DatabaseUnavailableError: {
      /** @constant */
      error: "database_unavailable";
      retry_after_seconds: number;
    };
    RateLimitedError: {
      /** @constant */
      error: "rate_limited";
      retry_after_seconds: number;
    };
    EnqueueFailedError: {
      /** @constant */
      error: "enqueue_failed";
      /** Format: uuid */
      scan_id: string;
    };
    RagEnqueueFailedError: {
      /** @constant */
      error: "enqueue_failed";
      /** Format: uuid */
      rag_run_id: string;
    };
    ScanNotCancellableError: {
      /** @constant */
      error: "scan_not_cancellable";
      status: components["schemas"]["ScanStatus"];
    };
    /** @enum {string} */
    Severity: "critical" | "high" | "medium" | "low" | "info";
    /** @description An event `scan` or `end` of `GET /scans/{id}/events`, as the SDK parses it. */
    ScanEvent: {
      /** @enum {string} */
      event: "scan" | "end";
      data: components["schemas"]["Scan"];
    };
    /** @description An event `finding` of `GET /scans/{id}/events`, as the SDK parses it. */
    ScanFindingEvent: {
      /** @enum {string} */
      event: "finding";
      data: components["schemas"]["Finding"];
    };
    /** @description One event of `GET /rag-runs/{id}/events`, as the SDK parses it. */
    RagRunEvent: {
      /** @enum {string} */
      event: "rag_run" | "end";
      data: components["schemas"]["RagRunDetail"];
    };
    /**
     * @description `queued` until a worker plans it; `running` while probes are sent and each answer is judged; `judging` while the meta-judge verdicts become findings; then `completed`, `failed` (see `error`) or `cancelled`.
     * @enum {string}
     */
    ScanStatus: "queued" | "running" | "judging" | "completed" | "failed" | "cancelled";
    /**
     * @description A scan confirms a finding when the meta-judge says `vulnerable` with confidence at or above the tenant threshold (default 0.7); otherwise it is `needs_review`. The other statuses are set by people.
     * @enum {string}
     */
    FindingStatus: "open" | "needs_review" | "confirmed" | "false_positive" | "accepted_risk" | "fixed";
    /** @enum {string} */
    EndpointStatus: "active" | "disabled" | "pending";
    /** @enum {string} */
    WireFormat: "chat_completions_v1" | "anthropic_messages_v1" | "http_template_v1";
    /** @enum {string} */
    AuditResult: "success" | "failure" | "denied";
    ProbeId: string;
    /** @enum {string} */
    FrameworkId: "OWASP_LLM" | "OWASP_AGENTIC" | "NIST_AI_600_1" | "MITRE_ATLAS" | "EU_AI_ACT" | "ISO_42001";
    FrameworkRefId: string;
    Tags: string[];
    ScanCreate: {
      /** Format: uuid */
      endpoint_id: string;
      /** @description Probes to send (ids from GET /api/v2/probes); omit the field, send null or an empty array to run every probe (probe_count is then null). */
      probe_ids?: components["schemas"]["ProbeId"][] | null;
      /** @description Transforms applied to every variant of the probes sent, each adding one attempt per variant (so `attempts_total` grows by the number of variants times the number of strategies); the attempt's canary survives every one. Offline: `base64`, `hex`, `rot13`, `leetspeak`, `homoglyph`, `morse`, `payload-split`, `many-shot`, `past-tense`. `language:<code>` (e.g. `language:et`) translates the payload and needs an attacker model (`PENAXTRA_ATTACKER`). Omitted or empty: the variants as written. Unknown names are a 400 `invalid_strategies`. */
      strategies?: components["schemas"]["StrategyId"][];
      adaptive?: components["schemas"]["AdaptiveSettings"];
    };
    /** @description A strategy name, e.g. `base64`, `leetspeak` or `language:et`. */
    StrategyId: string;
    /** @description Adaptive search: one more attempt per probe that rewrites the probe's first variant until the panel confirms a success or `attempts_per_probe` tries are spent (each try one request, or one per turn when it opens with extra turns; the attempt's `requests` counts them all). With an attacker model (`PENAXTRA_ATTACKER`) the rewrites are the model's (PAIR-style refinement), otherwise mutation operators (strategies, rephrasing frames, an innocuous opening turn, shortening, crossover with other variants of the category) chosen by the panel's verdicts. The winning prompt and its lineage are the attempt's evidence. Null or omitted: off. */
    AdaptiveSettings: {
      attempts_per_probe: number;
      /**
       * @description Tokens the search may spend on the target per probe, prompts and answers together, estimated at four characters a token (every request counts the conversation it carries). No new try starts once they are spent.
       * @default 20000
       */
      max_tokens?: number;
      /** @description Makes the offline search's choices repeatable; random when omitted. */
      seed?: number;
    } | null;
    ScanAccepted: {
      /** @constant */
      accepted: true;
      /** Format: uuid */
      scan_id: string;
      /** Format: uuid */
      endpoint_id: string;
      /** @description Number of probes requested; null when all probes. */
      probe_count: number | null;
      /** @description Path to GET for progress. */
      poll: string;
    };
    Scan: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      endpoint_id: string;
      status: components["schemas"]["ScanStatus"];
      probe_ids: components["schemas"]["ProbeId"][] | null;
      probe_count: number | null;
      strategies: components["schemas"]["StrategyId"][];
      adaptive: components["schemas"]["AdaptiveSettings"];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      started_at: string | null;
      /** Format: date-time */
      completed_at: string | null;
      /** @description Why a `failed` scan failed. On a `completed` scan, `target_errors: N of M attempts errored (P%)` marks it degraded: those attempts got no answer, so what they test was not tested; the CI exports and gate say so. When some of them were never sent (the attacker model failed to translate a `language:` strategy's prompt, or a payload could not be made), it goes on `; K of them not sent: attacker_failed: ...` (or `attempt_failed: ...`) with the first such reason. Null when every attempt was answered. */
      error: string | null;
      attempts_total: number;
      /** @description Attempts finished, answered or errored. */
      attempts_done: number;
      /** @description Attempts whose target request still failed after retries. They are errors, never counted as safe. */
      attempts_errored: number;
      findings_count: number;
    };
    ScanList: {
      data: components["schemas"]["Scan"][];
      next_cursor: string | null;
    };
    Finding: {
      /** Format: uuid */
      id: string;
      /** @description The same for one endpoint (or ai-asset) and probe (or RAG test) in every scan or run. */
      fingerprint: string;
      lifecycle: components["schemas"]["FindingLifecycle"];
      /** Format: uuid */
      scan_id: string | null;
      /** Format: uuid */
      rag_run_id: string | null;
      /** Format: uuid */
      endpoint_id: string | null;
      /** Format: uuid */
      ai_asset_id: string | null;
      probe_id: string;
      title: string;
      category: string;
      severity: components["schemas"]["Severity"];
      status: components["schemas"]["FindingStatus"];
      verdict: components["schemas"]["Verdict"];
      confidence: number;
      risk_refs: string[];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    /**
     * @description Compared with earlier findings of the same fingerprint: `new` (never seen), `recurring` (seen, and still there), `regressed` (seen, fixed, and back). A finding becomes `fixed` when a later completed scan of its endpoint sent its probe, got answers, and found nothing.
     * @enum {string}
     */
    FindingLifecycle: "new" | "recurring" | "regressed" | "fixed";
    /**
     * @description `vulnerable`: the attack worked; `safe`: it did not; `uncertain`: the panel could not tell.
     * @enum {string}
     */
    Verdict: "vulnerable" | "safe" | "uncertain";
    JudgeVote: {
      /** @description Name of the judge, e.g. `detector`, `refusal`, `llm:openai/gpt-4o`. */
      judge: string;
      /** @enum {string} */
      kind: "judge" | "meta";
      verdict: components["schemas"]["Verdict"];
      confidence: number;
      rationale: string;
    };
    FindingEvidence: {
      prompt: string;
      response: string;
      /** @description For a scan finding: the evidence attempt (`attempt_id`, `variant_index`, `canary`, `strategy`: null for the variant as written, a strategy id, or `adaptive`; `lineage`: the adaptive search's operators, oldest first) and counts over the probe's attempts (`variants_tested`, `variants_vulnerable`, `variants_errored`). */
      details?: {
        [key: string]: unknown;
      };
      /** @description Multi-turn, tool-result and adaptive attempts: every message exchanged with the target, oldest first; the target's tool calls as it emitted them. */
      conversation?: components["schemas"]["ConversationMessage"][];
    };
    ConversationMessage: {
      /** @enum {string} */
      role: "user" | "assistant" | "tool";
      content: string;
      /** @description The tool whose result this is (role `tool`). */
      name?: string;
      /** @description True for an assistant turn the probe put into the history (an agent's earlier tool call, whose result carries the payload); the target did not say it. */
      scripted?: boolean;
      /** @description Cross-session probes only; which fresh conversation (0, 1, ...) the message was sent in. Each one's requests carried none of the earlier ones. */
      session?: number;
      tool_calls?: {
        name: string;
        /** @description The arguments as JSON, or the raw text when the model's were not JSON. */
        arguments:
          | {
              [key: string]: unknown;
            }
          | string;
      }[];
    };
    FindingDetail: components["schemas"]["Finding"] & {
      evidence: components["schemas"]["FindingEvidence"];
      judge_votes: components["schemas"]["JudgeVote"][];
      remediation: components["schemas"]["Remediation"];
    };
    /** @description What to change so that the probe or RAG test no longer gets through, for the finding's category; in the order the steps help most, with the public guidance they follow. */
    Remediation: {
      summary: string;
      steps: string[];
      references: {
        title: string;
        /** Format: uri */
        url: string;
      }[];
    };
    FindingList: {
      data: components["schemas"]["Finding"][];
      next_cursor: string | null;
    };
    FindingStatusUpdate: {
      status: components["schemas"]["FindingStatus"];
      note?: string;
    };
    /** @description For `http_template_v1`. `{{prompt}}` in the body template is replaced by the JSON-escaped prompt (the last message of a multi-turn probe), `{{messages}}` by the whole conversation as a JSON array of `{"role", "content"}` objects (a JSON value, not inside a string). The template needs one of them. */
    HttpTemplate: {
      /**
       * @default POST
       * @enum {string}
       */
      method?: "POST" | "PUT";
      body_template: string;
      /** @description Dot path to the answer text in the response JSON, e.g. `data.choices.0.text`. */
      response_path: string;
      headers?: {
        [key: string]: string;
      };
    };
    /** @description What the application is for. A default scan then adds off-topic probes written against it (does it do unrelated work, or give advice it was not deployed for?), and competitor probes naming the declared competitors, one per variant in turn (does it praise or recommend them?). No `{` or `}`. Null: none declared. */
    EndpointPurpose: {
      /** @description The task in a few words, as it reads after "you are here for": e.g. "help with orders of an outdoor gear shop". */
      description: string;
      competitors?: string[];
    } | null;
    ToolDefinition: {
      name: string;
      description?: string;
      /** @description JSON Schema of the arguments (an object schema). */
      parameters: {
        [key: string]: unknown;
      };
    };
    EndpointLimits: {
      /**
       * @description Requests in flight to this endpoint at once, across every worker (up to 512, what large providers allow a single key).
       * @default 4
       */
      concurrency?: number;
      /** @default 120 */
      requests_per_minute?: number;
      /** @default 30000 */
      timeout_ms?: number;
      /** @default 3 */
      max_retries?: number;
    };
    /** @description Only the limits named change; the others keep their current values. */
    EndpointLimitsUpdate: {
      concurrency?: number;
      requests_per_minute?: number;
      timeout_ms?: number;
      max_retries?: number;
    };
    EndpointCreate: {
      name: string;
      /** Format: uri */
      url: string;
      wire_format: components["schemas"]["WireFormat"];
      model?: string | null;
      /** @description Header that carries the secret, e.g. `Authorization` (sent as `Bearer <secret>`) or `x-api-key`. */
      auth_header?: string | null;
      /** @description Write-only; stored encrypted and never returned. */
      auth_secret?: string | null;
      http_template?: components["schemas"]["HttpTemplate"] | null;
      purpose?: components["schemas"]["EndpointPurpose"];
      /** @description Functions the application gives the model (`chat_completions_v1` and `anthropic_messages_v1` only), sent with every request as the wire format declares tools. Tool-result probes add their own; a tool call the model emits is judged as what it did, not what it said. */
      tools?: components["schemas"]["ToolDefinition"][];
      limits?: components["schemas"]["EndpointLimits"];
      tags?: components["schemas"]["Tags"];
      status?: components["schemas"]["EndpointStatus"];
    };
    EndpointUpdate: {
      name?: string;
      /** Format: uri */
      url?: string;
      wire_format?: components["schemas"]["WireFormat"];
      model?: string | null;
      auth_header?: string | null;
      auth_secret?: string | null;
      http_template?: components["schemas"]["HttpTemplate"] | null;
      purpose?: components["schemas"]["EndpointPurpose"];
      /** @description Functions the application gives the model (`chat_completions_v1` and `anthropic_messages_v1` only), sent with every request as the wire format declares tools. Tool-result probes add their own; a tool call the model emits is judged as what it did, not what it said. */
      tools?: components["schemas"]["ToolDefinition"][];
      limits?: components["schemas"]["EndpointLimitsUpdate"];
      tags?: components["schemas"]["Tags"];
      status?: components["schemas"]["EndpointStatus"];
    };
    Endpoint: {
      /** Format: uuid */
      id: string;
      name: string;
      url: string;
      wire_format: components["schemas"]["WireFormat"];
      model: string | null;
      auth_header: string | null;
      has_auth_secret: boolean;
      http_template: components["schemas"]["HttpTemplate"] | null;
      purpose: components["schemas"]["EndpointPurpose"];
      tools: components["schemas"]["ToolDefinition"][];
      limits: components["schemas"]["EndpointLimits"];
      tags: string[];
      status: components["schemas"]["EndpointStatus"];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    EndpointList: {
      data: components["schemas"]["Endpoint"][];
      next_cursor: string | null;
    };
    EndpointTestResult: {
      ok: boolean;
      latency_ms: number;
      http_status: number | null;
      /** @description The first 500 characters of the answer text, as the wire format names it (`choices[0].message.content`, the text blocks, or `response_path`). Null when the target did not answer in that format; then nothing of its response is returned, only the `error` slug. With private targets allowed (`PENAXTRA_ALLOW_PRIVATE_TARGETS`), this and scan evidence show what such a target answers. */
      response_excerpt: string | null;
      /** @description A slug such as `target_not_allowed`, `timeout`, `http_error`, `bad_response`, `connection_failed`. */
      error: string | null;
    };
    /** @description How to reach a RAG pipeline. See the README's RAG adapter protocol. */
    RagAssetConfig: {
      /** Format: uri */
      ingest_url: string;
      /** Format: uri */
      query_url: string;
      /** Format: uri */
      delete_url: string;
      /**
       * @description Name of the JSON body field that carries the tenant namespace.
       * @default namespace
       */
      namespace_param?: string;
      auth_header?: string | null;
      /**
       * @description Deadline of each ingest, query or delete call.
       * @default 30000
       */
      timeout_ms?: number;
    };
    AiAssetCreate: {
      name: string;
      /** @enum {string} */
      kind: "rag";
      config: components["schemas"]["RagAssetConfig"];
      auth_secret?: string | null;
      /** @description A graphile-worker crontab time spec (5 fields) for scheduled runs; null for none. */
      schedule?: string | null;
      tags?: components["schemas"]["Tags"];
    };
    AiAssetUpdate: {
      name?: string;
      config?: components["schemas"]["RagAssetConfig"];
      auth_secret?: string | null;
      schedule?: string | null;
      tags?: components["schemas"]["Tags"];
    };
    AiAsset: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      kind: "rag";
      config: components["schemas"]["RagAssetConfig"];
      has_auth_secret: boolean;
      schedule: string | null;
      tags: string[];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    AiAssetList: {
      data: components["schemas"]["AiAsset"][];
      next_cursor: string | null;
    };
    RagRunCreate: {
      /** Format: uuid */
      ai_asset_id: string;
    };
    RagRunAccepted: {
      /** @constant */
      accepted: true;
      /** Format: uuid */
      ai_asset_id: string;
      /** Format: uuid */
      rag_run_id: string;
      /**
       * @description As documented, the runs list: `/api/v2/rag-runs` (newest first). The run itself is `/api/v2/rag-runs/{rag_run_id}`.
       * @constant
       */
      poll: "/api/v2/rag-runs";
    };
    RagRun: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      ai_asset_id: string;
      /** @enum {string} */
      trigger: "scheduled" | "manual";
      /** Format: date-time */
      started_at: string;
      /** Format: date-time */
      completed_at: string | null;
      /** @enum {string} */
      status: "running" | "completed" | "failed";
      /** @description Every test of the run, skipped ones included (tests_passed + tests_failed + tests_skipped). */
      tests_run: number;
      tests_passed: number;
      tests_failed: number;
      tests_skipped: number;
      duration_ms: number | null;
    };
    RagRunDetail: components["schemas"]["RagRun"] & {
      /** @description Why a failed run failed; null otherwise. */
      error: string | null;
      tests: components["schemas"]["RagTestResult"][];
    };
    RagTestResult: {
      test_id: string;
      /** @enum {string} */
      suite: "canary" | "isolation" | "injection";
      title: string;
      /**
       * @description `failed`: the attack got through, or data of another namespace surfaced. `passed`: only on positive evidence that a guardrail acted (for isolation tests: the asking namespace's own documents came back and nothing foreign did, or the retriever reported withholding). `skipped`: nothing could be decided (the pipeline erred, or the documents the test depends on were never retrieved).
       * @enum {string}
       */
      status: "passed" | "failed" | "skipped";
      /** @description The guardrail that stopped the attack, `none` when it succeeded, null when the test was skipped. */
      stopped_by:
        | ("ingest_filter" | "retrieval_isolation" | "input_filter" | "model_refusal" | "output_filter" | "none")
        | null;
      severity: components["schemas"]["Severity"];
      reason: string;
      evidence: {
        planted: {
          namespace: string;
          id: string;
          /** @description The ingest filter's reason, when the pipeline refused the document. */
          rejected: string | null;
        }[];
        exchanges: {
          namespace: string;
          query: string;
          filter?: {
            [key: string]: string;
          };
          answer: string;
          retrieved_ids: string[];
          blocked: boolean;
          guards: components["schemas"]["RagGuardSignal"][];
        }[];
        /** @description Data of other namespaces that surfaced in this test's exchanges: a document Penaxtra planted elsewhere (in this run or an earlier one) among the retrieved passages, or another namespace's canary in an answer. Any entry fails the test, whatever the test itself looked for. */
        foreign?: {
          /** @enum {string} */
          kind: "document" | "canary";
          /** @description The retrieved document id, or the canary found in the answer. */
          value: string;
          /** @description The namespace the question was asked in. */
          asked_in: string;
          /** @description The namespace the data was planted in, when known (null for an earlier run's data that was not recorded). */
          owner: string | null;
        }[];
        /** @description Isolation matrix of the tenant x tenant test: matrix[asking namespace][owner namespace] is true when the owner's document surfaced. */
        matrix?: {
          [key: string]: {
            [key: string]: boolean;
          };
        };
      };
      duration_ms: number;
    };
    /** @description RAG adapter protocol: a document Penaxtra plants for a test. */
    RagDocument: {
      id: string;
      text: string;
      metadata?: {
        [key: string]: string;
      };
    };
    /** @description RAG adapter protocol, POST to `ingest_url`. The namespace travels in the field named by `namespace_param` (default `namespace`). */
    RagIngestRequest: {
      namespace: string;
      documents: components["schemas"]["RagDocument"][];
    };
    /** @description RAG adapter protocol: the answer of `ingest_url`. A document the pipeline refused (an ingest filter) is listed in `rejected`. */
    RagIngestResponse: {
      ingested: string[];
      rejected?: {
        id: string;
        reason?: string;
      }[];
    };
    /** @description RAG adapter protocol, POST to `query_url`. */
    RagQueryRequest: {
      namespace: string;
      query: string;
      /** @description Metadata every retrieved document must match. */
      filter?: {
        [key: string]: string;
      };
      top_k?: number;
    };
    /** @description RAG adapter protocol: the answer of `query_url`, with the passages the answer was generated from. */
    RagQueryResponse: {
      answer: string;
      retrieved: {
        id: string;
        text?: string;
        metadata?: {
          [key: string]: string;
        };
        score?: number;
      }[];
      /** @description True when a guard stopped the query before an answer was generated. */
      blocked?: boolean;
      guards?: components["schemas"]["RagGuardSignal"][];
    };
    /** @description RAG adapter protocol: what one of the pipeline's guards did (optional; stages are also inferred from what each call returned). */
    RagGuardSignal: {
      /** @enum {string} */
      stage: "ingest_filter" | "retrieval_isolation" | "input_filter" | "model_refusal" | "output_filter";
      /** @enum {string} */
      action: "blocked" | "redacted" | "refused" | "filtered";
      detail?: string;
    };
    /** @description RAG adapter protocol, POST to `delete_url`: remove these documents from the namespace. Answer `{ deleted: <count> }`. */
    RagDeleteRequest: {
      namespace: string;
      ids: string[];
    };
    RagRunList: {
      data: components["schemas"]["RagRun"][];
      next_cursor: string | null;
    };
    Probe: {
      id: components["schemas"]["ProbeId"];
      title: string;
      category: string;
      description: string;
      severity: components["schemas"]["Severity"];
      detectors: string[];
      risk_refs: string[];
      variant_count: number;
      /** @description Requests a variant makes at most (1 for a single message; a conversation one each time the target must answer, before each later user turn, at a fresh session and at the end). */
      turns: number;
      /** @description The probe declares tools and plants its payload in a tool result; its verdict rests on the tool calls the target emits. */
      uses_tools: boolean;
      /** @description Sent by a scan without `probe_ids`; false for multi-turn and tool-result probes and custom ones, which a scan must name. */
      default_scan: boolean;
      /** @description One of the tenant's own probes (POST /api/v2/probes). */
      custom: boolean;
      /** @description Sent only to endpoints that declare a `purpose` (`purpose`), with competitors (`competitors`); null for every endpoint. */
      requires: ("purpose" | "competitors") | null;
    };
    ProbeCreate: {
      id: components["schemas"]["ProbeId"];
      title: string;
      /** @description One of the library's categories (see `category` in GET /api/v2/probes). */
      category: string;
      description: string;
      severity: components["schemas"]["Severity"];
      detectors: string[];
      /** @description Framework refs beyond the category's own (see GET /api/v2/frameworks). */
      risk_refs?: string[];
      /** @description Single-message payloads; `{{canary}}` becomes each attempt's canary. */
      variants?: string[];
      /** @description Conversations, one per variant. */
      turns?: components["schemas"]["ConversationStep"][][];
      tools?: components["schemas"]["ToolDefinition"][];
      /** @description Calling one of these tools is the attack's success (the `tool_call` detector). */
      forbidden_tools?: string[];
      /** @description Case-insensitive regular expressions; a match in the answer means the goal was reached. */
      success_markers?: string[];
    };
    ProbeGenerate: {
      /** @description The usage policy, or the rules of it to test. */
      policy: string;
      /** @description The category the probes get (see `category` in GET /api/v2/probes). */
      category: string;
      severity: components["schemas"]["Severity"];
      /** @default 3 */
      count?: number;
    };
    /** @description A user message (sent; the target's answer joins the history), or a tool call and its result put into the history. */
    ConversationStep:
      | {
          user: string;
        }
      | {
          tool_result: {
            tool: string;
            arguments?: {
              [key: string]: unknown;
            };
            result: string;
          };
        };
    ProbeCatalogue: {
      data: components["schemas"]["Probe"][];
    };
    FrameworkRef: {
      /** @description The id used in `risk_refs`, e.g. `OWASP_LLM01`. */
      ref: string;
      /** @description The framework's own code, e.g. `LLM01:2025`. */
      code: string;
      title: string;
    };
    Framework: {
      id: components["schemas"]["FrameworkId"];
      title: string;
      edition: string;
      source_url: string;
      refs: components["schemas"]["FrameworkRef"][];
    };
    FrameworkCatalogue: {
      data: components["schemas"]["Framework"][];
    };
    AuditEvent: {
      id: string;
      /** Format: date-time */
      at: string;
      action: string;
      target_kind: string | null;
      target_id: string | null;
      result: components["schemas"]["AuditResult"];
      /** Format: uuid */
      token_id: string | null;
      request_id: string | null;
      method: string | null;
      path: string | null;
      status: number | null;
      duration_ms: number | null;
      details: {
        [key: string]: unknown;
      };
    };
    ReportCreate: {
      title?: string;
      frameworks: components["schemas"]["FrameworkId"][];
      /** @description Only findings of these severities; all when left out. */
      severities?: components["schemas"]["Severity"][];
      scope?: components["schemas"]["ReportScope"];
    };
    /** @description Which findings; every finding of the tenant when left out. Dismissed findings (false_positive, accepted_risk) are listed apart. */
    ReportScope: {
      scan_ids?: string[];
      endpoint_ids?: string[];
      ai_asset_ids?: string[];
      /** Format: date-time */
      from?: string;
      /** Format: date-time */
      to?: string;
    };
    Report: {
      /** Format: uuid */
      id: string;
      title: string;
      frameworks: components["schemas"]["FrameworkId"][];
      severities: components["schemas"]["Severity"][] | null;
      scope: components["schemas"]["ReportScope"];
      schema_version: string;
      finding_count: number;
      /** Format: date-time */
      created_at: string;
    };
    ReportList: {
      data: components["schemas"]["Report"][];
      next_cursor: string | null;
    };
    /** @description The report's content, `schema_version` "1": findings in scope and, per framework, per control (risk ref) the findings mapped to it. */
    ReportDocument: {
      /** @constant */
      schema_version: "1";
      /** Format: uuid */
      report_id: string;
      title: string;
      /** Format: date-time */
      generated_at: string;
      scope: components["schemas"]["ReportScope"];
      severities: components["schemas"]["Severity"][] | null;
      summary: {
        findings: number;
        by_severity: {
          [key: string]: number;
        };
        by_status: {
          [key: string]: number;
        };
        /** @description Findings in scope marked false_positive or accepted_risk, not counted above. */
        dismissed: number;
      };
      frameworks: {
        id: components["schemas"]["FrameworkId"];
        title: string;
        edition: string;
        source_url: string;
        controls: {
          ref: string;
          code: string;
          title: string;
          finding_count: number;
          by_severity: {
            [key: string]: number;
          };
          finding_ids: string[];
        }[];
      }[];
      findings: components["schemas"]["Finding"][];
    };
    /** @enum {string} */
    WebhookEvent: "scan.completed" | "finding.created" | "rag_run.completed";
    WebhookCreate: {
      /** Format: uri */
      url: string;
      events: components["schemas"]["WebhookEvent"][];
      description?: string;
    };
    Webhook: {
      /** Format: uuid */
      id: string;
      url: string;
      events: components["schemas"]["WebhookEvent"][];
      description: string | null;
      /** Format: date-time */
      created_at: string;
    };
    WebhookCreated: components["schemas"]["Webhook"] & {
      /** @description Signing secret, shown only here. Each delivery carries `X-Penaxtra-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" under this secret>`. */
      secret: string;
    };
    WebhookDelivery: {
      /**
       * Format: uuid
       * @description Also sent as `X-Penaxtra-Delivery`; the same on every retry of one delivery.
       */
      id: string;
      event: components["schemas"]["WebhookEvent"];
      /** @enum {string} */
      status: "pending" | "delivered" | "failed";
      attempts: number;
      response_status: number | null;
      error: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      delivered_at: string | null;
    };
    WebhookDetail: components["schemas"]["Webhook"] & {
      /** @description The latest 50 deliveries, newest first. */
      deliveries: components["schemas"]["WebhookDelivery"][];
    };
    WebhookList: {
      data: components["schemas"]["Webhook"][];
      next_cursor: string | null;
    };
    AuditEventList: {
      data: components["schemas"]["AuditEvent"][];
      next_cursor: string | null;
    };
  };
  responses: {
    /** @description `idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later. */
    IdempotencyConflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description `idempotency_key_reused`: this Idempotency-Key was used with a different body. */
    IdempotencyKeyReused: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The request is malformed; `error` names what. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ValidationError"];
      };
    };
    /** @description `missing_token`, `invalid_token` or `expired_token`. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description `missing_scope`: the token lacks the scope the operation needs. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["MissingScopeError"];
      };
    };
    /** @description No such resource in this tenant. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The body is larger than 1 MiB. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["PayloadTooLargeError"];
      };
    };
    /** @description Too many requests; retry after the given number of seconds. */
    RateLimited: {
      headers: {
        /** @description Seconds to wait. */
        "Retry-After"?: number;
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["RateLimitedError"];
      };
    };
    /** @description The database cannot be reached right now; retry after the given number of seconds. Nothing was changed. */
    DatabaseUnavailable: {
      headers: {
        /** @description Seconds to wait. */
        "Retry-After"?: number;
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["DatabaseUnavailableError"];
      };
    };
  };
  parameters: {
    /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
    IdempotencyKey: string;
    IdPath: string;
    Limit: number;
    /** @description The RAG runs list is capped at 100 rows, and its default page is the whole cap. */
    RagRunLimit: number;
    /** @description The `next_cursor` of the previous page. */
    Cursor: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listScans: {
    parameters: {
      query?: {
        status?: components["schemas"]["ScanStatus"];
        endpoint_id?: string;
        limit?: components["parameters"]["Limit"];
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of scans. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ScanList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  createScan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ScanCreate"];
      };
    };
    responses: {
      /** @description Scan accepted and queued. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ScanAccepted"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["IdempotencyConflict"];
      413: components["responses"]["PayloadTooLarge"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      /** @description The scan row was created but could not be queued; it is left failed and addressable. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EnqueueFailedError"];
        };
      };
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getScan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The scan. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Scan"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  streamScanEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stream: `event: scan` / `event: end` with `data` a Scan, `event: finding` with `data` a Finding (each `data` one line of JSON; the ScanEvent and ScanFindingEvent schemas describe them). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  exportScan: {
    parameters: {
      query?: {
        format?: "sarif" | "junit" | "html";
      };
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/sarif+json": {
            [key: string]: unknown;
          };
          "application/xml": string;
          "text/html": string;
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  cancelScan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Cancellation recorded; workers stop picking up its work. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Scan"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      /** @description The scan has already finished (`scan_not_cancellable`), or the first request with this Idempotency-Key has not finished yet (`idempotency_key_in_use`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ScanNotCancellableError"] | components["schemas"]["Error"];
        };
      };
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listFindings: {
    parameters: {
      query?: {
        /** @description One severity or a comma-separated list, e.g. `high,critical`. */
        severity?: string;
        status?: components["schemas"]["FindingStatus"];
        lifecycle?: components["schemas"]["FindingLifecycle"];
        scan_id?: string;
        endpoint_id?: string;
        /** @description A framework reference such as `OWASP_LLM01` or `MITRE_ATLAS_AML_T0051`. */
        framework_ref?: components["schemas"]["FrameworkRefId"];
        /** @description Only findings created at or after this instant. */
        from?: string;
        /** @description Only findings created before this instant. */
        to?: string;
        limit?: components["parameters"]["Limit"];
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of findings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FindingList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getFinding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The finding. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FindingDetail"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  updateFindingStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["FindingStatusUpdate"];
      };
    };
    responses: {
      /** @description The updated finding. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FindingDetail"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listRagRuns: {
    parameters: {
      query?: {
        ai_asset_id?: string;
        /** @description The RAG runs list is capped at 100 rows, and its default page is the whole cap. */
        limit?: components["parameters"]["RagRunLimit"];
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of RAG runs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RagRunList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  createRagRun: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RagRunCreate"];
      };
    };
    responses: {
      /** @description RAG run accepted and queued. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RagRunAccepted"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["IdempotencyConflict"];
      413: components["responses"]["PayloadTooLarge"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      /** @description The run row was created but could not be queued; it is left failed. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RagEnqueueFailedError"];
        };
      };
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getRagRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The RAG run and its tests so far (a running run lists the tests that have ended). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RagRunDetail"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  streamRagRunEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stream: `event: rag_run` / `event: end` with `data` a RagRunDetail (one line of JSON; the RagRunEvent schema describes them). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listEndpoints: {
    parameters: {
      query?: {
        status?: components["schemas"]["EndpointStatus"];
        limit?: components["parameters"]["Limit"];
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of endpoints. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EndpointList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  createEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EndpointCreate"];
      };
    };
    responses: {
      /** @description The endpoint. The auth secret is never returned. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Endpoint"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      409: components["responses"]["IdempotencyConflict"];
      413: components["responses"]["PayloadTooLarge"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Endpoint"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  deleteEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  updateEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EndpointUpdate"];
      };
    };
    responses: {
      /** @description The updated endpoint. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Endpoint"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  testEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The outcome of the connectivity test, successful or not. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EndpointTestResult"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["IdempotencyConflict"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listAiAssets: {
    parameters: {
      query?: {
        limit?: components["parameters"]["Limit"];
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of ai-assets. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AiAssetList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  createAiAsset: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AiAssetCreate"];
      };
    };
    responses: {
      /** @description The ai-asset. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AiAsset"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      409: components["responses"]["IdempotencyConflict"];
      413: components["responses"]["PayloadTooLarge"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getAiAsset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ai-asset. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AiAsset"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  deleteAiAsset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  updateAiAsset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AiAssetUpdate"];
      };
    };
    responses: {
      /** @description The updated ai-asset. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AiAsset"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listReports: {
    parameters: {
      query?: {
        limit?: components["parameters"]["Limit"];
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of reports. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReportList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  createReport: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReportCreate"];
      };
    };
    responses: {
      /** @description The report. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Report"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      409: components["responses"]["IdempotencyConflict"];
      413: components["responses"]["PayloadTooLarge"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Report"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  downloadReport: {
    parameters: {
      query?: {
        format?: "json" | "pdf" | "html";
      };
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReportDocument"];
          "application/pdf": string;
          "text/html": string;
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listWebhooks: {
    parameters: {
      query?: {
        limit?: components["parameters"]["Limit"];
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of webhook targets. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["WebhookCreate"];
      };
    };
    responses: {
      /** @description The webhook target, with its signing secret. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookCreated"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      409: components["responses"]["IdempotencyConflict"];
      413: components["responses"]["PayloadTooLarge"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The webhook target. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookDetail"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components["parameters"]["IdPath"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listProbes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every probe the server can send, then the tenant's custom probes (`custom`). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProbeCatalogue"];
        };
      };
      401: components["responses"]["Unauthorized"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  createProbe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ProbeCreate"];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Probe"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      /** @description A probe with this id exists (`probe_exists`), built in or the tenant's. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  generateProbes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ProbeGenerate"];
      };
    };
    responses: {
      /** @description The probes created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProbeCatalogue"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      /** @description Another request took one of the drafted probes' ids meanwhile (`probe_exists`); nothing was stored, try again. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      429: components["responses"]["RateLimited"];
      /** @description The attacker model failed or drafted nothing usable (`attacker_failed`, with `message`); nothing was stored. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  deleteProbe: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        probe_id: components["schemas"]["ProbeId"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listFrameworks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The six frameworks with titles, edition and source link. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FrameworkCatalogue"];
        };
      };
      401: components["responses"]["Unauthorized"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  listAuditEvents: {
    parameters: {
      query?: {
        /** @description An action such as `api.call`, `scan.started` or `finding.status_changed`. */
        action?: string;
        target_kind?: string;
        result?: components["schemas"]["AuditResult"];
        from?: string;
        to?: string;
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: components["parameters"]["Cursor"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of audit events. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuditEventList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["DatabaseUnavailable"];
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI 3.1 document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
    };
  };
}

/**
 * Every `error` slug the API answers (openapi.yaml components.schemas.ErrorSlug):
 * - `invalid_json` (400): the body is not valid JSON; `message` says why.
 * - `invalid_content_type` (400): the body was not sent as `Content-Type: application/json`; `message`.
 * - `invalid_request` (400): the body does not match the operation's schema; `issues` names each field.
 * - `invalid_query` (400): a query parameter is missing, malformed or out of range; `issues`.
 * - `invalid_id` (400): an id in the path is not a UUID; `issues`.
 * - `invalid_header` (400): a header is malformed, e.g. an `Idempotency-Key` that is not 1 to 200 printable ASCII characters; `issues`.
 * - `invalid_cursor` (400): `cursor` is not a `next_cursor` this API returned.
 * - `invalid_endpoint_id` (400): POST /scans without an `endpoint_id` UUID; `issues`.
 * - `invalid_probe_ids` (400): POST /scans with malformed `probe_ids` (`issues`), ids neither in the probe library nor the tenant's own (`unknown_probe_ids`), probes written against a purpose the endpoint does not declare (`needs_purpose`), or custom probes whose definitions together pass 2,000,000 characters (`message`).
 * - `too_many_probe_ids` (400): POST /scans with more than 100 `probe_ids`; `issues`.
 * - `invalid_strategies` (400): POST /scans with strategy names that are not known (`unknown_strategies`, with `known_strategies`).
 * - `attacker_not_configured` (400): POST /scans asked for what needs an attacker model (`language:<code>` strategies, `needs_attacker`), or POST /probes/generate was called, while `PENAXTRA_ATTACKER` is not set.
 * - `invalid_ai_asset_id` (400): POST /rag-runs without an `ai_asset_id` UUID; `issues`.
 * - `invalid_http_template` (400): an `http_template_v1` endpoint without `http_template`, or whose `body_template` has neither `{{prompt}}` nor `{{messages}}`; `message`.
 * - `invalid_tools` (400): `tools` on an `http_template_v1` endpoint (the template has no place for them), or two tools with one name; `message`.
 * - `invalid_probe` (400): POST /probes with a definition the checks refuse; `issues` names each problem (`path`, `message`).
 * - `invalid_url` (400): a target URL cannot be used (not an http(s) URL); `field`, `message`.
 * - `target_not_allowed` (400): a target URL names or resolves to an address Penaxtra does not call (private, loopback, link-local, metadata); `field`, `address`, `reason`.
 * - `target_unresolvable` (400): the host of a target URL does not resolve; `field`, `host`.
 * - `missing_token` (401): no `Authorization` header.
 * - `invalid_token` (401): the `Authorization` header is not `Bearer <token>`, or the token is unknown or revoked.
 * - `expired_token` (401): the token has expired.
 * - `missing_scope` (403): the token lacks the scope the operation needs; `required_scope`.
 * - `not_found` (404): no such route.
 * - `endpoint_not_found` (404): no such endpoint in this tenant.
 * - `endpoint_not_found_or_inactive` (404): POST /scans for an endpoint that is not in this tenant or not active.
 * - `scan_not_found` (404): no such scan in this tenant.
 * - `finding_not_found` (404): no such finding in this tenant.
 * - `ai_asset_not_found` (404): no such AI asset in this tenant.
 * - `rag_asset_not_found` (404): POST /rag-runs for an AI asset that is not a RAG pipeline of this tenant.
 * - `rag_run_not_found` (404): no such RAG run in this tenant.
 * - `report_not_found` (404): no such report in this tenant.
 * - `webhook_not_found` (404): no such webhook in this tenant.
 * - `probe_not_found` (404): no custom probe with this id in this tenant (built-in probes cannot be removed).
 * - `scan_not_cancellable` (409): the scan has already finished; `status`.
 * - `probe_exists` (409): POST /probes with the id of a built-in probe or of one of the tenant's; `probe_id`.
 * - `idempotency_key_in_use` (409): the first request with this `Idempotency-Key` has not finished yet; retry later.
 * - `idempotency_key_reused` (422): this `Idempotency-Key` was used with a different body.
 * - `payload_too_large` (413): the body is larger than the limit; `limit_bytes`.
 * - `rate_limited` (429): too many requests; `retry_after_seconds`, also in `Retry-After`.
 * - `internal_error` (500): an unexpected server error; `request_id` identifies it in the server log.
 * - `database_unavailable` (503): the database cannot be reached right now (an outage, a restart); retry after `retry_after_seconds` (also `Retry-After`). Nothing was changed.
 * - `enqueue_failed` (502): the scan or RAG run was created but could not be queued; it is left failed and addressable (`scan_id` or `rag_run_id`).
 * - `attacker_failed` (502): POST /probes/generate: the attacker model failed or drafted nothing usable; `message`. Nothing was stored.
 */
export type ErrorSlug = components["schemas"]["ErrorSlug"];
