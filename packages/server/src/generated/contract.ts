// Generated from openapi.yaml by `pnpm generate`. Do not edit.
import { createRoute, z } from "@hono/zod-openapi";

export const ErrorSlugSchema = z
  .enum([
    "invalid_json",
    "invalid_content_type",
    "invalid_request",
    "invalid_query",
    "invalid_id",
    "invalid_header",
    "invalid_cursor",
    "invalid_endpoint_id",
    "invalid_probe_ids",
    "too_many_probe_ids",
    "invalid_strategies",
    "attacker_not_configured",
    "invalid_ai_asset_id",
    "invalid_http_template",
    "invalid_tools",
    "invalid_probe",
    "invalid_url",
    "target_not_allowed",
    "target_unresolvable",
    "missing_token",
    "invalid_token",
    "expired_token",
    "missing_scope",
    "not_found",
    "endpoint_not_found",
    "endpoint_not_found_or_inactive",
    "scan_not_found",
    "finding_not_found",
    "ai_asset_not_found",
    "rag_asset_not_found",
    "rag_run_not_found",
    "report_not_found",
    "webhook_not_found",
    "probe_not_found",
    "scan_not_cancellable",
    "probe_exists",
    "idempotency_key_in_use",
    "idempotency_key_reused",
    "payload_too_large",
    "rate_limited",
    "internal_error",
    "database_unavailable",
    "enqueue_failed",
    "attacker_failed",
  ])
  .openapi({
    description:
      "The machine-readable `error` of every error body, one slug per cause. The HTTP status and\nthe fields next to `error` depend on the slug; the description of each value names them.\nTreat a slug you do not know by its HTTP status: new slugs may be added.\n",
    "x-enumDescriptions": {
      invalid_json: "400: the body is not valid JSON; `message` says why.",
      invalid_content_type: "400: the body was not sent as `Content-Type: application/json`; `message`.",
      invalid_request: "400: the body does not match the operation's schema; `issues` names each field.",
      invalid_query: "400: a query parameter is missing, malformed or out of range; `issues`.",
      invalid_id: "400: an id in the path is not a UUID; `issues`.",
      invalid_header:
        "400: a header is malformed, e.g. an `Idempotency-Key` that is not 1 to 200 printable ASCII characters; `issues`.",
      invalid_cursor: "400: `cursor` is not a `next_cursor` this API returned.",
      invalid_endpoint_id: "400: POST /scans without an `endpoint_id` UUID; `issues`.",
      invalid_probe_ids:
        "400: POST /scans with malformed `probe_ids` (`issues`), ids neither in the probe library nor the tenant's own (`unknown_probe_ids`), probes written against a purpose the endpoint does not declare (`needs_purpose`), or custom probes whose definitions together pass 2,000,000 characters (`message`).",
      too_many_probe_ids: "400: POST /scans with more than 100 `probe_ids`; `issues`.",
      invalid_strategies:
        "400: POST /scans with strategy names that are not known (`unknown_strategies`, with `known_strategies`).",
      attacker_not_configured:
        "400: POST /scans asked for what needs an attacker model (`language:<code>` strategies, `needs_attacker`), or POST /probes/generate was called, while `PENAXTRA_ATTACKER` is not set.",
      invalid_ai_asset_id: "400: POST /rag-runs without an `ai_asset_id` UUID; `issues`.",
      invalid_http_template:
        "400: an `http_template_v1` endpoint without `http_template`, or whose `body_template` has neither `{{prompt}}` nor `{{messages}}`; `message`.",
      invalid_tools:
        "400: `tools` on an `http_template_v1` endpoint (the template has no place for them), or two tools with one name; `message`.",
      invalid_url: "400: a target URL cannot be used (not an http(s) URL); `field`, `message`.",
      target_not_allowed:
        "400: a target URL names or resolves to an address Penaxtra does not call (private, loopback, link-local, metadata); `field`, `address`, `reason`.",
      target_unresolvable: "400: the host of a target URL does not resolve; `field`, `host`.",
      missing_token: "401: no `Authorization` header.",
      invalid_token: "401: the `Authorization` header is not `Bearer <token>`, or the token is unknown or revoked.",
      expired_token: "401: the token has expired.",
      missing_scope: "403: the token lacks the scope the operation needs; `required_scope`.",
      not_found: "404: no such route.",
      endpoint_not_found: "404: no such endpoint in this tenant.",
      endpoint_not_found_or_inactive: "404: POST /scans for an endpoint that is not in this tenant or not active.",
      scan_not_found: "404: no such scan in this tenant.",
      finding_not_found: "404: no such finding in this tenant.",
      ai_asset_not_found: "404: no such AI asset in this tenant.",
      rag_asset_not_found: "404: POST /rag-runs for an AI asset that is not a RAG pipeline of this tenant.",
      rag_run_not_found: "404: no such RAG run in this tenant.",
      report_not_found: "404: no such report in this tenant.",
      webhook_not_found: "404: no such webhook in this tenant.",
      scan_not_cancellable: "409: the scan has already finished; `status`.",
      probe_exists: "409: POST /probes with the id of a built-in probe or of one of the tenant's; `probe_id`.",
      probe_not_found: "404: no custom probe with this id in this tenant (built-in probes cannot be removed).",
      invalid_probe:
        "400: POST /probes with a definition the checks refuse; `issues` names each problem (`path`, `message`).",
      idempotency_key_in_use: "409: the first request with this `Idempotency-Key` has not finished yet; retry later.",
      idempotency_key_reused: "422: this `Idempotency-Key` was used with a different body.",
      payload_too_large: "413: the body is larger than the limit; `limit_bytes`.",
      rate_limited: "429: too many requests; `retry_after_seconds`, also in `Retry-After`.",
      internal_error: "500: an unexpected server error; `request_id` identifies it in the server log.",
      database_unavailable:
        "503: the database cannot be reached right now (an outage, a restart); retry after `retry_after_seconds` (also `Retry-After`). Nothing was changed.",
      attacker_failed:
        "502: POST /probes/generate: the attacker model failed or drafted nothing usable; `message`. Nothing was stored.",
      enqueue_failed:
        "502: the scan or RAG run was created but could not be queued; it is left failed and addressable (`scan_id` or `rag_run_id`).",
    },
  })
  .openapi("ErrorSlug");
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
export type ErrorSlug = z.infer<typeof ErrorSlugSchema>;
export const ErrorSchema = z.looseObject({ error: ErrorSlugSchema }).openapi("Error");
export const ValidationIssueSchema = z.object({ path: z.string(), message: z.string() }).openapi("ValidationIssue");
export const ValidationErrorSchema = z
  .looseObject({ error: ErrorSlugSchema, issues: z.array(ValidationIssueSchema).optional() })
  .openapi({
    description:
      "A 400 body. `error` is one of `invalid_json`, `invalid_content_type`, `invalid_request`, `invalid_query`, `invalid_id`, `invalid_header`, `invalid_cursor`, `invalid_endpoint_id`, `invalid_probe_ids`, `too_many_probe_ids`, `invalid_strategies`, `attacker_not_configured`, `invalid_ai_asset_id`, `invalid_http_template`, `invalid_tools`, `invalid_probe`, `invalid_url`, `target_not_allowed`, `target_unresolvable`.",
  })
  .openapi("ValidationError");
export const MissingScopeErrorSchema = z
  .object({ error: z.literal("missing_scope"), required_scope: z.string() })
  .openapi("MissingScopeError");
export const PayloadTooLargeErrorSchema = z
  .object({ error: z.literal("payload_too_large"), limit_bytes: z.int() })
  .openapi("PayloadTooLargeError");
export const DatabaseUnavailableErrorSchema = z
  .object({ error: z.literal("database_unavailable"), retry_after_seconds: z.int() })
  .openapi("DatabaseUnavailableError");
export const RateLimitedErrorSchema = z
  .object({ error: z.literal("rate_limited"), retry_after_seconds: z.int() })
  .openapi("RateLimitedError");
export const EnqueueFailedErrorSchema = z
  .object({ error: z.literal("enqueue_failed"), scan_id: z.uuid() })
  .openapi("EnqueueFailedError");
export const RagEnqueueFailedErrorSchema = z
  .object({ error: z.literal("enqueue_failed"), rag_run_id: z.uuid() })
  .openapi("RagEnqueueFailedError");
export const ScanStatusSchema = z
  .enum(["queued", "running", "judging", "completed", "failed", "cancelled"])
  .openapi({
    description:
      "`queued` until a worker plans it; `running` while probes are sent and each answer is judged; `judging` while the meta-judge verdicts become findings; then `completed`, `failed` (see `error`) or `cancelled`.",
  })
  .openapi("ScanStatus");
export const ScanNotCancellableErrorSchema = z
  .object({ error: z.literal("scan_not_cancellable"), status: ScanStatusSchema })
  .openapi("ScanNotCancellableError");
export const SeveritySchema = z.enum(["critical", "high", "medium", "low", "info"]).openapi("Severity");
export const ProbeIdSchema = z.string().regex(new RegExp("^[a-z][a-z0-9-]{2,79}$")).openapi("ProbeId");
export const StrategyIdSchema = z
  .string()
  .min(1)
  .max(40)
  .openapi({ description: "A strategy name, e.g. `base64`, `leetspeak` or `language:et`." })
  .openapi("StrategyId");
export const AdaptiveSettingsSchema = z
  .strictObject({
    attempts_per_probe: z.int().min(1).max(50),
    max_tokens: z.int().min(100).max(2000000).default(20000).openapi({
      description:
        "Tokens the search may spend on the target per probe, prompts and answers together, estimated at four characters a token (every request counts the conversation it carries). No new try starts once they are spent.",
    }),
    seed: z
      .int()
      .min(0)
      .max(4294967295)
      .openapi({ description: "Makes the offline search's choices repeatable; random when omitted." })
      .optional(),
  })
  .nullable()
  .openapi({
    description:
      "Adaptive search: one more attempt per probe that rewrites the probe's first variant until the panel confirms a success or `attempts_per_probe` tries are spent (each try one request, or one per turn when it opens with extra turns; the attempt's `requests` counts them all). With an attacker model (`PENAXTRA_ATTACKER`) the rewrites are the model's (PAIR-style refinement), otherwise mutation operators (strategies, rephrasing frames, an innocuous opening turn, shortening, crossover with other variants of the category) chosen by the panel's verdicts. The winning prompt and its lineage are the attempt's evidence. Null or omitted: off.",
  })
  .openapi("AdaptiveSettings");
export const ScanSchema = z
  .object({
    id: z.uuid(),
    endpoint_id: z.uuid(),
    status: ScanStatusSchema,
    probe_ids: z.array(ProbeIdSchema).nullable(),
    probe_count: z.int().nullable(),
    strategies: z.array(StrategyIdSchema),
    adaptive: AdaptiveSettingsSchema,
    created_at: z.iso.datetime({ offset: true }),
    started_at: z.iso.datetime({ offset: true }).nullable(),
    completed_at: z.iso.datetime({ offset: true }).nullable(),
    error: z.string().nullable().openapi({
      description:
        "Why a `failed` scan failed. On a `completed` scan, `target_errors: N of M attempts errored (P%)` marks it degraded: those attempts got no answer, so what they test was not tested; the CI exports and gate say so. When some of them were never sent (the attacker model failed to translate a `language:` strategy's prompt, or a payload could not be made), it goes on `; K of them not sent: attacker_failed: ...` (or `attempt_failed: ...`) with the first such reason. Null when every attempt was answered.",
    }),
    attempts_total: z.int(),
    attempts_done: z.int().openapi({ description: "Attempts finished, answered or errored." }),
    attempts_errored: z.int().openapi({
      description: "Attempts whose target request still failed after retries. They are errors, never counted as safe.",
    }),
    findings_count: z.int(),
  })
  .openapi("Scan");
export const ScanEventSchema = z
  .object({ event: z.enum(["scan", "end"]), data: ScanSchema })
  .openapi({ description: "An event `scan` or `end` of `GET /scans/{id}/events`, as the SDK parses it." })
  .openapi("ScanEvent");
export const FindingLifecycleSchema = z
  .enum(["new", "recurring", "regressed", "fixed"])
  .openapi({
    description:
      "Compared with earlier findings of the same fingerprint: `new` (never seen), `recurring` (seen, and still there), `regressed` (seen, fixed, and back). A finding becomes `fixed` when a later completed scan of its endpoint sent its probe, got answers, and found nothing.",
  })
  .openapi("FindingLifecycle");
export const FindingStatusSchema = z
  .enum(["open", "needs_review", "confirmed", "false_positive", "accepted_risk", "fixed"])
  .openapi({
    description:
      "A scan confirms a finding when the meta-judge says `vulnerable` with confidence at or above the tenant threshold (default 0.7); otherwise it is `needs_review`. The other statuses are set by people.",
  })
  .openapi("FindingStatus");
export const VerdictSchema = z
  .enum(["vulnerable", "safe", "uncertain"])
  .openapi({
    description: "`vulnerable`: the attack worked; `safe`: it did not; `uncertain`: the panel could not tell.",
  })
  .openapi("Verdict");
export const FindingSchema = z
  .object({
    id: z.uuid(),
    fingerprint: z.string().openapi({
      description: "The same for one endpoint (or ai-asset) and probe (or RAG test) in every scan or run.",
    }),
    lifecycle: FindingLifecycleSchema,
    scan_id: z.uuid().nullable(),
    rag_run_id: z.uuid().nullable(),
    endpoint_id: z.uuid().nullable(),
    ai_asset_id: z.uuid().nullable(),
    probe_id: z.string(),
    title: z.string(),
    category: z.string(),
    severity: SeveritySchema,
    status: FindingStatusSchema,
    verdict: VerdictSchema,
    confidence: z.number().min(0).max(1),
    risk_refs: z.array(z.string()),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .openapi("Finding");
export const ScanFindingEventSchema = z
  .object({ event: z.enum(["finding"]), data: FindingSchema })
  .openapi({ description: "An event `finding` of `GET /scans/{id}/events`, as the SDK parses it." })
  .openapi("ScanFindingEvent");
export const RagRunSchema = z
  .object({
    id: z.uuid(),
    ai_asset_id: z.uuid(),
    trigger: z.enum(["scheduled", "manual"]),
    started_at: z.iso.datetime({ offset: true }),
    completed_at: z.iso.datetime({ offset: true }).nullable(),
    status: z.enum(["running", "completed", "failed"]),
    tests_run: z.int().openapi({
      description: "Every test of the run, skipped ones included (tests_passed + tests_failed + tests_skipped).",
    }),
    tests_passed: z.int(),
    tests_failed: z.int(),
    tests_skipped: z.int(),
    duration_ms: z.int().nullable(),
  })
  .openapi("RagRun");
export const RagGuardSignalSchema = z
  .object({
    stage: z.enum(["ingest_filter", "retrieval_isolation", "input_filter", "model_refusal", "output_filter"]),
    action: z.enum(["blocked", "redacted", "refused", "filtered"]),
    detail: z.string().optional(),
  })
  .openapi({
    description:
      "RAG adapter protocol: what one of the pipeline's guards did (optional; stages are also inferred from what each call returned).",
  })
  .openapi("RagGuardSignal");
export const RagTestResultSchema = z
  .object({
    test_id: z.string(),
    suite: z.enum(["canary", "isolation", "injection"]),
    title: z.string(),
    status: z.enum(["passed", "failed", "skipped"]).openapi({
      description:
        "`failed`: the attack got through, or data of another namespace surfaced. `passed`: only on positive evidence that a guardrail acted (for isolation tests: the asking namespace's own documents came back and nothing foreign did, or the retriever reported withholding). `skipped`: nothing could be decided (the pipeline erred, or the documents the test depends on were never retrieved).",
    }),
    stopped_by: z
      .union([
        z.enum(["ingest_filter", "retrieval_isolation", "input_filter", "model_refusal", "output_filter", "none"]),
        z.null(),
      ])
      .openapi({
        description: "The guardrail that stopped the attack, `none` when it succeeded, null when the test was skipped.",
      }),
    severity: SeveritySchema,
    reason: z.string(),
    evidence: z.object({
      planted: z.array(
        z.object({
          namespace: z.string(),
          id: z.string(),
          rejected: z
            .string()
            .nullable()
            .openapi({ description: "The ingest filter's reason, when the pipeline refused the document." }),
        }),
      ),
      exchanges: z.array(
        z.object({
          namespace: z.string(),
          query: z.string(),
          filter: z.record(z.string(), z.string()).optional(),
          answer: z.string(),
          retrieved_ids: z.array(z.string()),
          blocked: z.boolean(),
          guards: z.array(RagGuardSignalSchema),
        }),
      ),
      foreign: z
        .array(
          z.object({
            kind: z.enum(["document", "canary"]),
            value: z.string().openapi({ description: "The retrieved document id, or the canary found in the answer." }),
            asked_in: z.string().openapi({ description: "The namespace the question was asked in." }),
            owner: z.string().nullable().openapi({
              description:
                "The namespace the data was planted in, when known (null for an earlier run's data that was not recorded).",
            }),
          }),
        )
        .openapi({
          description:
            "Data of other namespaces that surfaced in this test's exchanges: a document Penaxtra planted elsewhere (in this run or an earlier one) among the retrieved passages, or another namespace's canary in an answer. Any entry fails the test, whatever the test itself looked for.",
        })
        .optional(),
      matrix: z
        .record(z.string(), z.record(z.string(), z.boolean()))
        .openapi({
          description:
            "Isolation matrix of the tenant x tenant test: matrix[asking namespace][owner namespace] is true when the owner's document surfaced.",
        })
        .optional(),
    }),
    duration_ms: z.int(),
  })
  .openapi("RagTestResult");
export const RagRunDetailSchema = RagRunSchema.extend({
  error: z.string().nullable().openapi({ description: "Why a failed run failed; null otherwise." }),
  tests: z.array(RagTestResultSchema),
}).openapi("RagRunDetail");
export const RagRunEventSchema = z
  .object({ event: z.enum(["rag_run", "end"]), data: RagRunDetailSchema })
  .openapi({ description: "One event of `GET /rag-runs/{id}/events`, as the SDK parses it." })
  .openapi("RagRunEvent");
export const EndpointStatusSchema = z.enum(["active", "disabled", "pending"]).openapi("EndpointStatus");
export const WireFormatSchema = z
  .enum(["chat_completions_v1", "anthropic_messages_v1", "http_template_v1"])
  .openapi("WireFormat");
export const AuditResultSchema = z.enum(["success", "failure", "denied"]).openapi("AuditResult");
export const FrameworkIdSchema = z
  .enum(["OWASP_LLM", "OWASP_AGENTIC", "NIST_AI_600_1", "MITRE_ATLAS", "EU_AI_ACT", "ISO_42001"])
  .openapi("FrameworkId");
export const FrameworkRefIdSchema = z
  .string()
  .max(80)
  .regex(
    new RegExp("^(OWASP_LLM[0-9]{2}|(OWASP_AGENTIC|NIST_AI_600_1|MITRE_ATLAS|EU_AI_ACT|ISO_42001)_[A-Za-z0-9_]+)$"),
  )
  .openapi("FrameworkRefId");
export const TagsSchema = z.array(z.string().min(1).max(64)).max(50).openapi("Tags");
export const ScanCreateSchema = z
  .strictObject({
    endpoint_id: z.uuid(),
    probe_ids: z
      .array(ProbeIdSchema)
      .max(100)
      .nullable()
      .openapi({
        description:
          "Probes to send (ids from GET /api/v2/probes); omit the field, send null or an empty array to run every probe (probe_count is then null).",
      })
      .optional(),
    strategies: z
      .array(StrategyIdSchema)
      .max(16)
      .openapi({
        description:
          "Transforms applied to every variant of the probes sent, each adding one attempt per variant (so `attempts_total` grows by the number of variants times the number of strategies); the attempt's canary survives every one. Offline: `base64`, `hex`, `rot13`, `leetspeak`, `homoglyph`, `morse`, `payload-split`, `many-shot`, `past-tense`. `language:<code>` (e.g. `language:et`) translates the payload and needs an attacker model (`PENAXTRA_ATTACKER`). Omitted or empty: the variants as written. Unknown names are a 400 `invalid_strategies`.",
      })
      .optional(),
    adaptive: AdaptiveSettingsSchema.optional(),
  })
  .openapi("ScanCreate");
export const ScanAcceptedSchema = z
  .object({
    accepted: z.literal(true),
    scan_id: z.uuid(),
    endpoint_id: z.uuid(),
    probe_count: z.int().nullable().openapi({ description: "Number of probes requested; null when all probes." }),
    poll: z.string().openapi({ description: "Path to GET for progress." }),
  })
  .openapi("ScanAccepted");
export const ScanListSchema = z
  .object({ data: z.array(ScanSchema), next_cursor: z.string().nullable() })
  .openapi("ScanList");
export const JudgeVoteSchema = z
  .object({
    judge: z.string().openapi({ description: "Name of the judge, e.g. `detector`, `refusal`, `llm:openai/gpt-4o`." }),
    kind: z.enum(["judge", "meta"]),
    verdict: VerdictSchema,
    confidence: z.number().min(0).max(1),
    rationale: z.string(),
  })
  .openapi("JudgeVote");
export const ConversationMessageSchema = z
  .object({
    role: z.enum(["user", "assistant", "tool"]),
    content: z.string(),
    name: z.string().openapi({ description: "The tool whose result this is (role `tool`)." }).optional(),
    scripted: z
      .boolean()
      .openapi({
        description:
          "True for an assistant turn the probe put into the history (an agent's earlier tool call, whose result carries the payload); the target did not say it.",
      })
      .optional(),
    session: z
      .int()
      .min(0)
      .openapi({
        description:
          "Cross-session probes only; which fresh conversation (0, 1, ...) the message was sent in. Each one's requests carried none of the earlier ones.",
      })
      .optional(),
    tool_calls: z
      .array(
        z.object({
          name: z.string(),
          arguments: z
            .union([z.record(z.string(), z.unknown()), z.string()])
            .openapi({ description: "The arguments as JSON, or the raw text when the model's were not JSON." }),
        }),
      )
      .optional(),
  })
  .openapi("ConversationMessage");
export const FindingEvidenceSchema = z
  .object({
    prompt: z.string(),
    response: z.string(),
    details: z
      .record(z.string(), z.unknown())
      .openapi({
        description:
          "For a scan finding: the evidence attempt (`attempt_id`, `variant_index`, `canary`, `strategy`: null for the variant as written, a strategy id, or `adaptive`; `lineage`: the adaptive search's operators, oldest first) and counts over the probe's attempts (`variants_tested`, `variants_vulnerable`, `variants_errored`).",
      })
      .optional(),
    conversation: z
      .array(ConversationMessageSchema)
      .openapi({
        description:
          "Multi-turn, tool-result and adaptive attempts: every message exchanged with the target, oldest first; the target's tool calls as it emitted them.",
      })
      .optional(),
  })
  .openapi("FindingEvidence");
export const RemediationSchema = z
  .object({
    summary: z.string(),
    steps: z.array(z.string()),
    references: z.array(z.object({ title: z.string(), url: z.url() })),
  })
  .openapi({
    description:
      "What to change so that the probe or RAG test no longer gets through, for the finding's category; in the order the steps help most, with the public guidance they follow.",
  })
  .openapi("Remediation");
export const FindingDetailSchema = FindingSchema.extend({
  evidence: FindingEvidenceSchema,
  judge_votes: z.array(JudgeVoteSchema),
  remediation: RemediationSchema,
}).openapi("FindingDetail");
export const FindingListSchema = z
  .object({ data: z.array(FindingSchema), next_cursor: z.string().nullable() })
  .openapi("FindingList");
export const FindingStatusUpdateSchema = z
  .strictObject({ status: FindingStatusSchema, note: z.string().max(2000).optional() })
  .openapi("FindingStatusUpdate");
export const HttpTemplateSchema = z
  .strictObject({
    method: z.enum(["POST", "PUT"]).default("POST"),
    body_template: z.string().min(1).max(20000),
    response_path: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: "Dot path to the answer text in the response JSON, e.g. `data.choices.0.text`." }),
    headers: z.record(z.string(), z.string().max(2000)).optional(),
  })
  .openapi({
    description:
      'For `http_template_v1`. `{{prompt}}` in the body template is replaced by the JSON-escaped prompt (the last message of a multi-turn probe), `{{messages}}` by the whole conversation as a JSON array of `{"role", "content"}` objects (a JSON value, not inside a string). The template needs one of them.',
  })
  .openapi("HttpTemplate");
export const EndpointPurposeSchema = z
  .strictObject({
    description: z.string().min(3).max(300).regex(new RegExp("^[^{}]*$")).openapi({
      description:
        'The task in a few words, as it reads after "you are here for": e.g. "help with orders of an outdoor gear shop".',
    }),
    competitors: z
      .array(z.string().min(1).max(100).regex(new RegExp("^[^{}]*$")))
      .max(10)
      .optional(),
  })
  .nullable()
  .openapi({
    description:
      "What the application is for. A default scan then adds off-topic probes written against it (does it do unrelated work, or give advice it was not deployed for?), and competitor probes naming the declared competitors, one per variant in turn (does it praise or recommend them?). No `{` or `}`. Null: none declared.",
  })
  .openapi("EndpointPurpose");
export const ToolDefinitionSchema = z
  .strictObject({
    name: z.string().regex(new RegExp("^[A-Za-z0-9_-]{1,64}$")),
    description: z.string().max(2000).optional(),
    parameters: z
      .record(z.string(), z.unknown())
      .openapi({ description: "JSON Schema of the arguments (an object schema)." }),
  })
  .openapi("ToolDefinition");
export const EndpointLimitsSchema = z
  .strictObject({
    concurrency: z.int().min(1).max(512).default(4).openapi({
      description:
        "Requests in flight to this endpoint at once, across every worker (up to 512, what large providers allow a single key).",
    }),
    requests_per_minute: z.int().min(1).max(100000).default(120),
    timeout_ms: z.int().min(100).max(300000).default(30000),
    max_retries: z.int().min(0).max(10).default(3),
  })
  .openapi("EndpointLimits");
export const EndpointLimitsUpdateSchema = z
  .strictObject({
    concurrency: z.int().min(1).max(512).optional(),
    requests_per_minute: z.int().min(1).max(100000).optional(),
    timeout_ms: z.int().min(100).max(300000).optional(),
    max_retries: z.int().min(0).max(10).optional(),
  })
  .refine((value) => Object.keys(value).length >= 1, { message: "must set at least 1 field" })
  .openapi({ description: "Only the limits named change; the others keep their current values.", minProperties: 1 })
  .openapi("EndpointLimitsUpdate");
export const EndpointCreateSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    url: z.url().max(2000),
    wire_format: WireFormatSchema,
    model: z.string().max(200).nullable().optional(),
    auth_header: z
      .string()
      .regex(new RegExp("^[A-Za-z0-9-]{1,100}$"))
      .nullable()
      .openapi({
        description: "Header that carries the secret, e.g. `Authorization` (sent as `Bearer <secret>`) or `x-api-key`.",
      })
      .optional(),
    auth_secret: z
      .string()
      .max(10000)
      .nullable()
      .openapi({ description: "Write-only; stored encrypted and never returned.", writeOnly: true })
      .optional(),
    http_template: z.union([HttpTemplateSchema, z.null()]).optional(),
    purpose: EndpointPurposeSchema.optional(),
    tools: z
      .array(ToolDefinitionSchema)
      .max(64)
      .openapi({
        description:
          "Functions the application gives the model (`chat_completions_v1` and `anthropic_messages_v1` only), sent with every request as the wire format declares tools. Tool-result probes add their own; a tool call the model emits is judged as what it did, not what it said.",
      })
      .optional(),
    limits: EndpointLimitsSchema.optional(),
    tags: TagsSchema.optional(),
    status: EndpointStatusSchema.optional(),
  })
  .openapi("EndpointCreate");
export const EndpointUpdateSchema = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    url: z.url().max(2000).optional(),
    wire_format: WireFormatSchema.optional(),
    model: z.string().max(200).nullable().optional(),
    auth_header: z.string().regex(new RegExp("^[A-Za-z0-9-]{1,100}$")).nullable().optional(),
    auth_secret: z.string().max(10000).nullable().openapi({ writeOnly: true }).optional(),
    http_template: z.union([HttpTemplateSchema, z.null()]).optional(),
    purpose: EndpointPurposeSchema.optional(),
    tools: z
      .array(ToolDefinitionSchema)
      .max(64)
      .openapi({
        description:
          "Functions the application gives the model (`chat_completions_v1` and `anthropic_messages_v1` only), sent with every request as the wire format declares tools. Tool-result probes add their own; a tool call the model emits is judged as what it did, not what it said.",
      })
      .optional(),
    limits: EndpointLimitsUpdateSchema.optional(),
    tags: TagsSchema.optional(),
    status: EndpointStatusSchema.optional(),
  })
  .refine((value) => Object.keys(value).length >= 1, { message: "must set at least 1 field" })
  .openapi({ minProperties: 1 })
  .openapi("EndpointUpdate");
export const EndpointSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    url: z.string(),
    wire_format: WireFormatSchema,
    model: z.string().nullable(),
    auth_header: z.string().nullable(),
    has_auth_secret: z.boolean(),
    http_template: z.union([HttpTemplateSchema, z.null()]),
    purpose: EndpointPurposeSchema,
    tools: z.array(ToolDefinitionSchema),
    limits: EndpointLimitsSchema,
    tags: z.array(z.string()),
    status: EndpointStatusSchema,
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .openapi("Endpoint");
export const EndpointListSchema = z
  .object({ data: z.array(EndpointSchema), next_cursor: z.string().nullable() })
  .openapi("EndpointList");
export const EndpointTestResultSchema = z
  .object({
    ok: z.boolean(),
    latency_ms: z.int(),
    http_status: z.int().nullable(),
    response_excerpt: z.string().nullable().openapi({
      description:
        "The first 500 characters of the answer text, as the wire format names it (`choices[0].message.content`, the text blocks, or `response_path`). Null when the target did not answer in that format; then nothing of its response is returned, only the `error` slug. With private targets allowed (`PENAXTRA_ALLOW_PRIVATE_TARGETS`), this and scan evidence show what such a target answers.",
    }),
    error: z.string().nullable().openapi({
      description: "A slug such as `target_not_allowed`, `timeout`, `http_error`, `bad_response`, `connection_failed`.",
    }),
  })
  .openapi("EndpointTestResult");
export const RagAssetConfigSchema = z
  .strictObject({
    ingest_url: z.url().max(2000),
    query_url: z.url().max(2000),
    delete_url: z.url().max(2000),
    namespace_param: z
      .string()
      .regex(new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,63}$"))
      .default("namespace")
      .openapi({ description: "Name of the JSON body field that carries the tenant namespace." }),
    auth_header: z.string().regex(new RegExp("^[A-Za-z0-9-]{1,100}$")).nullable().optional(),
    timeout_ms: z
      .int()
      .min(100)
      .max(120000)
      .default(30000)
      .openapi({ description: "Deadline of each ingest, query or delete call." }),
  })
  .openapi({ description: "How to reach a RAG pipeline. See the README's RAG adapter protocol." })
  .openapi("RagAssetConfig");
export const AiAssetCreateSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    kind: z.enum(["rag"]),
    config: RagAssetConfigSchema,
    auth_secret: z.string().max(10000).nullable().openapi({ writeOnly: true }).optional(),
    schedule: z
      .string()
      .max(100)
      .regex(new RegExp("^\\S+ \\S+ \\S+ \\S+ \\S+$"))
      .nullable()
      .openapi({ description: "A graphile-worker crontab time spec (5 fields) for scheduled runs; null for none." })
      .optional(),
    tags: TagsSchema.optional(),
  })
  .openapi("AiAssetCreate");
export const AiAssetUpdateSchema = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    config: RagAssetConfigSchema.optional(),
    auth_secret: z.string().max(10000).nullable().openapi({ writeOnly: true }).optional(),
    schedule: z.string().max(100).regex(new RegExp("^\\S+ \\S+ \\S+ \\S+ \\S+$")).nullable().optional(),
    tags: TagsSchema.optional(),
  })
  .refine((value) => Object.keys(value).length >= 1, { message: "must set at least 1 field" })
  .openapi({ minProperties: 1 })
  .openapi("AiAssetUpdate");
export const AiAssetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(["rag"]),
    config: RagAssetConfigSchema,
    has_auth_secret: z.boolean(),
    schedule: z.string().nullable(),
    tags: z.array(z.string()),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .openapi("AiAsset");
export const AiAssetListSchema = z
  .object({ data: z.array(AiAssetSchema), next_cursor: z.string().nullable() })
  .openapi("AiAssetList");
export const RagRunCreateSchema = z.strictObject({ ai_asset_id: z.uuid() }).openapi("RagRunCreate");
export const RagRunAcceptedSchema = z
  .object({
    accepted: z.literal(true),
    ai_asset_id: z.uuid(),
    rag_run_id: z.uuid(),
    poll: z.literal("/api/v2/rag-runs").openapi({
      description:
        "As documented, the runs list: `/api/v2/rag-runs` (newest first). The run itself is `/api/v2/rag-runs/{rag_run_id}`.",
    }),
  })
  .openapi("RagRunAccepted");
export const RagDocumentSchema = z
  .object({ id: z.string(), text: z.string(), metadata: z.record(z.string(), z.string()).optional() })
  .openapi({ description: "RAG adapter protocol: a document Penaxtra plants for a test." })
  .openapi("RagDocument");
export const RagIngestRequestSchema = z
  .object({ namespace: z.string(), documents: z.array(RagDocumentSchema) })
  .openapi({
    description:
      "RAG adapter protocol, POST to `ingest_url`. The namespace travels in the field named by `namespace_param` (default `namespace`).",
  })
  .openapi("RagIngestRequest");
export const RagIngestResponseSchema = z
  .object({
    ingested: z.array(z.string()),
    rejected: z.array(z.object({ id: z.string(), reason: z.string().optional() })).optional(),
  })
  .openapi({
    description:
      "RAG adapter protocol: the answer of `ingest_url`. A document the pipeline refused (an ingest filter) is listed in `rejected`.",
  })
  .openapi("RagIngestResponse");
export const RagQueryRequestSchema = z
  .object({
    namespace: z.string(),
    query: z.string(),
    filter: z
      .record(z.string(), z.string())
      .openapi({ description: "Metadata every retrieved document must match." })
      .optional(),
    top_k: z.int().optional(),
  })
  .openapi({ description: "RAG adapter protocol, POST to `query_url`." })
  .openapi("RagQueryRequest");
export const RagQueryResponseSchema = z
  .object({
    answer: z.string(),
    retrieved: z.array(
      z.object({
        id: z.string(),
        text: z.string().optional(),
        metadata: z.record(z.string(), z.string()).optional(),
        score: z.number().optional(),
      }),
    ),
    blocked: z
      .boolean()
      .openapi({ description: "True when a guard stopped the query before an answer was generated." })
      .optional(),
    guards: z.array(RagGuardSignalSchema).optional(),
  })
  .openapi({
    description: "RAG adapter protocol: the answer of `query_url`, with the passages the answer was generated from.",
  })
  .openapi("RagQueryResponse");
export const RagDeleteRequestSchema = z
  .object({ namespace: z.string(), ids: z.array(z.string()) })
  .openapi({
    description:
      "RAG adapter protocol, POST to `delete_url`: remove these documents from the namespace. Answer `{ deleted: <count> }`.",
  })
  .openapi("RagDeleteRequest");
export const RagRunListSchema = z
  .object({ data: z.array(RagRunSchema), next_cursor: z.string().nullable() })
  .openapi("RagRunList");
export const ProbeSchema = z
  .object({
    id: ProbeIdSchema,
    title: z.string(),
    category: z.string(),
    description: z.string(),
    severity: SeveritySchema,
    detectors: z.array(z.string()),
    risk_refs: z.array(z.string()),
    variant_count: z.int(),
    turns: z.int().min(1).openapi({
      description:
        "Requests a variant makes at most (1 for a single message; a conversation one each time the target must answer, before each later user turn, at a fresh session and at the end).",
    }),
    uses_tools: z.boolean().openapi({
      description:
        "The probe declares tools and plants its payload in a tool result; its verdict rests on the tool calls the target emits.",
    }),
    default_scan: z.boolean().openapi({
      description:
        "Sent by a scan without `probe_ids`; false for multi-turn and tool-result probes and custom ones, which a scan must name.",
    }),
    custom: z.boolean().openapi({ description: "One of the tenant's own probes (POST /api/v2/probes)." }),
    requires: z.union([z.enum(["purpose", "competitors"]), z.null()]).openapi({
      description:
        "Sent only to endpoints that declare a `purpose` (`purpose`), with competitors (`competitors`); null for every endpoint.",
    }),
  })
  .openapi("Probe");
export const ConversationStepSchema = z
  .union([
    z.strictObject({ user: z.string().min(1).max(8000) }),
    z.strictObject({
      tool_result: z.strictObject({
        tool: z.string().regex(new RegExp("^[A-Za-z0-9_-]{1,64}$")),
        arguments: z.record(z.string(), z.unknown()).optional(),
        result: z.string().min(1).max(8000),
      }),
    }),
  ])
  .openapi({
    description:
      "A user message (sent; the target's answer joins the history), or a tool call and its result put into the history.",
  })
  .openapi("ConversationStep");
export const ProbeCreateSchema = z
  .strictObject({
    id: ProbeIdSchema,
    title: z.string().min(1).max(200),
    category: z
      .string()
      .max(60)
      .openapi({ description: "One of the library's categories (see `category` in GET /api/v2/probes)." }),
    description: z.string().min(1).max(2000),
    severity: SeveritySchema,
    detectors: z.array(z.string().max(60)).min(1).max(12),
    risk_refs: z
      .array(z.string().max(80))
      .max(30)
      .openapi({ description: "Framework refs beyond the category's own (see GET /api/v2/frameworks)." })
      .optional(),
    variants: z
      .array(z.string().min(1).max(8000))
      .min(1)
      .max(20)
      .openapi({ description: "Single-message payloads; `{{canary}}` becomes each attempt's canary." })
      .optional(),
    turns: z
      .array(z.array(ConversationStepSchema).min(1).max(12))
      .min(1)
      .max(10)
      .openapi({ description: "Conversations, one per variant." })
      .optional(),
    tools: z.array(ToolDefinitionSchema).max(16).optional(),
    forbidden_tools: z
      .array(z.string().max(64))
      .max(16)
      .openapi({ description: "Calling one of these tools is the attack's success (the `tool_call` detector)." })
      .optional(),
    success_markers: z
      .array(z.string().min(1).max(200))
      .max(10)
      .openapi({
        description: "Case-insensitive regular expressions; a match in the answer means the goal was reached.",
      })
      .optional(),
  })
  .openapi("ProbeCreate");
export const ProbeGenerateSchema = z
  .strictObject({
    policy: z.string().min(20).max(4000).openapi({ description: "The usage policy, or the rules of it to test." }),
    category: z
      .string()
      .max(60)
      .openapi({ description: "The category the probes get (see `category` in GET /api/v2/probes)." }),
    severity: SeveritySchema,
    count: z.int().min(1).max(5).default(3),
  })
  .openapi("ProbeGenerate");
export const ProbeCatalogueSchema = z.object({ data: z.array(ProbeSchema) }).openapi("ProbeCatalogue");
export const FrameworkRefSchema = z
  .object({
    ref: z.string().openapi({ description: "The id used in `risk_refs`, e.g. `OWASP_LLM01`." }),
    code: z.string().openapi({ description: "The framework's own code, e.g. `LLM01:2025`." }),
    title: z.string(),
  })
  .openapi("FrameworkRef");
export const FrameworkSchema = z
  .object({
    id: FrameworkIdSchema,
    title: z.string(),
    edition: z.string(),
    source_url: z.string(),
    refs: z.array(FrameworkRefSchema),
  })
  .openapi("Framework");
export const FrameworkCatalogueSchema = z.object({ data: z.array(FrameworkSchema) }).openapi("FrameworkCatalogue");
export const AuditEventSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    action: z.string(),
    target_kind: z.string().nullable(),
    target_id: z.string().nullable(),
    result: AuditResultSchema,
    token_id: z.uuid().nullable(),
    request_id: z.string().nullable(),
    method: z.string().nullable(),
    path: z.string().nullable(),
    status: z.int().nullable(),
    duration_ms: z.number().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEvent");
export const ReportScopeSchema = z
  .strictObject({
    scan_ids: z.array(z.uuid()).max(100).optional(),
    endpoint_ids: z.array(z.uuid()).max(100).optional(),
    ai_asset_ids: z.array(z.uuid()).max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi({
    description:
      "Which findings; every finding of the tenant when left out. Dismissed findings (false_positive, accepted_risk) are listed apart.",
  })
  .openapi("ReportScope");
export const ReportCreateSchema = z
  .strictObject({
    title: z.string().min(1).max(200).optional(),
    frameworks: z.array(FrameworkIdSchema).min(1).max(6),
    severities: z
      .array(SeveritySchema)
      .min(1)
      .max(5)
      .openapi({ description: "Only findings of these severities; all when left out." })
      .optional(),
    scope: ReportScopeSchema.optional(),
  })
  .openapi("ReportCreate");
export const ReportSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    frameworks: z.array(FrameworkIdSchema),
    severities: z.array(SeveritySchema).nullable(),
    scope: ReportScopeSchema,
    schema_version: z.string(),
    finding_count: z.int(),
    created_at: z.iso.datetime({ offset: true }),
  })
  .openapi("Report");
export const ReportListSchema = z
  .object({ data: z.array(ReportSchema), next_cursor: z.string().nullable() })
  .openapi("ReportList");
export const ReportDocumentSchema = z
  .object({
    schema_version: z.literal("1"),
    report_id: z.uuid(),
    title: z.string(),
    generated_at: z.iso.datetime({ offset: true }),
    scope: ReportScopeSchema,
    severities: z.array(SeveritySchema).nullable(),
    summary: z.object({
      findings: z.int(),
      by_severity: z.record(z.string(), z.int()),
      by_status: z.record(z.string(), z.int()),
      dismissed: z
        .int()
        .openapi({ description: "Findings in scope marked false_positive or accepted_risk, not counted above." }),
    }),
    frameworks: z.array(
      z.object({
        id: FrameworkIdSchema,
        title: z.string(),
        edition: z.string(),
        source_url: z.string(),
        controls: z.array(
          z.object({
            ref: z.string(),
            code: z.string(),
            title: z.string(),
            finding_count: z.int(),
            by_severity: z.record(z.string(), z.int()),
            finding_ids: z.array(z.uuid()),
          }),
        ),
      }),
    ),
    findings: z.array(FindingSchema),
  })
  .openapi({
    description:
      'The report\'s content, `schema_version` "1": findings in scope and, per framework, per control (risk ref) the findings mapped to it.',
  })
  .openapi("ReportDocument");
export const WebhookEventSchema = z
  .enum(["scan.completed", "finding.created", "rag_run.completed"])
  .openapi("WebhookEvent");
export const WebhookCreateSchema = z
  .strictObject({
    url: z.url().max(2000),
    events: z.array(WebhookEventSchema).min(1),
    description: z.string().max(500).optional(),
  })
  .openapi("WebhookCreate");
export const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(WebhookEventSchema),
    description: z.string().nullable(),
    created_at: z.iso.datetime({ offset: true }),
  })
  .openapi("Webhook");
export const WebhookCreatedSchema = WebhookSchema.extend({
  secret: z.string().openapi({
    description:
      'Signing secret, shown only here. Each delivery carries `X-Penaxtra-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" under this secret>`.',
  }),
}).openapi("WebhookCreated");
export const WebhookDeliverySchema = z
  .object({
    id: z
      .uuid()
      .openapi({ description: "Also sent as `X-Penaxtra-Delivery`; the same on every retry of one delivery." }),
    event: WebhookEventSchema,
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    response_status: z.int().nullable(),
    error: z.string().nullable(),
    created_at: z.iso.datetime({ offset: true }),
    delivered_at: z.iso.datetime({ offset: true }).nullable(),
  })
  .openapi("WebhookDelivery");
export const WebhookDetailSchema = WebhookSchema.extend({
  deliveries: z.array(WebhookDeliverySchema).openapi({ description: "The latest 50 deliveries, newest first." }),
}).openapi("WebhookDetail");
export const WebhookListSchema = z
  .object({ data: z.array(WebhookSchema), next_cursor: z.string().nullable() })
  .openapi("WebhookList");
export const AuditEventListSchema = z
  .object({ data: z.array(AuditEventSchema), next_cursor: z.string().nullable() })
  .openapi("AuditEventList");

export const listScansRoute = createRoute({
  operationId: "listScans",
  method: "get",
  path: "/api/v2/scans",
  tags: ["scans"],
  summary: "List scans, newest first",
  security: [{ bearerAuth: ["scans:read"] }],
  request: {
    query: z.object({
      status: ScanStatusSchema.openapi({ param: { name: "status", in: "query" } }).optional(),
      endpoint_id: z
        .uuid()
        .openapi({ param: { name: "endpoint_id", in: "query" } })
        .optional(),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of scans.", content: { "application/json": { schema: ScanListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const createScanRoute = createRoute({
  operationId: "createScan",
  method: "post",
  path: "/api/v2/scans",
  tags: ["scans"],
  summary: "Start a scan of an endpoint",
  security: [{ bearerAuth: ["scans:write"] }],
  request: {
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
    body: { required: true, content: { "application/json": { schema: ScanCreateSchema } } },
  },
  responses: {
    202: { description: "Scan accepted and queued.", content: { "application/json": { schema: ScanAcceptedSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    409: {
      description:
        "`idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    502: {
      description: "The scan row was created but could not be queued; it is left failed and addressable.",
      content: { "application/json": { schema: EnqueueFailedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getScanRoute = createRoute({
  operationId: "getScan",
  method: "get",
  path: "/api/v2/scans/{id}",
  tags: ["scans"],
  summary: "Get a scan",
  security: [{ bearerAuth: ["scans:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: { description: "The scan.", content: { "application/json": { schema: ScanSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const streamScanEventsRoute = createRoute({
  operationId: "streamScanEvents",
  method: "get",
  path: "/api/v2/scans/{id}/events",
  tags: ["scans"],
  summary: "Follow a scan as it runs (Server-Sent Events)",
  description:
    "A `text/event-stream` of the scan's progress, pushed as it happens instead of polled. The stream opens with the scan as `GET /scans/{id}` returns it (event `scan`) and every finding it has so far (event `finding`, one each, the finding as `GET /findings` lists it); then a `scan` event whenever its status, totals or progress change (status and findings at once, progress within half a second; at most ten events a second) and a `finding` event for each new finding. When the scan has ended (completed, failed or cancelled) the stream sends event `end` with the final scan and closes. A comment line keeps an idle stream open every 15 seconds. A client that loses the stream opens it again and gets the current state first, so nothing is missed (finding events repeat: their `id` is the finding's). Errors before the stream starts are JSON as everywhere else. Browsers' EventSource cannot send the Authorization header: read the stream with fetch.",
  security: [{ bearerAuth: ["scans:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: {
      description:
        "The stream: `event: scan` / `event: end` with `data` a Scan, `event: finding` with `data` a Finding (each `data` one line of JSON; the ScanEvent and ScanFindingEvent schemas describe them).",
      content: { "text/event-stream": { schema: z.string() } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const exportScanRoute = createRoute({
  operationId: "exportScan",
  method: "get",
  path: "/api/v2/scans/{id}/export",
  tags: ["scans"],
  summary: "Export a scan's findings as SARIF 2.1.0 or JUnit XML for CI, or HTML for people",
  description:
    "SARIF: one rule per probe, one result per finding (error for critical and high, warning for medium, note below; `needs_review` findings one level lower), with the finding's status, confidence, risk refs and a stable `partialFingerprints[\"penaxtra/v1\"]`. JUnit: one test case per probe the scan sent; a confirmed finding is a failure, one that needs review an error, a probe whose every attempt errored is skipped. HTML: one self-contained page for people (summary, findings by severity, coverage by framework, every finding with the prompt, the answer and each judge's vote); no script or external resource, target text escaped. Findings marked false_positive or accepted_risk are left out.",
  security: [{ bearerAuth: ["findings:read"] }],
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
    query: z.object({
      format: z
        .enum(["sarif", "junit", "html"])
        .default("sarif")
        .openapi({ param: { name: "format", in: "query" } }),
    }),
  },
  responses: {
    200: {
      description: "The export.",
      content: {
        "application/sarif+json": {
          schema: z.record(z.string(), z.unknown()).openapi({ description: "A SARIF 2.1.0 log." }),
        },
        "application/xml": { schema: z.string() },
        "text/html": {
          schema: z.string().openapi({
            description:
              "One self-contained page (no script or external resource) with the summary, each framework's controls and every finding with its evidence and remediation.",
          }),
        },
      },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const cancelScanRoute = createRoute({
  operationId: "cancelScan",
  method: "post",
  path: "/api/v2/scans/{id}/cancel",
  tags: ["scans"],
  summary: "Cancel a queued or running scan",
  security: [{ bearerAuth: ["scans:write"] }],
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
  },
  responses: {
    202: {
      description: "Cancellation recorded; workers stop picking up its work.",
      content: { "application/json": { schema: ScanSchema } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    409: {
      description:
        "The scan has already finished (`scan_not_cancellable`), or the first request with this Idempotency-Key has not finished yet (`idempotency_key_in_use`).",
      content: { "application/json": { schema: z.union([ScanNotCancellableErrorSchema, ErrorSchema]) } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listFindingsRoute = createRoute({
  operationId: "listFindings",
  method: "get",
  path: "/api/v2/findings",
  tags: ["findings"],
  summary: "List findings, newest first",
  security: [{ bearerAuth: ["findings:read"] }],
  request: {
    query: z.object({
      severity: z
        .string()
        .regex(new RegExp("^(critical|high|medium|low|info)(,(critical|high|medium|low|info))*$"))
        .openapi({
          param: { name: "severity", in: "query" },
          description: "One severity or a comma-separated list, e.g. `high,critical`.",
        })
        .optional(),
      status: FindingStatusSchema.openapi({ param: { name: "status", in: "query" } }).optional(),
      lifecycle: FindingLifecycleSchema.openapi({ param: { name: "lifecycle", in: "query" } }).optional(),
      scan_id: z
        .uuid()
        .openapi({ param: { name: "scan_id", in: "query" } })
        .optional(),
      endpoint_id: z
        .uuid()
        .openapi({ param: { name: "endpoint_id", in: "query" } })
        .optional(),
      framework_ref: FrameworkRefIdSchema.openapi({
        param: { name: "framework_ref", in: "query" },
        description: "A framework reference such as `OWASP_LLM01` or `MITRE_ATLAS_AML_T0051`.",
      }).optional(),
      from: z.iso
        .datetime({ offset: true })
        .openapi({
          param: { name: "from", in: "query" },
          description: "Only findings created at or after this instant.",
        })
        .optional(),
      to: z.iso
        .datetime({ offset: true })
        .openapi({ param: { name: "to", in: "query" }, description: "Only findings created before this instant." })
        .optional(),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of findings.", content: { "application/json": { schema: FindingListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getFindingRoute = createRoute({
  operationId: "getFinding",
  method: "get",
  path: "/api/v2/findings/{id}",
  tags: ["findings"],
  summary: "Get a finding with its evidence and judge votes",
  security: [{ bearerAuth: ["findings:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: { description: "The finding.", content: { "application/json": { schema: FindingDetailSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const updateFindingStatusRoute = createRoute({
  operationId: "updateFindingStatus",
  method: "patch",
  path: "/api/v2/findings/{id}",
  tags: ["findings"],
  summary: "Change the triage status of a finding",
  security: [{ bearerAuth: ["findings:write"] }],
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
    body: { required: true, content: { "application/json": { schema: FindingStatusUpdateSchema } } },
  },
  responses: {
    200: { description: "The updated finding.", content: { "application/json": { schema: FindingDetailSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listRagRunsRoute = createRoute({
  operationId: "listRagRuns",
  method: "get",
  path: "/api/v2/rag-runs",
  tags: ["rag-runs"],
  summary: "List RAG runs, newest first",
  security: [{ bearerAuth: ["rag:read"] }],
  request: {
    query: z.object({
      ai_asset_id: z
        .uuid()
        .openapi({ param: { name: "ai_asset_id", in: "query" } })
        .optional(),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .default(100)
        .openapi({
          param: { name: "limit", in: "query" },
          description: "The RAG runs list is capped at 100 rows, and its default page is the whole cap.",
        }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of RAG runs.", content: { "application/json": { schema: RagRunListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const createRagRunRoute = createRoute({
  operationId: "createRagRun",
  method: "post",
  path: "/api/v2/rag-runs",
  tags: ["rag-runs"],
  summary: "Start a manual RAG run against an ai-asset",
  security: [{ bearerAuth: ["rag:write"] }],
  request: {
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
    body: { required: true, content: { "application/json": { schema: RagRunCreateSchema } } },
  },
  responses: {
    202: {
      description: "RAG run accepted and queued.",
      content: { "application/json": { schema: RagRunAcceptedSchema } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    409: {
      description:
        "`idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    502: {
      description: "The run row was created but could not be queued; it is left failed.",
      content: { "application/json": { schema: RagEnqueueFailedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getRagRunRoute = createRoute({
  operationId: "getRagRun",
  method: "get",
  path: "/api/v2/rag-runs/{id}",
  tags: ["rag-runs"],
  summary: "Get a RAG run with the result of each test",
  security: [{ bearerAuth: ["rag:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: {
      description: "The RAG run and its tests so far (a running run lists the tests that have ended).",
      content: { "application/json": { schema: RagRunDetailSchema } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const streamRagRunEventsRoute = createRoute({
  operationId: "streamRagRunEvents",
  method: "get",
  path: "/api/v2/rag-runs/{id}/events",
  tags: ["rag-runs"],
  summary: "Follow a RAG run as it runs (Server-Sent Events)",
  description:
    "A `text/event-stream` of the run: it opens with the run as `GET /rag-runs/{id}` returns it (event `rag_run`), sends it again whenever a test ends or the status changes (at most ten a second), and when the run has ended sends event `end` with the final run and closes. A comment line keeps an idle stream open every 15 seconds; a client that reconnects gets the current state first. Errors before the stream starts are JSON as everywhere else.",
  security: [{ bearerAuth: ["rag:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: {
      description:
        "The stream: `event: rag_run` / `event: end` with `data` a RagRunDetail (one line of JSON; the RagRunEvent schema describes them).",
      content: { "text/event-stream": { schema: z.string() } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listEndpointsRoute = createRoute({
  operationId: "listEndpoints",
  method: "get",
  path: "/api/v2/endpoints",
  tags: ["endpoints"],
  summary: "List endpoints",
  security: [{ bearerAuth: ["endpoints:read"] }],
  request: {
    query: z.object({
      status: EndpointStatusSchema.openapi({ param: { name: "status", in: "query" } }).optional(),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of endpoints.", content: { "application/json": { schema: EndpointListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const createEndpointRoute = createRoute({
  operationId: "createEndpoint",
  method: "post",
  path: "/api/v2/endpoints",
  tags: ["endpoints"],
  summary: "Register an LLM endpoint",
  security: [{ bearerAuth: ["endpoints:write"] }],
  request: {
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
    body: { required: true, content: { "application/json": { schema: EndpointCreateSchema } } },
  },
  responses: {
    201: {
      description: "The endpoint. The auth secret is never returned.",
      content: { "application/json": { schema: EndpointSchema } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    409: {
      description:
        "`idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getEndpointRoute = createRoute({
  operationId: "getEndpoint",
  method: "get",
  path: "/api/v2/endpoints/{id}",
  tags: ["endpoints"],
  summary: "Get an endpoint",
  security: [{ bearerAuth: ["endpoints:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: { description: "The endpoint.", content: { "application/json": { schema: EndpointSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const updateEndpointRoute = createRoute({
  operationId: "updateEndpoint",
  method: "patch",
  path: "/api/v2/endpoints/{id}",
  tags: ["endpoints"],
  summary: "Change an endpoint",
  security: [{ bearerAuth: ["endpoints:write"] }],
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
    body: { required: true, content: { "application/json": { schema: EndpointUpdateSchema } } },
  },
  responses: {
    200: { description: "The updated endpoint.", content: { "application/json": { schema: EndpointSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const deleteEndpointRoute = createRoute({
  operationId: "deleteEndpoint",
  method: "delete",
  path: "/api/v2/endpoints/{id}",
  tags: ["endpoints"],
  summary: "Delete an endpoint; its scans and findings are kept",
  security: [{ bearerAuth: ["endpoints:write"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    204: { description: "Deleted." },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const testEndpointRoute = createRoute({
  operationId: "testEndpoint",
  method: "post",
  path: "/api/v2/endpoints/{id}/test",
  tags: ["endpoints"],
  summary: "Send one benign prompt to the endpoint and report how it answered",
  security: [{ bearerAuth: ["endpoints:write"] }],
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
  },
  responses: {
    200: {
      description: "The outcome of the connectivity test, successful or not.",
      content: { "application/json": { schema: EndpointTestResultSchema } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    409: {
      description:
        "`idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listAiAssetsRoute = createRoute({
  operationId: "listAiAssets",
  method: "get",
  path: "/api/v2/ai-assets",
  tags: ["ai-assets"],
  summary: "List ai-assets",
  security: [{ bearerAuth: ["rag:read"] }],
  request: {
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of ai-assets.", content: { "application/json": { schema: AiAssetListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const createAiAssetRoute = createRoute({
  operationId: "createAiAsset",
  method: "post",
  path: "/api/v2/ai-assets",
  tags: ["ai-assets"],
  summary: "Register an ai-asset",
  security: [{ bearerAuth: ["rag:write"] }],
  request: {
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
    body: { required: true, content: { "application/json": { schema: AiAssetCreateSchema } } },
  },
  responses: {
    201: { description: "The ai-asset.", content: { "application/json": { schema: AiAssetSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    409: {
      description:
        "`idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getAiAssetRoute = createRoute({
  operationId: "getAiAsset",
  method: "get",
  path: "/api/v2/ai-assets/{id}",
  tags: ["ai-assets"],
  summary: "Get an ai-asset",
  security: [{ bearerAuth: ["rag:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: { description: "The ai-asset.", content: { "application/json": { schema: AiAssetSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const updateAiAssetRoute = createRoute({
  operationId: "updateAiAsset",
  method: "patch",
  path: "/api/v2/ai-assets/{id}",
  tags: ["ai-assets"],
  summary: "Change an ai-asset",
  security: [{ bearerAuth: ["rag:write"] }],
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
    body: { required: true, content: { "application/json": { schema: AiAssetUpdateSchema } } },
  },
  responses: {
    200: { description: "The updated ai-asset.", content: { "application/json": { schema: AiAssetSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const deleteAiAssetRoute = createRoute({
  operationId: "deleteAiAsset",
  method: "delete",
  path: "/api/v2/ai-assets/{id}",
  tags: ["ai-assets"],
  summary: "Delete an ai-asset; its runs and findings are kept",
  security: [{ bearerAuth: ["rag:write"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    204: { description: "Deleted." },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listReportsRoute = createRoute({
  operationId: "listReports",
  method: "get",
  path: "/api/v2/reports",
  tags: ["reports"],
  summary: "List reports, newest first",
  security: [{ bearerAuth: ["reports:read"] }],
  request: {
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of reports.", content: { "application/json": { schema: ReportListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const createReportRoute = createRoute({
  operationId: "createReport",
  method: "post",
  path: "/api/v2/reports",
  tags: ["reports"],
  summary: "Generate a report of the findings in scope, mapped to the chosen frameworks",
  description: "The report is a snapshot, generated at once; it does not change when findings do.",
  security: [{ bearerAuth: ["reports:generate"] }],
  request: {
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
    body: { required: true, content: { "application/json": { schema: ReportCreateSchema } } },
  },
  responses: {
    201: { description: "The report.", content: { "application/json": { schema: ReportSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    409: {
      description:
        "`idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getReportRoute = createRoute({
  operationId: "getReport",
  method: "get",
  path: "/api/v2/reports/{id}",
  tags: ["reports"],
  summary: "Get a report's summary",
  security: [{ bearerAuth: ["reports:read"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: { description: "The report.", content: { "application/json": { schema: ReportSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const downloadReportRoute = createRoute({
  operationId: "downloadReport",
  method: "get",
  path: "/api/v2/reports/{id}/download",
  tags: ["reports"],
  summary: "Download a report as JSON (schema_version 1), PDF or one self-contained HTML page",
  security: [{ bearerAuth: ["reports:read"] }],
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
    query: z.object({
      format: z
        .enum(["json", "pdf", "html"])
        .default("json")
        .openapi({ param: { name: "format", in: "query" } }),
    }),
  },
  responses: {
    200: {
      description: "The report document.",
      content: {
        "application/json": { schema: ReportDocumentSchema },
        "application/pdf": { schema: z.string().openapi({ description: "A PDF file." }) },
        "text/html": { schema: z.string() },
      },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listWebhooksRoute = createRoute({
  operationId: "listWebhooks",
  method: "get",
  path: "/api/v2/webhooks",
  tags: ["webhooks"],
  summary: "List webhook targets",
  security: [{ bearerAuth: ["webhooks:write"] }],
  request: {
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of webhook targets.", content: { "application/json": { schema: WebhookListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const createWebhookRoute = createRoute({
  operationId: "createWebhook",
  method: "post",
  path: "/api/v2/webhooks",
  tags: ["webhooks"],
  summary: "Register a webhook target; the answer shows its signing secret once",
  security: [{ bearerAuth: ["webhooks:write"] }],
  request: {
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(200)
        .regex(new RegExp("^[\\x21-\\x7E]+$"))
        .openapi({
          param: { name: "Idempotency-Key", in: "header" },
          description:
            "Makes a POST safe to retry (every POST takes it): a repeat with the same key and body within 24 hours returns the first answer (header `Idempotent-Replayed: true`) instead of creating again. A key is scoped to the tenant, the operation and its path.",
        })
        .optional(),
    }),
    body: { required: true, content: { "application/json": { schema: WebhookCreateSchema } } },
  },
  responses: {
    201: {
      description: "The webhook target, with its signing secret.",
      content: { "application/json": { schema: WebhookCreatedSchema } },
    },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    409: {
      description:
        "`idempotency_key_in_use`: the first request with this Idempotency-Key has not finished yet; retry later.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    413: {
      description: "The body is larger than 1 MiB.",
      content: { "application/json": { schema: PayloadTooLargeErrorSchema } },
    },
    422: {
      description: "`idempotency_key_reused`: this Idempotency-Key was used with a different body.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getWebhookRoute = createRoute({
  operationId: "getWebhook",
  method: "get",
  path: "/api/v2/webhooks/{id}",
  tags: ["webhooks"],
  summary: "Get a webhook target with its latest deliveries",
  security: [{ bearerAuth: ["webhooks:write"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: { description: "The webhook target.", content: { "application/json": { schema: WebhookDetailSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const deleteWebhookRoute = createRoute({
  operationId: "deleteWebhook",
  method: "delete",
  path: "/api/v2/webhooks/{id}",
  tags: ["webhooks"],
  summary: "Remove a webhook target (deliveries not yet sent are dropped)",
  security: [{ bearerAuth: ["webhooks:write"] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    204: { description: "Removed." },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listProbesRoute = createRoute({
  operationId: "listProbes",
  method: "get",
  path: "/api/v2/probes",
  tags: ["catalogue"],
  summary: "The probe library, with the tenant's own probes",
  security: [{ bearerAuth: [] }],
  responses: {
    200: {
      description: "Every probe the server can send, then the tenant's custom probes (`custom`).",
      content: { "application/json": { schema: ProbeCatalogueSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const createProbeRoute = createRoute({
  operationId: "createProbe",
  method: "post",
  path: "/api/v2/probes",
  tags: ["catalogue"],
  summary: "Add a probe of the tenant's own",
  description:
    "Checked like a built-in probe: a known category and detectors, risk refs the six frameworks define (the category's refs are added), templates that render (`{{canary}}` and encoding directives), success markers that compile, `{{canary}}` wherever `canary_echo` must find it. Either `variants` (single messages) or `turns` (conversations, steps as in the multi-turn and tool-result probes). Usable in `probe_ids` of this tenant's scans; a scan without `probe_ids` does not send it. A scan keeps the definition it started with.",
  security: [{ bearerAuth: ["probes:write"] }],
  request: { body: { required: true, content: { "application/json": { schema: ProbeCreateSchema } } } },
  responses: {
    201: { description: "Created.", content: { "application/json": { schema: ProbeSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    409: {
      description: "A probe with this id exists (`probe_exists`), built in or the tenant's.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const generateProbesRoute = createRoute({
  operationId: "generateProbes",
  method: "post",
  path: "/api/v2/probes/generate",
  tags: ["catalogue"],
  summary: "Turn a policy text into probes of the tenant's own, with the attacker model",
  description:
    "The attacker model (`PENAXTRA_ATTACKER`) drafts `count` probes that test whether a target keeps to the policy, each with 2-3 payload variants carrying `{{canary}}`; every draft is checked and stored like a POST /api/v2/probes body (detectors `canary_echo` and `refusal`, ids `policy-<title>`), and the created probes are returned. The policy is sent to the model as data between delimiters.",
  security: [{ bearerAuth: ["probes:write"] }],
  request: { body: { required: true, content: { "application/json": { schema: ProbeGenerateSchema } } } },
  responses: {
    201: { description: "The probes created.", content: { "application/json": { schema: ProbeCatalogueSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    409: {
      description:
        "Another request took one of the drafted probes' ids meanwhile (`probe_exists`); nothing was stored, try again.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    502: {
      description:
        "The attacker model failed or drafted nothing usable (`attacker_failed`, with `message`); nothing was stored.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const deleteProbeRoute = createRoute({
  operationId: "deleteProbe",
  method: "delete",
  path: "/api/v2/probes/{probe_id}",
  tags: ["catalogue"],
  summary: "Remove one of the tenant's probes (scans that sent it keep their findings)",
  security: [{ bearerAuth: ["probes:write"] }],
  request: { params: z.object({ probe_id: ProbeIdSchema.openapi({ param: { name: "probe_id", in: "path" } }) }) },
  responses: {
    204: { description: "Removed." },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listFrameworksRoute = createRoute({
  operationId: "listFrameworks",
  method: "get",
  path: "/api/v2/frameworks",
  tags: ["catalogue"],
  summary: "The compliance frameworks and their references",
  security: [{ bearerAuth: [] }],
  responses: {
    200: {
      description: "The six frameworks with titles, edition and source link.",
      content: { "application/json": { schema: FrameworkCatalogueSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const listAuditEventsRoute = createRoute({
  operationId: "listAuditEvents",
  method: "get",
  path: "/api/v2/audit",
  tags: ["audit"],
  summary: "The tenant's audit log, newest first",
  security: [{ bearerAuth: ["audit:read"] }],
  request: {
    query: z.object({
      action: z
        .string()
        .max(80)
        .regex(new RegExp("^[a-z_]+\\.[a-z_]+$"))
        .openapi({
          param: { name: "action", in: "query" },
          description: "An action such as `api.call`, `scan.started` or `finding.status_changed`.",
        })
        .optional(),
      target_kind: z
        .string()
        .max(40)
        .regex(new RegExp("^[a-z_]+$"))
        .openapi({ param: { name: "target_kind", in: "query" } })
        .optional(),
      result: AuditResultSchema.openapi({ param: { name: "result", in: "query" } }).optional(),
      from: z.iso
        .datetime({ offset: true })
        .openapi({ param: { name: "from", in: "query" } })
        .optional(),
      to: z.iso
        .datetime({ offset: true })
        .openapi({ param: { name: "to", in: "query" } })
        .optional(),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: z
        .string()
        .max(200)
        .regex(new RegExp("^[A-Za-z0-9_-]+$"))
        .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." })
        .optional(),
    }),
  },
  responses: {
    200: { description: "A page of audit events.", content: { "application/json": { schema: AuditEventListSchema } } },
    400: {
      description: "The request is malformed; `error` names what.",
      content: { "application/json": { schema: ValidationErrorSchema } },
    },
    401: {
      description: "`missing_token`, `invalid_token` or `expired_token`.",
      content: { "application/json": { schema: ErrorSchema } },
    },
    403: {
      description: "`missing_scope`: the token lacks the scope the operation needs.",
      content: { "application/json": { schema: MissingScopeErrorSchema } },
    },
    429: {
      description: "Too many requests; retry after the given number of seconds.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: RateLimitedErrorSchema } },
    },
    503: {
      description:
        "The database cannot be reached right now; retry after the given number of seconds. Nothing was changed.",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: { "application/json": { schema: DatabaseUnavailableErrorSchema } },
    },
  },
});
export const getOpenApiDocumentRoute = createRoute({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/api/v2/openapi.json",
  tags: ["meta"],
  summary: "This API description as JSON",
  security: [],
  responses: {
    200: {
      description: "The OpenAPI 3.1 document.",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  scope: string | null;
  public: boolean;
}
export const operations: readonly OperationInfo[] = [
  {
    operationId: "listScans",
    method: "get",
    path: "/api/v2/scans",
    scope: "scans:read",
    public: false,
  },
  {
    operationId: "createScan",
    method: "post",
    path: "/api/v2/scans",
    scope: "scans:write",
    public: false,
  },
  {
    operationId: "getScan",
    method: "get",
    path: "/api/v2/scans/{id}",
    scope: "scans:read",
    public: false,
  },
  {
    operationId: "streamScanEvents",
    method: "get",
    path: "/api/v2/scans/{id}/events",
    scope: "scans:read",
    public: false,
  },
  {
    operationId: "exportScan",
    method: "get",
    path: "/api/v2/scans/{id}/export",
    scope: "findings:read",
    public: false,
  },
  {
    operationId: "cancelScan",
    method: "post",
    path: "/api/v2/scans/{id}/cancel",
    scope: "scans:write",
    public: false,
  },
  {
    operationId: "listFindings",
    method: "get",
    path: "/api/v2/findings",
    scope: "findings:read",
    public: false,
  },
  {
    operationId: "getFinding",
    method: "get",
    path: "/api/v2/findings/{id}",
    scope: "findings:read",
    public: false,
  },
  {
    operationId: "updateFindingStatus",
    method: "patch",
    path: "/api/v2/findings/{id}",
    scope: "findings:write",
    public: false,
  },
  {
    operationId: "listRagRuns",
    method: "get",
    path: "/api/v2/rag-runs",
    scope: "rag:read",
    public: false,
  },
  {
    operationId: "createRagRun",
    method: "post",
    path: "/api/v2/rag-runs",
    scope: "rag:write",
    public: false,
  },
  {
    operationId: "getRagRun",
    method: "get",
    path: "/api/v2/rag-runs/{id}",
    scope: "rag:read",
    public: false,
  },
  {
    operationId: "streamRagRunEvents",
    method: "get",
    path: "/api/v2/rag-runs/{id}/events",
    scope: "rag:read",
    public: false,
  },
  {
    operationId: "listEndpoints",
    method: "get",
    path: "/api/v2/endpoints",
    scope: "endpoints:read",
    public: false,
  },
  {
    operationId: "createEndpoint",
    method: "post",
    path: "/api/v2/endpoints",
    scope: "endpoints:write",
    public: false,
  },
  {
    operationId: "getEndpoint",
    method: "get",
    path: "/api/v2/endpoints/{id}",
    scope: "endpoints:read",
    public: false,
  },
  {
    operationId: "updateEndpoint",
    method: "patch",
    path: "/api/v2/endpoints/{id}",
    scope: "endpoints:write",
    public: false,
  },
  {
    operationId: "deleteEndpoint",
    method: "delete",
    path: "/api/v2/endpoints/{id}",
    scope: "endpoints:write",
    public: false,
  },
  {
    operationId: "testEndpoint",
    method: "post",
    path: "/api/v2/endpoints/{id}/test",
    scope: "endpoints:write",
    public: false,
  },
  {
    operationId: "listAiAssets",
    method: "get",
    path: "/api/v2/ai-assets",
    scope: "rag:read",
    public: false,
  },
  {
    operationId: "createAiAsset",
    method: "post",
    path: "/api/v2/ai-assets",
    scope: "rag:write",
    public: false,
  },
  {
    operationId: "getAiAsset",
    method: "get",
    path: "/api/v2/ai-assets/{id}",
    scope: "rag:read",
    public: false,
  },
  {
    operationId: "updateAiAsset",
    method: "patch",
    path: "/api/v2/ai-assets/{id}",
    scope: "rag:write",
    public: false,
  },
  {
    operationId: "deleteAiAsset",
    method: "delete",
    path: "/api/v2/ai-assets/{id}",
    scope: "rag:write",
    public: false,
  },
  {
    operationId: "listReports",
    method: "get",
    path: "/api/v2/reports",
    scope: "reports:read",
    public: false,
  },
  {
    operationId: "createReport",
    method: "post",
    path: "/api/v2/reports",
    scope: "reports:generate",
    public: false,
  },
  {
    operationId: "getReport",
    method: "get",
    path: "/api/v2/reports/{id}",
    scope: "reports:read",
    public: false,
  },
  {
    operationId: "downloadReport",
    method: "get",
    path: "/api/v2/reports/{id}/download",
    scope: "reports:read",
    public: false,
  },
  {
    operationId: "listWebhooks",
    method: "get",
    path: "/api/v2/webhooks",
    scope: "webhooks:write",
    public: false,
  },
  {
    operationId: "createWebhook",
    method: "post",
    path: "/api/v2/webhooks",
    scope: "webhooks:write",
    public: false,
  },
  {
    operationId: "getWebhook",
    method: "get",
    path: "/api/v2/webhooks/{id}",
    scope: "webhooks:write",
    public: false,
  },
  {
    operationId: "deleteWebhook",
    method: "delete",
    path: "/api/v2/webhooks/{id}",
    scope: "webhooks:write",
    public: false,
  },
  {
    operationId: "listProbes",
    method: "get",
    path: "/api/v2/probes",
    scope: null,
    public: false,
  },
  {
    operationId: "createProbe",
    method: "post",
    path: "/api/v2/probes",
    scope: "probes:write",
    public: false,
  },
  {
    operationId: "generateProbes",
    method: "post",
    path: "/api/v2/probes/generate",
    scope: "probes:write",
    public: false,
  },
  {
    operationId: "deleteProbe",
    method: "delete",
    path: "/api/v2/probes/{probe_id}",
    scope: "probes:write",
    public: false,
  },
  {
    operationId: "listFrameworks",
    method: "get",
    path: "/api/v2/frameworks",
    scope: null,
    public: false,
  },
  {
    operationId: "listAuditEvents",
    method: "get",
    path: "/api/v2/audit",
    scope: "audit:read",
    public: false,
  },
  {
    operationId: "getOpenApiDocument",
    method: "get",
    path: "/api/v2/openapi.json",
    scope: null,
    public: true,
  },
];

export const documentInfo = {
  openapi: "3.1.0",
  info: {
    title: "Penaxtra API",
    version: "2.0.0",
    summary: "Adversarial security testing of LLM applications.",
    description:
      'Send curated attack probes to LLM endpoints and RAG pipelines, have every response\nscored by a judge panel, and keep findings mapped to six compliance frameworks.\n\nEvery error body is `{"error": "<slug>"}` plus fields that depend on the slug; the `ErrorSlug`\nschema lists every slug the API answers.\nEvery request needs `Authorization: Bearer <token>`; each operation names the scope it needs.\nIds of other tenants answer 404, never 403.\n',
    license: { name: "Apache-2.0", identifier: "Apache-2.0" },
  },
  servers: [{ url: "/", description: "The server that serves this document" }],
  tags: [
    { name: "reports", description: "Compliance reports of findings by framework, in JSON and PDF." },
    { name: "webhooks", description: "Signed notifications of scan, finding and RAG run events to your URLs." },
    { name: "scans", description: "Adversarial scans of registered LLM endpoints." },
    { name: "findings", description: "Judged results of scans and RAG runs." },
    { name: "endpoints", description: "LLM endpoints under test." },
    { name: "ai-assets", description: "AI assets such as RAG pipelines." },
    { name: "rag-runs", description: "RAG security runs against ai-assets of kind rag." },
    { name: "catalogue", description: "Probe library and compliance frameworks." },
    { name: "audit", description: "Audit log of the tenant." },
    { name: "meta", description: "This document." },
  ],
  security: [{ bearerAuth: [] }],
} as const;
export const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "A tenant token. Scopes: endpoints:read, endpoints:write, scans:read, scans:write,\nfindings:read, findings:write, rag:read, rag:write, audit:read, reports:generate,\nreports:read, webhooks:write, probes:write.\n",
  },
} as const;
