// A graphile-worker pool plus what makes it safe to run several: a heartbeat that lets other
// processes take over this one's jobs if it dies, and leased shares of each endpoint's limits.
import { EventEmitter } from "node:events";
import { type Judge, offlineJudges } from "@penaxtra/engine";
import { Logger as GraphileLogger, parseCrontab, type Runner, run, type WorkerEvents } from "graphile-worker";
import type { Logger } from "pino";
import type { ServerConfig } from "../config.ts";
import { connect } from "../db/connection.ts";
import { AttemptRecorder } from "../jobs/attempt-recorder.ts";
import { RAG_SCHEDULE_CRONTAB } from "../jobs/rag-schedule.ts";
import { taskList } from "../jobs/task-list.ts";
import { startWorkerLiveness } from "../jobs/worker-liveness.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { EndpointLeases } from "../targets/leased-limiter.ts";

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
  let runner: Runner;
  try {
    runner = await run({
      connectionString: options.url,
      concurrency: config.workerConcurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      events,
      parsedCronItems: parseCrontab(RAG_SCHEDULE_CRONTAB),
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
        leases,
        recorder: new AttemptRecorder(jobs.pg),
      }),
    });
  } catch (error) {
    await jobs.close();
    throw error;
  }
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
      await runner.stop();
      await liveness.stop();
      await leases.closeAll();
      await jobs.close();
    },
  };
}
