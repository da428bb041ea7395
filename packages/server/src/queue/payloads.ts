// Every task the worker runs, and the payload of its jobs, declared once. The declaration merges
// into graphile-worker's `GraphileWorker.Tasks`, so `Task<"scan_batch">` and the job queue are typed
// from here. Payloads come back from the database: each task still reads its own defensively.

/**
 * A scan_batch job's share of the plan: [probe id, variant index] pairs, with a third element when
 * the attempt applies a strategy (its id) or is the probe's adaptive search ("adaptive").
 */
export type PlannedAttempt = [probeId: string, variantIndex: number, strategy?: string];

export interface ScanJobPayload {
  scan_id: string;
  tenant_id: string;
}

export interface ScanBatchPayload extends ScanJobPayload {
  batch: number;
  attempts: PlannedAttempt[];
  /** The endpoint and its limits when the scan was planned: lets a batch lease slots while it starts. */
  endpoint?: { id: string; concurrency: number; requests_per_minute: number };
  /** The scan's later batches (scans/plan.ts): each batch, half done, queues the next unqueued one. */
  later?: Array<{ batch: number; attempts: PlannedAttempt[] }>;
}

export interface RagRunPayload {
  rag_run_id: string;
  tenant_id: string;
}

export interface WebhookDeliverPayload {
  delivery_id: string;
}

/** graphile-worker's crontab payload: the tick's timestamp. */
export interface CronTickPayload {
  _cron?: { ts?: string };
}

declare global {
  namespace GraphileWorker {
    interface Tasks {
      scan_batch: ScanBatchPayload;
      rag_run: RagRunPayload;
      rag_schedule_tick: CronTickPayload;
      prune_expired_state: CronTickPayload;
      webhook_deliver: WebhookDeliverPayload;
    }
  }
}

export type TaskName = keyof GraphileWorker.Tasks;

export function readScanPayload(payload: unknown): ScanJobPayload {
  const value = payload as Partial<ScanJobPayload> | null;
  if (!value || typeof value.scan_id !== "string" || typeof value.tenant_id !== "string")
    throw new Error("scan job payload needs scan_id and tenant_id");
  return value as ScanJobPayload;
}

export function readBatchPayload(payload: unknown): ScanBatchPayload {
  const value = readScanPayload(payload) as Partial<ScanBatchPayload>;
  if (typeof value.batch !== "number" || !Array.isArray(value.attempts))
    throw new Error("scan_batch payload needs batch and attempts");
  return value as ScanBatchPayload;
}

export function readRagRunPayload(payload: unknown): RagRunPayload {
  const value = payload as Partial<RagRunPayload> | null;
  if (!value || typeof value.rag_run_id !== "string" || typeof value.tenant_id !== "string")
    throw new Error("rag_run payload needs rag_run_id and tenant_id");
  return value as RagRunPayload;
}
