// What a RAG run's event stream sends (GET /rag-runs/{id}/events): the run with its tests when it
// changed, and `end` with the final run once it has ended. One reader per stream.
import type { Database } from "../db/connection.ts";
import { toRagRunDetail } from "./present.ts";
import { findRagRun, listRagRunTests } from "./queries.ts";

const ENDED = new Set(["completed", "failed"]);

export interface RagRunStreamEvent {
  event: "rag_run" | "end";
  data: unknown;
}

export function ragRunEventReader(db: Database, tenantId: string, runId: string) {
  let lastSent = "";
  return async (): Promise<{ events: RagRunStreamEvent[]; done: boolean }> => {
    const run = await findRagRun(db, tenantId, runId);
    const detail = toRagRunDetail(run, await listRagRunTests(db, runId));
    const ended = ENDED.has(run.status);
    const shown = JSON.stringify(detail);
    const events: RagRunStreamEvent[] = [];
    if (ended) events.push({ event: "end", data: detail });
    else if (shown !== lastSent) events.push({ event: "rag_run", data: detail });
    lastSent = shown;
    return { events, done: ended };
  };
}
