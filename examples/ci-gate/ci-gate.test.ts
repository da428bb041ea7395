// Runs the gate against a real server and both simulator profiles, through the SDK.

import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultScanProbes as probes } from "@penaxtra/engine";
import { Penaxtra } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { formatGate, runGate } from "./ci-gate.ts";

let ctx: TestContext;
let baseUrl: string;
const simulators: TargetSimulator[] = [];

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  await ctx.startWorker();
  baseUrl = await ctx.listen();
});
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.stop()));
  await ctx.cleanup();
});

async function gate(profile: "vulnerable" | "hardened") {
  const simulator = await startTargetSimulator({ port: 0, profile });
  simulators.push(simulator);
  const penaxtra = new Penaxtra({ baseUrl, apiKey: await ctx.token(await ctx.createTenant()) });
  const endpoint = await penaxtra.endpoints.create({
    name: profile,
    url: simulator.chatCompletionsUrl,
    wire_format: "chat_completions_v1",
    limits: { concurrency: 16, requests_per_minute: 60_000 },
  });
  const outDir = await mkdtemp(join(tmpdir(), "penaxtra-gate-"));
  return runGate(penaxtra, endpoint.id, { outDir, pollMs: 50 });
}

it("fails the build on the vulnerable simulator, naming the blocking findings, and writes SARIF and JUnit", async () => {
  const result = await gate("vulnerable");
  expect(result.passed).toBe(false);
  expect(result.blocking.length).toBeGreaterThan(0);
  expect(
    result.blocking.every(
      (finding) => finding.status === "confirmed" && ["critical", "high"].includes(finding.severity),
    ),
  ).toBe(true);
  expect(JSON.parse(await readFile(result.files[0]!, "utf8")).version).toBe("2.1.0");
  expect(await readFile(result.files[1]!, "utf8")).toContain(`tests="${probes.length}"`);
  expect(formatGate(result)).toMatch(/^penaxtra gate: FAILED/);
});

it("passes the build on the hardened simulator", async () => {
  const result = await gate("hardened");
  expect(result.blocking).toEqual([]);
  expect(result.passed).toBe(true);
  expect(formatGate(result)).toMatch(/^penaxtra gate: PASSED/);
});

it("writes --out reports where the user ran ./dev, not inside examples/ci-gate", async () => {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  const { existsSync } = await import("node:fs");
  const { fileURLToPath } = await import("node:url");
  const simulator = await startTargetSimulator({ port: 0, profile: "hardened" });
  simulators.push(simulator);
  const apiKey = await ctx.token(await ctx.createTenant());
  const penaxtra = new Penaxtra({ baseUrl, apiKey });
  const endpoint = await penaxtra.endpoints.create({
    name: "hardened",
    url: simulator.chatCompletionsUrl,
    wire_format: "chat_completions_v1",
    limits: { concurrency: 16, requests_per_minute: 60_000 },
  });
  const standingIn = await mkdtemp(join(tmpdir(), "penaxtra-caller-"));
  const dev = fileURLToPath(new URL("../../dev", import.meta.url));
  // Not execFileSync: the server answering the example lives in this process.
  await promisify(execFile)(dev, ["--filter", "@penaxtra/example-ci-gate", "start", endpoint.id, "--out", "reports"], {
    cwd: standingIn,
    env: { ...process.env, PENAXTRA_API_KEY: apiKey, PENAXTRA_BASE_URL: baseUrl, PENAXTRA_CALLER_DIR: "" },
    timeout: 120_000,
  });
  expect(existsSync(join(standingIn, "reports", "penaxtra.sarif"))).toBe(true);
  expect(existsSync(join(fileURLToPath(new URL("./reports", import.meta.url))))).toBe(false);
}, 150_000);

it("fails the build when the target left more than 5% of the attempts unanswered, saying the scan is degraded", async () => {
  const { createServer } = await import("node:http");
  let requests = 0;
  // A target that is half down: every other request answers 500.
  const flaky = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.statusCode = ++requests % 2 ? 200 : 500;
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({ choices: [{ message: { role: "assistant", content: "I can't help with that." } }] }),
      );
    });
  });
  await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.1", resolve));
  const penaxtra = new Penaxtra({ baseUrl, apiKey: await ctx.token(await ctx.createTenant()) });
  const endpoint = await penaxtra.endpoints.create({
    name: "half down",
    url: `http://127.0.0.1:${(flaky.address() as { port: number }).port}/v1/chat/completions`,
    wire_format: "chat_completions_v1",
    limits: { concurrency: 4, requests_per_minute: 60_000, max_retries: 0 },
  });
  const result = await runGate(penaxtra, endpoint.id, {
    outDir: await mkdtemp(join(tmpdir(), "penaxtra-gate-")),
    pollMs: 50,
  });
  flaky.close();
  expect(result.scan.status).toBe("completed");
  expect(result).toMatchObject({ passed: false, degraded: true, blocking: [] });
  expect(formatGate(result)).toMatch(/degraded: target_errors: \d+ of \d+ attempts errored/);
});
