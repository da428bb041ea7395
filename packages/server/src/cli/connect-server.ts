// The server a one-shot command (penaxtra scan, penaxtra rag-run) talks to.
import { Penaxtra } from "@penaxtra/sdk";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { createToken, revokeToken, type Scope } from "../auth/tokens.ts";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/connection.ts";
import { tenants } from "../db/schema.ts";
import { createLogger, logFormat } from "../logger.ts";
import { startPlatform } from "../runtime/start-platform.ts";

/** What a scan or a RAG run needs, and nothing more (no webhooks, audit or reports). */
const RUN_SCOPES: Scope[] = [
  "endpoints:read",
  "endpoints:write",
  "scans:read",
  "scans:write",
  "findings:read",
  "rag:read",
  "rag:write",
];

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
  const log = createLogger(env.LOG_LEVEL ?? "warn", logFormat(env, Boolean(process.stderr.isTTY)), 2);
  // No bootstrap admin token: this run's output may land in CI logs, and it has a token of its own.
  const platform = await startPlatform(
    { ...loadConfig(env), port: 0, host: "127.0.0.1" },
    log,
    { api: true, worker: true },
    { bootstrapAdminToken: false },
  );
  const { db } = platform.database;
  let run: Awaited<ReturnType<typeof issueRunToken>>;
  try {
    run = await issueRunToken(db);
  } catch (error) {
    await platform.stop();
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
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
    } finally {
      await platform.stop();
    }
  };
  // Ctrl-C or a CI timeout: the run's token is revoked and the embedded server stopped all the same.
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping; the run's token is revoked\n`);
      close().finally(() => process.exit(130));
    });
  return { client: new Penaxtra({ baseUrl: `http://127.0.0.1:${platform.port}`, apiKey: run.token }), close };
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
      scopes: RUN_SCOPES,
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
