// scan_run: the first job of a scan. Plans every (probe, variant) attempt with its own canary,
// splits them into batches and enqueues one scan_batch job per batch, all in one transaction:
// either the whole plan exists or none of it does, and a retried plan finds it already made.
import { makeCanary, probes, renderPayload } from "@penaxtra/engine";
import type { Task } from "graphile-worker";
import { addJob, addJobs } from "./job-queue.ts";
import { readScanPayload, type WorkerDeps } from "./worker-deps.ts";

export function scanPlanTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await deps.sql.begin(async (tx) => {
      const [scan] = await tx<Array<{ status: string; probe_ids: string[] | null; endpoint_usable: boolean }>>`
        select s.status, s.probe_ids, (e.deleted_at is null and e.status = 'active') as endpoint_usable
        from scans s join endpoints e on e.id = s.endpoint_id and e.tenant_id = s.tenant_id
        where s.id = ${scanId} and s.tenant_id = ${tenantId} for update of s`;
      // Any other status means the plan already committed (with its batch jobs) or the scan ended.
      if (!scan || scan.status !== "queued") return;

      if (!scan.endpoint_usable) {
        await tx`update scans set status = 'failed', error = 'endpoint_unavailable', completed_at = now() where id = ${scanId}`;
        await tx`insert into audit_events (tenant_id, action, result, target_kind, target_id, details)
                 values (${tenantId}, 'scan.failed', 'failure', 'scan', ${scanId}, ${JSON.stringify({ error: "endpoint_unavailable" })}::jsonb)`;
        return;
      }

      const selected = scan.probe_ids ? probes.filter((probe) => scan.probe_ids!.includes(probe.id)) : probes;
      const batchSize = deps.config.scanBatchSize;
      const rows = selected
        .flatMap((probe) => probe.variants.map((_, variantIndex) => ({ probe, variantIndex })))
        .map(({ probe, variantIndex }, index) => {
          const canary = makeCanary();
          return {
            tenant_id: tenantId,
            scan_id: scanId,
            batch: Math.floor(index / batchSize),
            probe_id: probe.id,
            variant_index: variantIndex,
            canary,
            prompt: renderPayload(probe, variantIndex, canary),
          };
        });
      if (rows.length) await tx`insert into scan_attempts ${tx(rows)} on conflict do nothing`;

      const batchCount = Math.ceil(rows.length / batchSize);
      if (batchCount) {
        await tx`update scans set status = 'running', attempts_total = ${rows.length}, started_at = now() where id = ${scanId}`;
        const batches = Array.from({ length: batchCount }, (_, batch) => ({ payload: { scan_id: scanId, tenant_id: tenantId, batch }, jobKey: `scan:${scanId}:batch:${batch}` }));
        await addJobs(tx, "scan_batch", batches, { maxAttempts: 10 });
      } else {
        // Nothing to send: straight to judging, which completes the scan with no findings.
        await tx`update scans set status = 'judging', attempts_total = 0, started_at = now() where id = ${scanId}`;
        await addJob(tx, "scan_finalize", { scan_id: scanId, tenant_id: tenantId }, { jobKey: `scan:${scanId}:finalize` });
      }
    });
  };
}
