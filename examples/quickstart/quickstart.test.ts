// The quickstart, run against a real server (API + worker) and the vulnerable simulator.
import { Penaxtra } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { printable, quickstart } from "./quickstart.ts";

let ctx: TestContext;
let baseUrl: string;
let simulator: TargetSimulator;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  await ctx.startWorker();
  baseUrl = await ctx.listen();
  simulator = await startTargetSimulator({ port: 0, profile: "vulnerable" });
});
afterAll(async () => {
  await simulator.stop();
  await ctx.cleanup();
});

it("registers the simulator, scans it, waits and prints the findings, most severe first", async () => {
  const penaxtra = new Penaxtra({ baseUrl: baseUrl, apiKey: await ctx.token(await ctx.createTenant()) });
  const result = await quickstart(penaxtra, simulator.chatCompletionsUrl, 50);
  expect(result.scan.status).toBe("completed");
  expect(result.findings).toHaveLength(result.scan.findings_count);
  expect(result.findings[0]!.severity).toBe("critical");
  const lines = printable(result).split("\n");
  expect(lines[0]).toMatch(/^scan [0-9a-f-]+: completed, \d+ attempts, \d+ findings$/);
  expect(lines).toHaveLength(result.findings.length + 1);
});
