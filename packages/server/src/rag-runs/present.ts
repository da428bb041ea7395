// A RAG run row as the API shows it (the RagRun schema of openapi.yaml).
import type { ragRuns } from "../db/schema.ts";

export function toRagRun(row: typeof ragRuns.$inferSelect) {
  return {
    id: row.id,
    ai_asset_id: row.aiAssetId,
    trigger: row.trigger as "manual",
    started_at: row.startedAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    status: row.status as "running",
    tests_run: row.testsRun,
    tests_passed: row.testsPassed,
    tests_failed: row.testsFailed,
    tests_skipped: row.testsSkipped,
    duration_ms: row.durationMs,
  };
}
