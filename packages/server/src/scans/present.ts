// A scan row as the API shows it (the Scan schema of openapi.yaml).
import { getTableColumns } from "drizzle-orm";
import { scans } from "../db/schema.ts";

/** A scan row as the API reads it: without the custom probe definitions it keeps for its workers. */
export type ScanRow = Omit<typeof scans.$inferSelect, "customProbes">;

const { customProbes: _workersOnly, ...shownColumns } = getTableColumns(scans);
/** The columns of ScanRow, for `db.select(scanColumns)`: a definition copy can be large. */
export const scanColumns = shownColumns;

export function toScan(row: ScanRow) {
  return {
    id: row.id,
    endpoint_id: row.endpointId,
    status: row.status,
    probe_ids: row.probeIds,
    probe_count: row.probeIds ? row.probeIds.length : null,
    strategies: row.strategies,
    // Scans from before the token budget show the default they ran without.
    adaptive: row.adaptive ? { max_tokens: 20_000, ...row.adaptive } : null,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
    error: row.error,
    attempts_total: row.attemptsTotal,
    attempts_done: row.attemptsDone,
    attempts_errored: row.attemptsErrored,
    findings_count: row.findingsCount,
  };
}
