// A fresh, migrated database for one benchmark run, with a tenant and an all-scopes token, in an
// embedded cluster under .bench/ or in DATABASE_URL's cluster; dropped (and the cluster stopped) by
// `close()`. `postgresCpuMs()` counts only this cluster's processes, NaN for a cluster elsewhere.
import { chmod, mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "@penaxtra/server";
import { connect, createToken, migrateDatabase, SCOPES, schema } from "@penaxtra/server/testing";
import pino from "pino";
import postgres from "postgres";
import { clusterCpuMs, localParentPid } from "./cpu.ts";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface BenchDatabase {
  url: string;
  /** When the database was created (ms since the epoch). */
  createdAt: number;
  token: string;
  pg: postgres.Sql;
  postgresCpuMs(): number;
  /** Commits and lease calls so far in this database (flushed by Postgres at most once a second). */
  counters(): Promise<DatabaseCounters>;
  close(): Promise<void>;
}

export interface DatabaseCounters {
  transactions: number;
  /** Calls of penaxtra_lease_slots_v2; NaN where function statistics could not be turned on. */
  lease_calls: number;
}

export async function openBenchDatabase(prefix: string, databaseUrl?: string): Promise<BenchDatabase> {
  const dataDir = resolve(root, ".bench");
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  const cluster = databaseUrl ? null : await startEmbeddedPostgres(dataDir, pino({ level: "warn" }));
  const adminUrl = databaseUrl ?? cluster!.url;
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let connection: ReturnType<typeof connect> | null = null;
  const close = async () => {
    await connection?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    await cluster?.stop();
  };
  try {
    await admin.unsafe(`create database ${name}`);
    // Function call counts, for lease calls per scan (needs a superuser: the embedded cluster's is).
    const countsCalls = await admin
      .unsafe(`alter database ${name} set track_functions = 'pl'`)
      .then(() => true)
      .catch(() => false);
    const createdAt = Date.now();
    const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
    await migrateDatabase(url);
    connection = connect(url, { max: 2 });
    const [tenant] = await connection.db.insert(schema.tenants).values({ slug: "bench" }).returning();
    const { token } = await createToken(connection.db, { tenantId: tenant!.id, scopes: [...SCOPES], name: "bench" });
    const [backend] = await connection.pg<Array<{ pid: number }>>`select pg_backend_pid() as pid`;
    const postmaster = localParentPid(backend!.pid);
    return {
      url,
      createdAt,
      token,
      pg: connection.pg,
      postgresCpuMs: () => (postmaster === null ? Number.NaN : clusterCpuMs(postmaster)),
      counters: async () => {
        const [row] = await connection!.pg<Array<{ transactions: string; lease_calls: string | null }>>`
          select (select xact_commit from pg_stat_database where datname = current_database()) as transactions,
                 (select sum(calls) from pg_stat_user_functions where funcname = 'penaxtra_lease_slots_v2') as lease_calls`;
        return {
          transactions: Number(row!.transactions),
          lease_calls: countsCalls ? Number(row!.lease_calls ?? 0) : Number.NaN,
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Where a scan's time went, from the database's own timestamps: ms after the scan's creation. */
export async function scanPhases(pg: postgres.Sql, scanId: string): Promise<Record<string, number>> {
  const [phases] = await pg`
    select extract(epoch from s.started_at - s.created_at) * 1000 as planned,
           extract(epoch from min(a.completed_at) - s.created_at) * 1000 as first_answer,
           extract(epoch from max(a.completed_at) - s.created_at) * 1000 as last_answer,
           extract(epoch from s.completed_at - s.created_at) * 1000 as finalized,
           avg(a.latency_ms) as mean_latency
    from scans s join scan_attempts a on a.scan_id = s.id where s.id = ${scanId} group by s.id`;
  return Object.fromEntries(Object.entries(phases!).map(([key, value]) => [key, Math.round(Number(value))]));
}
