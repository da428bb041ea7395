// Runs the example against a real server (API + worker on a throwaway database) and both profiles
// of the simulator's reference RAG pipeline, through the SDK, exactly as a user would.
import { createPenaxtraClient } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { formatRun, testRagPipeline } from "./test-a-rag-pipeline.ts";

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

async function pipelineUrl(profile: "vulnerable" | "hardened") {
  const simulator = await startTargetSimulator({ port: 0, profile });
  simulators.push(simulator);
  return `${simulator.url}/rag`;
}

it.each([
  ["vulnerable", 0, 13, /rag-isolation-tenant-matrix\s+ATTACK GOT THROUGH/],
  ["hardened", 13, 0, /rag-isolation-tenant-matrix\s+stopped by retrieval_isolation/],
] as const)(
  "runs the thirteen tests against the %s pipeline and prints each verdict",
  async (profile, passed, failed, line) => {
    const client = createPenaxtraClient({ baseUrl, apiKey: await ctx.token(await ctx.createTenant()) });
    const run = await testRagPipeline(client, await pipelineUrl(profile), { pollMs: 50 });
    expect(run).toMatchObject({ status: "completed", tests_passed: passed, tests_failed: failed });
    const text = formatRun(run);
    expect(text.split("\n")).toHaveLength(14);
    expect(text).toMatch(line);
  },
);

it("still reports every isolation test as got through on a second run against the same leaking pipeline", async () => {
  const client = createPenaxtraClient({ baseUrl, apiKey: await ctx.token(await ctx.createTenant()) });
  const url = await pipelineUrl("vulnerable");
  await testRagPipeline(client, url, { pollMs: 50 });
  const again = formatRun(await testRagPipeline(client, url, { pollMs: 50 }));
  const isolation = again.split("\n").filter((line) => line.includes("rag-isolation-"));
  expect(isolation).toHaveLength(5);
  for (const line of isolation) expect(line).toMatch(/ATTACK GOT THROUGH/);
});
