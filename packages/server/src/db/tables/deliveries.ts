import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { WebhookDeliveryStatus } from "../column-types.ts";
import { createdAt, id, tenantId } from "./tenants.ts";

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
