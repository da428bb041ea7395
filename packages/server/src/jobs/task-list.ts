// Tasks the worker runs (their payloads: queue/payloads.ts). A scan is scan_batch x N, queued with
// the scan by POST /scans: send, judge, record findings, and the last batch closes the scan.
import type { TaskList } from "graphile-worker";
import { pruneExpiredStateTask } from "./prune-expired-state.ts";
import { ragRunTask } from "./rag-run.ts";
import { ragScheduleTickTask } from "./rag-schedule.ts";
import { scanBatchTask } from "./scan-batch.ts";
import { webhookDeliverTask } from "./webhook-deliver.ts";
import type { WorkerDeps } from "./worker-deps.ts";

export function taskList(deps: WorkerDeps): TaskList {
  return {
    scan_batch: scanBatchTask(deps),
    rag_run: ragRunTask(deps),
    rag_schedule_tick: ragScheduleTickTask(deps),
    webhook_deliver: webhookDeliverTask(deps),
    prune_expired_state: pruneExpiredStateTask(deps),
  };
}
