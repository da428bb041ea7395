// Writes one `api.call` audit row per request, after the response is decided and before it is sent,
// so the row is durable whenever the client saw an answer.
import type { MiddlewareHandler } from "hono";
import type postgres from "postgres";
import { recordApiCall } from "../audit/record-audit.ts";
import { storableText } from "../db/storable-text.ts";
import { takeToken } from "../rate-limit/take-token.ts";

const UNAUTHENTICATED_SAMPLE = 60;

export function auditApiCalls(pg: postgres.Sql): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const identity = c.get("identity");
    const status = c.res.status;
    // Unauthenticated denials are sampled: a flood without a valid token may not grow the audit
    // log without limit (at most UNAUTHENTICATED_SAMPLE rows at once, then one a second).
    if (!identity && (status === 401 || status === 429)) {
      const sample = await takeToken(pg, {
        key: "audit:unauthenticated",
        capacity: UNAUTHENTICATED_SAMPLE,
        refillPerSecond: 1,
      });
      if (!sample.allowed) return;
    }
    // With the database away there is nowhere to write the row; the 503 still goes out.
    if (status === 503) return;
    await recordApiCall(pg, {
      tenantId: identity?.tenantId ?? null,
      tokenId: identity?.tokenId ?? null,
      result: status < 400 ? "success" : status === 401 || status === 403 ? "denied" : "failure",
      requestId: c.get("requestId") ?? null,
      method: c.req.method,
      // As received, %00 and all: a path is evidence, but it must be text Postgres can store.
      path: storableText(c.req.path),
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  };
}
