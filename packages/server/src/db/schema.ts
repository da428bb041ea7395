// The map of the data. List indexes are ascending: a backward scan serves `order by at desc, id desc`
// (an index declared DESC NULLS LAST would not match that order, and the planner would sort instead).
// Every tenant-owned table carries tenant_id, and every query filters on it.
// Drizzle knows only the tables: the plpgsql functions and the trigger live in the baseline migration, and
// src/db/schema.sql (generated from a migrated database) shows one current definition of each.
// The tables, grouped by what they hold (tables/).

export { auditEvents, idempotencyKeys } from "./tables/audit.ts";
export { reports, webhookDeliveries, webhooks } from "./tables/deliveries.ts";
export { findingRefs, findings, judgeVotes } from "./tables/findings.ts";
export { customProbes } from "./tables/probes.ts";
export { ragPlantedDocuments, ragRuns, ragRunTests, scanAttempts, scans } from "./tables/runs.ts";
export { aiAssets, endpointLeases, endpoints, workerHeartbeats } from "./tables/targets.ts";
export { apiTokens, rateLimitBuckets, rateLimitWindows, tenants } from "./tables/tenants.ts";
