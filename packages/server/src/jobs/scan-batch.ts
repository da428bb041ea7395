// scan_batch: sends one batch of a scan's planned attempts to the target and has the judge panel
// score each answer as it arrives. Only `pending` attempts are sent, and a result is written only
// over a `pending` row, so a retried or recovered job never duplicates an attempt. The last batch
// to finish moves the scan to `judging` and enqueues scan_finalize.
import { judgeResponse, metaJudge, probes, TargetRunner, type JudgeVote, type RunnerOutcome } from "@penaxtra/engine";
import { and, eq } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { endpoints, scanAttempts, scans } from "../db/schema.ts";
import { endpointRunnerLimits, endpointTargetConfig } from "../targets/endpoint-target.ts";
import { AttemptRecorder } from "./attempt-recorder.ts";
import { addJob } from "./job-queue.ts";
import { readScanPayload, type WorkerDeps } from "./worker-deps.ts";

const CANCEL_POLL_MS = 250;
const MAX_STORED_RESPONSE_CHARS = 100_000;

type Attempt = typeof scanAttempts.$inferSelect;

const probesById = new Map(probes.map((probe) => [probe.id, probe]));

export function scanBatchTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId, batch } = readScanPayload(payload);
    const { db } = deps;
    const [found] = await db
      .select({ status: scans.status, endpoint: endpoints })
      .from(scans)
      .innerJoin(endpoints, and(eq(endpoints.id, scans.endpointId), eq(endpoints.tenantId, scans.tenantId)))
      .where(and(eq(scans.id, scanId), eq(scans.tenantId, tenantId)));
    if (!found || found.status !== "running") return;
    const { endpoint } = found;

    const pending = await deps.sql<Array<Pick<Attempt, "id" | "prompt" | "canary"> & { probe_id: string }>>`
      select id, probe_id, prompt, canary from scan_attempts
      where scan_id = ${scanId} and batch = ${batch ?? 0} and status = 'pending'`;

    const limits = endpointRunnerLimits(endpoint);
    const runner = new TargetRunner(endpointTargetConfig(endpoint, deps.secretBox), limits, deps.targetPolicy, {
      limiter: deps.leases.limiterFor(endpoint.id, limits),
    });

    // Cancellation: watch the scan's status and abort in-flight requests when it leaves `running`.
    const cancelled = new AbortController();
    const watcher = setInterval(async () => {
      const [row] = await db.select({ status: scans.status }).from(scans).where(eq(scans.id, scanId)).catch(() => []);
      if (row && row.status !== "running") cancelled.abort(new Error(`scan is ${row.status}`));
    }, CANCEL_POLL_MS);
    const recorder = new AttemptRecorder(deps.sql);
    try {
      await Promise.all(pending.map((attempt) => runAttempt(deps, runner, recorder, attempt, cancelled.signal)));
    } finally {
      clearInterval(watcher);
      await recorder.flush();
    }
    if (cancelled.signal.aborted) return;
    await finishIfLastBatch(deps, scanId, tenantId);
  };
}

type PendingAttempt = Pick<Attempt, "id" | "prompt" | "canary"> & { probe_id: string };

async function runAttempt(deps: WorkerDeps, runner: TargetRunner, recorder: AttemptRecorder, attempt: PendingAttempt, signal: AbortSignal): Promise<void> {
  let outcome: RunnerOutcome;
  try {
    outcome = await runner.send(attempt.prompt, signal);
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  }
  // An aborted request says nothing about the target: leave the attempt pending.
  if (signal.aborted) return;

  if (!outcome.ok) {
    recorder.record({
      id: attempt.id,
      status: "errored",
      error: `${outcome.error}: ${outcome.message}`,
      http_status: outcome.httpStatus,
      latency_ms: outcome.latencyMs,
      requests: outcome.attempts,
    });
    return;
  }

  const probe = probesById.get(attempt.probe_id);
  let votes: JudgeVote[];
  let meta;
  if (probe) {
    ({ votes, meta } = await judgeResponse(deps.judges, {
      probe,
      prompt: attempt.prompt,
      response: outcome.text,
      context: { canary: attempt.canary, knownSecrets: [], systemPromptFragments: [], prompt: attempt.prompt, premiseTerms: probe.premise_terms ?? [] },
    }));
  } else {
    // The probe left the library between planning and sending (a server upgrade mid-scan).
    votes = [];
    meta = metaJudge([]);
  }
  recorder.record({
    id: attempt.id,
    status: "answered",
    response: outcome.text.slice(0, MAX_STORED_RESPONSE_CHARS),
    http_status: outcome.httpStatus,
    latency_ms: outcome.latencyMs,
    requests: outcome.attempts,
    verdict: meta.verdict,
    confidence: meta.confidence,
    votes: { judges: votes, meta },
  });
}

async function finishIfLastBatch(deps: WorkerDeps, scanId: string, tenantId: string): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const [left] = await tx<Array<{ pending: number }>>`select count(*)::int as pending from scan_attempts where scan_id = ${scanId} and status = 'pending'`;
    if (left!.pending > 0) return;
    const moved = await tx`update scans set status = 'judging' where id = ${scanId} and status = 'running' returning id`;
    if (moved.length) await addJob(tx, "scan_finalize", { scan_id: scanId, tenant_id: tenantId }, { jobKey: `scan:${scanId}:finalize` });
  });
}
