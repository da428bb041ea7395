// Scans with their attempts, and RAG runs with their tests and planted documents.

import type { Probe } from "@penaxtra/engine";
import { sql } from "drizzle-orm";
import {
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
  AttemptStatus,
  RagRunStatus,
  RagRunTrigger,
  RagTestStatus,
  RagTestStoppedBy,
  RagTestSuite,
  ScanStatus,
  Severity,
  Verdict,
} from "../column-types.ts";
import { aiAssets, endpoints } from "./targets.ts";
import { createdAt, id, tenantId } from "./tenants.ts";

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
    // Strategies applied to every variant (engine strategies/): each adds one attempt per variant.
    strategies: text("strategies").array().notNull().default(sql`'{}'::text[]`),
    // Adaptive search per probe, { attempts_per_probe, seed }; null when off.
    adaptive: jsonb("adaptive").$type<{ attempts_per_probe: number; max_tokens?: number; seed: number }>(),
    // The tenant's own probes among probe_ids, as defined when the scan was created.
    customProbes: jsonb("custom_probes").$type<Probe[]>(),
    error: text("error"),
    attemptsTotal: integer("attempts_total").notNull().default(0),
    attemptsDone: integer("attempts_done").notNull().default(0),
    // Attempts whose target call failed after retries: recorded as errors, never as safe answers.
    attemptsErrored: integer("attempts_errored").notNull().default(0),
    findingsCount: integer("findings_count").notNull().default(0),
    // How many of its later batches have been queued: the first batch of each lane is queued at
    // creation; each batch that has sent everything queues the next later one (scans/plan.ts).
    laterBatchesQueued: integer("later_batches_queued").notNull().default(0),
    requestedByTokenId: uuid("requested_by_token_id"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("scans_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    index("scans_tenant_endpoint_idx").on(t.tenantId, t.endpointId, t.createdAt),
    // A tenant's scans still sending: how many it has sets its batches' queue priority (scans/plan.ts).
    index("scans_tenant_sending_idx").on(t.tenantId).where(sql`status in ('queued', 'running')`),
  ],
);

// One row per (probe, payload variant, strategy) of a scan, written when the attempt has finished: the scan's
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
    // '' for the variant as written; a strategy id, or 'adaptive' for a probe's adaptive search.
    strategy: text("strategy").notNull().default(""),
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
    // Multi-turn, tool-result and adaptive attempts: the messages exchanged (tool calls included)
    // and, for adaptive search, the lineage of the prompt that was sent last.
    conversation: jsonb("conversation"),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date", precision: 3 }),
    // Set with the probe's finding (or its absence) in one statement: a scan closes only when
    // every attempt has it, so no batch's findings can land after the scan is counted.
    findingsRecordedAt: timestamp("findings_recorded_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    uniqueIndex("scan_attempts_variant_idx").on(t.scanId, t.probeId, t.variantIndex, t.strategy),
    index("scan_attempts_batch_idx").on(t.scanId, t.batch, t.status),
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
