// scan_run: the first job of a scan. Decides every (probe, variant) attempt, splits them into
// batches and enqueues one scan_batch job per batch, each carrying its share of the plan, in one
// transaction: either the whole plan is queued or none of it is. The attempts' rows (with their
// canaries) are written by each batch as it starts, so the first requests go out sooner.
import { probes } from "@penaxtra/engine";
import type { Task } from "graphile-worker";
import { addJob, addJobs } from "./job-queue.ts";
import { failScanForUnusableEndpoint } from "./scan-status-watch.ts";
import { readScanPayload, type PlannedAttempt, type WorkerDeps } from "./worker-deps.ts";

export function scanPlanTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await deps.sql.begin(async (tx) => {
      // The transition is the lock: only a queued scan with a usable endpoint starts running. Any
      // other outcome means the plan already committed, the scan ended, or the endpoint went away.
      const [scan] = await tx<Array<{ probe_ids: string[] | null; endpoint_usable: boolean }>>`
        select s.probe_ids, (e.deleted_at is null and e.status = 'active') as endpoint_usable
        from scans s join endpoints e on e.id = s.endpoint_id and e.tenant_id = s.tenant_id
        where s.id = ${scanId} and s.tenant_id = ${tenantId} and s.status = 'queued'
        for update of s`;
      if (!scan) return;
      if (!scan.endpoint_usable) {
        await failScanForUnusableEndpoint(tx, scanId, "queued");
        return;
      }

      const selected = scan.probe_ids ? probes.filter((probe) => scan.probe_ids!.includes(probe.id)) : probes;
      // Whole probes per batch: a batch can then write its probes' findings as soon as it is done.
      const slices: PlannedAttempt[][] = [];
      for (const probe of selected) {
        const last = slices.at(-1);
        const variants = probe.variants.map((_, variantIndex): PlannedAttempt => [probe.id, variantIndex]);
        if (last && last.length < deps.config.scanBatchSize) last.push(...variants);
        else slices.push(variants);
      }
      const total = slices.reduce((sum, slice) => sum + slice.length, 0);
      await tx`update scans set status = ${slices.length ? "running" : "judging"}, attempts_total = ${total}, started_at = now() where id = ${scanId}`;
      if (slices.length) {
        const batches = slices.map((attempts, batch) => ({ payload: { scan_id: scanId, tenant_id: tenantId, batch, attempts }, jobKey: `scan:${scanId}:batch:${batch}` }));
        await addJobs(tx, "scan_batch", batches, { maxAttempts: 10 });
      } else {
        // Nothing to send: straight to judging, which completes the scan with no findings.
        await addJob(tx, "scan_finalize", { scan_id: scanId, tenant_id: tenantId }, { jobKey: `scan:${scanId}:finalize` });
      }
    });
  };
}
