// Tasks the worker runs. A scan is scan_batch x N (send, judge, record findings; queued with the
// scan by POST /scans) -> scan_finalize (close); scan_run plans scans queued by earlier versions. RAG runs (rag_run) register here too; until a task exists its jobs wait in the queue.
import type { TaskList } from "graphile-worker";
import { ragRunTask } from "./rag-run.ts";
import { ragScheduleTickTask } from "./rag-schedule.ts";
import { scanBatchTask } from "./scan-batch.ts";
import { webhookDeliverTask } from "./webhook-deliver.ts";
import { scanFinalizeTask } from "./scan-finalize.ts";
import { scanPlanTask } from "./scan-plan.ts";
import type { WorkerDeps } from "./worker-deps.ts";

export function taskList(deps: WorkerDeps): TaskList {
  return {
    scan_run: scanPlanTask(deps),
    scan_batch: scanBatchTask(deps),
    scan_finalize: scanFinalizeTask(deps),
    rag_run: ragRunTask(deps),
    rag_schedule_tick: ragScheduleTickTask(deps),
    webhook_deliver: webhookDeliverTask(deps),
  };
}
