// Chaos: in the middle of a scan run by two workers, one worker process is SIGKILLed and Postgres
// stops and comes back. The API answers 503 database_unavailable meanwhile (quickly, with
// Retry-After), the surviving worker rides the outage out and takes over the dead one's jobs, and
// the scan completes after recovery with every attempt and finding recorded exactly once.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { probes } from "@penaxtra/engine";
import { createTestContext, startEmbeddedPostgres, type TestContext } from "@penaxtra/server/testing";
import pino from "pino";
import { afterAll, expect, it } from "vitest";
import { startCountingTarget } from "../support/fixtures.ts";
import {
  createEndpoint,
  createScan,
  expectEachAttemptOnce,
  spawnWorkerProcess,
  waitForScan,
} from "../support/scans.ts";

const log = pino({ level: "silent" });
const HEARTBEAT_MS = 300;
const STALE_AFTER_MS = 3000;
let dir: string;
let cluster: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
let ctx: TestContext | null = null;
afterAll(async () => {
  await ctx?.cleanup().catch(() => {});
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("completes a scan exactly once across a killed worker and a Postgres outage, answering 503 database_unavailable meanwhile", async () => {
  dir = await mkdtemp(join(tmpdir(), "penaxtra-outage-"));
  await chmod(dir, 0o755);
  cluster = await startEmbeddedPostgres(dir, log);
  ctx = await createTestContext(cluster.url, {
    scanBatchSize: 4,
    workerHeartbeatMs: HEARTBEAT_MS,
    workerStaleAfterMs: STALE_AFTER_MS,
  });
  const token = await ctx.token(await ctx.createTenant());
  const target = await startCountingTarget({ latencyMs: 100 });
  const { child: doomed, exited } = spawnWorkerProcess({
    databaseUrl: ctx.url,
    dataDir: join(dir, "worker"),
    heartbeatMs: HEARTBEAT_MS,
    staleAfterMs: STALE_AFTER_MS,
    batchSize: 4,
  });
  try {
    // The doomed worker is up first, so it takes jobs of the scan; the survivor joins after.
    for (let alive = 0, waited = 0; alive < 1; waited += 50) {
      if (waited > 30_000) throw new Error("the worker process did not start within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
      alive = (await ctx.pg`select count(*)::int as n from worker_heartbeats`)[0]!.n;
    }
    const ids = probes.slice(0, 24).map((probe) => probe.id);
    const scanId = await createScan(ctx, token, await createEndpoint(ctx, token, target.url, { concurrency: 2 }), ids);
    await ctx.startWorker();
    // Some attempts in, most still to come, and both workers holding jobs of the scan.
    const deadline = Date.now() + 30_000;
    for (let done = 0, holders = 0; done < 6 || holders < 2; ) {
      if (Date.now() > deadline) throw new Error(`after 30 s: ${done} attempts, ${holders} workers holding jobs`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      done = (await ctx.pg`select count(*)::int as n from scan_attempts where scan_id = ${scanId}`)[0]!.n;
      holders = (
        await ctx.pg`select count(distinct locked_by)::int as n from graphile_worker.jobs where locked_by is not null`
      )[0]!.n;
    }

    doomed.kill("SIGKILL");
    await exited;
    await cluster.stop();
    const asked = performance.now();
    const during = await ctx.request(ctx.app, "GET", `/api/v2/scans/${scanId}`, { token });
    const answeredInMs = performance.now() - asked;
    expect(during.status).toBe(503);
    expect(await during.json()).toEqual({ error: "database_unavailable", retry_after_seconds: expect.any(Number) });
    expect(Number(during.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(answeredInMs).toBeLessThan(5000);
    const ready = await ctx.app.request("/readyz");
    expect(ready.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 3000));

    cluster = await startEmbeddedPostgres(dir, log);
    const scan = await waitForScan(ctx, token, scanId, undefined, undefined, 90_000);
    expect(scan.status).toBe("completed");
    expect(scan.attempts_done).toBe(scan.attempts_total);
    await expectEachAttemptOnce(ctx, scanId, ids);
    const [findings] = await ctx.pg`
      select count(*)::int as findings, count(distinct probe_id)::int as distinct_probes from findings where scan_id = ${scanId}`;
    expect(findings!.findings).toBe(findings!.distinct_probes);
    // Sent again: only what was unrecorded when the worker died and when the outage began: the
    // requests in flight (two at a time) and an answer still in the recorder's 20 ms buffer (at most
    // one, at 100 ms answers and concurrency 2), at each fault; batches stop sending while results
    // cannot be written. (Measured: 1-5 extra.)
    expect(target.requests).toBeLessThanOrEqual(scan.attempts_total + 6);
    expect((await ctx.app.request("/readyz")).status).toBe(200);
  } finally {
    if (doomed.exitCode === null && doomed.signalCode === null) doomed.kill("SIGKILL");
    await target.close();
  }
}, 180_000);
