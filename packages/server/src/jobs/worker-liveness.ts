// Crash recovery. graphile-worker keeps the locks of a crashed worker for 4 hours; here every worker
// process checks in every `intervalMs`, and any process finds the jobs locked by pools that have not
// checked in for `staleAfterMs` and unlocks them (graphile_worker.force_unlock_workers), so another
// worker picks them up. Scan attempts are idempotent, so a job run twice sends only what is not yet recorded.

import type { Logger } from "pino";
import type postgres from "postgres";

export interface LivenessOptions {
  pg: postgres.Sql;
  workerId: () => string | null;
  intervalMs: number;
  staleAfterMs: number;
  log: Logger;
}

export async function checkIn(pg: postgres.Sql, workerId: string): Promise<void> {
  await pg`insert into worker_heartbeats (worker_id, seen_at) values (${workerId}, now())
            on conflict (worker_id) do update set seen_at = excluded.seen_at`;
}

/** Unlocks jobs held by workers that stopped checking in; returns the worker ids it released. */
export async function releaseDeadWorkers(pg: postgres.Sql, staleAfterMs: number): Promise<string[]> {
  const stale = `${staleAfterMs} milliseconds`;
  return pg.begin(async (tx) => {
    await tx`delete from worker_heartbeats where seen_at < now() - ${stale}::interval`;
    const dead = await tx<Array<{ locked_by: string }>>`
      select distinct locked_by from graphile_worker.jobs
      where locked_by is not null and locked_at < now() - ${stale}::interval
        and not exists (select 1 from worker_heartbeats h where h.worker_id = jobs.locked_by)`;
    const ids = dead.map((row) => row.locked_by);
    if (ids.length) {
      const [{ jobs } = { jobs: 0 }] = await tx<Array<{ jobs: number }>>`
        select count(*)::int as jobs from graphile_worker.jobs where locked_by = any(${ids}::text[])`;
      await tx`select graphile_worker.force_unlock_workers(${ids}::text[])`;
      await tx`delete from endpoint_leases where holder = any(${ids}::text[])`;
      // Workers hear of new jobs by this notification, not by polling (start-worker.ts polls
      // rarely): unlocked jobs are announced the same way, on commit, so they are taken at once.
      await tx`select pg_notify('jobs:insert', json_build_object('count', ${jobs}::int)::text)`;
    }
    return ids;
  });
}

export function startWorkerLiveness(options: LivenessOptions): { stop(): Promise<void> } {
  const { pg, log } = options;
  let running: Promise<void> = Promise.resolve();
  const beat = async () => {
    const workerId = options.workerId();
    if (!workerId) return;
    await checkIn(pg, workerId);
    const released = await releaseDeadWorkers(pg, options.staleAfterMs);
    if (released.length) log.warn({ workers: released }, "released the jobs of workers that stopped checking in");
  };
  const tick = () => {
    running = beat().catch((error) => log.error({ err: error }, "worker heartbeat failed"));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      const workerId = options.workerId();
      if (workerId) await pg`delete from worker_heartbeats where worker_id = ${workerId}`.catch(() => {});
    },
  };
}
