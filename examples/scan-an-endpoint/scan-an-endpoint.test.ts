// Runs the example against a real server (API + worker on a throwaway database) and the vulnerable
// target simulator, through the SDK, exactly as a user would.
import { createPenaxtraClient } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { formatSummary, scanEndpoint } from "./scan-an-endpoint.ts";

let ctx: TestContext;
let baseUrl: string;
let simulator: Awaited<ReturnType<typeof startTargetSimulator>>;

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

it("scans the vulnerable simulator and summarises confirmed findings by category", async () => {
  const client = createPenaxtraClient({ baseUrl, apiKey: await ctx.token(await ctx.createTenant()) });
  const summary = await scanEndpoint(client, `${simulator.url}/v1/chat/completions`, {
    pollMs: 50,
    limits: { concurrency: 16, requests_per_minute: 60_000 },
  });
  expect(summary.scan.status).toBe("completed");
  expect(summary.findings.length).toBe(summary.scan.findings_count);
  expect(summary.findings.some((finding) => finding.status === "confirmed" && finding.severity === "critical")).toBe(
    true,
  );
  const text = formatSummary(summary);
  expect(text).toContain("prompt_injection");
  expect(text).toMatch(/^scan [0-9a-f-]+: completed, (\d+)\/\1 attempts \(0 errored\)/);
});

it("reports a refused registration with the API's error slug", async () => {
  const client = createPenaxtraClient({ baseUrl, apiKey: "pxt_not_a_real_token" });
  await expect(scanEndpoint(client, `${simulator.url}/v1/chat/completions`)).rejects.toThrow(
    "could not register the endpoint: invalid_token",
  );
});
