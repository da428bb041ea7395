// `@penaxtra/server/testing`: what black-box tests (test/, bench/, examples/) may reach inside the
// server, and nothing else. They import this entry point or `@penaxtra/server`, never a file under
// src/ (`pnpm lint:imports` checks); white-box tests live beside the code and import it directly.

export { createToken, hashToken, SCOPES, type Scope } from "../auth/tokens.ts";
export { type Connection, connect, type Database } from "../db/connection.ts";
export { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
export { migrateDatabase } from "../db/migrate.ts";
// Storage, to seed rows no API creates and to stand up a database outside a test context (bench/).
export * as schema from "../db/schema.ts";
export { closeScanIfDone } from "../db/statements/close-scan.ts";
export { AttemptRecorder } from "../jobs/attempt-recorder.ts";
export { ragScheduleTickTask } from "../jobs/rag-schedule.ts";
// The worker's pieces, to drive one task by hand instead of through the queue.
export { scanBatchTask } from "../jobs/scan-batch.ts";
export { webhookDeliverTask } from "../jobs/webhook-deliver.ts";
export { closeChangeFeed } from "../live/change-feed.ts";
export type { ScanBatchPayload } from "../queue/payloads.ts";
export { judgePanel } from "../runtime/judge-panel.ts";
export { EndpointLeases } from "../targets/leased-limiter.ts";
// A database per test file and an app wired to it.
export { createTestContext, type TestContext } from "./test-context.ts";
