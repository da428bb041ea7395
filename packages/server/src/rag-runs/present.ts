// A RAG run and its tests' results as the API shows them (RagRun, RagTestResult in openapi.yaml).
import type { z } from "@hono/zod-openapi";
import type { ragRuns, ragRunTests } from "../db/schema.ts";
import type { RagTestResultSchema } from "../generated/contract.ts";

export function toRagRun(row: typeof ragRuns.$inferSelect) {
  return {
    id: row.id,
    ai_asset_id: row.aiAssetId,
    trigger: row.trigger,
    started_at: row.startedAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    status: row.status,
    tests_run: row.testsRun,
    tests_passed: row.testsPassed,
    tests_failed: row.testsFailed,
    tests_skipped: row.testsSkipped,
    duration_ms: row.durationMs,
  };
}

export function toRagTestResult(test: typeof ragRunTests.$inferSelect) {
  // The stored evidence also keeps the test's risk refs, which the finding carries instead.
  const { risk_refs: _refs, ...evidence } = test.evidence as Record<string, unknown>;
  return {
    test_id: test.testId,
    suite: test.suite,
    title: test.title,
    status: test.status,
    stopped_by: test.stoppedBy,
    severity: test.severity,
    reason: test.reason,
    evidence: evidence as z.output<typeof RagTestResultSchema>["evidence"],
    duration_ms: test.durationMs,
  };
}

/** A run with its tests, as GET /rag-runs/{id} and its event stream show it (RagRunDetail). */
export function toRagRunDetail(run: typeof ragRuns.$inferSelect, tests: Array<typeof ragRunTests.$inferSelect>) {
  return { ...toRagRun(run), error: run.error, tests: tests.map(toRagTestResult) };
}
