// Pruning deletes only state that is the same as no state: a bucket that has refilled, a window
// whose takes have all expired, an Idempotency-Key past its retention; the rest stays.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { bucketsFullAfterSeconds, pruneExpiredState } from "./prune-expired-state.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
});
afterAll(async () => ctx.cleanup());

const NOW = new Date("2026-06-01T12:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
const keysOf = async (table: string) =>
  (await ctx.pg.unsafe(`select key from ${table} order by key`)).map((row) => row.key as string);

describe("prune_expired_state", () => {
  it("deletes refilled buckets, empty windows and expired Idempotency-Keys, and keeps live ones", async () => {
    const fullAfter = bucketsFullAfterSeconds(ctx.config);
    const tenantId = await ctx.createTenant();
    await ctx.pg`insert into rate_limit_buckets (key, tokens, updated_at) values
      ('auth_failure:203.0.113.7', 0, ${ago(fullAfter + 301)}), ('auth_failure:203.0.113.8', 0, ${ago(fullAfter + 200)})`;
    await ctx.pg`insert into rate_limit_windows (key, taken_at) values
      ('rag_run:old', array[${ago(3901)}, ${ago(7200)}]::timestamptz[]),
      ('rag_run:live', array[${ago(7200)}, ${ago(3800)}]::timestamptz[]),
      ('scan_create:never', '{}')`;
    await ctx.pg`insert into idempotency_keys (tenant_id, operation, key, request_hash, created_at) values
      (${tenantId}, 'createScan', 'expired', 'x', ${ago(24 * 3600 + 301)}), (${tenantId}, 'createScan', 'kept', 'x', ${ago(24 * 3600 + 200)})`;

    expect(await pruneExpiredState(ctx.pg, ctx.config, NOW)).toEqual({ buckets: 1, windows: 2, idempotencyKeys: 1 });
    expect(await keysOf("rate_limit_buckets")).toEqual(["auth_failure:203.0.113.8"]);
    expect(await keysOf("rate_limit_windows")).toEqual(["rag_run:live"]);
    expect(await keysOf("idempotency_keys")).toEqual(["kept"]);
  });

  it("waits at least as long as the slowest bucket takes to refill", () => {
    expect(bucketsFullAfterSeconds({ rateLimit: { perMinute: 60, burst: 60 } })).toBe(3600);
    expect(bucketsFullAfterSeconds({ rateLimit: { perMinute: 1, burst: 100 } })).toBe(6000);
  });

  it("is on the worker's crontab, so it runs without anyone asking", async () => {
    const { PRUNE_CRONTAB } = await import("./prune-expired-state.ts");
    const { parseCrontab } = await import("graphile-worker");
    expect(parseCrontab(PRUNE_CRONTAB)[0]!.task).toBe("prune_expired_state");
  });
});
