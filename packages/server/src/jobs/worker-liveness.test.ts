import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { releaseDeadWorkers } from "./worker-liveness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
});
afterAll(async () => ctx.cleanup());

it("unlocks the jobs of a worker that stopped checking in and announces them, so they are taken at once", async () => {
  const dead = `pool-dead-${crypto.randomUUID()}`;
  await ctx.pg`select graphile_worker.add_job('prune_expired_state', '{}'::json, job_key => ${`liveness-${dead}-1`})`;
  await ctx.pg`select graphile_worker.add_job('prune_expired_state', '{}'::json, job_key => ${`liveness-${dead}-2`})`;
  await ctx.pg`
    update graphile_worker._private_jobs set locked_by = ${dead}, locked_at = now() - interval '1 hour'
    where key in (${`liveness-${dead}-1`}, ${`liveness-${dead}-2`})`;
  const heard: string[] = [];
  const listener = await ctx.pg.listen("jobs:insert", (payload) => heard.push(payload));
  try {
    expect(await releaseDeadWorkers(ctx.pg, 60_000)).toContain(dead);
    const [row] = await ctx.pg<Array<{ locked: number }>>`
      select count(*)::int as locked from graphile_worker.jobs where locked_by = ${dead}`;
    expect(row?.locked).toBe(0);
    await expect.poll(() => heard.map((payload) => JSON.parse(payload))).toContainEqual({ count: 2 });
  } finally {
    await listener.unlisten();
    await ctx.pg`delete from graphile_worker._private_jobs where key in (${`liveness-${dead}-1`}, ${`liveness-${dead}-2`})`;
  }
});
