// Enqueues graphile-worker jobs through SQL (graphile_worker.add_job / add_jobs) on the same
// postgres.js pool as the API. `addJob` and `addJobs` take a transaction too: the job then exists
// exactly when the transaction commits.
import type postgres from "postgres";

import type { TaskName } from "./payloads.ts";

export interface JobOptions {
  jobKey?: string;
  maxAttempts?: number;
  /** Not before this many seconds from now. */
  runAfterSeconds?: number;
}

export interface JobQueue {
  enqueue<T extends TaskName>(task: T, payload: GraphileWorker.Tasks[T], options?: JobOptions): Promise<void>;
  /** Many jobs of one task, each with its own key, in one statement. */
  enqueueAll<T extends TaskName>(
    task: T,
    jobs: Array<{ payload: GraphileWorker.Tasks[T]; jobKey: string }>,
    options?: { maxAttempts?: number; priority?: number },
  ): Promise<void>;
}

type Sql = postgres.Sql | postgres.TransactionSql;

export async function addJob<T extends TaskName>(
  pg: Sql,
  task: T,
  payload: GraphileWorker.Tasks[T],
  options: JobOptions = {},
): Promise<void> {
  await pg`select graphile_worker.add_job(
    ${task}, ${JSON.stringify(payload)}::json,
    run_at => now() + make_interval(secs => ${options.runAfterSeconds ?? 0}),
    job_key => ${options.jobKey ?? null}, max_attempts => ${options.maxAttempts ?? 25})`;
}

/** Many jobs of one task in one statement, each with its own key. */
export async function addJobs<T extends TaskName>(
  pg: Sql,
  task: T,
  jobs: Array<{ payload: GraphileWorker.Tasks[T]; jobKey: string }>,
  options: { maxAttempts?: number; priority?: number } = {},
): Promise<void> {
  const specs = JSON.stringify(jobs.map((job) => ({ payload: job.payload, job_key: job.jobKey })));
  await pg`select count(*) from graphile_worker.add_jobs(array(
    select row(${task}, spec.payload, null, null, ${options.maxAttempts ?? 25}, spec.job_key, ${options.priority ?? 0}, null)::graphile_worker.job_spec
    from json_to_recordset(${specs}::json) as spec(payload json, job_key text)))`;
}

export function createJobQueue(pg: postgres.Sql): JobQueue {
  return {
    enqueue: (task, payload, options) => addJob(pg, task, payload, options),
    enqueueAll: (task, jobs, options) => addJobs(pg, task, jobs, options),
  };
}
