// A scan interrupted by a worker's shutdown (SIGTERM on penaxtra serve stops its worker this way)
// completes once another worker starts, with every attempt and finding recorded once.
import { probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { type CountingTarget, startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, expectEachAttemptOnce, variantsOf, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let target: CountingTarget;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"), { scanBatchSize: 4 });
  target = await startCountingTarget({ latencyMs: 50 });
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

it("completes a scan after the worker running it shut down and another started", async () => {
  const token = await ctx.token(await ctx.createTenant());
  const ids = probes.slice(0, 12).map((probe) => probe.id);
  // One job at a time, so that most batches are still queued when it stops.
  const first = await ctx.startWorker({ config: { workerConcurrency: 1 } });
  const scanId = await createScan(ctx, token, await createEndpoint(ctx, token, target.url, { concurrency: 2 }), ids);
  for (let done = 0; done < 4; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    done = (await ctx.pg`select count(*)::int as n from scan_attempts where scan_id = ${scanId}`)[0]!.n;
  }
  await first.stop();
  const [{ status }] = await ctx.pg<[{ status: string }]>`select status from scans where id = ${scanId}`;
  expect(status).toBe("running");

  await ctx.startWorker();
  const scan = await waitForScan(ctx, token, scanId);
  expect(scan.status).toBe("completed");
  await expectEachAttemptOnce(ctx, scanId, ids);
  expect(target.requests).toBe(variantsOf(ids));
});
