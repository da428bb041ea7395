// Reading a tenant's audit log (recording it is record-audit.ts).
import type { z } from "@hono/zod-openapi";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { auditEvents } from "../db/schema.ts";
import type { listAuditEventsRoute } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";

export type AuditEventListQuery = z.output<typeof listAuditEventsRoute.request.query>;

/** A page of the tenant's audit events matching the query's filters, newest first. */
export async function listAuditEvents(db: Database, tenantId: string, query: AuditEventListQuery) {
  const filters: Array<SQL | undefined> = [
    eq(auditEvents.tenantId, tenantId),
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.target_kind ? eq(auditEvents.targetKind, query.target_kind) : undefined,
    query.result ? eq(auditEvents.result, query.result) : undefined,
    query.from ? gte(auditEvents.at, new Date(query.from)) : undefined,
    query.to ? lt(auditEvents.at, new Date(query.to)) : undefined,
    afterCursor(decodeCursor(query.cursor, "integer"), auditEvents.at, auditEvents.id),
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...filters))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => ({ at: row.at, id: String(row.id) }));
}
