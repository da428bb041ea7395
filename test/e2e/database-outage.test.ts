// Chaos: Postgres stops in the middle of a scan and comes back. The API answers 503
// database_unavailable meanwhile (quickly, with Retry-After), the worker rides it out, and the scan
// completes after recovery with every attempt and finding recorded exactly once. (A worker killed
// mid-scan is test/scans/worker-recovery.test.ts.)
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { probes } from "@penaxtra/engine";
import { createTestContext, startEmbeddedPostgres, type TestContext } from "@penaxtra/server/testing";
import pino from "pino";
import { afterAll, expect, it } from "vitest";
import { startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, expectEachAttemptOnce, waitForScan } from "../support/scans.ts";

const log = pino({ level: "silent" });
let dir: string;
let cluster: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
let ctx: TestContext | null = null;
afterAll(async () => {
  await ctx?.cleanup().catch(() => {});
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("completes a scan exactly once across a Postgres outage, answering 503 database_unavailable meanwhile", async () => {
  dir = await mkdtemp(join(tmpdir(), "penaxtra-outage-"));
  await chmod(dir, 0o755);
  cluster = await startEmbeddedPostgres(dir, log);
  ctx = await createTestContext(cluster.url, { scanBatchSize: 4 });
  const token = await ctx.token(await ctx.createTenant());
  const target = await startCountingTarget({ latencyMs: 100 });
  await ctx.startWorker();
  const ids = probes.slice(0, 16).map((probe) => probe.id);
  const scanId = await createScan(ctx, token, await createEndpoint(ctx, token, target.url, { concurrency: 2 }), ids);
  // Some attempts in, most still to come.
  for (let done = 0; done < 6; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    done = (await ctx.pg`select count(*)::int as n from scan_attempts where scan_id = ${scanId}`)[0]!.n;
  }

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
  await expectEachAttemptOnce(ctx, scanId, ids);
  const [findings] = await ctx.pg`
    select count(*)::int as findings, count(distinct probe_id)::int as distinct_probes from findings where scan_id = ${scanId}`;
  expect(findings!.findings).toBe(findings!.distinct_probes);
  expect((await ctx.app.request("/readyz")).status).toBe(200);
  await target.close();
}, 180_000);
