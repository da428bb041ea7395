// Writes one `api.call` audit row per request, after the response is decided and before it is sent,
// so the row is durable whenever the client saw an answer.
import type { MiddlewareHandler } from "hono";
import type { Database } from "../db/connection.ts";
import { recordAudit } from "../audit/record-audit.ts";

export function auditApiCalls(db: Database): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const identity = c.get("identity");
    const status = c.res.status;
    await recordAudit(db, {
      tenantId: identity?.tenantId ?? null,
      tokenId: identity?.tokenId ?? null,
      action: "api.call",
      result: status < 400 ? "success" : status === 401 || status === 403 ? "denied" : "failure",
      requestId: c.get("requestId") ?? null,
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  };
}
