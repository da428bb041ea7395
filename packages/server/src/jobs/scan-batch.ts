// scan_batch: writes its share of the plan as attempt rows (each with its own canary; a retry keeps
// the rows, and canaries, of the first run), sends the attempts to the target and has the judge
// panel score each answer as it arrives. Only `pending` attempts are sent, and a result is written
// only over a `pending` row, so a retried or recovered job never duplicates an attempt. The batch
// that finishes the last attempt moves the scan to `judging` and finalizes it.
import { judgeResponse, makeCanary, metaJudge, probes, renderPayload, TargetRunner, type JudgeVote, type RunnerOutcome } from "@penaxtra/engine";
import { and, eq } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { endpoints, scans } from "../db/schema.ts";
import { endpointRunnerLimits, endpointTargetConfig } from "../targets/endpoint-target.ts";
import type { AttemptRecorder } from "./attempt-recorder.ts";
import { recordFindings } from "./record-findings.ts";
import { finalizeScan } from "./scan-finalize.ts";
import { failScanForUnusableEndpoint, watchScanStatus } from "./scan-status-watch.ts";
import { readBatchPayload, type ScanBatchPayload, type WorkerDeps } from "./worker-deps.ts";

const FINALIZE_SAFETY_NET_SECONDS = 30;
const MAX_STORED_RESPONSE_CHARS = 100_000;

const probesById = new Map(probes.map((probe) => [probe.id, probe]));

export function scanBatchTask(deps: WorkerDeps): Task {
  return async (payload, helpers) => {
    const batchPayload = readBatchPayload(payload);
    try {
      await runBatch(deps, batchPayload);
    } catch (error) {
      // graphile-worker retries with backoff; on the last try, give this batch's attempts up as
      // errored instead, so the scan still ends (failed if nothing else got through).
      const job = helpers?.job;
      if (!job || job.attempts < job.max_attempts) throw error;
      deps.log.error({ err: error, scanId: batchPayload.scan_id, batch: batchPayload.batch }, "scan batch failed for good; its attempts are recorded as errored");
      await giveUpBatch(deps, batchPayload, `batch_failed: ${(error as Error).message}`);
      // What did get through before the failure still counts.
      await recordFindings(deps.sql, batchPayload.scan_id, batchPayload.tenant_id, probeIdsOf(batchPayload.attempts));
      await finishIfLastBatch(deps, batchPayload.scan_id, batchPayload.tenant_id);
    }
  };
}

async function giveUpBatch(deps: WorkerDeps, { scan_id: scanId, tenant_id: tenantId, batch, attempts }: ScanBatchPayload, reason: string): Promise<void> {
  const rows = attempts.map(([probeId, variantIndex]) => ({ probe_id: probeId, variant_index: variantIndex }));
  await deps.sql.begin(async (tx) => {
    await tx`
      insert into scan_attempts (tenant_id, scan_id, batch, probe_id, variant_index, canary, prompt, status, error, completed_at)
      select ${tenantId}, ${scanId}, ${batch}, a.probe_id, a.variant_index, '', '', 'errored', ${reason}, now()
      from json_to_recordset(${JSON.stringify(rows)}::json) as a(probe_id text, variant_index int)
      on conflict (scan_id, probe_id, variant_index) do nothing`;
    await tx`update scan_attempts set status = 'errored', error = ${reason}, completed_at = now()
             where scan_id = ${scanId} and batch = ${batch} and status = 'pending'`;
  });
}

async function runBatch(deps: WorkerDeps, { scan_id: scanId, tenant_id: tenantId, batch, attempts }: ScanBatchPayload): Promise<void> {
  const { db } = deps;
  const [found] = await db
    .select({ status: scans.status, endpoint: endpoints })
    .from(scans)
    .innerJoin(endpoints, and(eq(endpoints.id, scans.endpointId), eq(endpoints.tenantId, scans.tenantId)))
    .where(and(eq(scans.id, scanId), eq(scans.tenantId, tenantId)));
  if (!found || found.status !== "running") return;
  const { endpoint } = found;
  // Deleted or disabled since the scan started: stop attacking it.
  if (endpoint.deletedAt || endpoint.status !== "active") {
    await failScanForUnusableEndpoint(deps.sql, scanId);
    return;
  }

  const rows = attempts.map(([probeId, variantIndex]) => {
    const probe = probesById.get(probeId);
    const canary = makeCanary();
    // A probe gone from the library since planning (an upgrade mid-scan) is an errored attempt,
    // so the scan still reaches its planned total.
    if (!probe || !probe.variants[variantIndex]) return { probe_id: probeId, variant_index: variantIndex, canary, prompt: "", status: "errored", error: "probe_not_in_library" };
    return { probe_id: probeId, variant_index: variantIndex, canary, prompt: renderPayload(probe, variantIndex, canary), status: "pending", error: null };
  });
  // Insert-or-keep, then read back what is still pending: the one source of truth on a retry.
  const pending = await deps.sql<PendingAttempt[]>`
    with planned as (
      insert into scan_attempts (tenant_id, scan_id, batch, probe_id, variant_index, canary, prompt, status, error, completed_at)
      select ${tenantId}, ${scanId}, ${batch}, a.probe_id, a.variant_index, a.canary, a.prompt, a.status, a.error,
             case when a.status = 'pending' then null else now() end
      from json_to_recordset(${JSON.stringify(rows)}::json) as a(probe_id text, variant_index int, canary text, prompt text, status text, error text)
      on conflict (scan_id, probe_id, variant_index) do nothing
      returning id, probe_id, prompt, canary, status)
    select id, probe_id, prompt, canary from planned where status = 'pending'
    union all
    select id, probe_id, prompt, canary from scan_attempts where scan_id = ${scanId} and batch = ${batch} and status = 'pending'`;

  const limits = endpointRunnerLimits(endpoint);
  const runner = new TargetRunner(endpointTargetConfig(endpoint, deps.secretBox), limits, deps.targetPolicy, {
    limiter: deps.leases.limiterFor(endpoint.id, limits),
  });

  // Cancellation: in-flight requests are aborted when the scan leaves `running`.
  const cancelled = watchScanStatus(deps, scanId);
  const { recorder } = deps;
  try {
    await Promise.all(pending.map((attempt) => runAttempt(deps, runner, recorder, attempt, cancelled.signal)));
  } finally {
    cancelled.release();
    await recorder.flush(pending.map((attempt) => attempt.id));
  }
  if (cancelled.signal.aborted) return;
  await recordFindings(deps.sql, scanId, tenantId, probeIdsOf(attempts));
  await finishIfLastBatch(deps, scanId, tenantId);
}

const probeIdsOf = (attempts: ScanBatchPayload["attempts"]) => [...new Set(attempts.map(([probeId]) => probeId))];

interface PendingAttempt {
  id: string;
  probe_id: string;
  prompt: string;
  canary: string;
}

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

  // Judged as stored: the first MAX_STORED_RESPONSE_CHARS of the answer.
  const answer = outcome.text.slice(0, MAX_STORED_RESPONSE_CHARS);
  const probe = probesById.get(attempt.probe_id);
  let votes: JudgeVote[];
  let meta;
  if (probe) {
    ({ votes, meta } = await judgeResponse(deps.judges, {
      probe,
      prompt: attempt.prompt,
      response: answer,
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
    response: answer,
    http_status: outcome.httpStatus,
    latency_ms: outcome.latencyMs,
    requests: outcome.attempts,
    verdict: meta.verdict,
    confidence: meta.confidence,
    votes: { judges: votes, meta },
  });
}

// Done when every planned attempt is finished and its probe's finding recorded. (Counting pending
// rows would not do: a batch that has not started yet has no rows; and a batch still writing its
// findings must not be overtaken by the close.) The batch that wins the running -> judging
// transition finalizes at once; the queued scan_finalize job is the safety net should this
// process die in between, and finds nothing to do otherwise.
async function finishIfLastBatch(deps: WorkerDeps, scanId: string, tenantId: string): Promise<void> {
  // One statement, so one transaction: the transition and the safety-net job commit together.
  const moved = await deps.sql`
    with moved as (
      update scans set status = 'judging'
      where id = ${scanId} and status = 'running'
        and attempts_total <= (select count(*) from scan_attempts where scan_id = ${scanId} and findings_recorded_at is not null)
      returning id)
    select graphile_worker.add_job('scan_finalize', ${JSON.stringify({ scan_id: scanId, tenant_id: tenantId })}::json,
             run_at => now() + make_interval(secs => ${FINALIZE_SAFETY_NET_SECONDS}), job_key => ${`scan:${scanId}:finalize`})
    from moved`;
  if (moved.length) await finalizeScan(deps, scanId, tenantId);
}
