// A graphile-worker pool plus what makes it safe to run several: a heartbeat that lets other
// processes take over this one's jobs if it dies, and leased shares of each endpoint's limits.
import { EventEmitter } from "node:events";
import { type AttackerModel, type Judge, offlineJudges } from "@penaxtra/engine";
import { Logger as GraphileLogger, parseCrontab, type Runner, run, type WorkerEvents } from "graphile-worker";
import type { Logger } from "pino";
import type postgres from "postgres";
import type { ServerConfig } from "../config.ts";
import { connect } from "../db/connection.ts";
import { AttemptRecorder } from "../jobs/attempt-recorder.ts";
import { PRUNE_CRONTAB } from "../jobs/prune-expired-state.ts";
import { RAG_SCHEDULE_CRONTAB } from "../jobs/rag-schedule.ts";
import { taskList } from "../jobs/task-list.ts";
import { startWorkerLiveness } from "../jobs/worker-liveness.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { EndpointLeases } from "../targets/leased-limiter.ts";
import { attackerModel } from "./judge-panel.ts";

export interface WorkerHandle {
  /** The graphile-worker pool id: what `locked_by` says for this worker's jobs. */
  readonly id: string;
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  url: string;
  config: ServerConfig;
  log: Logger;
  secretBox: SecretBox;
  judges?: readonly Judge[];
  /** Defaults to PENAXTRA_ATTACKER's (config.attacker). */
  attacker?: AttackerModel | null;
}

export async function startWorker(options: StartWorkerOptions): Promise<WorkerHandle> {
  const { config, log } = options;
  let poolId: string | null = null;
  const events = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
  });
  // The jobs' writes commit without waiting for their WAL flush: about 0.8 ms per commit on this
  // project's machines, and a scan's path to completion has several in a row. Nothing is lost by it:
  // a Postgres crash can only lose the newest transactions, and every job's writes are followed by
  // graphile-worker's completion of the job, a durable commit that flushes all WAL before it. So a
  // lost write belongs to a job that is not complete, which runs again and redoes it (an attempt
  // whose row was lost is sent again, as after a worker crash).
  const jobs = connect(options.url, { synchronousCommit: false });
  const leases = new EndpointLeases(jobs.pg, () => poolId ?? "unstarted", config.workerStaleAfterMs);
  // Heard before the first batch asks for slots, so that no handoff waits for a refresh.
  await leases
    .listen()
    .catch((error) => log.warn({ err: error }, "lease notifications unavailable; slots move on refresh"));
  const startRunner = () =>
    run({
      connectionString: options.url,
      concurrency: config.workerConcurrency,
      // graphile-worker wants a connection per job it may fetch or complete at once, and keeps one
      // for LISTEN (with fewer than two it waits for ever; its default is 10). node-postgres opens
      // them only when needed and closes idle ones, so a worker waiting on targets holds few.
      maxPoolSize: Math.max(10, config.workerConcurrency),
      noHandleSignals: true,
      // Batched, so that a completion or failure the database could not take (an outage) ends
      // the pool with pool:fatalError (handled below) instead of an unhandled rejection.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      // New jobs are announced (jobs:insert on commit; worker-liveness.ts announces the jobs it
      // unlocks), so polling only finds retries whose backoff ended. Every idle job slot polls:
      // at 1 s, an idle worker ran 37 queries a second (5 s: 12) and used 21 ms of CPU a second (11).
      pollInterval: 5000,
      events,
      parsedCronItems: parseCrontab(`${RAG_SCHEDULE_CRONTAB}\n${PRUNE_CRONTAB}`),
      // graphile-worker reports every job start and finish at info: that is debug chatter here
      // (a scan is hundreds of jobs' worth of lines); its warnings and errors stay as they are.
      logger: new GraphileLogger(
        () => (level, message, meta) =>
          log[level === "warning" ? "warn" : level === "info" ? "debug" : level](meta ?? {}, message),
      ),
      taskList: taskList({
        db: jobs.db,
        pg: jobs.pg,
        config,
        log,
        secretBox: options.secretBox,
        targetPolicy: { allowPrivate: config.allowPrivateTargets },
        judges: options.judges ?? offlineJudges,
        attacker: options.attacker !== undefined ? options.attacker : attackerModel(config),
        leases,
        recorder: new AttemptRecorder(jobs.pg),
      }),
    });
  let runner: Runner;
  try {
    runner = await startRunner();
  } catch (error) {
    await jobs.close();
    throw error;
  }
  let stopping = false;
  // A pool that could not record a job's end (the database went away) shuts itself down
  // (pool:fatalError) and leaves those jobs locked. Wait for the database, unlock them, and start a
  // fresh pool: the scan goes on where it was, and attempts already recorded are not sent again.
  let restarting: Promise<void> | null = null;
  events.on("pool:fatalError", ({ workerPool, error }) => {
    if (stopping || restarting) return;
    const lostPool = workerPool.id;
    log.warn(
      { worker: lostPool, reason: (error as Error)?.message },
      "worker pool stopped: the database is unavailable; restarting when it is back",
    );
    restarting = (async () => {
      // The pool is shutting itself down; give it a bounded time, it may never report back.
      await Promise.race([runner.stop().catch(() => {}), sleep(5000)]);
      await waitForDatabase(jobs.pg, () => stopping);
      if (stopping) return;
      await jobs.pg`select graphile_worker.force_unlock_workers(${[lostPool]}::text[])`;
      runner = await startRunner();
      log.info({ worker: poolId, replaces: lostPool }, "worker pool restarted after the database came back");
    })()
      .catch((failure) => log.error({ err: failure }, "could not restart the worker pool"))
      .finally(() => {
        restarting = null;
      });
  });
  const liveness = startWorkerLiveness({
    pg: jobs.pg,
    workerId: () => poolId,
    intervalMs: config.workerHeartbeatMs,
    staleAfterMs: config.workerStaleAfterMs,
    log,
  });
  log.info({ concurrency: config.workerConcurrency, worker: poolId }, "worker started");
  return {
    get id() {
      return poolId!;
    },
    async stop() {
      stopping = true;
      await restarting;
      await runner.stop();
      await liveness.stop();
      await leases.closeAll();
      await jobs.close();
    },
  };
}

/** Resolves once `select 1` works again (every second, then up to every 5 s), or when stopping. */
async function waitForDatabase(pg: postgres.Sql, stopping: () => boolean): Promise<void> {
  for (let delayMs = 1000; !stopping(); delayMs = Math.min(5000, delayMs * 1.5)) {
    if (
      await pg`select 1`.then(
        () => true,
        () => false,
      )
    )
      return;
    await sleep(delayMs);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
