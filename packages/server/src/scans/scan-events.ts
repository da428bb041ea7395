// What a scan's event stream sends (GET /scans/{id}/events): the scan when it changed, each finding
// once, and `end` with the final scan once it has ended. One reader per stream.
import type { Database } from "../db/connection.ts";
import { toFinding } from "../findings/present.ts";
import { scanFindingsExcept } from "../findings/queries.ts";
import { toScan } from "./present.ts";
import { findScan } from "./queries.ts";

const ENDED = new Set(["completed", "failed", "cancelled"]);

export interface ScanStreamEvent {
  event: "scan" | "finding" | "end";
  id?: string;
  data: unknown;
}

export function scanEventReader(db: Database, tenantId: string, scanId: string) {
  let lastSent = "";
  const findingsSent = new Set<string>();
  return async (): Promise<{ events: ScanStreamEvent[]; done: boolean }> => {
    const row = await findScan(db, tenantId, scanId);
    const scan = toScan(row);
    const ended = ENDED.has(row.status);
    const events: ScanStreamEvent[] = [];
    const shown = JSON.stringify(scan);
    if (shown !== lastSent && !ended) events.push({ event: "scan", data: scan });
    lastSent = shown;
    for (const finding of await scanFindingsExcept(db, tenantId, scanId, [...findingsSent])) {
      findingsSent.add(finding.id);
      events.push({ event: "finding", id: finding.id, data: toFinding(finding) });
    }
    if (ended) events.push({ event: "end", data: scan });
    return { events, done: ended };
  };
}
