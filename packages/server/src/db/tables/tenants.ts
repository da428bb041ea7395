// Tenants, their API tokens and rate-limit buckets, and the column helpers every table uses.
import { sql } from "drizzle-orm";
import { doublePrecision, index, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// Timestamps keep millisecond precision so keyset cursors (JS Dates) compare exactly.
export const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);
export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow();
export const tenantId = () =>
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

// Token buckets shared by every server process (see rate-limit/). Rows are written by the plpgsql
// function penaxtra_take_token (also called by penaxtra_authenticate): see src/db/schema.sql.
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});

// Caps that count takes in any window ("six scans in any 60 seconds"), unlike a bucket that refills
// continuously: the times of the takes still inside the window, kept by penaxtra_take_window
// (src/db/schema.sql), which locks the row so concurrent takes never exceed the cap.
export const rateLimitWindows = pgTable("rate_limit_windows", {
  key: text("key").primaryKey(),
  takenAt: timestamp("taken_at", { withTimezone: true, mode: "date", precision: 3 })
    .array()
    .notNull()
    .default(sql`'{}'`),
});
