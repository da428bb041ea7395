// Notices when a scan stops running (cancelled, failed) or its endpoint is deleted or disabled, so
// its batches abort in-flight requests. One poll per scan per process, shared by every batch of
// that scan the process is running.
import type postgres from "postgres";
import type { WorkerDeps } from "./worker-deps.ts";

const POLL_MS = 250;

interface Watch {
  controller: AbortController;
  users: number;
  timer: NodeJS.Timeout;
}

const watches = new Map<string, Watch>();

export interface ScanStatusWatch {
  readonly signal: AbortSignal;
  /** Stops watching for this batch; the poll ends when no batch of the scan needs it. */
  release(): void;
}

/** Ends a scan whose endpoint was deleted or disabled: nobody wants it attacked any more. */
export async function failScanForUnusableEndpoint(
  pg: postgres.Sql | postgres.TransactionSql,
  scanId: string,
  from: "queued" | "running" = "running",
): Promise<void> {
  await pg`
    with failed as (
      update scans set status = 'failed', error = 'endpoint_unavailable', completed_at = now()
      where id = ${scanId} and status = ${from}
      returning tenant_id, id)
    insert into audit_events (tenant_id, action, result, target_kind, target_id, details)
    select tenant_id, 'scan.failed', 'failure', 'scan', id, '{"error":"endpoint_unavailable"}'::jsonb from failed`;
}

export function watchScanStatus(deps: Pick<WorkerDeps, "pg">, scanId: string): ScanStatusWatch {
  let watch = watches.get(scanId);
  if (!watch || watch.controller.signal.aborted) {
    const controller = new AbortController();
    const timer = setInterval(async () => {
      const [row] = await deps.pg<Array<{ status: string; endpoint_usable: boolean }>>`
        select s.status, (e.deleted_at is null and e.status = 'active') as endpoint_usable
        from scans s join endpoints e on e.id = s.endpoint_id
        where s.id = ${scanId}`.catch(() => []);
      if (!row) return;
      if (row.status === "running" && !row.endpoint_usable)
        await failScanForUnusableEndpoint(deps.pg, scanId).catch(() => {});
      if (row.status !== "running" || !row.endpoint_usable)
        controller.abort(new Error(row.endpoint_usable ? `scan is ${row.status}` : "endpoint is no longer usable"));
    }, POLL_MS);
    watch = { controller, users: 0, timer };
    watches.set(scanId, watch);
  }
  watch.users++;
  const current = watch;
  let released = false;
  return {
    signal: current.controller.signal,
    release() {
      if (released) return;
      released = true;
      if (--current.users > 0) return;
      clearInterval(current.timer);
      if (watches.get(scanId) === current) watches.delete(scanId);
    },
  };
}
