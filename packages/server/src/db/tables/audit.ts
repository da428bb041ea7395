// What happened (the audit trail) and what was already answered (idempotency keys).
import { sql } from "drizzle-orm";
import {
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { AuditResult } from "../column-types.ts";
import { createdAt, tenantId, tenants } from "./tenants.ts";

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
