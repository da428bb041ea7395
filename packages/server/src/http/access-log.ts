// One log line per request, at info: method, the route it matched (the pattern, so no ids or query
// strings), status, duration, request id, and the tenant and token id when the token was good.
// Never the token itself or any body. The same measure feeds the latency histogram of /metrics.
// Also written for errors and for 503s the audit log cannot take.
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "pino";
import { httpRequestDuration } from "../metrics/metrics.ts";

export function accessLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const identity = c.get("identity");
    const pattern = routePath(c, -1);
    const route = pattern === "*" || pattern === "/*" ? null : pattern;
    const seconds = (performance.now() - started) / 1000;
    httpRequestDuration.observe({ method: c.req.method, route: route ?? "unmatched", status: c.res.status }, seconds);
    log.info(
      {
        method: c.req.method,
        route,
        status: c.res.status,
        ms: Math.round(seconds * 100_000) / 100,
        request_id: c.get("requestId") ?? null,
        tenant_id: identity?.tenantId ?? null,
        token_id: identity?.tokenId ?? null,
      },
      "request",
    );
  };
}
