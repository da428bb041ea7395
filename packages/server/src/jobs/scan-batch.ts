// scan_batch: sends its share of the plan to the target, each attempt with its own canary, and has
// the judge panel score each answer as it arrives. An attempt's row is written when it has finished
// (answered or errored), and only once per (scan, probe, variant, strategy): a retried or recovered job sends
// only what no earlier run recorded. Once half its attempts have ended it queues the scan's next
// unqueued batch (scans/plan.ts); when all have, it writes its probes' findings and asks whether
// the scan can close (db/statements/close-scan.ts): the last one to finish closes it.
import { randomUUID } from "node:crypto";
import { bindProbe, type EndpointPurpose, makeCanary, type Probe, probes, TargetRunner } from "@penaxtra/engine";
import type { Task } from "graphile-worker";
import { closeScanIfDone } from "../db/statements/close-scan.ts";
import { readBatchPayload, type ScanBatchPayload } from "../queue/payloads.ts";
import { ADAPTIVE, enqueueNextBatch } from "../scans/plan.ts";
import { type EndpointTargetRow, endpointRunnerLimits, endpointTargetConfig } from "../targets/endpoint-target.ts";
import type { AttemptResult } from "./attempt-recorder.ts";
import { type JudgedAttempt, recordFindings } from "./record-findings.ts";
import { languageOf, type PlannedSend, runAttempt, strategiesById } from "./run-attempt.ts";
import { failScanForUnusableEndpoint, watchScanStatus } from "./scan-status-watch.ts";
import type { WorkerDeps } from "./worker-deps.ts";

const probesById = new Map(probes.map((probe) => [probe.id, probe]));

export function scanBatchTask(deps: WorkerDeps): Task<"scan_batch"> {
  return async (payload, helpers) => {
    const batchPayload = readBatchPayload(payload);
    try {
      await runBatch(deps, batchPayload);
    } catch (error) {
      // graphile-worker retries with backoff; on the last try, give this batch's attempts up as
      // errored instead, so the scan still ends (failed if nothing else got through).
      const job = helpers?.job;
      if (!job || job.attempts < job.max_attempts) throw error;
      deps.log.error(
        { err: error, scanId: batchPayload.scan_id, batch: batchPayload.batch },
        "scan batch failed for good; its attempts are recorded as errored",
      );
      await giveUpBatch(deps, batchPayload, `batch_failed: ${(error as Error).message}`);
      await enqueueNextBatch(deps.pg, batchPayload);
      // What did get through before the failure still counts.
      await recordFindings(deps.pg, batchPayload.scan_id, batchPayload.tenant_id, probeIdsOf(batchPayload.attempts));
      await closeAndLog(deps, batchPayload.scan_id, batchPayload.tenant_id);
    }
  };
}

async function giveUpBatch(
  deps: WorkerDeps,
  { scan_id: scanId, tenant_id: tenantId, batch, attempts }: ScanBatchPayload,
  reason: string,
): Promise<void> {
  const rows = attempts.map(([probeId, variantIndex, strategy = ""]) => ({
    probe_id: probeId,
    variant_index: variantIndex,
    strategy,
  }));
  await deps.pg`
    insert into scan_attempts (tenant_id, scan_id, batch, probe_id, variant_index, strategy, canary, prompt, status, error, completed_at)
    select ${tenantId}, ${scanId}, ${batch}, a.probe_id, a.variant_index, a.strategy, '', '', 'errored', ${reason}, now()
    from json_to_recordset(${JSON.stringify(rows)}::json) as a(probe_id text, variant_index int, strategy text)
    on conflict (scan_id, probe_id, variant_index, strategy) do nothing`;
}

async function runBatch(deps: WorkerDeps, batchPayload: ScanBatchPayload): Promise<void> {
  const { scan_id: scanId, tenant_id: tenantId, batch, attempts, endpoint: planned } = batchPayload;
  // Slots are leased while the batch reads what it needs: the lease round trip is off the path of
  // the first requests. (The limits are checked against the endpoint row below.)
  if (planned)
    deps.leases
      .limiterFor(planned.id, { concurrency: planned.concurrency, requestsPerMinute: planned.requests_per_minute })
      .anticipate(attempts.length);
  // One statement: the first batch to start moves the scan from queued to running; the scan's
  // status and endpoint as they are now; what an earlier run of this job (a retry, a worker that
  // died) already recorded.
  const [found] = await deps.pg<BatchStart[]>`
    with started as (
      update scans set status = 'running', started_at = clock_timestamp()
      where id = ${scanId} and tenant_id = ${tenantId} and status = 'queued'
      returning id)
    select exists (select 1 from started) as started, s.status, s.adaptive, s.custom_probes as "customProbes", e.purpose,
           (select review_confidence_threshold from tenants where id = s.tenant_id) as threshold,
           e.tools,
           e.id, e.tenant_id as "tenantId", e.url, e.wire_format as "wireFormat", e.model, e.auth_header as "authHeader",
           e.auth_secret_encrypted as "authSecretEncrypted", e.http_template as "httpTemplate", e.limits,
           (e.deleted_at is null and e.status = 'active') as usable,
           array(select probe_id || ':' || variant_index || ':' || strategy from scan_attempts
                 where scan_id = ${scanId} and batch = ${batch}) as recorded
    from scans s join endpoints e on e.id = s.endpoint_id and e.tenant_id = s.tenant_id
    where s.id = ${scanId} and s.tenant_id = ${tenantId}`;
  if (!found) return;
  if (found.started) deps.log.info({ scan_id: scanId, tenant_id: tenantId, endpoint_id: found.id }, "scan started");
  // Seen as queued while another batch was starting it (or it was being cancelled): ask again.
  const status = found.started
    ? "running"
    : found.status === "queued"
      ? await currentStatus(deps, scanId)
      : found.status;
  // Every attempt is recorded, but this batch (run again after its process died) may not have
  // written its findings yet: write them, and close the scan if that was all it waited for.
  if (status === "judging") {
    await recordFindings(deps.pg, scanId, tenantId, probeIdsOf(attempts));
    await closeAndLog(deps, scanId, tenantId);
    return;
  }
  if (status !== "running") return;
  const endpoint = found;
  // Deleted or disabled since the scan started: stop attacking it.
  if (!endpoint.usable) {
    await failScanForUnusableEndpoint(deps.pg, scanId);
    return;
  }

  // Every result this run records, also kept here: the batch's findings are then worked out without
  // reading its attempts back (only a retried batch, with earlier results, reads them).
  const written: AttemptResult[] = [];
  const record = (result: AttemptResult) => {
    written.push(result);
    deps.recorder.record(result);
  };
  const done = new Set(found.recorded);
  const toSend: PlannedSend[] = [];
  for (const [probeId, variantIndex, strategy = ""] of attempts) {
    if (done.has(`${probeId}:${variantIndex}:${strategy}`)) continue;
    const attempt = {
      id: randomUUID(),
      tenant_id: tenantId,
      scan_id: scanId,
      batch,
      probe_id: probeId,
      variant_index: variantIndex,
      strategy,
      canary: makeCanary(),
    };
    const listed = probesById.get(probeId) ?? found.customProbes?.find((custom) => custom.id === probeId);
    // Written against the endpoint's purpose: bound to what it declares now (null if it no longer does).
    const probe = listed && bindProbe(listed, found.purpose, variantIndex);
    // A probe or strategy gone from the library since planning (an upgrade mid-scan) is an errored
    // attempt, so the scan still reaches its planned total.
    const known =
      strategy === "" || strategy === ADAPTIVE || strategiesById.has(strategy) || languageOf(strategy) !== null;
    if (!probe?.variants[variantIndex] || !known) {
      record({
        ...attempt,
        prompt: "",
        status: "errored",
        error: !known ? "strategy_not_in_library" : listed ? "endpoint_purpose_removed" : "probe_not_in_library",
        http_status: null,
        latency_ms: 0,
        requests: 0,
        completed_at: new Date().toISOString(),
      });
      toSend.push({ ...attempt, probe: null, prompt: "" });
    } else toSend.push({ ...attempt, probe, prompt: "" });
  }

  const batchStarted = performance.now();
  deps.log.info({ scan_id: scanId, tenant_id: tenantId, batch, attempts: toSend.length }, "scan batch started");
  const limits = endpointRunnerLimits(endpoint);
  const runner = new TargetRunner(endpointTargetConfig(endpoint, deps.secretBox), limits, deps.targetPolicy, {
    limiter: deps.leases.limiterFor(endpoint.id, limits),
  });

  // Cancellation: in-flight requests are aborted when the scan leaves `running`; so are they when
  // results cannot be written (the database went away), and the job is then retried.
  const cancelled = watchScanStatus(deps, scanId);
  deps.recorder.reachable();
  const writesFailing = deps.recorder.writesFailing;
  const stop = AbortSignal.any([cancelled.signal, writesFailing]);
  // Once half of its attempts have ended the batch is winding down: the next one is queued then, so
  // that it is picked up while this one's last answers come in rather than after.
  let chained: Promise<void> | undefined;
  const chain = () => {
    if (!chained) {
      chained = enqueueNextBatch(deps.pg, batchPayload);
      chained.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    }
    return chained;
  };
  let unfinished = toSend.length;
  const ended = () => {
    if (--unfinished <= toSend.length / 2 && !stop.aborted) chain();
  };
  try {
    await Promise.all(
      toSend.map((attempt) =>
        attempt.probe
          ? runAttempt(deps, runner, record, attempt, attempt.probe, stop, {
              adaptive: found.adaptive,
              threshold: found.threshold,
            }).finally(ended)
          : ended(),
      ),
    );
  } finally {
    cancelled.release();
    await deps.recorder.flush(toSend.map((attempt) => attempt.id));
  }
  if (cancelled.signal.aborted) return void (await chained?.catch(() => {}));
  if (writesFailing.aborted) {
    await chained?.catch(() => {});
    throw new Error("results could not be recorded; the batch stopped sending", { cause: writesFailing.reason });
  }
  // Sent and recorded (and the next batch queued, if it was not already).
  const errored = written.filter((result) => result.status === "errored").length;
  deps.log.info(
    {
      scan_id: scanId,
      tenant_id: tenantId,
      batch,
      answered: written.length - errored,
      errored,
      ms: Math.round(performance.now() - batchStarted),
    },
    "scan batch finished",
  );
  await chain();
  await recordFindings(
    deps.pg,
    scanId,
    tenantId,
    probeIdsOf(attempts),
    written.length === attempts.length ? written.map(asJudged) : undefined,
  );
  await closeAndLog(deps, scanId, tenantId);
}

interface BatchStart extends EndpointTargetRow {
  started: boolean;
  status: string;
  id: string;
  usable: boolean;
  recorded: string[];
  adaptive: { attempts_per_probe: number; max_tokens?: number; seed: number } | null;
  threshold: number;
  customProbes: Probe[] | null;
  purpose: EndpointPurpose | null;
}

async function currentStatus(deps: WorkerDeps, scanId: string): Promise<string | undefined> {
  const [row] = await deps.pg<Array<{ status: string }>>`select status from scans where id = ${scanId}`;
  return row?.status;
}

const probeIdsOf = (attempts: ScanBatchPayload["attempts"]) => [...new Set(attempts.map(([probeId]) => probeId))];
const asJudged = (result: AttemptResult): JudgedAttempt => ({
  id: result.id,
  probe_id: result.probe_id,
  variant_index: result.variant_index,
  strategy: result.strategy,
  canary: result.canary,
  conversation: result.conversation ?? null,
  status: result.status,
  http_status: result.http_status,
  latency_ms: result.latency_ms,
  verdict: result.verdict ?? null,
  confidence: result.confidence ?? null,
  votes: result.votes ?? null,
});
/** Closes the scan if this batch was its last, and says so in the log. */
async function closeAndLog(deps: WorkerDeps, scanId: string, tenantId: string): Promise<void> {
  const closed = await closeScanIfDone(deps, scanId, tenantId);
  if (closed) deps.log.info({ scan_id: scanId, tenant_id: tenantId, ...closed }, "scan finished");
}
