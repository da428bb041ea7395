// Boots API and/or worker in this process. `pnpm start` runs both; `penaxtra serve --no-worker`
// and `penaxtra worker` split them across machines that share one Postgres.
import type { Server as HttpServer } from "node:http";
import { type ServerType, serve } from "@hono/node-server";
import type { Logger } from "pino";
import { createApp } from "../app.ts";
import type { ServerConfig } from "../config.ts";
import { closeChangeFeed } from "../live/change-feed.ts";
import { observeDatabase } from "../metrics/metrics.ts";
import { type MetricsServer, startMetricsServer } from "../metrics/metrics-server.ts";
import { createJobQueue } from "../queue/job-queue.ts";
import { createSecretBox, loadSecretKey } from "../security/secret-box.ts";
import { ensureDefaultTenant } from "./ensure-default-tenant.ts";
import { attackerModel, judgePanel } from "./judge-panel.ts";
import { type OpenDatabase, openDatabase } from "./open-database.ts";
import { startWorker, type WorkerHandle } from "./start-worker.ts";
import { StartupError } from "./startup-error.ts";

export interface Platform {
  port: number | null;
  /** Where GET /metrics answers, when PENAXTRA_METRICS_PORT asked for it. */
  metricsPort: number | null;
  /** The platform's own pool: for a command that runs it in-process (penaxtra scan) to mint its token. */
  database: OpenDatabase;
  stop(): Promise<void>;
}

/**
 * The embedded quickstart scans local targets (the simulator) unless told otherwise: an explicit
 * PENAXTRA_ALLOW_PRIVATE_TARGETS, false included, always wins.
 */
export function quickstartAllowsPrivateTargets(
  config: Pick<ServerConfig, "allowPrivateTargets" | "allowPrivateTargetsSet">,
  embedded: boolean,
): boolean {
  return embedded && !config.allowPrivateTargetsSet && !config.allowPrivateTargets;
}

const SHUTDOWN_GRACE_MS = 5000;

export async function startPlatform(
  config: ServerConfig,
  log: Logger,
  roles: { api: boolean; worker: boolean },
  options: { bootstrapAdminToken?: boolean } = {},
): Promise<Platform> {
  // A bad PENAXTRA_JUDGES stops start-up here, before anything is running.
  const judges = roles.worker ? judgePanel(config) : null;
  const attacker = attackerModel(config);
  const database = await openDatabase(config, log);
  if (quickstartAllowsPrivateTargets(config, database.embedded)) {
    config = { ...config, allowPrivateTargets: true };
    log.warn(
      "embedded quickstart: private and loopback targets can be scanned (PENAXTRA_ALLOW_PRIVATE_TARGETS=false refuses them)",
    );
  }

  const bootstrap = await ensureDefaultTenant(database.db, { adminToken: options.bootstrapAdminToken });
  if (bootstrap) {
    process.stdout.write(
      `\nCreated tenant "default" with an all-scopes admin token. It is shown only this once:\n\n  ${bootstrap.token}\n\n`,
    );
  }

  const secretBox = createSecretBox(loadSecretKey(config.secretKey, config.dataDir));
  observeDatabase(database.pg);
  let metrics: MetricsServer | null = null;
  if (config.metricsPort !== null) {
    try {
      metrics = await startMetricsServer(config.metricsPort, config.host);
    } catch (error) {
      await database.close();
      throw new StartupError(
        `cannot serve metrics on port ${config.metricsPort} of ${config.host} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): choose another PENAXTRA_METRICS_PORT`,
      );
    }
    log.info({ url: `http://${config.host}:${metrics.port}/metrics` }, "metrics listening");
  }
  let server: ServerType | null = null;
  let port: number | null = null;
  if (roles.api) {
    const app = createApp({
      db: database.db,
      pg: database.pg,
      config,
      log,
      secretBox,
      queue: createJobQueue(database.pg),
      targetPolicy: { allowPrivate: config.allowPrivateTargets },
    });
    try {
      port = await new Promise<number>((resolve, reject) => {
        server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => resolve(info.port));
        server.once("error", reject);
      });
    } catch (error) {
      // The database (an embedded cluster, maybe) is ours to stop before saying why we cannot start.
      await metrics?.close();
      await database.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE")
        throw new StartupError(
          `port ${config.port} on ${config.host} is in use: stop what listens there, or start with another PORT`,
        );
      if (code === "EACCES") throw new StartupError(`not allowed to listen on port ${config.port} on ${config.host}`);
      throw error;
    }
    log.info({ url: `http://${config.host}:${port}`, docs: `http://${config.host}:${port}/docs` }, "API listening");
  }

  let worker: WorkerHandle | null = null;
  if (roles.worker) {
    worker = await startWorker({ url: database.url, config, log, secretBox, judges: judges!, attacker });
  }

  return {
    port,
    metricsPort: metrics?.port ?? null,
    database,
    /**
     * In order: stop taking requests and let those in flight finish (idle keep-alive connections
     * are closed at once, busy ones after SHUTDOWN_GRACE_MS); stop taking jobs and let running ones
     * finish or hand them back (graphile-worker's graceful shutdown); close the pools; and last the
     * embedded Postgres, which nothing uses any more.
     */
    async stop() {
      if (server) {
        // Event streams would hold their connections open until the grace period: end them first.
        await closeChangeFeed(database.pg);
        const http = server as unknown as HttpServer;
        const closed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const force = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(force);
      }
      if (worker) await worker.stop();
      await metrics?.close();
      observeDatabase(null);
      await database.close();
    },
  };
}
