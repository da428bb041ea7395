// What an operator watches, on a platform started as `penaxtra serve` starts it: liveness and
// readiness without a token, Prometheus metrics on their own port that a scan, a RAG run and a
// webhook delivery move, and a log line for each step of their lives with an ISO time.
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { probes } from "@penaxtra/engine";
import { Penaxtra } from "@penaxtra/sdk";
import { loadConfig, type Platform, startPlatform } from "@penaxtra/server";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually } from "../support/eventually.ts";

let ctx: TestContext;
let platform: Platform;
let simulator: TargetSimulator;
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];
const lines: Array<Record<string, unknown>> = [];
let baseUrl: string;
let metricsUrl: string;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  simulator = await startTargetSimulator({ port: 0, profile: "vulnerable" });
  receiver = createServer((request, response) => {
    received.push(String(request.headers["x-penaxtra-event"]));
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  const config = loadConfig({
    DATABASE_URL: ctx.url,
    PORT: "0",
    PENAXTRA_METRICS_PORT: "0",
    PENAXTRA_ALLOW_PRIVATE_TARGETS: "true",
    PENAXTRA_SECRET_KEY: randomBytes(32).toString("base64"),
    PENAXTRA_DATA_DIR: await mkdtemp(join(tmpdir(), "penaxtra-observability-")),
    PENAXTRA_RATE_LIMIT_BURST: "1000",
    PENAXTRA_WORKER_HEARTBEAT_MS: "200",
  });
  const log = pino(
    { level: "info", timestamp: pino.stdTimeFunctions.isoTime },
    {
      write: (line: string) => void lines.push(JSON.parse(line)),
    },
  );
  platform = await startPlatform(config, log, { api: true, worker: true }, { bootstrapAdminToken: false });
  baseUrl = `http://127.0.0.1:${platform.port}`;
  metricsUrl = `http://127.0.0.1:${platform.metricsPort}/metrics`;
});
afterAll(async () => {
  await platform?.stop();
  await simulator?.stop();
  receiver?.close();
  await ctx.cleanup();
});

/** The value of one sample of the Prometheus text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => has[key] === value)) total += Number(match[3]);
  }
  return total;
}

const metrics = async () => {
  const response = await fetch(metricsUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
};

describe("health and readiness", () => {
  it("answers /healthz and, once a worker has checked in, /readyz with every check, without a token", async () => {
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toEqual({ ok: true });
    const ready = await eventually(
      () => fetch(`${baseUrl}/readyz`),
      (response) => response.status === 200,
    );
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { database: true, migrations: true, worker: true } });
  });

  it("serves metrics only on the metrics port: the API port has no /metrics", async () => {
    expect((await fetch(`${baseUrl}/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl.replace("/metrics", "/other"))).status).toBe(404);
  });
});

describe("a scan, a RAG run and a webhook delivery", () => {
  it("move the counters and histograms, and each step of their lives is a log line", async () => {
    const before = await metrics();
    const tenantId = await ctx.createTenant();
    const client = new Penaxtra({ baseUrl, apiKey: await ctx.token(tenantId) });
    await client.webhooks.create({ url: receiverUrl, events: ["scan.completed"] });
    const endpoint = await client.endpoints.create({
      name: "simulator",
      url: simulator.chatCompletionsUrl,
      wire_format: "chat_completions_v1",
    });
    const probeIds = probes.slice(0, 3).map((probe) => probe.id);
    const { scan_id: scanId } = await client.scans.create({ endpoint_id: endpoint.id, probe_ids: probeIds });
    const scan = await client.scans.waitFor(scanId, { timeoutMs: 60_000 });
    expect(scan.status).toBe("completed");
    const asset = await client.aiAssets.create({
      name: "support search",
      kind: "rag",
      config: {
        ingest_url: simulator.ragUrls.ingest,
        query_url: simulator.ragUrls.query,
        delete_url: simulator.ragUrls.delete,
        timeout_ms: 5000,
      },
    });
    const { rag_run_id: runId } = await client.ragRuns.create({ ai_asset_id: asset.id });
    expect((await client.ragRuns.waitFor(runId, { timeoutMs: 60_000 })).status).toBe("completed");
    await eventually(
      async () => received.length,
      (count) => count > 0,
    );
    expect(received).toEqual(["scan.completed"]);

    const after = await eventually(metrics, (text) => sample(text, "penaxtra_webhook_deliveries_total") > 0);
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta("penaxtra_attempts_total", { outcome: "answered" })).toBe(scan.attempts_total);
    expect(delta("penaxtra_target_latency_seconds_count")).toBe(scan.attempts_total);
    expect(delta("penaxtra_judge_latency_seconds_count")).toBe(scan.attempts_total);
    expect(delta("penaxtra_webhook_deliveries_total", { outcome: "delivered" })).toBe(1);
    expect(
      delta("penaxtra_http_request_duration_seconds_count", { method: "POST", route: "/api/v2/scans", status: "202" }),
    ).toBe(1);
    expect(
      delta("penaxtra_http_request_duration_seconds_count", {
        method: "GET",
        route: "/api/v2/scans/:id",
        status: "200",
      }),
    ).toBeGreaterThanOrEqual(0);
    expect(sample(after, "penaxtra_scans", { status: "completed" })).toBe(1);
    expect(after).toContain("# TYPE penaxtra_queue_jobs gauge");
    expect(after).toContain("# TYPE penaxtra_queue_oldest_job_age_seconds gauge");
    expect(after).toMatch(/^penaxtra_process_cpu_seconds_total /m);

    const about = (id: string) => lines.filter((line) => line.scan_id === id || line.rag_run_id === id);
    const scanLines = about(scanId).map((line) => line.msg);
    expect(scanLines[0]).toBe("scan queued");
    expect(scanLines).toEqual(
      expect.arrayContaining(["scan started", "scan batch started", "scan batch finished", "scan finished"]),
    );
    expect(scanLines.at(-1)).toBe("scan finished");
    expect(about(runId).map((line) => line.msg)).toEqual(["rag run started", "rag run finished"]);
    expect(lines.filter((line) => line.msg === "webhook delivered")).toHaveLength(1);
    const finished = lines.filter((line) => line.msg === "scan batch finished" && line.scan_id === scanId);
    expect(finished.reduce((sum, line) => sum + Number(line.answered), 0)).toBe(scan.attempts_total);
    for (const line of lines) expect(String(line.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Never a token in any line.
    expect(JSON.stringify(lines)).not.toMatch(/pxt_/);
  }, 120_000);
});
