// One log line per request, at info: method, the route it matched (the pattern, so no ids or query
// strings), status, duration, request id, and the tenant and token id when the token was good.
// Never the token itself or any body. Also written for errors and for 503s the audit log cannot take.
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "pino";

export function accessLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const identity = c.get("identity");
    const route = routePath(c, -1);
    log.info(
      {
        method: c.req.method,
        route: route === "*" || route === "/*" ? null : route,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 100) / 100,
        request_id: c.get("requestId") ?? null,
        tenant_id: identity?.tenantId ?? null,
        token_id: identity?.tokenId ?? null,
      },
      "request",
    );
  };
}
