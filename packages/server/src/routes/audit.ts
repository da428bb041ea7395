import type { App, AppDeps } from "../app-deps.ts";
import { toAuditEvent } from "../audit/present.ts";
import { listAuditEvents } from "../audit/queries.ts";
import { listAuditEventsRoute } from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";

export function registerAuditRoutes(app: App, deps: AppDeps) {
  app.openapi(listAuditEventsRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listAuditEvents(deps.db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toAuditEvent), next_cursor: result.next_cursor }, 200);
  });
}
