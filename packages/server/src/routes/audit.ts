import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { auditEvents } from "../db/schema.ts";
import { listAuditEventsRoute } from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";

export function registerAuditRoutes(app: App, deps: AppDeps) {
  app.openapi(listAuditEventsRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const filters: Array<SQL | undefined> = [
      eq(auditEvents.tenantId, identity.tenantId),
      query.action ? eq(auditEvents.action, query.action) : undefined,
      query.target_kind ? eq(auditEvents.targetKind, query.target_kind) : undefined,
      query.result ? eq(auditEvents.result, query.result) : undefined,
      query.from ? gte(auditEvents.at, new Date(query.from)) : undefined,
      query.to ? lt(auditEvents.at, new Date(query.to)) : undefined,
      afterCursor(decodeCursor(query.cursor), auditEvents.at, auditEvents.id),
    ];
    const rows = await deps.db
      .select()
      .from(auditEvents)
      .where(and(...filters))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(query.limit + 1);
    const result = page(rows, query.limit, (row) => ({ at: row.at, id: String(row.id) }));
    return c.json(
      {
        data: result.data.map((row) => ({
          id: String(row.id),
          at: row.at.toISOString(),
          action: row.action,
          target_kind: row.targetKind,
          target_id: row.targetId,
          result: row.result as "success",
          token_id: row.tokenId,
          request_id: row.requestId,
          method: row.method,
          path: row.path,
          status: row.status,
          duration_ms: row.durationMs,
          details: row.details as Record<string, unknown>,
        })),
        next_cursor: result.next_cursor,
      },
      200,
    );
  });
}
