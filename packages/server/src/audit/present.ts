// An audit event row as the API shows it (the AuditEvent schema of openapi.yaml).
import type { auditEvents } from "../db/schema.ts";

export type AuditEventRow = typeof auditEvents.$inferSelect;

export function toAuditEvent(row: AuditEventRow) {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    action: row.action,
    target_kind: row.targetKind,
    target_id: row.targetId,
    result: row.result,
    token_id: row.tokenId,
    request_id: row.requestId,
    method: row.method,
    path: row.path,
    status: row.status,
    duration_ms: row.durationMs,
    details: row.details as Record<string, unknown>,
  };
}
