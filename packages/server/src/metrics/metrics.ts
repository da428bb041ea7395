// What this process counts, in Prometheus's model (prom-client). One registry per process, as
// Prometheus scrapes processes: the API counts requests, a worker counts attempts, judging and
// webhook deliveries; `serve` runs both and counts all. Gauges of shared state (scans by status,
// the job queue) are read from the database when scraped, so any process reports the same figures.

import type postgres from "postgres";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "penaxtra_" });

export const httpRequestDuration = new Histogram({
  name: "penaxtra_http_request_duration_seconds",
  help: "API requests by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const attemptsTotal = new Counter({
  name: "penaxtra_attempts_total",
  help: "Probe attempts sent to targets by this process, by outcome (answered or errored)",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const targetLatency = new Histogram({
  name: "penaxtra_target_latency_seconds",
  help: "Time a target took to answer an attempt (retries included), by outcome",
  labelNames: ["outcome"] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

export const judgeLatency = new Histogram({
  name: "penaxtra_judge_latency_seconds",
  help: "Time the judge panel took to reach a verdict on one answer",
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1, 5, 30],
  registers: [registry],
});

export const webhookDeliveries = new Counter({
  name: "penaxtra_webhook_deliveries_total",
  help: "Webhook delivery tries by outcome: delivered, retrying (a try failed, another follows) or failed (the last try failed)",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

let database: postgres.Sql | null = null;

/** The pool the database-backed gauges read when scraped (the process's own). */
export function observeDatabase(pg: postgres.Sql | null): void {
  database = pg;
}

new Gauge({
  name: "penaxtra_scans",
  help: "Scans by status, all tenants",
  labelNames: ["status"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!database) return;
    const rows = await database<Array<{ status: string; count: number }>>`
      select status, count(*)::int as count from scans group by status`;
    for (const row of rows) this.set({ status: row.status }, row.count);
  },
});

type QueueRow = { task: string; waiting: number; oldest_seconds: number };
let queueRead: Promise<QueueRow[]> | null = null;

/** The ready jobs by task. A scrape collects every gauge at once: the two queue gauges share one read. */
function queueRows(): Promise<QueueRow[]> {
  if (!database) return Promise.resolve([]);
  queueRead ??= Promise.resolve(
    database<QueueRow[]>`
      select task_identifier as task, count(*)::int as waiting,
             coalesce(max(extract(epoch from now() - run_at)), 0)::float8 as oldest_seconds
      from graphile_worker.jobs
      where locked_at is null and run_at <= now() and attempts < max_attempts
      group by task_identifier`,
  ).finally(() => {
    queueRead = null;
  });
  return queueRead;
}

new Gauge({
  name: "penaxtra_queue_jobs",
  help: "Jobs ready to run and not yet taken by a worker, by task",
  labelNames: ["task"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const row of await queueRows()) this.set({ task: row.task }, row.waiting);
  },
});

new Gauge({
  name: "penaxtra_queue_oldest_job_age_seconds",
  help: "How long the oldest ready job of each task has waited for a worker",
  labelNames: ["task"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const row of await queueRows()) this.set({ task: row.task }, row.oldest_seconds);
  },
});
