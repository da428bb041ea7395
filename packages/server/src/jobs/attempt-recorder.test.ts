import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { AttemptRecorder, storableText, type AttemptResult } from "./attempt-recorder.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
});
afterAll(async () => ctx.cleanup());

async function pendingAttempts(count: number): Promise<string[]> {
  const tenantId = await ctx.createTenant();
  const [endpoint] = await ctx.sql`insert into endpoints (tenant_id, name, url, wire_format, limits, status)
                                   values (${tenantId}, 'e', 'http://127.0.0.1:9/', 'chat_completions_v1', '{}'::jsonb, 'active') returning id`;
  const [scan] = await ctx.sql`insert into scans (tenant_id, endpoint_id, status) values (${tenantId}, ${endpoint!.id}, 'running') returning id`;
  const rows = await ctx.sql`insert into scan_attempts (tenant_id, scan_id, batch, probe_id, variant_index, canary, prompt)
                             select ${tenantId}, ${scan!.id}, 0, 'probe', i, 'PX', 'p' from generate_series(0, ${count - 1}) i returning id`;
  return rows.map((row) => row.id as string);
}

const answered = (id: string, response = "ok"): AttemptResult => ({ id, status: "answered", response, http_status: 200, latency_ms: 20, requests: 1 });

describe("AttemptRecorder", () => {
  it("writes results in groups, only over pending rows", async () => {
    const ids = await pendingAttempts(5);
    const recorder = new AttemptRecorder(ctx.sql, { maxBuffered: 2, maxDelayMs: 5 });
    for (const id of ids) recorder.record(answered(id));
    await recorder.flush(ids);
    recorder.record(answered(ids[0]!, "a second answer must not overwrite the first"));
    await recorder.flush([ids[0]!]);
    const rows = await ctx.sql`select status, response from scan_attempts where id in ${ctx.sql(ids)}`;
    expect(rows.map((row) => [row.status, row.response])).toEqual(ids.map(() => ["answered", "ok"]));
  });

  it("fails the flush of a batch whose results were not saved, and only that one", async () => {
    const [mine, theirs] = await pendingAttempts(2);
    const recorder = new AttemptRecorder(ctx.sql, { maxBuffered: 1, maxDelayMs: 5 });
    recorder.record(answered(theirs!));
    // An id Postgres cannot read fails the whole group it is in.
    recorder.record({ ...answered(mine!), id: "not-a-uuid" });
    await expect(recorder.flush(["not-a-uuid"])).rejects.toThrow();
    await expect(recorder.flush([theirs!])).resolves.toBeUndefined();
    await expect(recorder.flush(["not-a-uuid"])).resolves.toBeUndefined();
  });

  it.each([
    ["NUL characters", "a\u0000b", "ab"],
    ["a lone high surrogate", "x\ud83dy", "x\ufffdy"],
    ["a lone low surrogate", "x\ude00y", "x\ufffdy"],
    ["a whole pair", "x\ud83d\ude00y", "x\ud83d\ude00y"],
  ])("makes text with %s storable", (_name, text, stored) => {
    expect(storableText(text)).toBe(stored);
  });
});
