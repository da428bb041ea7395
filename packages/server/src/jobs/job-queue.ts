// Enqueues graphile-worker jobs through SQL (graphile_worker.add_job), on the same postgres.js
// pool as the API, so a job can join the caller's transaction when it needs to.
import { sql as drizzleSql, type SQL } from "drizzle-orm";
import type postgres from "postgres";

export type TaskName = "scan_run" | "scan_batch" | "scan_finalize" | "rag_run";

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

/** add_job as a statement, for `tx.execute(...)`: the job exists exactly when the transaction commits. */
export function addJobStatement(task: TaskName, payload: Record<string, unknown>, options: { jobKey?: string; maxAttempts?: number } = {}): SQL {
  return drizzleSql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, job_key => ${options.jobKey ?? null}, max_attempts => ${options.maxAttempts ?? 25})`;
}

/** Many jobs of one task in one statement (graphile_worker.add_jobs), each with its own key. */
export function addJobsStatement(task: TaskName, jobs: Array<{ payload: Record<string, unknown>; jobKey: string }>, options: { maxAttempts?: number } = {}): SQL {
  const specs = JSON.stringify(jobs.map((job) => ({ payload: job.payload, job_key: job.jobKey })));
  return drizzleSql`select count(*) from graphile_worker.add_jobs(array(
    select row(${task}, spec.payload, null, null, ${options.maxAttempts ?? 25}, spec.job_key, null, null)::graphile_worker.job_spec
    from json_to_recordset(${specs}::json) as spec(payload json, job_key text)))`;
}
