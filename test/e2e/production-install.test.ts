// The install the Dockerfile ships: `pnpm --filter @penaxtra/server deploy --prod` of the built
// server (no TypeScript sources, no tsx, no dev dependencies) starts with plain `node` against a
// Postgres, serves a scan end to end, reports ready and metrics, and stops cleanly on SIGTERM.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { probes } from "@penaxtra/engine";
import { Penaxtra } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
let ctx: TestContext;
let simulator: TargetSimulator;
let installDir: string;
let server: ChildProcess | undefined;

function pnpm(args: string[]) {
  const result = spawnSync("pnpm", args, { cwd: root, encoding: "utf8", env: { ...process.env, CI: "true" } });
  expect(result.status, `pnpm ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  simulator = await startTargetSimulator({ port: 0, profile: "vulnerable" });
  installDir = await mkdtemp(join(tmpdir(), "penaxtra-prod-"));
  pnpm(["--filter", "@penaxtra/server", "build"]);
  pnpm(["--filter", "@penaxtra/server", "deploy", "--prod", "--prefer-offline", installDir]);
}, 180_000);
afterAll(async () => {
  if (server && server.exitCode === null) server.kill("SIGKILL");
  await simulator?.stop();
  await ctx.cleanup();
  await rm(installDir, { recursive: true, force: true });
});

/** Starts `node bin/penaxtra.js serve` from the install; resolves with its URLs from its JSON log. */
function serve(): Promise<{ api: string; metrics: string; lines: Array<Record<string, unknown>> }> {
  const child = spawn(process.execPath, [join(installDir, "bin/penaxtra.js"), "serve"], {
    cwd: installDir,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: ctx.url,
      HOST: "127.0.0.1",
      PORT: "0",
      PENAXTRA_METRICS_PORT: "0",
      PENAXTRA_ALLOW_PRIVATE_TARGETS: "true",
      PENAXTRA_SECRET_KEY: randomBytes(32).toString("base64"),
      PENAXTRA_DATA_DIR: join(installDir, "data"),
      PENAXTRA_WORKER_HEARTBEAT_MS: "200",
      LOG_FORMAT: "json",
    },
  });
  server = child;
  const lines: Array<Record<string, unknown>> = [];
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let api = "";
    let metrics = "";
    createInterface({ input: child.stdout! }).on("line", (text) => {
      if (!text.startsWith("{")) return;
      const line = JSON.parse(text);
      lines.push(line);
      if (line.msg === "API listening") api = line.url;
      if (line.msg === "metrics listening") metrics = line.url;
      if (api && metrics) resolve({ api, metrics, lines });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
}

describe("production install", () => {
  it("holds built JavaScript and production dependencies only", () => {
    expect(existsSync(join(installDir, "dist/cli.js"))).toBe(true);
    expect(existsSync(join(installDir, "src"))).toBe(false);
    const installed = readdirSync(join(installDir, "node_modules/.pnpm"));
    for (const devOnly of ["tsx@", "typescript@", "vitest@", "tsup@", "drizzle-kit@"])
      expect(installed.filter((name) => name.startsWith(devOnly))).toEqual([]);
  });

  it("starts with node alone, serves a scan, is ready, counts it, and stops on SIGTERM", async () => {
    const { api, metrics, lines } = await serve();
    const client = new Penaxtra({ baseUrl: api, apiKey: await ctx.token(await ctx.createTenant()) });
    const endpoint = await client.endpoints.create({
      name: "simulator",
      url: simulator.chatCompletionsUrl,
      wire_format: "chat_completions_v1",
    });
    const probeIds = probes.slice(0, 4).map((probe) => probe.id);
    const { scan_id: scanId } = await client.scans.create({ endpoint_id: endpoint.id, probe_ids: probeIds });
    const scan = await client.scans.waitFor(scanId, { timeoutMs: 60_000 });
    expect(scan).toMatchObject({ status: "completed", attempts_done: scan.attempts_total });
    const findings = [];
    for await (const finding of client.findings.list({ scan_id: scanId })) findings.push(finding);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.scan_id === scanId)).toBe(true);

    expect((await fetch(`${api}/readyz`)).status).toBe(200);
    expect((await fetch(`${api}/docs`)).status).toBe(200);
    expect((await fetch(`${api}/console`)).status).toBe(200);
    const text = await (await fetch(metrics)).text();
    expect(text).toMatch(new RegExp(`^penaxtra_attempts_total\\{outcome="answered"\\} ${scan.attempts_total}$`, "m"));
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["scan started", "scan finished"]));

    const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
    server!.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 120_000);
});
