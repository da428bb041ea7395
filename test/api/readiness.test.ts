// /readyz says what is missing: an API whose database lacks this build's migrations, or that no
// worker serves, is up (/healthz) but not ready for traffic.
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually } from "../support/eventually.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
});
afterAll(() => ctx.cleanup());

const readiness = async () => {
  const response = await ctx.app.request("/readyz");
  return { status: response.status, body: await response.json() };
};
/** A worker checks in on its first heartbeat, a moment after it starts. */
const readyWithin = (ms: number) => eventually(readiness, (last) => last.status === 200, ms);

describe("GET /readyz", () => {
  it("is 503 while no worker has checked in, and 200 once one has", async () => {
    expect(await readiness()).toEqual({
      status: 503,
      body: { ready: false, checks: { database: true, migrations: true, worker: false } },
    });
    await ctx.startWorker();
    expect(await readyWithin(15_000)).toEqual({
      status: 200,
      body: { ready: true, checks: { database: true, migrations: true, worker: true } },
    });
    expect((await ctx.app.request("/healthz")).status).toBe(200);
  });

  it("is 503 when the database lacks the newest migration this build ships", async () => {
    const [newest] = await ctx.pg<Array<{ id: number; hash: string; created_at: string }>>`
      select id, hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1`;
    await ctx.pg`delete from drizzle.__drizzle_migrations where id = ${newest!.id}`;
    try {
      expect(await readiness()).toMatchObject({ status: 503, body: { ready: false, checks: { migrations: false } } });
    } finally {
      await ctx.pg`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest!.id}, ${newest!.hash}, ${newest!.created_at}::bigint)`;
    }
    expect((await readyWithin(5000)).status).toBe(200);
  });
});
