// What is tested: LLM endpoints and RAG ai-assets, and the workers' leases on endpoint request slots.

import type { EndpointPurpose, ToolSpec } from "@penaxtra/engine";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AiAssetKind, EndpointStatus, WireFormat } from "../column-types.ts";
import { createdAt, id, tenantId, updatedAt } from "./tenants.ts";

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
    // What the application is for ({ description, competitors }): a default scan adds probes written against it.
    purpose: jsonb("purpose").$type<EndpointPurpose>(),
    // Functions the application gives the model (ToolDefinition[]): sent with every request.
    tools: jsonb("tools").$type<ToolSpec[]>().notNull().default(sql`'[]'::jsonb`),
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

// Shares of an endpoint's concurrency held by worker processes, so the limit holds across all of them.
// Rows are written by the plpgsql function penaxtra_lease_slots_v2 (src/db/schema.sql); a dead worker's
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

// Worker processes check in here; a process silent for too long is presumed dead and its
// graphile-worker locks and endpoint leases are released (see jobs/worker-liveness.ts).
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  seenAt: timestamp("seen_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});
