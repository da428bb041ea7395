// Writes one `api.call` audit row per request, after the response is decided and before it is sent,
// so the row is durable whenever the client saw an answer.
import type { MiddlewareHandler } from "hono";
import type postgres from "postgres";
import { recordApiCall } from "../audit/record-audit.ts";

export function auditApiCalls(pg: postgres.Sql): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const identity = c.get("identity");
    const status = c.res.status;
    await recordApiCall(pg, {
      tenantId: identity?.tenantId ?? null,
      tokenId: identity?.tokenId ?? null,
      result: status < 400 ? "success" : status === 401 || status === 403 ? "denied" : "failure",
      requestId: c.get("requestId") ?? null,
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  };
}
