// Resolves where the data lives: DATABASE_URL, or the embedded Postgres in the data dir.
// Either way the schema is migrated (under an advisory lock) before anything else runs.
import type { Logger } from "pino";
import type { ServerConfig } from "../config.ts";
import { type Connection, connect } from "../db/connection.ts";
import { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { migrateDatabase } from "../db/migrate.ts";

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
  await migrateDatabase(url);
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
