import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { storableText } from "../db/storable-text.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { AttemptRecorder, type AttemptResult } from "./attempt-recorder.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
});
afterAll(async () => ctx.cleanup());

async function newScan(): Promise<{ tenantId: string; scanId: string }> {
  const tenantId = await ctx.createTenant();
  const [endpoint] = await ctx.pg`insert into endpoints (tenant_id, name, url, wire_format, limits, status)
                                   values (${tenantId}, 'e', 'http://127.0.0.1:9/', 'chat_completions_v1', '{}'::jsonb, 'active') returning id`;
  const [scan] =
    await ctx.pg`insert into scans (tenant_id, endpoint_id, status) values (${tenantId}, ${endpoint!.id}, 'running') returning id`;
  return { tenantId, scanId: scan!.id };
}

const answered = (
  { tenantId, scanId }: { tenantId: string; scanId: string },
  variant: number,
  response = "ok",
): AttemptResult => ({
  id: randomUUID(),
  tenant_id: tenantId,
  scan_id: scanId,
  batch: 0,
  probe_id: "probe",
  variant_index: variant,
  strategy: "",
  canary: "PX",
  prompt: "p",
  status: "answered",
  response,
  http_status: 200,
  latency_ms: 20,
  requests: 1,
  completed_at: new Date().toISOString(),
});

describe("AttemptRecorder", () => {
  it("writes results in groups, once per attempt", async () => {
    const scan = await newScan();
    const results = [0, 1, 2, 3, 4].map((variant) => answered(scan, variant));
    const recorder = new AttemptRecorder(ctx.pg, { maxBuffered: 2, maxDelayMs: 5 });
    for (const result of results) recorder.record(result);
    await recorder.flush(results.map((result) => result.id));
    // A second run of the same attempt (a retried job) must not overwrite the first.
    const again = answered(scan, 0, "a second answer must not overwrite the first");
    recorder.record(again);
    await recorder.flush([again.id]);
    const rows =
      await ctx.pg`select id, status, response from scan_attempts where scan_id = ${scan.scanId} order by variant_index`;
    expect(rows.map((row) => [row.id, row.status, row.response])).toEqual(
      results.map((result) => [result.id, "answered", "ok"]),
    );
  });

  it("fails the flush of a batch whose results were not saved, and only that one", async () => {
    const scan = await newScan();
    const theirs = answered(scan, 0);
    const mine = answered(scan, 1);
    const recorder = new AttemptRecorder(ctx.pg, { maxBuffered: 1, maxDelayMs: 5 });
    recorder.record(theirs);
    // A value Postgres cannot read fails the whole group it is in.
    recorder.record({ ...mine, completed_at: "not a time" });
    await expect(recorder.flush([mine.id])).rejects.toThrow();
    await expect(recorder.flush([theirs.id])).resolves.toBeUndefined();
    await expect(recorder.flush([mine.id])).resolves.toBeUndefined();
  });

  it("signals batches to stop sending while the database is unreachable, until it answers again", async () => {
    const scan = await newScan();
    // A pool that cannot connect: the port is closed.
    const away = postgres("postgres://nobody@127.0.0.1:1/none", { max: 1, connect_timeout: 2 });
    const recorder = new AttemptRecorder(away, { maxBuffered: 1, maxDelayMs: 5 });
    const before = recorder.writesFailing;
    const lost = answered(scan, 0);
    recorder.record(lost);
    await expect(recorder.flush([lost.id])).rejects.toThrow();
    await away.end();
    expect(before.aborted).toBe(true);
    expect(recorder.writesFailing.aborted).toBe(true);
    recorder.reachable();
    expect(recorder.writesFailing.aborted).toBe(false);
  });

  it("does not stop other batches when the database refuses one group", async () => {
    const scan = await newScan();
    const recorder = new AttemptRecorder(ctx.pg, { maxBuffered: 1, maxDelayMs: 5 });
    const refused = { ...answered(scan, 0), completed_at: "not a time" };
    recorder.record(refused);
    await expect(recorder.flush([refused.id])).rejects.toThrow();
    expect(recorder.writesFailing.aborted).toBe(false);
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
