// A finding row as the API shows it (the Finding schema of openapi.yaml).
import type { findings } from "../db/schema.ts";

export type FindingRow = typeof findings.$inferSelect;

export function toFinding(row: FindingRow) {
  return {
    id: row.id,
    scan_id: row.scanId,
    rag_run_id: row.ragRunId,
    endpoint_id: row.endpointId,
    ai_asset_id: row.aiAssetId,
    probe_id: row.probeId,
    title: row.title,
    category: row.category,
    severity: row.severity as "high",
    status: row.status as "open",
    verdict: row.verdict as "vulnerable",
    confidence: row.confidence,
    risk_refs: row.riskRefs,
    fingerprint: row.fingerprint,
    lifecycle: row.lifecycle as "new",
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
