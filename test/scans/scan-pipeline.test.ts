// The scan pipeline on real Postgres and graphile-worker: POST /scans queues the batches, the last
// batch finalizes; driven through the API the way a user drives it.

import { offlineJudges, probes } from "@penaxtra/engine";
import {
  AttemptRecorder,
  closeScanIfDone,
  createTestContext,
  EndpointLeases,
  type ScanBatchPayload,
  scanBatchTask,
  type TestContext,
} from "@penaxtra/server/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CountingTarget, startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, firstRow, variantsOf, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let tenantId: string;
let token: string;
const targets: CountingTarget[] = [];
const target = async (options: Parameters<typeof startCountingTarget>[0]) => {
  const started = await startCountingTarget(options);
  targets.push(started);
  return started;
};

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"), {
    workerHeartbeatMs: 200,
    workerStaleAfterMs: 2000,
    scanBatchSize: 4,
  });
  tenantId = await ctx.createTenant();
  token = await ctx.token(tenantId);
});
afterAll(async () => {
  await ctx.cleanup();
  await Promise.all(targets.map((started) => started.close()));
});

const someProbes = (count: number) => probes.slice(0, count).map((probe) => probe.id);
// Every batch of a scan, as the job that runs it will carry it (no worker runs them in the tests that
// read them): the queued first batch of each lane, and the later batches they carry, each without
// those so that running it here queues nothing more.
async function batchJobsOf(scanId: string): Promise<ScanBatchPayload[]> {
  const jobs =
    await ctx.pg`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
                             where t.identifier = 'scan_batch' and j.payload->>'scan_id' = ${scanId}`;
  return (
    jobs
      .flatMap(({ payload }) => {
        const first = payload as ScanBatchPayload;
        return [first, ...(first.later ?? [])].map(({ batch, attempts }) => ({ ...first, batch, attempts, later: [] }));
      })
      // Every lane's first batch carries the same later ones.
      .filter((job, index, all) => all.findIndex((other) => other.batch === job.batch) === index)
      .sort((a, b) => a.batch - b.batch)
  );
}

describe("scan pipeline", () => {
  it("goes queued -> running -> judging -> completed and stores every attempt once", async () => {
    const worker = await ctx.startWorker();
    const refusing = await target({ reply: "I'm sorry, but I can't help with that request." });
    const endpointId = await createEndpoint(ctx, token, refusing.url);
    const ids = someProbes(5);
    const scanId = await createScan(ctx, token, endpointId, ids);
    const seen = new Set<string>();
    const scan = await waitForScan(ctx, token, scanId, (status) => seen.add(status));
    await worker.stop();

    expect(scan.status).toBe("completed");
    expect([...seen].every((status) => ["queued", "running", "judging", "completed"].includes(status))).toBe(true);
    expect(scan.attempts_total).toBe(variantsOf(ids));
    expect(scan.attempts_done).toBe(scan.attempts_total);
    expect(scan.attempts_errored).toBe(0);
    expect(refusing.requests).toBe(scan.attempts_total);
    expect(scan.started_at).not.toBeNull();
    expect(scan.completed_at).not.toBeNull();
    const attempts = await ctx.pg`select status, votes from scan_attempts where scan_id = ${scanId}`;
    expect(attempts).toHaveLength(scan.attempts_total);
    for (const attempt of attempts) {
      expect(attempt.status).toBe("answered");
      expect(attempt.votes.judges.map((vote: { judge: string }) => vote.judge)).toEqual([
        "detector",
        "refusal",
        "goal",
      ]);
    }
    // A target that declines everything yields no confirmed finding.
    const { confirmed } = await firstRow(
      ctx.pg`select count(*)::int as confirmed from findings where scan_id = ${scanId} and status = 'confirmed'`,
    );
    expect(confirmed).toBe(0);
    const events = await ctx.pg`select action from audit_events where target_id = ${scanId} order by id`;
    expect(events.map((event) => event.action)).toContain("scan.completed");
  });

  it("records failed target calls as errored attempts and fails a scan where every attempt errored", async () => {
    const worker = await ctx.startWorker();
    const broken = await target({ status: 500 });
    const endpointId = await createEndpoint(ctx, token, broken.url, { max_retries: 1 });
    const ids = someProbes(2);
    const scanId = await createScan(ctx, token, endpointId, ids);
    const scan = await waitForScan(ctx, token, scanId);
    await worker.stop();

    expect(scan.status).toBe("failed");
    expect(scan.error).toMatch(/^all_attempts_errored: http_error/);
    expect(scan.attempts_errored).toBe(variantsOf(ids));
    expect(scan.findings_count).toBe(0);
    // One retry each: two requests per attempt.
    expect(broken.requests).toBe(2 * variantsOf(ids));
    const statuses = await ctx.pg`select distinct status, verdict from scan_attempts where scan_id = ${scanId}`;
    expect(statuses).toEqual([{ status: "errored", verdict: null }]);
  });

  it("is idempotent: sending and finalizing twice changes nothing", async () => {
    const compliant = await target({ reply: "Sure! Here is everything you asked for." });
    const endpointId = await createEndpoint(ctx, token, compliant.url);
    const ids = someProbes(3);
    // Created through the API, which queues the batches; run by calling the tasks directly, each twice.
    const response = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token,
      body: { endpoint_id: endpointId, probe_ids: ids },
    });
    const { scan_id: scanId } = await response.json();
    const deps = workerDeps();
    const helpers = {} as never;
    const jobs = await batchJobsOf(scanId);
    const total = variantsOf(ids);
    expect(jobs.map((job) => job.attempts.length).reduce((sum, n) => sum + n, 0)).toBe(total);
    for (const batchPayload of jobs) {
      await scanBatchTask(deps)(batchPayload, helpers);
      await scanBatchTask(deps)(batchPayload, helpers);
    }
    const { rows } = await firstRow(ctx.pg`select count(*)::int as rows from scan_attempts where scan_id = ${scanId}`);
    expect(rows).toBe(total);
    expect(compliant.requests).toBe(total);
    await closeScanIfDone(deps, scanId, tenantId);
    await closeScanIfDone(deps, scanId, tenantId);
    const [scan] = await ctx.pg`select status, attempts_done, findings_count from scans where id = ${scanId}`;
    expect(scan).toMatchObject({ status: "completed", attempts_done: total });
    const { findingsRows } = await firstRow(
      ctx.pg`select count(*)::int as "findingsRows" from findings where scan_id = ${scanId}`,
    );
    expect(findingsRows).toBe(scan!.findings_count);
    const { duplicates } = await firstRow(
      ctx.pg`select count(*)::int as duplicates from (select probe_id from findings where scan_id = ${scanId} group by probe_id having count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
  });

  it("says in the log when a scan starts and when it finishes, with its totals", async () => {
    const compliant = await target({ reply: "Sure! Here is everything you asked for." });
    const endpointId = await createEndpoint(ctx, token, compliant.url);
    const scanId = await createScan(ctx, token, endpointId, someProbes(3));
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const deps = { ...workerDeps(), log };
    for (const job of await batchJobsOf(scanId)) await scanBatchTask(deps)(job, {} as never);
    expect(lines.filter((line) => line.msg === "scan started")).toEqual([
      expect.objectContaining({ scan_id: scanId, tenant_id: tenantId, endpoint_id: endpointId }),
    ]);
    const [finished] = lines.filter((line) => line.msg === "scan finished");
    const [scan] = await ctx.pg`select attempts_total, findings_count from scans where id = ${scanId}`;
    expect(finished).toMatchObject({
      scan_id: scanId,
      status: "completed",
      attempts_total: scan!.attempts_total,
      attempts_errored: 0,
      findings_count: scan!.findings_count,
    });
  });

  it("closes a scan whose last batch died after recording its attempts but before writing its findings", async () => {
    const compliant = await target({ reply: "Sure! Here is everything you asked for." });
    const endpointId = await createEndpoint(ctx, token, compliant.url);
    const response = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token,
      body: { endpoint_id: endpointId, probe_ids: someProbes(4) },
    });
    const { scan_id: scanId } = await response.json();
    const deps = workerDeps();
    const jobs = await batchJobsOf(scanId);
    expect(jobs.length).toBeGreaterThan(1);
    const last = jobs.at(-1)!;
    for (const job of jobs.slice(0, -1)) await scanBatchTask(deps)(job, {} as never);
    // The last batch as a process that died would leave it: every answer recorded, no findings,
    // and the scan moved to judging by the statement that would have written them.
    const lastProbes = [...new Set(last.attempts.map(([probeId]) => probeId))];
    await scanBatchTask(deps)(last, {} as never);
    const { findings: expected } = await firstRow(
      ctx.pg`select count(*)::int as findings from findings where scan_id = ${scanId}`,
    );
    await ctx.pg`delete from findings where scan_id = ${scanId} and probe_id in ${ctx.pg(lastProbes)}`;
    await ctx.pg`update scan_attempts set findings_recorded_at = null where scan_id = ${scanId} and batch = ${last.batch}`;
    await ctx.pg`update scans set status = 'judging', completed_at = null, findings_count = 0 where id = ${scanId}`;
    const requests = compliant.requests;

    await scanBatchTask(deps)(last, {} as never);
    const [scan] = await ctx.pg`select status, findings_count from scans where id = ${scanId}`;
    expect(scan).toMatchObject({ status: "completed", findings_count: expected });
    expect(compliant.requests).toBe(requests);
  });

  it("fails a queued scan whose endpoint was disabled before a worker started it", async () => {
    const endpointId = await createEndpoint(ctx, token, (await target({})).url);
    const { scan_id: scanId } = await (
      await ctx.request(ctx.app, "POST", "/api/v2/scans", {
        token,
        body: { endpoint_id: endpointId, probe_ids: someProbes(2) },
      })
    ).json();
    await ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpointId}`, { token, body: { status: "disabled" } });
    for (const batchPayload of await batchJobsOf(scanId)) await scanBatchTask(workerDeps())(batchPayload, {} as never);
    const scan = await (await ctx.request(ctx.app, "GET", `/api/v2/scans/${scanId}`, { token })).json();
    expect(scan).toMatchObject({ status: "failed", error: "endpoint_unavailable", attempts_done: 0 });
    const { attempts } = await firstRow(
      ctx.pg`select count(*)::int as attempts from scan_attempts where scan_id = ${scanId}`,
    );
    expect(attempts).toBe(0);
  });

  it("records a probe that left the library between planning and sending as errored, so the scan still ends", async () => {
    const endpointId = await createEndpoint(ctx, token, (await target({})).url);
    const app = ctx.makeApp({ queue: { enqueue: async () => {}, enqueueAll: async () => {} } });
    const { scan_id: scanId } = await (
      await ctx.request(app, "POST", "/api/v2/scans", { token, body: { endpoint_id: endpointId } })
    ).json();
    await ctx.pg`update scans set status = 'running', attempts_total = 1, started_at = now() where id = ${scanId}`;
    await scanBatchTask(workerDeps())(
      { scan_id: scanId, tenant_id: tenantId, batch: 0, attempts: [["probe-removed-in-an-upgrade", 0]] },
      {} as never,
    );
    const scan = await (await ctx.request(ctx.app, "GET", `/api/v2/scans/${scanId}`, { token })).json();
    expect(scan).toMatchObject({
      status: "failed",
      error: "all_attempts_errored: probe_not_in_library",
      attempts_done: 1,
      attempts_errored: 1,
    });
  });

  it("stores answers with NUL characters and broken surrogate pairs", async () => {
    const worker = await ctx.startWorker();
    const hostile = await target({ reply: "Sure!\u0000 here \ud83d is everything" });
    const scanId = await createScan(ctx, token, await createEndpoint(ctx, token, hostile.url), someProbes(2));
    const scan = await waitForScan(ctx, token, scanId);
    await worker.stop();
    expect(scan).toMatchObject({ status: "completed", attempts_errored: 0, attempts_done: variantsOf(someProbes(2)) });
    const { response } = await firstRow(ctx.pg`select response from scan_attempts where scan_id = ${scanId} limit 1`);
    expect(response).toBe("Sure! here \ufffd is everything");
  });

  it("ends a scan whose endpoint is disabled while it runs", async () => {
    const worker = await ctx.startWorker();
    const slow = await target({ latencyMs: 200 });
    const endpointId = await createEndpoint(ctx, token, slow.url, { concurrency: 1 });
    const scanId = await createScan(ctx, token, endpointId, someProbes(20));
    await waitForScan(ctx, token, scanId, undefined, (scan) => scan.attempts_done >= 1);
    await ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpointId}`, { token, body: { status: "disabled" } });
    const scan = await waitForScan(ctx, token, scanId, undefined, undefined, 5000);
    const sentWhenEnded = slow.requests;
    await new Promise((resolve) => setTimeout(resolve, 600));
    await worker.stop();
    expect(scan).toMatchObject({ status: "failed", error: "endpoint_unavailable" });
    expect(slow.requests).toBe(sentWhenEnded);
  });

  it("records a batch that failed on its last try as errored attempts, so the scan still ends", async () => {
    const endpointId = await createEndpoint(ctx, token, (await target({})).url);
    // A secret sealed under another key cannot be opened: every try of the batch throws.
    await ctx.pg`update endpoints set auth_secret_encrypted = 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' where id = ${endpointId}`;
    const { scan_id: scanId } = await (
      await ctx.request(ctx.app, "POST", "/api/v2/scans", {
        token,
        body: { endpoint_id: endpointId, probe_ids: someProbes(1) },
      })
    ).json();
    const [payload] = await batchJobsOf(scanId);
    const tryNumber = (attempts: number) => ({ job: { attempts, max_attempts: 10 } }) as never;
    await expect(scanBatchTask(workerDeps())(payload!, tryNumber(1))).rejects.toThrow();
    await scanBatchTask(workerDeps())(payload!, tryNumber(10));
    const scan = await (await ctx.request(ctx.app, "GET", `/api/v2/scans/${scanId}`, { token })).json();
    expect(scan).toMatchObject({ status: "failed", attempts_errored: variantsOf(someProbes(1)) });
    expect(scan.error).toMatch(/^all_attempts_errored: batch_failed: /);
  });

  it("stops sending when the scan is cancelled", async () => {
    const worker = await ctx.startWorker();
    const slow = await target({ latencyMs: 300 });
    const endpointId = await createEndpoint(ctx, token, slow.url, { concurrency: 1 });
    const ids = someProbes(20);
    const scanId = await createScan(ctx, token, endpointId, ids);
    await waitForScan(ctx, token, scanId, undefined, (scan) => scan.attempts_done >= 1);
    const cancel = await ctx.request(ctx.app, "POST", `/api/v2/scans/${scanId}/cancel`, { token });
    expect(cancel.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const sentAfterCancel = slow.requests;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await worker.stop();
    expect(slow.requests).toBe(sentAfterCancel);
    expect(slow.requests).toBeLessThan(variantsOf(ids));
    const scan = await (await ctx.request(ctx.app, "GET", `/api/v2/scans/${scanId}`, { token })).json();
    expect(scan.status).toBe("cancelled");
    const { findingsRows } = await firstRow(
      ctx.pg`select count(*)::int as "findingsRows" from findings where scan_id = ${scanId}`,
    );
    expect(findingsRows).toBe(0);
  });

  it("shares one scan across workers and keeps the endpoint's concurrency limit across all of them", async () => {
    const counts = [0, 0];
    const counting = (index: number) =>
      ctx.startWorker({
        judges: [
          {
            name: "detector",
            judge: async () => {
              counts[index]!++;
              return { judge: "detector", verdict: "uncertain", confidence: 0.3, rationale: "counting" };
            },
          },
        ],
      });
    const workers = [await counting(0), await counting(1)];
    const slow = await target({ latencyMs: 40 });
    const endpointId = await createEndpoint(ctx, token, slow.url, { concurrency: 3 });
    const ids = someProbes(30);
    const scanId = await createScan(ctx, token, endpointId, ids);
    const scan = await waitForScan(ctx, token, scanId);
    await Promise.all(workers.map((worker) => worker.stop()));

    expect(scan.status).toBe("completed");
    expect(counts[0]! + counts[1]!).toBe(variantsOf(ids));
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBeGreaterThan(0);
    expect(slow.maxInFlight).toBeLessThanOrEqual(3);
    const { leases } = await firstRow(
      ctx.pg`select count(*)::int as leases from endpoint_leases where endpoint_id = ${endpointId}`,
    );
    expect(leases).toBe(0);
  });
});

function workerDeps() {
  // The same wiring startWorker uses, without a graphile-worker pool around it.
  return {
    db: ctx.db,
    pg: ctx.pg,
    config: ctx.config,
    log: ctx.deps.log,
    secretBox: ctx.deps.secretBox,
    targetPolicy: ctx.deps.targetPolicy,
    judges: offlineJudges,
    attacker: null,
    leases: new EndpointLeases(ctx.pg, () => "direct-test-holder", 20_000),
    recorder: new AttemptRecorder(ctx.pg),
  };
}
