// penaxtra <command>: serve [--no-worker] | worker | scan | rag-run | tenant create|configure | token create|revoke | migrate | judge-eval | judge-train

import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { createToken, parseScopes, revokeToken } from "../auth/tokens.ts";
import { loadConfig } from "../config.ts";
import { tenants } from "../db/schema.ts";
import { createLogger, logFormat } from "../logger.ts";
import { openDatabase } from "../runtime/open-database.ts";
import { startPlatform } from "../runtime/start-platform.ts";
import { StartupError } from "../runtime/startup-error.ts";
import { UUID } from "./arguments.ts";
import { JudgeUsageError, judgeEval, judgeTrain } from "./judge-commands.ts";
import { RagRunUsageError, ragRunCommand } from "./rag-run-command.ts";
import { ScanUsageError, scanCommand } from "./scan-command.ts";

const USAGE = `usage: penaxtra <command>
  serve [--no-worker]        API (and, unless --no-worker, the job worker) on PORT (default 8787)
  worker                     job worker only
  tenant create SLUG         create a tenant
  tenant configure SLUG --review-threshold X
                             meta-judge confidence (0-1) below which findings go to review (default 0.7)
  token create --tenant SLUG --scopes a,b|all [--expires-in-days N] [--name NAME]
                             create a token; the token is the last line of stdout
  token revoke --tenant SLUG TOKEN_ID
  migrate                    apply database migrations and exit
  judge-eval [--jailbreak FILE|DIR ...] [--xstest FILE|DIR ...] [--threshold X] [--leave-one-source-out]
                             score the judge panel (PENAXTRA_JUDGES included) on labelled jailbreak answers
                             (columns prompt, completion, label; optional goal, source) and the refusal judge
                             on XSTest completions; with --leave-one-source-out, the offline panel trained
                             without each source scores that source; prints JSON metrics
  scan TARGET [--wire-format F] [--model M] [--probes a,b] [--strategies s,t] [--adaptive N] [--concurrency N]
       [--rpm N] [--fail-on critical,high] [--out DIR] [--base-url URL]
                             scan a URL (registered as an endpoint on first use) or an endpoint id, with live
                             progress; writes SARIF, JUnit, JSON and HTML reports to --out (default
                             ./penaxtra-reports) and exits 1 on a confirmed finding of a --fail-on severity
                             (3 when the run could not be done).
                             Without --base-url (and PENAXTRA_API_KEY) it runs an embedded server itself;
                             PENAXTRA_TARGET_API_KEY is sent to the target as its bearer token
  rag-run ASSET_ID [--fail-on critical,high] [--out DIR] [--base-url URL]
                             test a registered RAG pipeline (ai-asset of kind rag) with live progress; prints
                             every test with the guardrail that stopped it, writes penaxtra-rag-run.json to
                             --out and exits 1 when a test of a --fail-on severity failed
  judge-train --data DIR [--out FILE]
                             train the offline judges from every labelled CSV below DIR; writes the
                             engine's shipped weights unless --out is given`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "no-worker": { type: "boolean", default: false },
      tenant: { type: "string" },
      scopes: { type: "string" },
      "expires-in-days": { type: "string" },
      name: { type: "string" },
      xstest: { type: "string", multiple: true },
      jailbreak: { type: "string", multiple: true },
      threshold: { type: "string" },
      "leave-one-source-out": { type: "boolean", default: false },
      data: { type: "string" },
      out: { type: "string" },
      "review-threshold": { type: "string" },
      "wire-format": { type: "string" },
      model: { type: "string" },
      probes: { type: "string" },
      strategies: { type: "string" },
      adaptive: { type: "string" },
      concurrency: { type: "string" },
      rpm: { type: "string" },
      "fail-on": { type: "string" },
      "base-url": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === "judge-eval") {
    const report = await judgeEval({
      jailbreak: values.jailbreak ?? [],
      xstest: values.xstest ?? [],
      threshold: values.threshold,
      leaveOneSourceOut: values["leave-one-source-out"],
    });
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  if (command === "scan") {
    if (!sub) throw new UsageError("scan needs TARGET: a URL or an endpoint id");
    const result = await scanCommand({
      target: sub,
      wireFormat: values["wire-format"],
      model: values.model,
      probes: values.probes,
      strategies: values.strategies,
      adaptive: values.adaptive,
      concurrency: values.concurrency,
      rpm: values.rpm,
      failOn: values["fail-on"],
      out: values.out,
      baseUrl: values["base-url"],
    });
    process.exitCode = result.exitCode;
    return;
  }
  if (command === "rag-run") {
    if (!sub) throw new UsageError("rag-run needs ASSET_ID: the id of an ai-asset of kind rag");
    const result = await ragRunCommand({
      asset: sub,
      failOn: values["fail-on"],
      out: values.out,
      baseUrl: values["base-url"],
    });
    process.exitCode = result.exitCode;
    return;
  }
  if (command === "judge-train") {
    console.log(JSON.stringify(judgeTrain({ data: values.data, out: values.out }), null, 2));
    return;
  }
  const config = loadConfig();
  // The API and the worker log to stdout (where a container's logs are read); other commands print
  // their results to stdout and log to stderr, so what they print stays parseable.
  const longRunning = command === "serve" || command === "worker";
  const log = createLogger(
    process.env.LOG_LEVEL ?? (longRunning ? "info" : "warn"),
    logFormat(process.env, Boolean((longRunning ? process.stdout : process.stderr).isTTY)),
    longRunning ? 1 : 2,
  );

  if (longRunning) {
    const platform = await startPlatform(config, log, {
      api: command === "serve",
      worker: command === "worker" || !values["no-worker"],
    });
    // One line in, one line out; a second signal while draining stops at once.
    const shutdown = async (signal: string) => {
      const started = performance.now();
      log.info({ signal }, "shutting down: draining requests and jobs");
      process.once(signal, () => process.exit(130));
      try {
        await platform.stop();
      } catch (error) {
        log.error({ err: error }, "shutdown did not finish cleanly");
        process.exit(1);
      }
      log.info({ ms: Math.round(performance.now() - started) }, "stopped");
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    return;
  }

  const database = await openDatabase(config, log);
  try {
    const db = database.db;
    const findTenant = async (slug: string | undefined) => {
      if (!slug) throw new UsageError("--tenant SLUG is required");
      const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
      if (!tenant) throw new UsageError(`no tenant "${slug}"`);
      return tenant;
    };
    if (command === "migrate") {
      console.log("migrations applied");
    } else if (command === "tenant" && sub === "create") {
      const slug = rest[0];
      if (!slug || !/^[a-z][a-z0-9-]{1,62}$/.test(slug))
        throw new UsageError("tenant slug must match ^[a-z][a-z0-9-]{1,62}$");
      const [tenant] = await db.insert(tenants).values({ slug }).onConflictDoNothing().returning();
      if (!tenant) throw new UsageError(`tenant "${slug}" exists already`);
      console.log(tenant.id);
    } else if (command === "tenant" && sub === "configure") {
      const tenant = await findTenant(rest[0]);
      const raw = values["review-threshold"];
      const threshold = raw === undefined ? NaN : Number(raw);
      if (!(threshold >= 0 && threshold <= 1)) throw new UsageError("--review-threshold must be a number from 0 to 1");
      await db.transaction(async (tx) => {
        await tx.update(tenants).set({ reviewConfidenceThreshold: threshold }).where(eq(tenants.id, tenant.id));
        await recordAudit(tx, {
          tenantId: tenant.id,
          action: "tenant.configured",
          result: "success",
          targetKind: "tenant",
          targetId: tenant.id,
          details: {
            review_confidence_threshold: { before: tenant.reviewConfidenceThreshold, after: threshold },
            via: "cli",
          },
        });
      });
      console.log(`tenant ${tenant.slug}: review threshold ${threshold}`);
    } else if (command === "token" && sub === "create") {
      const tenant = await findTenant(values.tenant);
      if (!values.scopes) throw new UsageError("--scopes is required (comma-separated, or all)");
      const days = values["expires-in-days"] ? Number(values["expires-in-days"]) : null;
      if (days !== null && (!Number.isInteger(days) || days < 1))
        throw new UsageError("--expires-in-days must be a positive whole number");
      const created = await db.transaction(async (tx) => {
        const token = await createToken(tx, {
          tenantId: tenant.id,
          scopes: parseScopes(values.scopes!),
          name: values.name,
          expiresInDays: days,
        });
        await recordAudit(tx, {
          tenantId: tenant.id,
          action: "token.created",
          result: "success",
          targetKind: "token",
          targetId: token.id,
          details: { scopes: token.scopes, expires_at: token.expiresAt?.toISOString() ?? null, via: "cli" },
        });
        return token;
      });
      console.error(
        `token ${created.id} for tenant ${tenant.slug}, scopes ${created.scopes.join(",")}${created.expiresAt ? `, expires ${created.expiresAt.toISOString()}` : ""}`,
      );
      console.log(created.token);
    } else if (command === "token" && sub === "revoke") {
      const tenant = await findTenant(values.tenant);
      const tokenId = rest[0];
      if (!tokenId) throw new UsageError("token revoke needs TOKEN_ID");
      if (!UUID.test(tokenId))
        throw new UsageError(`TOKEN_ID is a token's id (a UUID, printed by token create), not "${tokenId}"`);
      const outcome = await db.transaction(async (tx) => {
        const revoked = await revokeToken(tx, tenant.id, tokenId);
        if (revoked === "revoked")
          await recordAudit(tx, {
            tenantId: tenant.id,
            action: "token.revoked",
            result: "success",
            targetKind: "token",
            targetId: tokenId,
            details: { via: "cli" },
          });
        return revoked;
      });
      if (outcome === "not_found") throw new UsageError(`no token ${tokenId} in tenant ${tenant.slug}`);
      if (outcome === "already_revoked") {
        console.log(`token ${tokenId} was already revoked`);
        return;
      }
      console.log(`revoked ${tokenId}`);
    } else {
      throw new UsageError(`unknown command: ${positionals.join(" ")}`);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  // Usage and configuration mistakes get one line, not a stack trace.
  if (
    error instanceof UsageError ||
    error instanceof JudgeUsageError ||
    error instanceof ScanUsageError ||
    error instanceof RagRunUsageError ||
    /^(unknown scopes|PENAXTRA_)/.test((error as Error).message ?? "")
  ) {
    console.error(`penaxtra: ${(error as Error).message} (penaxtra --help lists every command)`);
    process.exit(2);
  }
  // Anything else is still one line; the stack is there for whoever asks for it.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`penaxtra: ${message}`);
  if (process.env.LOG_LEVEL === "debug" || process.env.LOG_LEVEL === "trace") console.error(error);
  else if (!(error instanceof StartupError)) console.error("(LOG_LEVEL=debug prints the stack)");
  // scan and rag-run say "blocking findings" with 1: a run that could not be done is 3, so CI can tell them apart.
  const [command] = process.argv.slice(2);
  process.exit(command === "scan" || command === "rag-run" ? 3 : 1);
});
