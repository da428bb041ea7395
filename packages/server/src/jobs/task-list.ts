// Tasks the worker runs. A scan is scan_run (plan) -> scan_batch x N (send and judge) -> scan_finalize
// (findings). RAG runs (rag_run) register here too; until a task exists its jobs wait in the queue.
import type { TaskList } from "graphile-worker";
import { scanBatchTask } from "./scan-batch.ts";
import { scanFinalizeTask } from "./scan-finalize.ts";
import { scanPlanTask } from "./scan-plan.ts";
import type { WorkerDeps } from "./worker-deps.ts";

export function taskList(deps: WorkerDeps): TaskList {
  return {
    scan_run: scanPlanTask(deps),
    scan_batch: scanBatchTask(deps),
    scan_finalize: scanFinalizeTask(deps),
  };
}
