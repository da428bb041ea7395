import type { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { aiAssets, ragRunTests, ragRuns } from "../db/schema.ts";
import { createRagRunRoute, getRagRunRoute, listRagRunsRoute, type RagTestResultSchema } from "../generated/contract.ts";
import { notFound } from "../errors/api-error.ts";
import { identityOf } from "../http/guard-operation.ts";
import { validationHook } from "../http/validation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { RAG_RUN_MAX_ATTEMPTS } from "../rag-runs/limits.ts";
import { toRagRun } from "../rag-runs/present.ts";
import { idempotent } from "../http/idempotency.ts";
import { requireToken } from "../rate-limit/take-token.ts";

export function registerRagRunRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(
    createRagRunRoute,
    async (c) => {
      const identity = identityOf(c);
      const body = c.req.valid("json");
      const create = () => createRagRun(c, identity, body);
      return idempotent(c, deps.sql, identity.tenantId, "createRagRun", body, create) as ReturnType<typeof create>;
    },
    validationHook({ ai_asset_id: "invalid_ai_asset_id" }),
  );

  async function createRagRun(c: Context, identity: ReturnType<typeof identityOf>, body: { ai_asset_id: string }) {
    const [asset] = await db
      .select({ id: aiAssets.id })
      .from(aiAssets)
      .where(and(eq(aiAssets.id, body.ai_asset_id), eq(aiAssets.tenantId, identity.tenantId), eq(aiAssets.kind, "rag"), isNull(aiAssets.deletedAt)));
    if (!asset) throw notFound("rag_asset_not_found");
    await requireToken(deps.sql, { key: `rag_run:${asset.id}`, capacity: deps.config.ragRunsPerHour, refillPerSecond: deps.config.ragRunsPerHour / 3600 });

    const [run] = await db.insert(ragRuns).values({ tenantId: identity.tenantId, aiAssetId: asset.id, trigger: "manual", status: "running" }).returning();
    try {
      await deps.queue.enqueue("rag_run", { rag_run_id: run!.id, tenant_id: identity.tenantId }, { jobKey: `rag_run:${run!.id}`, maxAttempts: RAG_RUN_MAX_ATTEMPTS });
    } catch (error) {
      deps.log.error({ err: error, ragRunId: run!.id }, "could not enqueue RAG run");
      await db
        .update(ragRuns)
        .set({ status: "failed", error: "enqueue_failed", completedAt: sql`now()`, durationMs: 0 })
        .where(eq(ragRuns.id, run!.id));
      await recordRequestEvent(db, c, { action: "rag_run.enqueue_failed", result: "failure", targetKind: "rag_run", targetId: run!.id, details: { message: (error as Error).message } });
      return c.json({ error: "enqueue_failed" as const, rag_run_id: run!.id }, 502);
    }
    await recordRequestEvent(db, c, { action: "rag_run.started", targetKind: "rag_run", targetId: run!.id, details: { ai_asset_id: asset.id } });
    return c.json({ accepted: true as const, ai_asset_id: asset.id, rag_run_id: run!.id, poll: `/api/v2/rag-runs/${run!.id}` }, 202);
  }

  app.openapi(listRagRunsRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const rows = await db
      .select()
      .from(ragRuns)
      .where(
        and(
          eq(ragRuns.tenantId, identity.tenantId),
          query.ai_asset_id ? eq(ragRuns.aiAssetId, query.ai_asset_id) : undefined,
          afterCursor(decodeCursor(query.cursor), ragRuns.startedAt, ragRuns.id),
        ),
      )
      .orderBy(desc(ragRuns.startedAt), desc(ragRuns.id))
      .limit(query.limit + 1);
    const result = page(rows, query.limit, (row) => ({ at: row.startedAt, id: row.id }));
    return c.json({ data: result.data.map(toRagRun), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getRagRunRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const [run] = await db.select().from(ragRuns).where(and(eq(ragRuns.id, id), eq(ragRuns.tenantId, identity.tenantId)));
    if (!run) throw notFound("rag_run_not_found");
    const tests = await db.select().from(ragRunTests).where(eq(ragRunTests.ragRunId, id)).orderBy(asc(ragRunTests.createdAt), asc(ragRunTests.testId));
    return c.json(
      {
        ...toRagRun(run),
        error: run.error,
        tests: tests.map((test) => {
          const { risk_refs: _refs, ...evidence } = test.evidence as Record<string, unknown>;
          return {
            test_id: test.testId,
            suite: test.suite as "canary",
            title: test.title,
            status: test.status as "passed",
            stopped_by: test.stoppedBy as "none" | null,
            severity: test.severity as "high",
            reason: test.reason,
            evidence: evidence as z.output<typeof RagTestResultSchema>["evidence"],
            duration_ms: test.durationMs,
          };
        }),
      },
      200,
    );
  });
}
