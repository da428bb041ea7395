import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema.ts";

// The database or a transaction of it: a query written against `Database` runs in either, so a
// change and its audit row can share one transaction.
export type Database = PgDatabase<PostgresJsQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export interface Connection {
  pg: postgres.Sql;
  db: Database;
  close(): Promise<void>;
}

export interface ConnectOptions {
  max?: number;
  /**
   * false: commits return before their WAL is flushed to disk (synchronous_commit off). Only for
   * writes that a later durable commit always follows (see start-worker.ts).
   */
  synchronousCommit?: boolean;
}

export function connect(url: string, options: ConnectOptions = {}): Connection {
  const pg = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // A database that is away answers quickly as such (503 database_unavailable): a connect gives
    // up after 3 s, and reconnects are tried again within 1 s (postgres.js's own backoff grows to
    // 20 s, which a request waiting during an outage would sit through).
    connect_timeout: 3,
    backoff: (attempt: number) => Math.min(0.1 * 2 ** attempt, 1),
    ...(options.synchronousCommit === false ? { connection: { synchronous_commit: "off" } } : {}),
  });
  const db = drizzle(pg, { schema });
  return { pg, db, close: () => pg.end({ timeout: 5 }) };
}
