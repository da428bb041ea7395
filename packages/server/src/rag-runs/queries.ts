// The RAG runs of a tenant: start a manual one (the row and its job), list them, read one and its tests.
import type { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type postgres from "postgres";
import type { ServerConfig } from "../config.ts";
import type { Database } from "../db/connection.ts";
import { aiAssets, ragRuns, ragRunTests } from "../db/schema.ts";
import { notFound } from "../errors/api-error.ts";
import type { listRagRunsRoute, RagRunCreateSchema } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import type { JobQueue } from "../queue/job-queue.ts";
import { CREATION_WINDOW_SECONDS, requireWindow } from "../rate-limit/take-token.ts";
import { RAG_RUN_MAX_ATTEMPTS } from "./limits.ts";

export type RagRunRow = typeof ragRuns.$inferSelect;
export type RagRunTestRow = typeof ragRunTests.$inferSelect;
export type RagRunListQuery = z.output<typeof listRagRunsRoute.request.query>;
export type RagRunCreate = z.output<typeof RagRunCreateSchema>;

/**
 * Inserts a manual run, `running`, of the tenant's RAG asset, with its `rag_run.started` audit row in
 * the same transaction. 404 rag_asset_not_found unless the asset is the tenant's, a RAG pipeline and
 * not deleted; 429 when the asset had its six runs (PENAXTRA_RAG_RUNS_PER_HOUR) in the last hour.
 */
export async function createManualRagRun(
  deps: { db: Database; pg: postgres.Sql; config: Pick<ServerConfig, "ragRunsPerHour"> },
  tenantId: string,
  body: RagRunCreate,
  audit: (tx: Database, run: RagRunRow) => Promise<void>,
): Promise<RagRunRow> {
  const [asset] = await deps.db
    .select({ id: aiAssets.id })
    .from(aiAssets)
    .where(
      and(
        eq(aiAssets.id, body.ai_asset_id),
        eq(aiAssets.tenantId, tenantId),
        eq(aiAssets.kind, "rag"),
        isNull(aiAssets.deletedAt),
      ),
    );
  if (!asset) throw notFound("rag_asset_not_found");
  await requireWindow(deps.pg, {
    key: `rag_run:${asset.id}`,
    limit: deps.config.ragRunsPerHour,
    windowSeconds: CREATION_WINDOW_SECONDS.ragRuns,
  });

  return deps.db.transaction(async (tx) => {
    const [run] = await tx
      .insert(ragRuns)
      .values({ tenantId, aiAssetId: asset.id, trigger: "manual", status: "running" })
      .returning();
    await audit(tx, run!);
    return run!;
  });
}

/** Queues the run's job; returns the error when that fails, for `closeUnqueuedRagRun`. */
export async function enqueueRagRun(
  deps: { queue: JobQueue; log: Logger },
  tenantId: string,
  run: RagRunRow,
): Promise<Error | undefined> {
  try {
    await deps.queue.enqueue(
      "rag_run",
      { rag_run_id: run.id, tenant_id: tenantId },
      { jobKey: `rag_run:${run.id}`, maxAttempts: RAG_RUN_MAX_ATTEMPTS },
    );
    return undefined;
  } catch (error) {
    deps.log.error({ err: error, ragRunId: run.id }, "could not enqueue RAG run");
    return error as Error;
  }
}

/** Closes a run whose job could not be queued `failed` (enqueue_failed); it stays addressable. */
export async function closeUnqueuedRagRun(db: Database, runId: string): Promise<void> {
  await db
    .update(ragRuns)
    .set({ status: "failed", error: "enqueue_failed", completedAt: sql`now()`, durationMs: 0 })
    .where(eq(ragRuns.id, runId));
}

/** A page of the tenant's RAG runs, newest first, optionally of one asset. */
export async function listRagRuns(db: Database, tenantId: string, query: RagRunListQuery) {
  const rows = await db
    .select()
    .from(ragRuns)
    .where(
      and(
        eq(ragRuns.tenantId, tenantId),
        query.ai_asset_id ? eq(ragRuns.aiAssetId, query.ai_asset_id) : undefined,
        afterCursor(decodeCursor(query.cursor), ragRuns.startedAt, ragRuns.id),
      ),
    )
    .orderBy(desc(ragRuns.startedAt), desc(ragRuns.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => ({ at: row.startedAt, id: row.id }));
}

/** The run, unless it is another tenant's: then 404 rag_run_not_found. */
export async function findRagRun(db: Database, tenantId: string, id: string): Promise<RagRunRow> {
  const [run] = await db
    .select()
    .from(ragRuns)
    .where(and(eq(ragRuns.id, id), eq(ragRuns.tenantId, tenantId)));
  if (!run) throw notFound("rag_run_not_found");
  return run;
}

/** The run's test results so far, in the order they were recorded. */
export function listRagRunTests(db: Database, ragRunId: string): Promise<RagRunTestRow[]> {
  return db
    .select()
    .from(ragRunTests)
    .where(eq(ragRunTests.ragRunId, ragRunId))
    .orderBy(asc(ragRunTests.createdAt), asc(ragRunTests.testId));
}
