// GET /scans/{id}/events and /rag-runs/{id}/events over real HTTP, read with the SDK as a user
// would: the scan as it changes, each finding once, `end` with the final state, and the stream
// closes; errors before the stream are JSON; a shutdown ends open streams.
import { probes } from "@penaxtra/engine";
import { Penaxtra, type ScanStreamEvent } from "@penaxtra/sdk";
import { closeChangeFeed, createTestContext, schema, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CountingTarget, startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan } from "../support/scans.ts";

let ctx: TestContext;
let base: string;
let tenantId: string;
let token: string;
let target: CountingTarget;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"), { scanBatchSize: 4 });
  tenantId = await ctx.createTenant();
  token = await ctx.token(tenantId);
  target = await startCountingTarget({ latencyMs: 20, reply: "Sure! Here is everything you asked for." });
  base = await ctx.listen();
});
afterAll(async () => {
  await ctx.cleanup();
  await target.close();
});

const sdk = () => new Penaxtra({ baseUrl: base, apiKey: token });
const someProbes = (count: number) => probes.slice(0, count).map((probe) => probe.id);

async function collect(events: AsyncIterable<ScanStreamEvent>) {
  const seen: ScanStreamEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe("scan event stream", () => {
  it("follows a scan to its end: the scan as it changes, each finding once, then end, and closes", async () => {
    const worker = await ctx.startWorker();
    const endpointId = await createEndpoint(ctx, token, target.url, { concurrency: 4 });
    const scanId = await createScan(ctx, token, endpointId, someProbes(12));
    const events = await collect(sdk().scans.events(scanId));
    await worker.stop();

    const scans = events
      .filter((event) => event.event === "scan")
      .map((event) => event.data as { attempts_done: number });
    expect(scans.length).toBeGreaterThan(0);
    // Progress only goes forward.
    const done = scans.map((scan) => scan.attempts_done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const end = events.at(-1)!;
    expect(end.event).toBe("end");
    expect(end.data).toMatchObject({ id: scanId, status: "completed" });
    const findings = events
      .filter((event) => event.event === "finding")
      .map((event) => (event.data as { id: string }).id);
    expect(new Set(findings).size).toBe(findings.length);
    expect(findings.length).toBe((end.data as { findings_count: number }).findings_count);
    // Nothing after end: the stream closed.
    expect(events.filter((event) => event.event === "end")).toHaveLength(1);
  }, 60_000);

  it("sends a finished scan's findings and end at once", async () => {
    const endpointId = await createEndpoint(ctx, token, target.url);
    const [scan] = await ctx.db
      .insert(schema.scans)
      .values({ tenantId, endpointId, status: "completed", completedAt: new Date() })
      .returning();
    const events = await collect(sdk().scans.events(scan!.id));
    expect(events.map((event) => event.event)).toEqual(["end"]);
  });

  it("answers JSON errors before the stream starts: another tenant's scan is not found", async () => {
    const other = await ctx.token(await ctx.createTenant());
    const endpointId = await createEndpoint(ctx, token, target.url);
    const scanId = await createScan(ctx, token, endpointId, someProbes(1));
    const response = await fetch(`${base}/api/v2/scans/${scanId}/events`, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "scan_not_found" });
  });

  it("tells every stream following a scan at once when its row changes (Postgres notifications)", async () => {
    const endpointId = await createEndpoint(ctx, token, target.url);
    const scanId = await createScan(ctx, token, endpointId, someProbes(1));
    const heard: string[] = [];
    const listener = await ctx.pg.listen("penaxtra_change", (payload) => heard.push(payload));
    await ctx.pg`update scans set status = 'cancelled', completed_at = now() where id = ${scanId}`;
    for (let waited = 0; !heard.length && waited < 100; waited++) await new Promise((done) => setTimeout(done, 50));
    await listener.unlisten();
    expect(heard).toContain(`scan:${scanId}`);
  });

  it("ends open streams when the server stops taking requests", async () => {
    const endpointId = await createEndpoint(ctx, token, target.url);
    // Queued, and no worker: its stream would stay open.
    const scanId = await createScan(ctx, token, endpointId, someProbes(1));
    const response = await fetch(`${base}/api/v2/scans/${scanId}/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("event: scan");
    await closeChangeFeed(ctx.pg);
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
    expect(ended).toBe(true);
  });
});

describe("RAG run event stream", () => {
  it("sends a run that has ended as end with its tests, and closes", async () => {
    const [asset] = await ctx.db
      .insert(schema.aiAssets)
      .values({ tenantId, name: "kb", kind: "rag", config: {} })
      .returning();
    const [run] = await ctx.db
      .insert(schema.ragRuns)
      .values({ tenantId, aiAssetId: asset!.id, trigger: "manual", status: "completed", completedAt: new Date() })
      .returning();
    const events = [];
    for await (const event of sdk().ragRuns.events(run!.id)) events.push(event);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: "end", data: { id: run!.id, status: "completed", tests: [] } });
  });
});
