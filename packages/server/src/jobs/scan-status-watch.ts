// Notices when a scan stops running (cancelled, failed) so its batches abort in-flight requests.
// One poll per scan per process, shared by every batch of that scan the process is running.
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

export function watchScanStatus(deps: Pick<WorkerDeps, "sql">, scanId: string): ScanStatusWatch {
  let watch = watches.get(scanId);
  if (!watch || watch.controller.signal.aborted) {
    const controller = new AbortController();
    const timer = setInterval(async () => {
      const [row] = await deps.sql<Array<{ status: string }>>`select status from scans where id = ${scanId}`.catch(() => []);
      if (row && row.status !== "running") controller.abort(new Error(`scan is ${row.status}`));
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
