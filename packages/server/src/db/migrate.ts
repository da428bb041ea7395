// Applies Drizzle migrations under an advisory lock (several processes may start at once, and
// Drizzle's migrator takes no lock of its own), then graphile-worker's queue schema.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { runMigrations } from "graphile-worker";
import postgres from "postgres";

const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
// Any fixed 64-bit key; the same in every process of this project.
const MIGRATION_LOCK_KEY = 7_041_977_310_245_112n;

export interface MigrateOptions {
  /** Another migrations folder (dump-schema.ts --migrations, to compare with an older chain). */
  migrationsFolder?: string;
}

export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<void> {
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await pg`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    try {
      await pg`create extension if not exists pgcrypto`;
      await migrate(drizzle(pg), { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
    } finally {
      await pg`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    await pg.end({ timeout: 5 });
  }
  await runMigrations({ connectionString: url });
}

/** When the newest migration this build ships was made: the `created_at` Drizzle records for it. */
export function latestMigrationMillis(migrationsFolder = MIGRATIONS_FOLDER): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ when: number }>;
  };
  return Math.max(...journal.entries.map((entry) => entry.when));
}
