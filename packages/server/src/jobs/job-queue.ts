// Enqueues graphile-worker jobs through SQL (graphile_worker.add_job), on the same postgres.js
// pool as the API, so a job can join the caller's transaction when it needs to.
import type postgres from "postgres";

export type TaskName = "scan_run" | "rag_run";

export interface JobQueue {
  enqueue(task: TaskName, payload: Record<string, unknown>, options?: { jobKey?: string; maxAttempts?: number }): Promise<void>;
}

export function createJobQueue(sql: postgres.Sql): JobQueue {
  return {
    async enqueue(task, payload, options = {}) {
      await sql`select graphile_worker.add_job(
        ${task}, ${JSON.stringify(payload)}::json,
        job_key => ${options.jobKey ?? null}, max_attempts => ${options.maxAttempts ?? 25})`;
    },
  };
}
