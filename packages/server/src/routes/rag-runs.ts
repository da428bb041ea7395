import type { Context } from "hono";
import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit, recordRequestEvent } from "../audit/record-audit.ts";
import { createRagRunRoute, getRagRunRoute, listRagRunsRoute, streamRagRunEventsRoute } from "../generated/contract.ts";
import { eventStream } from "../http/event-stream.ts";
import { identityOf } from "../http/guard-operation.ts";
import { validationHook } from "../http/validation.ts";
import { toRagRun, toRagRunDetail } from "../rag-runs/present.ts";
import {
  closeUnqueuedRagRun,
  createManualRagRun,
  enqueueRagRun,
  findRagRun,
  listRagRuns,
  listRagRunTests,
  type RagRunCreate,
} from "../rag-runs/queries.ts";
import { ragRunEventReader } from "../rag-runs/rag-run-events.ts";

export function registerRagRunRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(
    createRagRunRoute,
    async (c) => {
      const identity = identityOf(c);
      const body = c.req.valid("json");
      return createRagRun(c, identity.tenantId, body);
    },
    validationHook({ ai_asset_id: "invalid_ai_asset_id" }),
  );

  async function createRagRun(c: Context, tenantId: string, body: RagRunCreate) {
    const run = await createManualRagRun(deps, tenantId, body, (tx, created) =>
      recordRequestEvent(tx, c, {
        action: "rag_run.started",
        targetKind: "rag_run",
        targetId: created.id,
        details: { ai_asset_id: created.aiAssetId },
      }),
    );
    const failure = await enqueueRagRun(deps, tenantId, run);
    if (failure) {
      await changeWithAudit(
        db,
        c,
        (tx) => closeUnqueuedRagRun(tx, run.id),
        () => ({
          action: "rag_run.enqueue_failed",
          result: "failure",
          targetKind: "rag_run",
          targetId: run.id,
          details: { message: failure.message },
        }),
      );
      return c.json({ error: "enqueue_failed" as const, rag_run_id: run.id }, 502);
    }
    return c.json(
      { accepted: true as const, ai_asset_id: run.aiAssetId, rag_run_id: run.id, poll: "/api/v2/rag-runs" as const },
      202,
    );
  }

  app.openapi(listRagRunsRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listRagRuns(db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toRagRun), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getRagRunRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const run = await findRagRun(db, identity.tenantId, id);
    return c.json(toRagRunDetail(run, await listRagRunTests(db, id)), 200);
  });

  app.openapi(streamRagRunEventsRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const read = ragRunEventReader(db, identity.tenantId, id);
    // Read once before the stream starts: a missing rag run is a JSON 404.
    return eventStream(c, deps, { kind: "rag_run", id, read, first: await read() }) as never;
  });
}
