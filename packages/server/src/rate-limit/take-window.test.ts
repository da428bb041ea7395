// penaxtra_take_window on real Postgres, with the take times given: at most N in ANY window.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
});
afterAll(async () => {
  await ctx.cleanup();
});

const START = Date.parse("2026-01-01T00:00:00Z");
async function take(key: string, atSeconds: number) {
  const at = new Date(START + atSeconds * 1000).toISOString();
  const [row] = await ctx.pg<[{ allowed: boolean; remaining: number; retry_after_seconds: number }]>`
    select * from penaxtra_take_window(${key}, 6, 60, ${at}::timestamptz)`;
  return [row.allowed, row.retry_after_seconds] as const;
}

describe("penaxtra_take_window: six in any 60 seconds", () => {
  it("refuses the seventh take until the oldest leaves the window, and says when", async () => {
    const key = `test:${crypto.randomUUID()}`;
    for (const at of [0, 10, 20, 30, 40, 50]) expect(await take(key, at)).toEqual([true, 0]);
    expect(await take(key, 55)).toEqual([false, 5]);
    // A bucket refilling 0.1/s would let one through every 10 s from here; a window does not.
    expect(await take(key, 59)).toEqual([false, 1]);
    expect(await take(key, 60.5)).toEqual([true, 0]);
    expect(await take(key, 61)).toEqual([false, 9]);
    expect(await take(key, 70.5)).toEqual([true, 0]);
  });

  it("never lets more than six through in any window of concurrent takes", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ctx.pg`select allowed from penaxtra_take_window(${key}, 6, 60)`),
    );
    expect(results.filter(([row]) => row!.allowed)).toHaveLength(6);
  });
});
