// A real database per test file, an app wired to it, and helpers to make tenants and tokens.

import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Judge } from "@penaxtra/engine";
import pino from "pino";
import postgres from "postgres";
import { createApp } from "../app.ts";
import type { App, AppDeps } from "../app-deps.ts";
import { createToken, SCOPES, type Scope } from "../auth/tokens.ts";
import { loadConfig, type ServerConfig } from "../config.ts";
import { type Connection, connect } from "../db/connection.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { tenants } from "../db/schema.ts";
import { closeChangeFeed } from "../live/change-feed.ts";
import { createJobQueue } from "../queue/job-queue.ts";
import { startWorker, type WorkerHandle } from "../runtime/start-worker.ts";
import { createSecretBox } from "../security/secret-box.ts";

export interface TestContext extends Connection {
  url: string;
  config: ServerConfig;
  deps: AppDeps;
  app: App;
  /** Another app on the same database: a second server process, as far as shared state goes. */
  makeApp(overrides?: Partial<AppDeps>): App;
  createTenant(slug?: string): Promise<string>;
  token(tenantId: string, scopes?: readonly Scope[], options?: { expiresInDays?: number }): Promise<string>;
  request(
    app: App,
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** A worker pool on this database with the app's secret key, as a separate worker process would run; stopped by cleanup. */
  startWorker(options?: { config?: Partial<ServerConfig>; judges?: readonly Judge[] }): Promise<WorkerHandle>;
  /** Serves the app over HTTP on a free loopback port, as a client outside the process sees it; closed by cleanup. */
  listen(): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createTestContext(
  adminUrl: string,
  configOverrides: Partial<ServerConfig> = {},
): Promise<TestContext> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const connection = connect(url.toString(), { max: 5 });
  const config: ServerConfig = {
    ...loadConfig({}),
    databaseWaitMs: 30_000,
    allowPrivateTargets: true,
    allowPrivateTargetsSet: true,
    // Generous by default so tests that are not about limits never trip them.
    rateLimit: { perMinute: 6000, burst: 6000 },
    // Test files send many unauthenticated requests from one "address"; limits.test.ts sets its own.
    authFailuresPerMinute: 1_000_000,
    scanCreatesPerMinute: 1000,
    ragRunsPerHour: 1000,
    ...configOverrides,
  };
  const deps: AppDeps = {
    db: connection.db,
    pg: connection.pg,
    config,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    secretBox: createSecretBox(randomBytes(32)),
    queue: createJobQueue(connection.pg),
    targetPolicy: { allowPrivate: config.allowPrivateTargets },
  };
  const makeApp = (overrides: Partial<AppDeps> = {}) => {
    const merged = { ...deps, ...overrides };
    return createApp({ ...merged, targetPolicy: { allowPrivate: merged.config.allowPrivateTargets } });
  };
  const workers = new Set<WorkerHandle>();
  const servers = new Set<Server>();
  const app = makeApp();
  return {
    ...connection,
    url: url.toString(),
    config,
    deps,
    app,
    makeApp,
    async createTenant(slug = `tenant-${randomBytes(4).toString("hex")}`) {
      const [row] = await connection.db.insert(tenants).values({ slug }).returning({ id: tenants.id });
      return row!.id;
    },
    async token(tenantId, scopes = SCOPES, options = {}) {
      return (await createToken(connection.db, { tenantId, scopes: [...scopes], expiresInDays: options.expiresInDays }))
        .token;
    },
    request(app, method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
        headers["content-type"] ??= "application/json";
      }
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
    async startWorker(options = {}) {
      const worker = await startWorker({
        url: url.toString(),
        config: { ...config, ...options.config },
        log: deps.log,
        secretBox: deps.secretBox,
        judges: options.judges,
      });
      const handle: WorkerHandle = {
        get id() {
          return worker.id;
        },
        async stop() {
          workers.delete(handle);
          await worker.stop();
        },
      };
      workers.add(handle);
      return handle;
    },
    async listen() {
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
      await new Promise((resolve) => server.once("listening", resolve));
      servers.add(server);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async cleanup() {
      await closeChangeFeed(connection.pg);
      await Promise.all(
        [...servers].map(
          (server) =>
            new Promise((resolve) => {
              server.close(resolve);
              server.closeAllConnections();
            }),
        ),
      );
      await Promise.all([...workers].map((worker) => worker.stop()));
      await connection.close();
    },
  };
}
