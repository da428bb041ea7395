// A scan's plan: every (probe, variant) attempt, split into batches of whole probes (a batch can
// then write its probes' findings as soon as it is done), one scan_batch job each.
//
// The batches run in lanes: a scan queues only its first batch of each lane, and each batch, once
// half its attempts have ended, queues the next batch nobody has queued yet (jobs/scan-batch.ts);
// the scan's later_batches_queued counts them, so every batch is queued once whichever lane gets
// there first. Lanes are twice as many as the endpoint's concurrency takes to keep busy, plus two:
// the spare ones fill the slots a finishing batch leaves while its successor is picked up (fewer
// cost a 20 ms target a sixth of its speed). So a scan holds only the worker slots it can use, and
// the batches of other scans on other endpoints start at once instead of queueing behind batches
// that would only wait for their endpoint's slots.
// Every scan's first batches go first (priority 0 for a tenant's only scan); a tenant with several
// scans sending has its batches behind those of tenants with fewer.
import { defaultScanProbes, type EndpointPurpose, type Probe, probes, purposeProbes } from "@penaxtra/engine";
import type postgres from "postgres";
import type { JobQueue } from "../queue/job-queue.ts";
import type { PlannedAttempt, ScanBatchPayload } from "../queue/payloads.ts";

export interface ScanPlan {
  batches: PlannedAttempt[][];
  attemptsTotal: number;
}

/** The strategy of an adaptive search attempt (one per probe, from its first variant). */
export const ADAPTIVE = "adaptive";

/**
 * Every variant of the probes asked for (the library's and the tenant's own `custom` ones; without
 * `probe_ids`, those of a default scan and those the endpoint's declared purpose adds), once as
 * written and once per strategy, and one adaptive search per probe when asked for.
 */
export function planScan(
  probeIds: readonly string[] | null,
  batchSize: number,
  options: {
    strategies?: readonly string[];
    adaptive?: boolean;
    custom?: readonly Probe[];
    purpose?: EndpointPurpose | null;
  } = {},
): ScanPlan {
  const selected = probeIds
    ? [...probes, ...(options.custom ?? [])].filter((probe) => probeIds.includes(probe.id))
    : [...defaultScanProbes, ...purposeProbes(options.purpose)];
  const batches: PlannedAttempt[][] = [];
  const strategies = options.strategies ?? [];
  for (const probe of selected) {
    const last = batches.at(-1);
    const variants = probe.variants.flatMap((_, variantIndex): PlannedAttempt[] => [
      [probe.id, variantIndex],
      ...strategies.map((strategy): PlannedAttempt => [probe.id, variantIndex, strategy]),
    ]);
    if (options.adaptive) variants.push([probe.id, 0, ADAPTIVE]);
    if (last && last.length < batchSize) last.push(...variants);
    else batches.push(variants);
  }
  return { batches, attemptsTotal: batches.reduce((sum, batch) => sum + batch.length, 0) };
}

/** How many of a scan's batches run at once: twice what keeps `concurrency` requests going, plus two. */
export function laneCount(concurrency: number, batchSize: number): number {
  return 2 * Math.ceil(concurrency / batchSize) + 2;
}

/** The first batch of each lane; each carries the later batches, queued one by one as batches finish. */
export function laneJobs(
  scan: { id: string; tenantId: string; endpoint: NonNullable<ScanBatchPayload["endpoint"]> },
  plan: ScanPlan,
  batchSize: number,
): ScanBatchPayload[] {
  const lanes = laneCount(scan.endpoint.concurrency, batchSize);
  const later = plan.batches.slice(lanes).map((attempts, index) => ({ batch: lanes + index, attempts }));
  return plan.batches.slice(0, lanes).map((attempts, batch) => ({
    scan_id: scan.id,
    tenant_id: scan.tenantId,
    batch,
    attempts,
    endpoint: scan.endpoint,
    later,
  }));
}

/** The job key of a scan's batch: queueing it again (a retried job) replaces it, never doubles it. */
export const batchJobKey = (scanId: string, batch: number) => `scan:${scanId}:batch:${batch}`;

/** Queues the first batch of every lane in one statement: either all of them exist or none does. */
export async function enqueueScanPlan(
  queue: Pick<JobQueue, "enqueueAll">,
  scan: { id: string; tenantId: string; endpoint: NonNullable<ScanBatchPayload["endpoint"]> },
  plan: ScanPlan,
  options: { batchSize: number; priority: number },
): Promise<void> {
  const jobs = laneJobs(scan, plan, options.batchSize).map((payload) => ({
    payload,
    jobKey: batchJobKey(scan.id, payload.batch),
  }));
  await queue.enqueueAll("scan_batch", jobs, { maxAttempts: 10, priority: options.priority });
}

/**
 * Queues the next later batch nobody has queued yet, unless every one is or the scan has stopped
 * sending (cancelled, failed). Its priority is the number of the tenant's other scans still sending,
 * read now. One statement: the count and the job are written together (a batch is never counted
 * and lost), in one round trip on the path between two batches.
 */
export async function enqueueNextBatch(pg: postgres.Sql, done: ScanBatchPayload): Promise<void> {
  const later = done.later ?? [];
  if (!later.length) return;
  // The job key is batchJobKey()'s, written in SQL.
  await pg`
    with claimed as (
      update scans set later_batches_queued = later_batches_queued + 1
      where id = ${done.scan_id} and status in ('queued', 'running') and later_batches_queued < ${later.length}
      returning later_batches_queued - 1 as index,
        (select greatest(0, count(*) - 1)::int from scans
         where tenant_id = ${done.tenant_id} and status in ('queued', 'running')) as priority),
    next as (select ${JSON.stringify(later)}::jsonb -> claimed.index as batch, claimed.priority from claimed)
    select graphile_worker.add_job('scan_batch',
      jsonb_set(jsonb_set(${JSON.stringify(done)}::jsonb, '{batch}', next.batch -> 'batch'),
                '{attempts}', next.batch -> 'attempts')::json,
      job_key => 'scan:' || ${done.scan_id}::text || ':batch:' || (next.batch ->> 'batch'),
      max_attempts => 10, priority => next.priority)
    from next`;
}
