// The server a one-shot command (penaxtra scan, penaxtra rag-run) talks to.
import { Penaxtra } from "@penaxtra/sdk";
import { sql } from "drizzle-orm";
import pino from "pino";
import { recordAudit } from "../audit/record-audit.ts";
import { createToken, revokeToken, SCOPES } from "../auth/tokens.ts";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/connection.ts";
import { tenants } from "../db/schema.ts";
import { startPlatform } from "../runtime/start-platform.ts";

export interface Connected {
  client: Penaxtra;
  close(): Promise<void>;
}

/**
 * A server of the user's (--base-url or PENAXTRA_BASE_URL, with PENAXTRA_API_KEY), or one started
 * here in-process (API, worker, the data dir's Postgres); either way a client with a token. The
 * embedded server's token is the run's own: one day long, revoked on close, both audited.
 */
export async function connectServer(
  baseUrlFlag: string | undefined,
  env: NodeJS.ProcessEnv,
  UsageError: new (message: string) => Error,
): Promise<Connected> {
  const baseUrl = baseUrlFlag || env.PENAXTRA_BASE_URL;
  if (baseUrl) {
    if (!env.PENAXTRA_API_KEY) throw new UsageError("--base-url needs PENAXTRA_API_KEY (a token of that server)");
    return { client: new Penaxtra({ baseUrl, apiKey: env.PENAXTRA_API_KEY }), close: async () => {} };
  }
  // Logs of the embedded server go to stderr at warn: stdout is the summary.
  const log = pino({ level: env.LOG_LEVEL ?? "warn", base: { service: "penaxtra" } }, pino.destination(2));
  const platform = await startPlatform({ ...loadConfig(env), port: 0, host: "127.0.0.1" }, log, {
    api: true,
    worker: true,
  });
  const { db } = platform.database;
  const run = await issueRunToken(db);
  return {
    client: new Penaxtra({ baseUrl: `http://127.0.0.1:${platform.port}`, apiKey: run.token }),
    async close() {
      await db.transaction(async (tx) => {
        if ((await revokeToken(tx, run.tenantId, run.tokenId)) === "revoked")
          await recordAudit(tx, {
            tenantId: run.tenantId,
            action: "token.revoked",
            result: "success",
            targetKind: "token",
            targetId: run.tokenId,
            details: { via: "cli run" },
          });
      });
      await platform.stop();
    },
  };
}

/** A one-day token of the first tenant for this run only, revoked when the run ends. */
async function issueRunToken(db: Database) {
  return db.transaction(async (tx) => {
    // "default" when the embedded server made it; the oldest tenant otherwise.
    const [tenant] = await tx
      .select({ id: tenants.id })
      .from(tenants)
      .orderBy(sql`${tenants.slug} = 'default' desc`, tenants.createdAt)
      .limit(1);
    if (!tenant) throw new Error("no tenant in the embedded database");
    const created = await createToken(tx, {
      tenantId: tenant.id,
      scopes: [...SCOPES],
      name: "penaxtra cli run",
      expiresInDays: 1,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      action: "token.created",
      result: "success",
      targetKind: "token",
      targetId: created.id,
      details: { scopes: created.scopes, via: "cli run" },
    });
    return { token: created.token, tokenId: created.id, tenantId: tenant.id };
  });
}
