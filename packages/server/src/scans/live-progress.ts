import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { scanAttempts } from "../db/schema.ts";
import type { ScanRow } from "./present.ts";

// Progress of a scan that has not finished is counted from its attempts (each attempt writes only
// its own row, so parallel attempts never queue on the scan's row); finalize stores the totals.
const LIVE_PROGRESS = new Set(["queued", "running", "judging", "cancelled"]);

export async function withLiveProgress(db: Database, rows: ScanRow[]): Promise<ScanRow[]> {
  const live = rows.filter((row) => LIVE_PROGRESS.has(row.status) && row.attemptsTotal > 0).map((row) => row.id);
  if (!live.length) return rows;
  const counts = await db
    .select({
      scanId: scanAttempts.scanId,
      done: sql<number>`count(*)::int`,
      errored: sql<number>`count(*) filter (where ${scanAttempts.status} = 'errored')::int`,
    })
    .from(scanAttempts)
    .where(inArray(scanAttempts.scanId, live))
    .groupBy(scanAttempts.scanId);
  const byScan = new Map(counts.map((count) => [count.scanId, count]));
  return rows.map((row) => {
    const count = byScan.get(row.id);
    return count ? { ...row, attemptsDone: count.done, attemptsErrored: count.errored } : row;
  });
}
