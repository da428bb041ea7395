// A worker process killed with SIGKILL mid-scan: another worker takes over its jobs once its
// heartbeat goes stale, and the scan completes with every attempt recorded exactly once.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { type CountingTarget, startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, firstRow, spawnWorkerProcess, waitForScan } from "../support/scans.ts";

const HEARTBEAT_MS = 300;
const STALE_AFTER_MS = 3000;
let ctx: TestContext;
let slow: CountingTarget;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"), {
    workerHeartbeatMs: HEARTBEAT_MS,
    workerStaleAfterMs: STALE_AFTER_MS,
    scanBatchSize: 8,
  });
  slow = await startCountingTarget({ latencyMs: 150 });
});
afterAll(async () => {
  await ctx.cleanup();
  await slow.close();
});

it("recovers a scan from a SIGKILLed worker within the stale window", async () => {
  const tenantId = await ctx.createTenant();
  const token = await ctx.token(tenantId);
  const endpointId = await createEndpoint(ctx, token, slow.url, { concurrency: 2 });
  const ids = probes.slice(0, 16).map((probe) => probe.id);

  const { child, exited } = spawnWorkerProcess({
    databaseUrl: ctx.url,
    dataDir: await mkdtemp(`${tmpdir()}/penaxtra-worker-`),
    heartbeatMs: HEARTBEAT_MS,
    staleAfterMs: STALE_AFTER_MS,
    batchSize: 8,
  });
  try {
    const scanId = await createScan(ctx, token, endpointId, ids);
    const before = await waitForScan(ctx, token, scanId, undefined, (scan) => scan.attempts_done >= 4, 30_000);
    expect(before.status).toBe("running");
    const { locked } = await firstRow(
      ctx.pg`select count(*)::int as locked from graphile_worker.jobs where locked_by is not null`,
    );
    expect(locked).toBeGreaterThan(0);

    child.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();
    const doneAtKill = (await waitForScan(ctx, token, scanId, undefined, () => true)).attempts_done;

    await ctx.startWorker();
    const resumed = await waitForScan(ctx, token, scanId, undefined, (scan) => scan.attempts_done > doneAtKill, 60_000);
    const recoveryMs = Date.now() - killedAt;
    const scan = await waitForScan(ctx, token, scanId);

    expect(resumed.attempts_done).toBeGreaterThan(doneAtKill);
    expect(recoveryMs).toBeLessThan(60_000);
    expect(scan.status).toBe("completed");
    expect(scan.attempts_done).toBe(scan.attempts_total);
    const { rows } = await firstRow(
      ctx.pg`select count(*)::int as rows from scan_attempts where scan_id = ${scanId} and status <> 'pending'`,
    );
    expect(rows).toBe(scan.attempts_total);
    // Requests in flight when the worker died are sent again; nothing else is.
    expect(slow.requests).toBeLessThanOrEqual(scan.attempts_total + 2);
    const { heartbeats } = await firstRow(
      ctx.pg`select count(*)::int as heartbeats from worker_heartbeats where seen_at < now() - interval '10 seconds'`,
    );
    expect(heartbeats).toBe(0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
});
