// A scan's plan: every (probe, variant) attempt, split into batches of whole probes (a batch can
// then write its probes' findings as soon as it is done), one scan_batch job each. POST /scans
// enqueues the plan right after creating the scan, so the first requests go out without waiting for
// a planning job; `scan_run`, the first job of scans created by earlier versions, enqueues it the
// same way.
import { probes } from "@penaxtra/engine";
import type { Task } from "graphile-worker";
import type postgres from "postgres";
import { addJob, addJobs, type JobQueue } from "./job-queue.ts";
import { failScanForUnusableEndpoint } from "./scan-status-watch.ts";
import { readScanPayload, type PlannedAttempt, type ScanBatchPayload, type WorkerDeps } from "./worker-deps.ts";

export interface ScanPlan {
  batches: PlannedAttempt[][];
  attemptsTotal: number;
}

export function planScan(probeIds: readonly string[] | null, batchSize: number): ScanPlan {
  const selected = probeIds ? probes.filter((probe) => probeIds.includes(probe.id)) : probes;
  const batches: PlannedAttempt[][] = [];
  for (const probe of selected) {
    const last = batches.at(-1);
    const variants = probe.variants.map((_, variantIndex): PlannedAttempt => [probe.id, variantIndex]);
    if (last && last.length < batchSize) last.push(...variants);
    else batches.push(variants);
  }
  return { batches, attemptsTotal: batches.reduce((sum, batch) => sum + batch.length, 0) };
}

/** Queues the plan's batches in one statement: either all of them exist or none does. */
export async function enqueueScanPlan(queue: Pick<JobQueue, "enqueueAll">, scan: { id: string; tenantId: string; endpoint: ScanBatchPayload["endpoint"] }, plan: ScanPlan): Promise<void> {
  const jobs = plan.batches.map((attempts, batch) => ({
    payload: { scan_id: scan.id, tenant_id: scan.tenantId, batch, attempts, endpoint: scan.endpoint } satisfies ScanBatchPayload,
    jobKey: `scan:${scan.id}:batch:${batch}`,
  }));
  await queue.enqueueAll("scan_batch", jobs, { maxAttempts: 10 });
}

export function scanPlanTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await deps.sql.begin(async (tx) => {
      // The lock makes a retried job plan once: a scan that has its total already has its batches.
      const [scan] = await tx<Array<{ probe_ids: string[] | null; attempts_total: number; endpoint_usable: boolean; endpoint_id: string; limits: { concurrency: number; requests_per_minute: number } }>>`
        select s.probe_ids, s.attempts_total, (e.deleted_at is null and e.status = 'active') as endpoint_usable, e.id as endpoint_id, e.limits
        from scans s join endpoints e on e.id = s.endpoint_id and e.tenant_id = s.tenant_id
        where s.id = ${scanId} and s.tenant_id = ${tenantId} and s.status = 'queued'
        for update of s`;
      if (!scan || scan.attempts_total > 0) return;
      if (!scan.endpoint_usable) {
        await failScanForUnusableEndpoint(tx, scanId, "queued");
        return;
      }
      const plan = planScan(scan.probe_ids, deps.config.scanBatchSize);
      await tx`update scans set attempts_total = ${plan.attemptsTotal} where id = ${scanId}`;
      if (plan.batches.length) await enqueueScanPlan(
          { enqueueAll: (task, jobs, options) => addJobs(tx, task, jobs, options) },
          { id: scanId, tenantId, endpoint: { id: scan.endpoint_id, concurrency: scan.limits.concurrency, requests_per_minute: scan.limits.requests_per_minute } },
          plan,
        );
      else await finishEmptyScan(tx, scanId, tenantId);
    });
  };
}

/** A plan with nothing to send (every selected probe left the library): judged at once, no findings. */
export async function finishEmptyScan(sql: postgres.Sql | postgres.TransactionSql, scanId: string, tenantId: string): Promise<void> {
  await sql`update scans set status = 'judging', started_at = now() where id = ${scanId} and status = 'queued'`;
  await addJob(sql, "scan_finalize", { scan_id: scanId, tenant_id: tenantId }, { jobKey: `scan:${scanId}:finalize` });
}
