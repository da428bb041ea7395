// What an orchestrator asks before sending traffic: can this process reach its database, does that
// database have every migration this build ships, and is some worker alive to run what the API
// queues? Each check answers within its own time limit; an unreachable database fails the rest.
import type postgres from "postgres";
import { latestMigrationMillis } from "../db/migrate.ts";

export interface ReadinessChecks {
  database: boolean;
  migrations: boolean;
  worker: boolean;
}

const CHECK_TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    work.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS).unref()),
  ]);
}

let shippedMigration: number | null = null;

export async function checkReadiness(pg: postgres.Sql, workerStaleAfterMs: number): Promise<ReadinessChecks> {
  shippedMigration ??= latestMigrationMillis();
  const stale = `${workerStaleAfterMs} milliseconds`;
  const row = await within(
    pg<Array<{ migrated: string | null; worker_seen: boolean }>>`
      select (select max(created_at)::text from drizzle.__drizzle_migrations) as migrated,
             exists (select 1 from worker_heartbeats where seen_at > now() - ${stale}::interval) as worker_seen`.then(
      (rows) => rows[0] ?? null,
    ),
    null,
  );
  if (!row) return { database: false, migrations: false, worker: false };
  return {
    database: true,
    migrations: row.migrated !== null && Number(row.migrated) >= shippedMigration,
    worker: row.worker_seen,
  };
}
