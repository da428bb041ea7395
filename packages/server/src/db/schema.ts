// The map of the data. List indexes are ascending: a backward scan serves `order by at desc, id desc`
// (an index declared DESC NULLS LAST would not match that order, and the planner would sort instead).
// Every tenant-owned table carries tenant_id, and every query filters on it.
// Drizzle knows only the tables: the plpgsql functions and the trigger live in the baseline migration, and
// src/db/schema.sql (generated from a migrated database) shows one current definition of each.
import { sql } from "drizzle-orm";
import {
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  AiAssetKind,
  AttemptStatus,
  AuditResult,
  EndpointStatus,
  FindingLifecycle,
  FindingStatus,
  JudgeVoteKind,
  RagRunStatus,
  RagRunTrigger,
  RagTestStatus,
  RagTestStoppedBy,
  RagTestSuite,
  ScanStatus,
  Severity,
  Verdict,
  WebhookDeliveryStatus,
  WireFormat,
} from "./column-types.ts";

// Timestamps keep millisecond precision so keyset cursors (JS Dates) compare exactly.
const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow();
const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id);

export const tenants = pgTable("tenants", {
  id: id(),
  slug: text("slug").notNull().unique(),
  // Meta-judge confidence below this routes a finding to human review.
  reviewConfidenceThreshold: real("review_confidence_threshold").notNull().default(0.7),
  createdAt: createdAt(),
});

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    // SHA-256 of the token; the token itself is shown once and never stored.
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // Set by penaxtra_authenticate (src/db/schema.sql), at most once a minute.
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_idx").on(t.tokenHash), index("api_tokens_tenant_idx").on(t.tenantId)],
);

export const endpoints = pgTable(
  "endpoints",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    url: text("url").notNull(),
    wireFormat: text("wire_format").$type<WireFormat>().notNull(),
    model: text("model"),
    authHeader: text("auth_header"),
    // AES-256-GCM ciphertext under the server key (see security/secret-box.ts).
    authSecretEncrypted: text("auth_secret_encrypted"),
    httpTemplate: jsonb("http_template"),
    limits: jsonb("limits").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'`),
    status: text("status").$type<EndpointStatus>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Soft delete: scans and findings keep pointing at the endpoint they tested.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("endpoints_tenant_created_idx").on(t.tenantId, t.createdAt, t.id)],
);

export const aiAssets = pgTable(
  "ai_assets",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    kind: text("kind").$type<AiAssetKind>().notNull(),
    config: jsonb("config").notNull(),
    authSecretEncrypted: text("auth_secret_encrypted"),
    schedule: text("schedule"),
    tags: text("tags").array().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("ai_assets_tenant_created_idx").on(t.tenantId, t.createdAt, t.id)],
);

export const scans = pgTable(
  "scans",
  {
    id: id(),
    tenantId: tenantId(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => endpoints.id),
    status: text("status").$type<ScanStatus>().notNull(),
    probeIds: text("probe_ids").array(),
    error: text("error"),
    attemptsTotal: integer("attempts_total").notNull().default(0),
    attemptsDone: integer("attempts_done").notNull().default(0),
    // Attempts whose target call failed after retries: recorded as errors, never as safe answers.
    attemptsErrored: integer("attempts_errored").notNull().default(0),
    findingsCount: integer("findings_count").notNull().default(0),
    requestedByTokenId: uuid("requested_by_token_id"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("scans_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    index("scans_tenant_endpoint_idx").on(t.tenantId, t.endpointId, t.createdAt),
  ],
);

export const ragRuns = pgTable(
  "rag_runs",
  {
    id: id(),
    tenantId: tenantId(),
    aiAssetId: uuid("ai_asset_id")
      .notNull()
      .references(() => aiAssets.id),
    trigger: text("trigger").$type<RagRunTrigger>().notNull(),
    status: text("status").$type<RagRunStatus>().notNull(),
    testsRun: integer("tests_run").notNull().default(0),
    testsPassed: integer("tests_passed").notNull().default(0),
    testsFailed: integer("tests_failed").notNull().default(0),
    testsSkipped: integer("tests_skipped").notNull().default(0),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    // The crontab tick a scheduled run belongs to: one run per asset per tick, however often the
    // tick job is retried.
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
  },
  (t) => [
    index("rag_runs_tenant_started_idx").on(t.tenantId, t.startedAt, t.id),
    index("rag_runs_asset_idx").on(t.tenantId, t.aiAssetId, t.startedAt),
    uniqueIndex("rag_runs_asset_schedule_idx").on(t.aiAssetId, t.scheduledFor).where(sql`scheduled_for is not null`),
  ],
);

// One row per RAG test of a run, written as the test ends: its verdict, the guardrail that stopped
// it and what was planted and asked. Unique per (run, test), so a retried run writes nothing twice.
export const ragRunTests = pgTable(
  "rag_run_tests",
  {
    id: id(),
    tenantId: tenantId(),
    ragRunId: uuid("rag_run_id")
      .notNull()
      .references(() => ragRuns.id, { onDelete: "cascade" }),
    testId: text("test_id").notNull(),
    suite: text("suite").$type<RagTestSuite>().notNull(),
    title: text("title").notNull(),
    // passed | failed | skipped
    status: text("status").$type<RagTestStatus>().notNull(),
    // ingest_filter | retrieval_isolation | input_filter | model_refusal | output_filter | none; null when skipped
    stoppedBy: text("stopped_by").$type<RagTestStoppedBy>(),
    severity: text("severity").$type<Severity>().notNull(),
    reason: text("reason").notNull(),
    evidence: jsonb("evidence").notNull(),
    durationMs: integer("duration_ms").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("rag_run_tests_run_test_idx").on(t.ragRunId, t.testId)],
);

// What a RAG run planted in a customer's pipeline, written before each ingest call: a run whose
// worker died before its own cleanup has its leftovers removed when the job is taken up again.
export const ragPlantedDocuments = pgTable(
  "rag_planted_documents",
  {
    ragRunId: uuid("rag_run_id")
      .notNull()
      .references(() => ragRuns.id, { onDelete: "cascade" }),
    tenantId: tenantId(),
    namespace: text("namespace").notNull(),
    documentIds: text("document_ids").array().notNull(),
    // Set once the pipeline confirmed deleting them.
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.ragRunId, t.namespace] })],
);

// The first answer to a create sent with an Idempotency-Key, replayed to repeats of that request
// for 24 hours. `responseStatus` is null while the first request is still being handled.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tenantId: tenantId(),
    operation: text("operation").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.operation, t.key] })],
);

// A tenant's webhook target. The signing secret is stored sealed (security/secret-box.ts) and shown
// once, when the target is created.
export const webhooks = pgTable(
  "webhooks",
  {
    id: id(),
    tenantId: tenantId(),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    description: text("description"),
    secretEncrypted: text("secret_encrypted").notNull(),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("webhooks_tenant_created_idx").on(t.tenantId, t.createdAt, t.id)],
);

// One delivery of one event to one target, inserted in the transaction that recorded the event (by
// penaxtra_webhook_fanout, the function of the trigger audit_events_webhook_fanout: see
// src/db/schema.sql) and sent by the webhook_deliver job, retried with backoff. `body` is fixed at
// the first attempt, so every retry is byte-identical.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    tenantId: tenantId(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    // What the event is about: the scan, finding or RAG run id.
    subjectId: uuid("subject_id").notNull(),
    body: text("body"),
    // pending | delivered | failed
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    error: text("error"),
    createdAt: createdAt(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt)],
);

// A generated report: its request and the document, a snapshot of the findings at that moment.
export const reports = pgTable(
  "reports",
  {
    id: id(),
    tenantId: tenantId(),
    title: text("title").notNull(),
    frameworks: text("frameworks").array().notNull(),
    severities: text("severities").array(),
    scope: jsonb("scope").notNull(),
    schemaVersion: text("schema_version").notNull(),
    findingCount: integer("finding_count").notNull(),
    document: jsonb("document").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("reports_tenant_created_idx").on(t.tenantId, t.createdAt, t.id)],
);

export const findings = pgTable(
  "findings",
  {
    id: id(),
    tenantId: tenantId(),
    scanId: uuid("scan_id").references(() => scans.id),
    ragRunId: uuid("rag_run_id").references(() => ragRuns.id),
    endpointId: uuid("endpoint_id").references(() => endpoints.id),
    aiAssetId: uuid("ai_asset_id").references(() => aiAssets.id),
    probeId: text("probe_id").notNull(),
    title: text("title").notNull(),
    category: text("category").notNull(),
    severity: text("severity").$type<Severity>().notNull(),
    status: text("status").$type<FindingStatus>().notNull(),
    verdict: text("verdict").$type<Verdict>().notNull(),
    confidence: real("confidence").notNull(),
    riskRefs: text("risk_refs").array().notNull().default(sql`'{}'`),
    // A scan finding's prompt and answer are read from its evidence attempt, not copied: the copy
    // (often kilobytes of answer) doubled what a scan wrote. `evidence` keeps the details.
    scanAttemptId: uuid("scan_attempt_id").references(() => scanAttempts.id),
    // Same endpoint (or asset) and probe (or RAG test) -> same fingerprint, scan after scan: the SQL
    // that writes findings computes it with penaxtra_finding_fingerprint (src/db/schema.sql).
    fingerprint: text("fingerprint"),
    // new | recurring | regressed | fixed (see FindingLifecycle in openapi.yaml); a new finding's is
    // computed by penaxtra_finding_lifecycle (src/db/schema.sql).
    lifecycle: text("lifecycle").$type<FindingLifecycle>().notNull().default("new"),
    evidence: jsonb("evidence").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("findings_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    index("findings_tenant_severity_idx").on(t.tenantId, t.severity, t.createdAt, t.id),
    index("findings_tenant_status_idx").on(t.tenantId, t.status, t.createdAt, t.id),
    index("findings_tenant_scan_idx").on(t.tenantId, t.scanId, t.createdAt, t.id),
    index("findings_tenant_endpoint_idx").on(t.tenantId, t.endpointId, t.createdAt, t.id),
    // One finding per probe per scan: a retried finalize job cannot create a second one.
    uniqueIndex("findings_scan_probe_idx").on(t.scanId, t.probeId).where(sql`scan_id is not null`),
    index("findings_tenant_fingerprint_idx").on(t.tenantId, t.fingerprint, t.createdAt),
    // One finding per failed RAG test per run.
    uniqueIndex("findings_rag_run_test_idx").on(t.ragRunId, t.probeId).where(sql`rag_run_id is not null`),
  ],
);

// One row per (probe, payload variant) of a scan, written when the attempt has finished: the scan's
// plan lives in its batch jobs, and a retried job sends only what has no row yet.
export const scanAttempts = pgTable(
  "scan_attempts",
  {
    id: id(),
    tenantId: tenantId(),
    scanId: uuid("scan_id")
      .notNull()
      .references(() => scans.id, { onDelete: "cascade" }),
    batch: integer("batch").notNull(),
    probeId: text("probe_id").notNull(),
    variantIndex: integer("variant_index").notNull(),
    canary: text("canary").notNull(),
    prompt: text("prompt").notNull(),
    // answered | errored
    status: text("status").$type<AttemptStatus>().notNull(),
    response: text("response"),
    error: text("error"),
    httpStatus: integer("http_status"),
    latencyMs: integer("latency_ms"),
    // Requests made for this attempt, retries included.
    requests: integer("requests").notNull().default(0),
    verdict: text("verdict").$type<Verdict>(),
    confidence: real("confidence"),
    // The panel's votes plus the meta-judge's, as judged when the answer arrived.
    votes: jsonb("votes"),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date", precision: 3 }),
    // Set with the probe's finding (or its absence) in one statement: a scan closes only when
    // every attempt has it, so no batch's findings can land after the scan is counted.
    findingsRecordedAt: timestamp("findings_recorded_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    uniqueIndex("scan_attempts_variant_idx").on(t.scanId, t.probeId, t.variantIndex),
    index("scan_attempts_batch_idx").on(t.scanId, t.batch, t.status),
  ],
);

// Worker processes check in here; a process silent for too long is presumed dead and its
// graphile-worker locks and endpoint leases are released (see jobs/worker-liveness.ts).
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  seenAt: timestamp("seen_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});

// Shares of an endpoint's concurrency held by worker processes, so the limit holds across all of them.
// Rows are written by the plpgsql function penaxtra_lease_slots (src/db/schema.sql); a dead worker's
// are deleted by jobs/worker-liveness.ts.
export const endpointLeases = pgTable(
  "endpoint_leases",
  {
    endpointId: uuid("endpoint_id").notNull(),
    holder: text("holder").notNull(),
    // Slots this holder may start requests on, or still has in flight, whichever is more.
    slots: integer("slots").notNull(),
    // What it would use if it could: others hold back to leave it a fair share.
    wanted: integer("wanted").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.endpointId, t.holder] })],
);

// One row per (finding, framework ref): lets `framework_ref` filters walk an index in page order
// instead of sorting every matching finding.
export const findingRefs = pgTable(
  "finding_refs",
  {
    tenantId: tenantId(),
    ref: text("ref").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ref, t.createdAt, t.findingId] }),
    index("finding_refs_finding_idx").on(t.findingId),
  ],
);

export const judgeVotes = pgTable(
  "judge_votes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantId(),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
    judge: text("judge").notNull(),
    kind: text("kind").$type<JudgeVoteKind>().notNull(),
    verdict: text("verdict").$type<Verdict>().notNull(),
    confidence: real("confidence").notNull(),
    rationale: text("rationale").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("judge_votes_finding_idx").on(t.findingId)],
);

// Not only a record: the trigger audit_events_webhook_fanout (AFTER INSERT, for scan.completed,
// findings.created and rag_run.completed) runs penaxtra_webhook_fanout, which writes
// webhook_deliveries and queues their webhook_deliver jobs in the same transaction. Neither appears
// in this file: see src/db/schema.sql.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    // Null for calls that could not be tied to a tenant (missing or unknown token).
    tenantId: uuid("tenant_id").references(() => tenants.id),
    at: timestamp("at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    action: text("action").notNull(),
    targetKind: text("target_kind"),
    targetId: text("target_id"),
    result: text("result").$type<AuditResult>().notNull(),
    tokenId: uuid("token_id"),
    requestId: text("request_id"),
    method: text("method"),
    path: text("path"),
    status: integer("status"),
    durationMs: doublePrecision("duration_ms"),
    details: jsonb("details").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index("audit_tenant_at_idx").on(t.tenantId, t.at, t.id),
    index("audit_tenant_action_idx").on(t.tenantId, t.action, t.at, t.id),
  ],
);

// Token buckets shared by every server process (see rate-limit/). Rows are written by the plpgsql
// function penaxtra_take_token (also called by penaxtra_authenticate): see src/db/schema.sql.
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});
