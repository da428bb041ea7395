// scan_finalize, the judging step's close: every batch has written its findings (record-findings.ts);
// this counts them and ends the scan, completed or (when every attempt errored) failed, with its
// audit events. Guarded by the scan's `judging` status, so running it twice changes nothing.
import type { Task } from "graphile-worker";
import { readScanPayload, type WorkerDeps } from "./worker-deps.ts";

export function scanFinalizeTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await finalizeScan(deps, scanId, tenantId);
  };
}

export async function finalizeScan(deps: Pick<WorkerDeps, "sql">, scanId: string, tenantId: string): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const [scan] = await tx<Array<{ status: string; attempts_total: number }>>`select status, attempts_total from scans where id = ${scanId} and tenant_id = ${tenantId} for update`;
    if (!scan || scan.status !== "judging") return;
    const [counts] = await tx<Array<{ done: number; errored: number; first_error: string | null }>>`
      select count(*)::int as done,
             count(*) filter (where status = 'errored')::int as errored,
             (array_agg(error order by completed_at) filter (where status = 'errored'))[1] as first_error
      from scan_attempts where scan_id = ${scanId}`;
    const findings = await tx<Array<{ id: string; status: string }>>`select id, status from findings where scan_id = ${scanId} order by created_at, id`;
    const everyAttemptErrored = counts!.done > 0 && counts!.errored === counts!.done;
    await tx`
      update scans set
        status = ${everyAttemptErrored ? "failed" : "completed"},
        error = ${everyAttemptErrored ? `all_attempts_errored: ${counts!.first_error}` : null},
        findings_count = ${findings.length}, attempts_done = ${counts!.done}, attempts_errored = ${counts!.errored},
        completed_at = clock_timestamp()
      where id = ${scanId}`;

    const events = [
      ...(findings.length
        ? [{ action: "findings.created", result: "success", details: { count: findings.length, confirmed: findings.filter((f) => f.status === "confirmed").length, finding_ids: findings.slice(0, 200).map((f) => f.id) } }]
        : []),
      {
        action: everyAttemptErrored ? "scan.failed" : "scan.completed",
        result: everyAttemptErrored ? "failure" : "success",
        details: { attempts_total: scan.attempts_total, attempts_errored: counts!.errored, findings_count: findings.length },
      },
    ];
    await tx`insert into audit_events ${tx(events.map((event) => ({ tenant_id: tenantId, action: event.action, result: event.result, target_kind: "scan", target_id: scanId, details: JSON.stringify(event.details) })))}`;
  });
}
