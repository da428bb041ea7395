// scan_run: the first job of a scan. Plans every (probe, variant) attempt with its own canary,
// splits them into batches and enqueues one scan_batch job per batch, all in one transaction:
// either the whole plan exists or none of it does, and a retried plan finds it already made.
// Few statements: planning sits between POST /scans and the first request to the target.
import { makeCanary, probes, renderPayload } from "@penaxtra/engine";
import type { Task } from "graphile-worker";
import { addJob, addJobs } from "./job-queue.ts";
import { readScanPayload, type WorkerDeps } from "./worker-deps.ts";

export function scanPlanTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await deps.sql.begin(async (tx) => {
      // The transition is the lock: only a queued scan with a usable endpoint starts running. Any
      // other outcome means the plan already committed, the scan ended, or the endpoint went away.
      const [started] = await tx<Array<{ probe_ids: string[] | null }>>`
        update scans s set status = 'running', started_at = now()
        from endpoints e
        where s.id = ${scanId} and s.tenant_id = ${tenantId} and s.status = 'queued'
          and e.id = s.endpoint_id and e.tenant_id = s.tenant_id and e.deleted_at is null and e.status = 'active'
        returning s.probe_ids`;
      if (!started) {
        const failed = await tx`update scans set status = 'failed', error = 'endpoint_unavailable', completed_at = now()
                                where id = ${scanId} and tenant_id = ${tenantId} and status = 'queued' returning id`;
        if (failed.length) {
          await tx`insert into audit_events (tenant_id, action, result, target_kind, target_id, details)
                   values (${tenantId}, 'scan.failed', 'failure', 'scan', ${scanId}, ${JSON.stringify({ error: "endpoint_unavailable" })}::jsonb)`;
        }
        return;
      }

      const selected = started.probe_ids ? probes.filter((probe) => started.probe_ids!.includes(probe.id)) : probes;
      const batchSize = deps.config.scanBatchSize;
      const attempts = selected
        .flatMap((probe) => probe.variants.map((_, variantIndex) => ({ probe, variantIndex })))
        .map(({ probe, variantIndex }, index) => {
          const canary = makeCanary();
          return { batch: Math.floor(index / batchSize), probe_id: probe.id, variant_index: variantIndex, canary, prompt: renderPayload(probe, variantIndex, canary) };
        });
      // One JSON parameter rather than seven per row: a full library is ~250 rows.
      await tx`
        with planned as (
          insert into scan_attempts (tenant_id, scan_id, batch, probe_id, variant_index, canary, prompt)
          select ${tenantId}, ${scanId}, a.batch, a.probe_id, a.variant_index, a.canary, a.prompt
          from json_to_recordset(${JSON.stringify(attempts)}::json) as a(batch int, probe_id text, variant_index int, canary text, prompt text)
          on conflict do nothing
          returning 1)
        update scans set attempts_total = ${attempts.length}, status = case when ${attempts.length} = 0 then 'judging' else status end
        where id = ${scanId}`;

      const batchCount = Math.ceil(attempts.length / batchSize);
      if (batchCount) {
        const batches = Array.from({ length: batchCount }, (_, batch) => ({ payload: { scan_id: scanId, tenant_id: tenantId, batch }, jobKey: `scan:${scanId}:batch:${batch}` }));
        await addJobs(tx, "scan_batch", batches, { maxAttempts: 10 });
      } else {
        // Nothing to send: straight to judging, which completes the scan with no findings.
        await addJob(tx, "scan_finalize", { scan_id: scanId, tenant_id: tenantId }, { jobKey: `scan:${scanId}:finalize` });
      }
    });
  };
}
