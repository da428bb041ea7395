// How the worker's slots are shared: a scan holds only the slots its endpoint can use (its lanes,
// scans/plan.ts), so another endpoint's scan starts at once; a tenant with more scans sending queues
// behind tenants with fewer. Checked by ordering and by counting jobs, not by timing.
import { probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CountingTarget, startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, waitForScan } from "../support/scans.ts";

const BATCH_SIZE = 2;
let ctx: TestContext;
const targets: CountingTarget[] = [];
const target = async (options: Parameters<typeof startCountingTarget>[0]) => {
  const started = await startCountingTarget(options);
  targets.push(started);
  return started;
};

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"), { scanBatchSize: BATCH_SIZE });
});
afterAll(async () => {
  await ctx.cleanup();
  await Promise.all(targets.map((started) => started.close()));
});

const probeIds = (from: number, count: number) => probes.slice(from, from + count).map((probe) => probe.id);
// graphile-worker's public view has no payload: its tables, as the other scan tests read them.
const batchJobs = (scanIds: string[]) => ctx.pg<Array<{ scan_id: string; priority: number }>>`
  select j.payload->>'scan_id' as scan_id, j.priority from graphile_worker._private_jobs j
  join graphile_worker._private_tasks t on t.id = j.task_id
  where t.identifier = 'scan_batch' and j.payload->>'scan_id' in ${ctx.pg(scanIds)}`;
const scanTimes = async (scanId: string) =>
  (
    await ctx.pg<Array<{ started_at: Date; completed_at: Date | null }>>`
    select started_at, completed_at from scans where id = ${scanId}`
  )[0]!;

describe("scan scheduling", () => {
  it("a scan holds only as many worker slots as its endpoint can use; another endpoint's scan starts at once", async () => {
    const tenantId = await ctx.createTenant();
    const token = await ctx.token(tenantId);
    // Concurrency 2 and batches of 2: four lanes (twice the one that keeps two requests going, plus
    // two), so at most four of the slow scan's batches at a time.
    const slow = await target({ latencyMs: 150 });
    const fast = await target({ latencyMs: 0 });
    const slowEndpoint = await createEndpoint(ctx, token, slow.url, { concurrency: 2 });
    const fastEndpoint = await createEndpoint(ctx, token, fast.url, { concurrency: 2 });
    const worker = await ctx.startWorker({ config: { workerConcurrency: 4 } });
    const slowScan = await createScan(ctx, token, slowEndpoint, probeIds(0, 30));
    // While the slow scan runs, only its lanes' batches exist as jobs.
    let mostJobs = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        mostJobs = Math.max(mostJobs, (await batchJobs([slowScan])).length);
        await new Promise((done) => setTimeout(done, 10));
      }
    })();
    await waitForScan(ctx, token, slowScan, undefined, (scan) => scan.status !== "queued");
    const fastScan = await createScan(ctx, token, fastEndpoint, probeIds(16, 8));
    const fastDone = await waitForScan(ctx, token, fastScan);
    const slowDone = await waitForScan(ctx, token, slowScan);
    sampling = false;
    await sampler;
    await worker.stop();

    expect(fastDone.status).toBe("completed");
    expect(slowDone.status).toBe("completed");
    expect(mostJobs).toBeGreaterThan(0);
    // Four lanes: four batches sending, each of which queues its successor once half its attempts
    // have ended. Without lanes, every batch of the scan was queued at once.
    expect(mostJobs).toBeLessThanOrEqual(8);
    expect(mostJobs).toBeLessThan(slowDone.attempts_total / BATCH_SIZE);
    // The fast scan did not queue behind the slow one's batches: it finished while the slow one ran.
    expect(Date.parse(fastDone.completed_at!)).toBeLessThan(Date.parse(slowDone.completed_at!));
    expect(slow.maxInFlight).toBeLessThanOrEqual(2);
  }, 60_000);

  it("queues a tenant with more scans sending behind a tenant with fewer", async () => {
    const busyTenant = await ctx.createTenant();
    const quietTenant = await ctx.createTenant();
    const busyToken = await ctx.token(busyTenant);
    const quietToken = await ctx.token(quietTenant);
    const answering = await target({ latencyMs: 0 });
    const busyEndpoint = await createEndpoint(ctx, busyToken, answering.url, { concurrency: 2 });
    const quietEndpoint = await createEndpoint(ctx, quietToken, answering.url, { concurrency: 2 });
    // Queued with no worker running: three of the busy tenant's, then the quiet tenant's one.
    const busyScans = [];
    for (let index = 0; index < 3; index++)
      busyScans.push(await createScan(ctx, busyToken, busyEndpoint, probeIds(index * 2, 2)));
    const quietScan = await createScan(ctx, quietToken, quietEndpoint, probeIds(10, 2));
    const priorities = await batchJobs([...busyScans, quietScan]);
    const priorityOf = (scanId: string) => priorities.find((row) => row.scan_id === scanId)?.priority;
    expect(busyScans.map(priorityOf)).toEqual([0, 1, 2]);
    expect(priorityOf(quietScan)).toBe(0);

    // One slot: the order in which the scans start is the queue's order.
    const worker = await ctx.startWorker({ config: { workerConcurrency: 1 } });
    for (const scanId of [...busyScans, quietScan]) await waitForScan(ctx, tokenFor(scanId), scanId);
    await worker.stop();
    const started = await Promise.all(
      [...busyScans, quietScan].map(async (scanId) => ({ scanId, ...(await scanTimes(scanId)) })),
    );
    const order = started
      .sort((a, b) => Date.parse(String(a.started_at)) - Date.parse(String(b.started_at)))
      .map((row) => row.scanId);
    expect(order).toEqual([busyScans[0], quietScan, busyScans[1], busyScans[2]]);

    function tokenFor(scanId: string) {
      return scanId === quietScan ? quietToken : busyToken;
    }
  }, 60_000);
});
