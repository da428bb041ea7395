// Tasks the worker runs. The scan pipeline (scan_run) and RAG runs (rag_run) register here;
// until a task exists, its jobs wait in the queue rather than fail.
import type { TaskList } from "graphile-worker";

export function taskList(): TaskList {
  return {};
}
