// A scan's plan: every (probe, variant) attempt, split into batches of whole probes (a batch can
// then write its probes' findings as soon as it is done), one scan_batch job each. POST /scans
// enqueues the plan in the transaction that creates the scan, so the first requests go out at once.
import { probes } from "@penaxtra/engine";
import type { JobQueue } from "../queue/job-queue.ts";
import type { PlannedAttempt, ScanBatchPayload } from "../queue/payloads.ts";

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
export async function enqueueScanPlan(
  queue: Pick<JobQueue, "enqueueAll">,
  scan: { id: string; tenantId: string; endpoint: ScanBatchPayload["endpoint"] },
  plan: ScanPlan,
): Promise<void> {
  const jobs = plan.batches.map((attempts, batch) => ({
    payload: {
      scan_id: scan.id,
      tenant_id: scan.tenantId,
      batch,
      attempts,
      endpoint: scan.endpoint,
    } satisfies ScanBatchPayload,
    jobKey: `scan:${scan.id}:batch:${batch}`,
  }));
  await queue.enqueueAll("scan_batch", jobs, { maxAttempts: 10 });
}
