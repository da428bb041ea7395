import type postgres from "postgres";
import type { Database } from "../db/connection.ts";
import { auditEvents } from "../db/schema.ts";

export interface AuditEntry {
  tenantId: string | null;
  action: string;
  result: "success" | "failure" | "denied";
  targetKind?: string | null;
  targetId?: string | null;
  tokenId?: string | null;
  requestId?: string | null;
  method?: string | null;
  path?: string | null;
  status?: number | null;
  durationMs?: number | null;
  details?: Record<string, unknown>;
}

/** `db` may be a transaction, so an event commits together with the change it records. */
export async function recordAudit(db: Pick<Database, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    tenantId: entry.tenantId,
    action: entry.action,
    result: entry.result,
    targetKind: entry.targetKind ?? null,
    targetId: entry.targetId ?? null,
    tokenId: entry.tokenId ?? null,
    requestId: entry.requestId ?? null,
    method: entry.method ?? null,
    path: entry.path ?? null,
    status: entry.status ?? null,
    durationMs: entry.durationMs ?? null,
    details: entry.details ?? {},
  });
}

/** The per-request `api.call` row, in raw SQL: it runs on every request, so it skips the query builder. */
export async function recordApiCall(
  pg: postgres.Sql,
  entry: Required<
    Pick<AuditEntry, "tenantId" | "tokenId" | "result" | "requestId" | "method" | "path" | "status" | "durationMs">
  >,
): Promise<void> {
  await pg`insert into audit_events (tenant_id, token_id, action, result, request_id, method, path, status, duration_ms)
            values (${entry.tenantId}, ${entry.tokenId}, 'api.call', ${entry.result}, ${entry.requestId}, ${entry.method}, ${entry.path}, ${entry.status}, ${entry.durationMs})`;
}

/** A domain event caused by an API request: tenant, token and request id come from the request. */
export function recordRequestEvent(
  db: Pick<Database, "insert">,
  c: { get(key: "requestId"): string; get(key: "identity"): { tenantId: string; tokenId: string } | undefined },
  event: {
    action: string;
    targetKind: string;
    targetId: string;
    result?: AuditEntry["result"];
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const identity = c.get("identity");
  return recordAudit(db, {
    tenantId: identity?.tenantId ?? null,
    tokenId: identity?.tokenId ?? null,
    requestId: c.get("requestId"),
    result: event.result ?? "success",
    action: event.action,
    targetKind: event.targetKind,
    targetId: event.targetId,
    details: event.details,
  });
}

type RequestEvent = Parameters<typeof recordRequestEvent>[2];

/** A domain change and its audit event in one transaction: neither ever commits without the other. */
export function changeWithAudit<T>(
  db: Database,
  c: Parameters<typeof recordRequestEvent>[1],
  change: (tx: Database) => Promise<T>,
  event: (result: T) => RequestEvent,
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await change(tx);
    await recordRequestEvent(tx, c, event(result));
    return result;
  });
}
