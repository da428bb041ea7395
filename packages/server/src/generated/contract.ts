// Generated from openapi.yaml by `pnpm generate`. Do not edit.
import { createRoute, z } from "@hono/zod-openapi";

export const ErrorSchema = z.looseObject({ "error": z.string().openapi({"description":"A machine-readable slug."}) }).openapi("Error");
export const ValidationIssueSchema = z.object({ "path": z.string(), "message": z.string() }).openapi("ValidationIssue");
export const ValidationErrorSchema = z.looseObject({ "error": z.string().openapi({"description":"A slug such as `invalid_request`, `invalid_json`, `invalid_content_type`, `invalid_query`, `invalid_id`, `invalid_cursor`, `invalid_endpoint_id`, `target_not_allowed`."}), "issues": z.array(ValidationIssueSchema).optional() }).openapi("ValidationError");
export const MissingScopeErrorSchema = z.object({ "error": z.literal("missing_scope"), "required_scope": z.string() }).openapi("MissingScopeError");
export const PayloadTooLargeErrorSchema = z.object({ "error": z.literal("payload_too_large"), "limit_bytes": z.int() }).openapi("PayloadTooLargeError");
export const RateLimitedErrorSchema = z.object({ "error": z.literal("rate_limited"), "retry_after_seconds": z.int() }).openapi("RateLimitedError");
export const EnqueueFailedErrorSchema = z.object({ "error": z.literal("enqueue_failed"), "scan_id": z.uuid() }).openapi("EnqueueFailedError");
export const RagEnqueueFailedErrorSchema = z.object({ "error": z.literal("enqueue_failed"), "rag_run_id": z.uuid() }).openapi("RagEnqueueFailedError");
export const ScanStatusSchema = z.enum(["queued","running","judging","completed","failed","cancelled"]).openapi("ScanStatus");
export const ScanNotCancellableErrorSchema = z.object({ "error": z.literal("scan_not_cancellable"), "status": ScanStatusSchema }).openapi("ScanNotCancellableError");
export const SeveritySchema = z.enum(["critical","high","medium","low","info"]).openapi("Severity");
export const FindingStatusSchema = z.enum(["open","needs_review","confirmed","false_positive","accepted_risk","fixed"]).openapi("FindingStatus");
export const EndpointStatusSchema = z.enum(["active","disabled","pending"]).openapi("EndpointStatus");
export const WireFormatSchema = z.enum(["chat_completions_v1","anthropic_messages_v1","http_template_v1"]).openapi("WireFormat");
export const AuditResultSchema = z.enum(["success","failure","denied"]).openapi("AuditResult");
export const ProbeIdSchema = z.string().regex(new RegExp("^[a-z][a-z0-9-]{2,79}$")).openapi("ProbeId");
export const FrameworkIdSchema = z.enum(["OWASP_LLM","OWASP_AGENTIC","NIST_AI_600_1","MITRE_ATLAS","EU_AI_ACT","ISO_42001"]).openapi("FrameworkId");
export const FrameworkRefIdSchema = z.string().max(80).regex(new RegExp("^(OWASP_LLM[0-9]{2}|(OWASP_AGENTIC|NIST_AI_600_1|MITRE_ATLAS|EU_AI_ACT|ISO_42001)_[A-Za-z0-9_]+)$")).openapi("FrameworkRefId");
export const TagsSchema = z.array(z.string().min(1).max(64)).max(50).openapi("Tags");
export const ScanCreateSchema = z.strictObject({ "endpoint_id": z.uuid(), "probe_ids": z.array(ProbeIdSchema).min(1).max(100).nullable().openapi({"description":"Probes to send; omit or null for the whole library."}).optional() }).openapi("ScanCreate");
export const ScanAcceptedSchema = z.object({ "accepted": z.literal(true), "scan_id": z.uuid(), "endpoint_id": z.uuid(), "probe_count": z.int().nullable().openapi({"description":"Number of probes requested; null when all probes."}), "poll": z.string().openapi({"description":"Path to GET for progress."}) }).openapi("ScanAccepted");
export const ScanSchema = z.object({ "id": z.uuid(), "endpoint_id": z.uuid(), "status": ScanStatusSchema, "probe_ids": z.array(ProbeIdSchema).nullable(), "probe_count": z.int().nullable(), "created_at": z.iso.datetime({ offset: true }), "started_at": z.iso.datetime({ offset: true }).nullable(), "completed_at": z.iso.datetime({ offset: true }).nullable(), "error": z.string().nullable(), "attempts_total": z.int(), "attempts_done": z.int(), "findings_count": z.int() }).openapi("Scan");
export const ScanListSchema = z.object({ "data": z.array(ScanSchema), "next_cursor": z.string().nullable() }).openapi("ScanList");
export const VerdictSchema = z.enum(["vulnerable","safe","uncertain"]).openapi({"description":"`vulnerable`: the attack worked; `safe`: it did not; `uncertain`: the panel could not tell."}).openapi("Verdict");
export const FindingSchema = z.object({ "id": z.uuid(), "scan_id": z.uuid().nullable(), "rag_run_id": z.uuid().nullable(), "endpoint_id": z.uuid().nullable(), "ai_asset_id": z.uuid().nullable(), "probe_id": z.string(), "title": z.string(), "category": z.string(), "severity": SeveritySchema, "status": FindingStatusSchema, "verdict": VerdictSchema, "confidence": z.number().min(0).max(1), "risk_refs": z.array(z.string()), "created_at": z.iso.datetime({ offset: true }), "updated_at": z.iso.datetime({ offset: true }) }).openapi("Finding");
export const JudgeVoteSchema = z.object({ "judge": z.string().openapi({"description":"Name of the judge, e.g. `detector`, `refusal`, `llm:openai/gpt-4o`."}), "kind": z.enum(["judge","meta"]), "verdict": VerdictSchema, "confidence": z.number().min(0).max(1), "rationale": z.string() }).openapi("JudgeVote");
export const FindingEvidenceSchema = z.object({ "prompt": z.string(), "response": z.string(), "details": z.record(z.string(), z.unknown()).optional() }).openapi("FindingEvidence");
export const FindingDetailSchema = FindingSchema.extend({ "evidence": FindingEvidenceSchema, "judge_votes": z.array(JudgeVoteSchema) }).openapi("FindingDetail");
export const FindingListSchema = z.object({ "data": z.array(FindingSchema), "next_cursor": z.string().nullable() }).openapi("FindingList");
export const FindingStatusUpdateSchema = z.strictObject({ "status": FindingStatusSchema, "note": z.string().max(2000).optional() }).openapi("FindingStatusUpdate");
export const HttpTemplateSchema = z.strictObject({ "method": z.enum(["POST","PUT"]).default("POST"), "body_template": z.string().min(1).max(20000), "response_path": z.string().min(1).max(200).openapi({"description":"Dot path to the answer text in the response JSON, e.g. `data.choices.0.text`."}), "headers": z.record(z.string(), z.string().max(2000)).optional() }).openapi({"description":"For `http_template_v1`. `{{prompt}}` in the body template is replaced by the JSON-escaped prompt."}).openapi("HttpTemplate");
export const EndpointLimitsSchema = z.strictObject({ "concurrency": z.int().min(1).max(64).default(4), "requests_per_minute": z.int().min(1).max(6000).default(120), "timeout_ms": z.int().min(100).max(300000).default(30000), "max_retries": z.int().min(0).max(10).default(3) }).openapi("EndpointLimits");
export const EndpointCreateSchema = z.strictObject({ "name": z.string().min(1).max(200), "url": z.url().max(2000), "wire_format": WireFormatSchema, "model": z.string().max(200).nullable().optional(), "auth_header": z.string().regex(new RegExp("^[A-Za-z0-9-]{1,100}$")).nullable().openapi({"description":"Header that carries the secret, e.g. `Authorization` (sent as `Bearer <secret>`) or `x-api-key`."}).optional(), "auth_secret": z.string().max(10000).nullable().openapi({"description":"Write-only; stored encrypted and never returned.","writeOnly":true}).optional(), "http_template": z.union([HttpTemplateSchema, z.null()]).optional(), "limits": EndpointLimitsSchema.optional(), "tags": TagsSchema.optional(), "status": EndpointStatusSchema.optional() }).openapi("EndpointCreate");
export const EndpointUpdateSchema = z.strictObject({ "name": z.string().min(1).max(200).optional(), "url": z.url().max(2000).optional(), "wire_format": WireFormatSchema.optional(), "model": z.string().max(200).nullable().optional(), "auth_header": z.string().regex(new RegExp("^[A-Za-z0-9-]{1,100}$")).nullable().optional(), "auth_secret": z.string().max(10000).nullable().openapi({"writeOnly":true}).optional(), "http_template": z.union([HttpTemplateSchema, z.null()]).optional(), "limits": EndpointLimitsSchema.optional(), "tags": TagsSchema.optional(), "status": EndpointStatusSchema.optional() }).openapi({"minProperties":1}).openapi("EndpointUpdate");
export const EndpointSchema = z.object({ "id": z.uuid(), "name": z.string(), "url": z.string(), "wire_format": WireFormatSchema, "model": z.string().nullable(), "auth_header": z.string().nullable(), "has_auth_secret": z.boolean(), "http_template": z.union([HttpTemplateSchema, z.null()]), "limits": EndpointLimitsSchema, "tags": z.array(z.string()), "status": EndpointStatusSchema, "created_at": z.iso.datetime({ offset: true }), "updated_at": z.iso.datetime({ offset: true }) }).openapi("Endpoint");
export const EndpointListSchema = z.object({ "data": z.array(EndpointSchema), "next_cursor": z.string().nullable() }).openapi("EndpointList");
export const EndpointTestResultSchema = z.object({ "ok": z.boolean(), "latency_ms": z.int(), "http_status": z.int().nullable(), "response_excerpt": z.string().nullable().openapi({"description":"The first 500 characters of the answer."}), "error": z.string().nullable().openapi({"description":"A slug such as `target_not_allowed`, `timeout`, `http_error`, `bad_response`, `connection_failed`."}) }).openapi("EndpointTestResult");
export const RagAssetConfigSchema = z.strictObject({ "ingest_url": z.url().max(2000), "query_url": z.url().max(2000), "delete_url": z.url().max(2000), "namespace_param": z.string().regex(new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,63}$")).default("namespace").openapi({"description":"Name of the JSON body field that carries the tenant namespace."}), "auth_header": z.string().regex(new RegExp("^[A-Za-z0-9-]{1,100}$")).nullable().optional() }).openapi({"description":"How to reach a RAG pipeline. See the README's RAG adapter protocol."}).openapi("RagAssetConfig");
export const AiAssetCreateSchema = z.strictObject({ "name": z.string().min(1).max(200), "kind": z.enum(["rag"]), "config": RagAssetConfigSchema, "auth_secret": z.string().max(10000).nullable().openapi({"writeOnly":true}).optional(), "schedule": z.string().max(100).regex(new RegExp("^\\S+ \\S+ \\S+ \\S+ \\S+$")).nullable().openapi({"description":"A graphile-worker crontab time spec (5 fields) for scheduled runs; null for none."}).optional(), "tags": TagsSchema.optional() }).openapi("AiAssetCreate");
export const AiAssetUpdateSchema = z.strictObject({ "name": z.string().min(1).max(200).optional(), "config": RagAssetConfigSchema.optional(), "auth_secret": z.string().max(10000).nullable().openapi({"writeOnly":true}).optional(), "schedule": z.string().max(100).regex(new RegExp("^\\S+ \\S+ \\S+ \\S+ \\S+$")).nullable().optional(), "tags": TagsSchema.optional() }).openapi({"minProperties":1}).openapi("AiAssetUpdate");
export const AiAssetSchema = z.object({ "id": z.uuid(), "name": z.string(), "kind": z.enum(["rag"]), "config": RagAssetConfigSchema, "has_auth_secret": z.boolean(), "schedule": z.string().nullable(), "tags": z.array(z.string()), "created_at": z.iso.datetime({ offset: true }), "updated_at": z.iso.datetime({ offset: true }) }).openapi("AiAsset");
export const AiAssetListSchema = z.object({ "data": z.array(AiAssetSchema), "next_cursor": z.string().nullable() }).openapi("AiAssetList");
export const RagRunCreateSchema = z.strictObject({ "ai_asset_id": z.uuid() }).openapi("RagRunCreate");
export const RagRunAcceptedSchema = z.object({ "accepted": z.literal(true), "ai_asset_id": z.uuid(), "rag_run_id": z.uuid(), "poll": z.string() }).openapi("RagRunAccepted");
export const RagRunSchema = z.object({ "id": z.uuid(), "ai_asset_id": z.uuid(), "trigger": z.enum(["scheduled","manual"]), "started_at": z.iso.datetime({ offset: true }), "completed_at": z.iso.datetime({ offset: true }).nullable(), "status": z.enum(["running","completed","failed"]), "tests_run": z.int(), "tests_passed": z.int(), "tests_failed": z.int(), "tests_skipped": z.int(), "duration_ms": z.int().nullable() }).openapi("RagRun");
export const RagRunListSchema = z.object({ "data": z.array(RagRunSchema), "next_cursor": z.string().nullable() }).openapi("RagRunList");
export const ProbeSchema = z.object({ "id": ProbeIdSchema, "title": z.string(), "category": z.string(), "description": z.string(), "severity": SeveritySchema, "detectors": z.array(z.string()), "risk_refs": z.array(z.string()), "variant_count": z.int() }).openapi("Probe");
export const ProbeCatalogueSchema = z.object({ "data": z.array(ProbeSchema) }).openapi("ProbeCatalogue");
export const FrameworkRefSchema = z.object({ "ref": z.string().openapi({"description":"The id used in `risk_refs`, e.g. `OWASP_LLM01`."}), "code": z.string().openapi({"description":"The framework's own code, e.g. `LLM01:2025`."}), "title": z.string() }).openapi("FrameworkRef");
export const FrameworkSchema = z.object({ "id": FrameworkIdSchema, "title": z.string(), "edition": z.string(), "source_url": z.string(), "refs": z.array(FrameworkRefSchema) }).openapi("Framework");
export const FrameworkCatalogueSchema = z.object({ "data": z.array(FrameworkSchema) }).openapi("FrameworkCatalogue");
export const AuditEventSchema = z.object({ "id": z.string(), "at": z.iso.datetime({ offset: true }), "action": z.string(), "target_kind": z.string().nullable(), "target_id": z.string().nullable(), "result": AuditResultSchema, "token_id": z.uuid().nullable(), "request_id": z.string().nullable(), "method": z.string().nullable(), "path": z.string().nullable(), "status": z.int().nullable(), "duration_ms": z.number().nullable(), "details": z.record(z.string(), z.unknown()) }).openapi("AuditEvent");
export const AuditEventListSchema = z.object({ "data": z.array(AuditEventSchema), "next_cursor": z.string().nullable() }).openapi("AuditEventList");

export const listScansRoute = createRoute({ operationId: "listScans", method: "get", path: "/api/v2/scans", tags: ["scans"], summary: "List scans, newest first", security: [{"bearerAuth":["scans:read"]}], request: { query: z.object({ "status": ScanStatusSchema.openapi({"param":{"name":"status","in":"query"}}).optional(), "endpoint_id": z.uuid().openapi({"param":{"name":"endpoint_id","in":"query"}}).optional(), "limit": z.coerce.number().int().min(1).max(200).default(50).openapi({"param":{"name":"limit","in":"query"}}), "cursor": z.string().max(200).regex(new RegExp("^[A-Za-z0-9_-]+$")).openapi({"param":{"name":"cursor","in":"query"},"description":"The `next_cursor` of the previous page."}).optional() }) }, responses: { 200: { description: "A page of scans.", content: { "application/json": { schema: ScanListSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const createScanRoute = createRoute({ operationId: "createScan", method: "post", path: "/api/v2/scans", tags: ["scans"], summary: "Start a scan of an endpoint", security: [{"bearerAuth":["scans:write"]}], request: { body: { required: true, content: { "application/json": { schema: ScanCreateSchema } } } }, responses: { 202: { description: "Scan accepted and queued.", content: { "application/json": { schema: ScanAcceptedSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 413: { description: "The body is larger than 1 MiB.", content: { "application/json": { schema: PayloadTooLargeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } }, 502: { description: "The scan row was created but could not be queued; it is left failed and addressable.", content: { "application/json": { schema: EnqueueFailedErrorSchema } } } } });
export const getScanRoute = createRoute({ operationId: "getScan", method: "get", path: "/api/v2/scans/{id}", tags: ["scans"], summary: "Get a scan", security: [{"bearerAuth":["scans:read"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 200: { description: "The scan.", content: { "application/json": { schema: ScanSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const cancelScanRoute = createRoute({ operationId: "cancelScan", method: "post", path: "/api/v2/scans/{id}/cancel", tags: ["scans"], summary: "Cancel a queued or running scan", security: [{"bearerAuth":["scans:write"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 202: { description: "Cancellation recorded; workers stop picking up its work.", content: { "application/json": { schema: ScanSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 409: { description: "The scan has already finished (`scan_not_cancellable`).", content: { "application/json": { schema: ScanNotCancellableErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const listFindingsRoute = createRoute({ operationId: "listFindings", method: "get", path: "/api/v2/findings", tags: ["findings"], summary: "List findings, newest first", security: [{"bearerAuth":["findings:read"]}], request: { query: z.object({ "severity": z.string().regex(new RegExp("^(critical|high|medium|low|info)(,(critical|high|medium|low|info))*$")).openapi({"param":{"name":"severity","in":"query"},"description":"One severity or a comma-separated list, e.g. `high,critical`."}).optional(), "status": FindingStatusSchema.openapi({"param":{"name":"status","in":"query"}}).optional(), "scan_id": z.uuid().openapi({"param":{"name":"scan_id","in":"query"}}).optional(), "endpoint_id": z.uuid().openapi({"param":{"name":"endpoint_id","in":"query"}}).optional(), "framework_ref": FrameworkRefIdSchema.openapi({"param":{"name":"framework_ref","in":"query"},"description":"A framework reference such as `OWASP_LLM01` or `MITRE_ATLAS_AML_T0051`."}).optional(), "from": z.iso.datetime({ offset: true }).openapi({"param":{"name":"from","in":"query"},"description":"Only findings created at or after this instant."}).optional(), "to": z.iso.datetime({ offset: true }).openapi({"param":{"name":"to","in":"query"},"description":"Only findings created before this instant."}).optional(), "limit": z.coerce.number().int().min(1).max(200).default(50).openapi({"param":{"name":"limit","in":"query"}}), "cursor": z.string().max(200).regex(new RegExp("^[A-Za-z0-9_-]+$")).openapi({"param":{"name":"cursor","in":"query"},"description":"The `next_cursor` of the previous page."}).optional() }) }, responses: { 200: { description: "A page of findings.", content: { "application/json": { schema: FindingListSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const getFindingRoute = createRoute({ operationId: "getFinding", method: "get", path: "/api/v2/findings/{id}", tags: ["findings"], summary: "Get a finding with its evidence and judge votes", security: [{"bearerAuth":["findings:read"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 200: { description: "The finding.", content: { "application/json": { schema: FindingDetailSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const updateFindingStatusRoute = createRoute({ operationId: "updateFindingStatus", method: "patch", path: "/api/v2/findings/{id}", tags: ["findings"], summary: "Change the triage status of a finding", security: [{"bearerAuth":["findings:write"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }), body: { required: true, content: { "application/json": { schema: FindingStatusUpdateSchema } } } }, responses: { 200: { description: "The updated finding.", content: { "application/json": { schema: FindingDetailSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 413: { description: "The body is larger than 1 MiB.", content: { "application/json": { schema: PayloadTooLargeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const listRagRunsRoute = createRoute({ operationId: "listRagRuns", method: "get", path: "/api/v2/rag-runs", tags: ["rag-runs"], summary: "List RAG runs, newest first", security: [{"bearerAuth":["rag:read"]}], request: { query: z.object({ "ai_asset_id": z.uuid().openapi({"param":{"name":"ai_asset_id","in":"query"}}).optional(), "limit": z.coerce.number().int().min(1).max(200).default(50).openapi({"param":{"name":"limit","in":"query"}}), "cursor": z.string().max(200).regex(new RegExp("^[A-Za-z0-9_-]+$")).openapi({"param":{"name":"cursor","in":"query"},"description":"The `next_cursor` of the previous page."}).optional() }) }, responses: { 200: { description: "A page of RAG runs.", content: { "application/json": { schema: RagRunListSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const createRagRunRoute = createRoute({ operationId: "createRagRun", method: "post", path: "/api/v2/rag-runs", tags: ["rag-runs"], summary: "Start a manual RAG run against an ai-asset", security: [{"bearerAuth":["rag:write"]}], request: { body: { required: true, content: { "application/json": { schema: RagRunCreateSchema } } } }, responses: { 202: { description: "RAG run accepted and queued.", content: { "application/json": { schema: RagRunAcceptedSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 413: { description: "The body is larger than 1 MiB.", content: { "application/json": { schema: PayloadTooLargeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } }, 502: { description: "The run row was created but could not be queued; it is left failed.", content: { "application/json": { schema: RagEnqueueFailedErrorSchema } } } } });
export const listEndpointsRoute = createRoute({ operationId: "listEndpoints", method: "get", path: "/api/v2/endpoints", tags: ["endpoints"], summary: "List endpoints", security: [{"bearerAuth":["endpoints:read"]}], request: { query: z.object({ "status": EndpointStatusSchema.openapi({"param":{"name":"status","in":"query"}}).optional(), "limit": z.coerce.number().int().min(1).max(200).default(50).openapi({"param":{"name":"limit","in":"query"}}), "cursor": z.string().max(200).regex(new RegExp("^[A-Za-z0-9_-]+$")).openapi({"param":{"name":"cursor","in":"query"},"description":"The `next_cursor` of the previous page."}).optional() }) }, responses: { 200: { description: "A page of endpoints.", content: { "application/json": { schema: EndpointListSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const createEndpointRoute = createRoute({ operationId: "createEndpoint", method: "post", path: "/api/v2/endpoints", tags: ["endpoints"], summary: "Register an LLM endpoint", security: [{"bearerAuth":["endpoints:write"]}], request: { body: { required: true, content: { "application/json": { schema: EndpointCreateSchema } } } }, responses: { 201: { description: "The endpoint. The auth secret is never returned.", content: { "application/json": { schema: EndpointSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 413: { description: "The body is larger than 1 MiB.", content: { "application/json": { schema: PayloadTooLargeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const getEndpointRoute = createRoute({ operationId: "getEndpoint", method: "get", path: "/api/v2/endpoints/{id}", tags: ["endpoints"], summary: "Get an endpoint", security: [{"bearerAuth":["endpoints:read"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 200: { description: "The endpoint.", content: { "application/json": { schema: EndpointSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const updateEndpointRoute = createRoute({ operationId: "updateEndpoint", method: "patch", path: "/api/v2/endpoints/{id}", tags: ["endpoints"], summary: "Change an endpoint", security: [{"bearerAuth":["endpoints:write"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }), body: { required: true, content: { "application/json": { schema: EndpointUpdateSchema } } } }, responses: { 200: { description: "The updated endpoint.", content: { "application/json": { schema: EndpointSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 413: { description: "The body is larger than 1 MiB.", content: { "application/json": { schema: PayloadTooLargeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const deleteEndpointRoute = createRoute({ operationId: "deleteEndpoint", method: "delete", path: "/api/v2/endpoints/{id}", tags: ["endpoints"], summary: "Delete an endpoint; its scans and findings are kept", security: [{"bearerAuth":["endpoints:write"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 204: { description: "Deleted." }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const testEndpointRoute = createRoute({ operationId: "testEndpoint", method: "post", path: "/api/v2/endpoints/{id}/test", tags: ["endpoints"], summary: "Send one benign prompt to the endpoint and report how it answered", security: [{"bearerAuth":["endpoints:write"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 200: { description: "The outcome of the connectivity test, successful or not.", content: { "application/json": { schema: EndpointTestResultSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const listAiAssetsRoute = createRoute({ operationId: "listAiAssets", method: "get", path: "/api/v2/ai-assets", tags: ["ai-assets"], summary: "List ai-assets", security: [{"bearerAuth":["rag:read"]}], request: { query: z.object({ "limit": z.coerce.number().int().min(1).max(200).default(50).openapi({"param":{"name":"limit","in":"query"}}), "cursor": z.string().max(200).regex(new RegExp("^[A-Za-z0-9_-]+$")).openapi({"param":{"name":"cursor","in":"query"},"description":"The `next_cursor` of the previous page."}).optional() }) }, responses: { 200: { description: "A page of ai-assets.", content: { "application/json": { schema: AiAssetListSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const createAiAssetRoute = createRoute({ operationId: "createAiAsset", method: "post", path: "/api/v2/ai-assets", tags: ["ai-assets"], summary: "Register an ai-asset", security: [{"bearerAuth":["rag:write"]}], request: { body: { required: true, content: { "application/json": { schema: AiAssetCreateSchema } } } }, responses: { 201: { description: "The ai-asset.", content: { "application/json": { schema: AiAssetSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 413: { description: "The body is larger than 1 MiB.", content: { "application/json": { schema: PayloadTooLargeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const getAiAssetRoute = createRoute({ operationId: "getAiAsset", method: "get", path: "/api/v2/ai-assets/{id}", tags: ["ai-assets"], summary: "Get an ai-asset", security: [{"bearerAuth":["rag:read"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 200: { description: "The ai-asset.", content: { "application/json": { schema: AiAssetSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const updateAiAssetRoute = createRoute({ operationId: "updateAiAsset", method: "patch", path: "/api/v2/ai-assets/{id}", tags: ["ai-assets"], summary: "Change an ai-asset", security: [{"bearerAuth":["rag:write"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }), body: { required: true, content: { "application/json": { schema: AiAssetUpdateSchema } } } }, responses: { 200: { description: "The updated ai-asset.", content: { "application/json": { schema: AiAssetSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 413: { description: "The body is larger than 1 MiB.", content: { "application/json": { schema: PayloadTooLargeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const deleteAiAssetRoute = createRoute({ operationId: "deleteAiAsset", method: "delete", path: "/api/v2/ai-assets/{id}", tags: ["ai-assets"], summary: "Delete an ai-asset; its runs and findings are kept", security: [{"bearerAuth":["rag:write"]}], request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }) }, responses: { 204: { description: "Deleted." }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 404: { description: "No such resource in this tenant.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const listProbesRoute = createRoute({ operationId: "listProbes", method: "get", path: "/api/v2/probes", tags: ["catalogue"], summary: "The probe library", security: [{"bearerAuth":[]}], responses: { 200: { description: "Every probe the server can send.", content: { "application/json": { schema: ProbeCatalogueSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const listFrameworksRoute = createRoute({ operationId: "listFrameworks", method: "get", path: "/api/v2/frameworks", tags: ["catalogue"], summary: "The compliance frameworks and their references", security: [{"bearerAuth":[]}], responses: { 200: { description: "The six frameworks with titles, edition and source link.", content: { "application/json": { schema: FrameworkCatalogueSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const listAuditEventsRoute = createRoute({ operationId: "listAuditEvents", method: "get", path: "/api/v2/audit", tags: ["audit"], summary: "The tenant's audit log, newest first", security: [{"bearerAuth":["audit:read"]}], request: { query: z.object({ "action": z.string().max(80).regex(new RegExp("^[a-z_]+\\.[a-z_]+$")).openapi({"param":{"name":"action","in":"query"},"description":"An action such as `api.call`, `scan.started` or `finding.status_changed`."}).optional(), "target_kind": z.string().max(40).regex(new RegExp("^[a-z_]+$")).openapi({"param":{"name":"target_kind","in":"query"}}).optional(), "result": AuditResultSchema.openapi({"param":{"name":"result","in":"query"}}).optional(), "from": z.iso.datetime({ offset: true }).openapi({"param":{"name":"from","in":"query"}}).optional(), "to": z.iso.datetime({ offset: true }).openapi({"param":{"name":"to","in":"query"}}).optional(), "limit": z.coerce.number().int().min(1).max(200).default(50).openapi({"param":{"name":"limit","in":"query"}}), "cursor": z.string().max(200).regex(new RegExp("^[A-Za-z0-9_-]+$")).openapi({"param":{"name":"cursor","in":"query"},"description":"The `next_cursor` of the previous page."}).optional() }) }, responses: { 200: { description: "A page of audit events.", content: { "application/json": { schema: AuditEventListSchema } } }, 400: { description: "The request is malformed; `error` names what.", content: { "application/json": { schema: ValidationErrorSchema } } }, 401: { description: "`missing_token`, `invalid_token` or `expired_token`.", content: { "application/json": { schema: ErrorSchema } } }, 403: { description: "`missing_scope`: the token lacks the scope the operation needs.", content: { "application/json": { schema: MissingScopeErrorSchema } } }, 429: { description: "Too many requests; retry after the given number of seconds.", headers: {"Retry-After":{"description":"Seconds to wait.","schema":{"type":"integer"}}}, content: { "application/json": { schema: RateLimitedErrorSchema } } } } });
export const getOpenApiDocumentRoute = createRoute({ operationId: "getOpenApiDocument", method: "get", path: "/api/v2/openapi.json", tags: ["meta"], summary: "This API description as JSON", security: [], responses: { 200: { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: z.record(z.string(), z.unknown()) } } } } });

export interface OperationInfo { operationId: string; method: string; path: string; scope: string | null; public: boolean }
export const operations: readonly OperationInfo[] = [
  {
    "operationId": "listScans",
    "method": "get",
    "path": "/api/v2/scans",
    "scope": "scans:read",
    "public": false
  },
  {
    "operationId": "createScan",
    "method": "post",
    "path": "/api/v2/scans",
    "scope": "scans:write",
    "public": false
  },
  {
    "operationId": "getScan",
    "method": "get",
    "path": "/api/v2/scans/{id}",
    "scope": "scans:read",
    "public": false
  },
  {
    "operationId": "cancelScan",
    "method": "post",
    "path": "/api/v2/scans/{id}/cancel",
    "scope": "scans:write",
    "public": false
  },
  {
    "operationId": "listFindings",
    "method": "get",
    "path": "/api/v2/findings",
    "scope": "findings:read",
    "public": false
  },
  {
    "operationId": "getFinding",
    "method": "get",
    "path": "/api/v2/findings/{id}",
    "scope": "findings:read",
    "public": false
  },
  {
    "operationId": "updateFindingStatus",
    "method": "patch",
    "path": "/api/v2/findings/{id}",
    "scope": "findings:write",
    "public": false
  },
  {
    "operationId": "listRagRuns",
    "method": "get",
    "path": "/api/v2/rag-runs",
    "scope": "rag:read",
    "public": false
  },
  {
    "operationId": "createRagRun",
    "method": "post",
    "path": "/api/v2/rag-runs",
    "scope": "rag:write",
    "public": false
  },
  {
    "operationId": "listEndpoints",
    "method": "get",
    "path": "/api/v2/endpoints",
    "scope": "endpoints:read",
    "public": false
  },
  {
    "operationId": "createEndpoint",
    "method": "post",
    "path": "/api/v2/endpoints",
    "scope": "endpoints:write",
    "public": false
  },
  {
    "operationId": "getEndpoint",
    "method": "get",
    "path": "/api/v2/endpoints/{id}",
    "scope": "endpoints:read",
    "public": false
  },
  {
    "operationId": "updateEndpoint",
    "method": "patch",
    "path": "/api/v2/endpoints/{id}",
    "scope": "endpoints:write",
    "public": false
  },
  {
    "operationId": "deleteEndpoint",
    "method": "delete",
    "path": "/api/v2/endpoints/{id}",
    "scope": "endpoints:write",
    "public": false
  },
  {
    "operationId": "testEndpoint",
    "method": "post",
    "path": "/api/v2/endpoints/{id}/test",
    "scope": "endpoints:write",
    "public": false
  },
  {
    "operationId": "listAiAssets",
    "method": "get",
    "path": "/api/v2/ai-assets",
    "scope": "rag:read",
    "public": false
  },
  {
    "operationId": "createAiAsset",
    "method": "post",
    "path": "/api/v2/ai-assets",
    "scope": "rag:write",
    "public": false
  },
  {
    "operationId": "getAiAsset",
    "method": "get",
    "path": "/api/v2/ai-assets/{id}",
    "scope": "rag:read",
    "public": false
  },
  {
    "operationId": "updateAiAsset",
    "method": "patch",
    "path": "/api/v2/ai-assets/{id}",
    "scope": "rag:write",
    "public": false
  },
  {
    "operationId": "deleteAiAsset",
    "method": "delete",
    "path": "/api/v2/ai-assets/{id}",
    "scope": "rag:write",
    "public": false
  },
  {
    "operationId": "listProbes",
    "method": "get",
    "path": "/api/v2/probes",
    "scope": null,
    "public": false
  },
  {
    "operationId": "listFrameworks",
    "method": "get",
    "path": "/api/v2/frameworks",
    "scope": null,
    "public": false
  },
  {
    "operationId": "listAuditEvents",
    "method": "get",
    "path": "/api/v2/audit",
    "scope": "audit:read",
    "public": false
  },
  {
    "operationId": "getOpenApiDocument",
    "method": "get",
    "path": "/api/v2/openapi.json",
    "scope": null,
    "public": true
  }
];

export const documentInfo = {"openapi":"3.1.0","info":{"title":"Penaxtra API","version":"2.0.0","summary":"Adversarial security testing of LLM applications.","description":"Send curated attack probes to LLM endpoints and RAG pipelines, have every response\nscored by a judge panel, and keep findings mapped to six compliance frameworks.\n\nEvery error body is `{\"error\": \"<slug>\"}` plus fields that depend on the slug.\nEvery request needs `Authorization: Bearer <token>`; each operation names the scope it needs.\nIds of other tenants answer 404, never 403.\n","license":{"name":"Apache-2.0","identifier":"Apache-2.0"}},"servers":[{"url":"/","description":"The server that serves this document"}],"tags":[{"name":"scans","description":"Adversarial scans of registered LLM endpoints."},{"name":"findings","description":"Judged results of scans and RAG runs."},{"name":"endpoints","description":"LLM endpoints under test."},{"name":"ai-assets","description":"AI assets such as RAG pipelines."},{"name":"rag-runs","description":"RAG security runs against ai-assets of kind rag."},{"name":"catalogue","description":"Probe library and compliance frameworks."},{"name":"audit","description":"Audit log of the tenant."},{"name":"meta","description":"This document."}],"security":[{"bearerAuth":[]}]} as const;
export const securitySchemes = {"bearerAuth":{"type":"http","scheme":"bearer","description":"A tenant token. Scopes: endpoints:read, endpoints:write, scans:read, scans:write,\nfindings:read, findings:write, rag:read, rag:write, audit:read, reports:generate,\nreports:read, webhooks:write.\n"}} as const;
