// Resolves where the data lives: DATABASE_URL, or the embedded Postgres in the data dir.
// Either way the schema is migrated (under an advisory lock) before anything else runs.
import type { Logger } from "pino";
import type { ServerConfig } from "../config.ts";
import { type Connection, connect } from "../db/connection.ts";
import { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { StartupError } from "./startup-error.ts";

export interface OpenDatabase extends Connection {
  url: string;
  embedded: boolean;
}

export async function openDatabase(config: ServerConfig, log: Logger): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  await migrateWhenReachable(url, config.databaseWaitMs, log);
  const connection = connect(url);
  return {
    ...connection,
    url,
    embedded: !config.databaseUrl,
    close: async () => {
      await connection.close();
      await stopEmbedded();
    },
  };
}

/**
 * Migrates once the database answers: a database still starting (or briefly away) is waited for,
 * with one log line, for up to PENAXTRA_DATABASE_WAIT_MS (30 s); then start-up stops with one line saying where it looked.
 */
async function migrateWhenReachable(url: string, waitMs: number, log: Logger): Promise<void> {
  const deadline = Date.now() + waitMs;
  let said = false;
  for (let delayMs = 500; ; delayMs = Math.min(5000, delayMs * 2)) {
    try {
      await migrateDatabase(url);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const where = new URL(url).host;
      if (Date.now() + delayMs > deadline)
        throw new StartupError(`the database at ${where} did not answer within ${waitMs / 1000} s`);
      if (!said) log.warn({ database: where }, "waiting for the database to answer");
      said = true;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
