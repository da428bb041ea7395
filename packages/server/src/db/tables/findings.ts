// Findings, their framework refs and the judges' votes.
import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { FindingLifecycle, FindingStatus, JudgeVoteKind, Severity, Verdict } from "../column-types.ts";
import { ragRuns, scanAttempts, scans } from "./runs.ts";
import { aiAssets, endpoints } from "./targets.ts";
import { createdAt, id, tenantId, updatedAt } from "./tenants.ts";

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
    fingerprint: text("fingerprint").notNull(),
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
