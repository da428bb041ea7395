// Every setting, read once from the environment. Documented in the README's Configuration table.
import { resolve } from "node:path";

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  /** How long start-up waits for the database to answer (PENAXTRA_DATABASE_WAIT_MS). */
  databaseWaitMs: number;
  dataDir: string;
  allowPrivateTargets: boolean;
  /** True when PENAXTRA_ALLOW_PRIVATE_TARGETS was given: an explicit answer beats every default. */
  allowPrivateTargetsSet: boolean;
  secretKey: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  rateLimit: { perMinute: number; burst: number };
  /** Failed authentications per client address per minute before 429 (PENAXTRA_AUTH_FAILURES_PER_MINUTE). */
  authFailuresPerMinute: number;
  scanCreatesPerMinute: number;
  ragRunsPerHour: number;
  workerConcurrency: number;
  /** Worker check-in period, and the silence after which a worker's jobs are taken over. */
  workerHeartbeatMs: number;
  workerStaleAfterMs: number;
  /** Attempts per scan_batch job: smaller batches spread a scan over more workers. */
  scanBatchSize: number;
  /** PENAXTRA_JUDGES: JSON that swaps judges of the panel for LLM judges; null keeps the offline panel. */
  judges: string | null;
  /** PENAXTRA_ATTACKER: JSON naming the attacker model (adaptive search, language strategies); null: none. */
  attacker: string | null;
  /** PENAXTRA_METRICS_PORT: where GET /metrics (Prometheus) listens on `host`; null (unset) serves none. */
  metricsPort: number | null;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | null {
  const raw = env[name];
  if (raw === undefined || raw === "") return null;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const config = readConfig(env);
  // A worker must miss several check-ins before others take its jobs over; with a heartbeat close
  // to the stale time, a merely busy worker would lose jobs it is still running.
  if (config.workerHeartbeatMs * 3 > config.workerStaleAfterMs) {
    throw new Error(
      `PENAXTRA_WORKER_STALE_AFTER_MS (${config.workerStaleAfterMs}) must be at least 3 x PENAXTRA_WORKER_HEARTBEAT_MS (${config.workerHeartbeatMs})`,
    );
  }
  return config;
}

function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    port: integer(env, "PORT", 8787),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || null,
    databaseWaitMs: integer(env, "PENAXTRA_DATABASE_WAIT_MS", 30_000),
    // pnpm runs scripts inside the package; INIT_CWD is where the user typed the command.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.PENAXTRA_DATA_DIR ?? ".penaxtra"),
    allowPrivateTargets: flag(env, "PENAXTRA_ALLOW_PRIVATE_TARGETS") ?? false,
    allowPrivateTargetsSet: flag(env, "PENAXTRA_ALLOW_PRIVATE_TARGETS") !== null,
    secretKey: env.PENAXTRA_SECRET_KEY || null,
    logLevel: env.LOG_LEVEL ?? "info",
    bodyLimitBytes: 1024 * 1024,
    rateLimit: {
      perMinute: integer(env, "PENAXTRA_RATE_LIMIT_PER_MINUTE", 60),
      burst: integer(env, "PENAXTRA_RATE_LIMIT_BURST", 120),
    },
    authFailuresPerMinute: Math.max(1, integer(env, "PENAXTRA_AUTH_FAILURES_PER_MINUTE", 30)),
    scanCreatesPerMinute: integer(env, "PENAXTRA_SCAN_CREATES_PER_MINUTE", 6),
    ragRunsPerHour: integer(env, "PENAXTRA_RAG_RUNS_PER_HOUR", 6),
    workerConcurrency: integer(env, "PENAXTRA_WORKER_CONCURRENCY", 32),
    workerHeartbeatMs: integer(env, "PENAXTRA_WORKER_HEARTBEAT_MS", 5000),
    workerStaleAfterMs: integer(env, "PENAXTRA_WORKER_STALE_AFTER_MS", 20_000),
    scanBatchSize: Math.max(1, integer(env, "PENAXTRA_SCAN_BATCH_SIZE", 16)),
    judges: env.PENAXTRA_JUDGES || null,
    attacker: env.PENAXTRA_ATTACKER || null,
    metricsPort: env.PENAXTRA_METRICS_PORT ? integer(env, "PENAXTRA_METRICS_PORT", 0) : null,
  };
}
