import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit, recordRequestEvent } from "../audit/record-audit.ts";
import { toEndpoint, toEndpointTestResult } from "../endpoints/present.ts";
import { createEndpoint, deleteEndpoint, findEndpoint, listEndpoints, updateEndpoint } from "../endpoints/queries.ts";
import { sendTestPrompt } from "../endpoints/test-connection.ts";
import {
  createEndpointRoute,
  deleteEndpointRoute,
  getEndpointRoute,
  listEndpointsRoute,
  testEndpointRoute,
  updateEndpointRoute,
} from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";

export function registerEndpointRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(createEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    const row = await changeWithAudit(
      db,
      c,
      (tx) => createEndpoint({ ...deps, db: tx }, identity.tenantId, body),
      (created) => ({
        action: "endpoint.created",
        targetKind: "endpoint",
        targetId: created.id,
        details: { name: created.name, url: created.url },
      }),
    );
    return c.json(toEndpoint(row), 201);
  });

  app.openapi(listEndpointsRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listEndpoints(db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toEndpoint), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getEndpointRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toEndpoint(await findEndpoint(db, identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(updateEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    // Which fields changed, never their values: secrets must not reach the audit log.
    const row = await changeWithAudit(
      db,
      c,
      (tx) => updateEndpoint({ ...deps, db: tx }, identity.tenantId, id, body),
      () => ({
        action: "endpoint.updated",
        targetKind: "endpoint",
        targetId: id,
        details: { fields: Object.keys(body) },
      }),
    );
    return c.json(toEndpoint(row), 200);
  });

  app.openapi(deleteEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    await changeWithAudit(
      db,
      c,
      (tx) => deleteEndpoint(tx, identity.tenantId, id),
      () => ({ action: "endpoint.deleted", targetKind: "endpoint", targetId: id }),
    );
    return c.body(null, 204);
  });

  app.openapi(testEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const row = await findEndpoint(db, identity.tenantId, c.req.valid("param").id);
    const outcome = await sendTestPrompt(deps, row);
    await recordRequestEvent(db, c, {
      action: "endpoint.tested",
      result: outcome.ok ? "success" : "failure",
      targetKind: "endpoint",
      targetId: row.id,
      details: outcome.ok ? { latency_ms: outcome.latencyMs } : { error: outcome.error, message: outcome.message },
    });
    return c.json(toEndpointTestResult(outcome), 200);
  });
}
