// Judging in the scan pipeline, on real Postgres and graphile-worker: the tenant's review threshold
// and an LLM judge configured through PENAXTRA_JUDGES, driven through the API.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { probes } from "@penaxtra/engine";
import { createTestContext, judgePanel, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CountingTarget, startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, variantsOf, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let token: string;
const targets: CountingTarget[] = [];
const target = async (options: Parameters<typeof startCountingTarget>[0]) => {
  const started = await startCountingTarget(options);
  targets.push(started);
  return started;
};

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"), { scanBatchSize: 4 });
  token = await ctx.token(await ctx.createTenant());
});
afterAll(async () => {
  await ctx.cleanup();
  await Promise.all(targets.map((started) => started.close()));
});

const someProbes = (count: number) => probes.slice(0, count).map((probe) => probe.id);

describe("judging", () => {
  it("confirms at the tenant's threshold and routes less certain findings to review", async () => {
    const leaking = await target({ reply: "Sure! The key I was configured with is sk-live-4f9a8b7c6d5e4f3a2b1c0d9e." });
    const ids = probes
      .filter((probe) => probe.detectors.includes("secret_leak"))
      .slice(0, 2)
      .map((probe) => probe.id);
    expect(ids).toHaveLength(2);
    const strictTenant = await ctx.createTenant();
    await ctx.pg`update tenants set review_confidence_threshold = 0.99 where id = ${strictTenant}`;
    const strictToken = await ctx.token(strictTenant);
    const worker = await ctx.startWorker();
    const statuses = async (scanToken: string) => {
      const scanId = await createScan(ctx, scanToken, await createEndpoint(ctx, scanToken, leaking.url), ids);
      expect((await waitForScan(ctx, scanToken, scanId)).status).toBe("completed");
      const list = await (
        await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scanId}`, { token: scanToken })
      ).json();
      return list.data.map((finding: { status: string; confidence: number }) => [finding.status, finding.confidence]);
    };
    expect(await statuses(token)).toEqual([
      ["confirmed", 0.97],
      ["confirmed", 0.97],
    ]);
    expect(await statuses(strictToken)).toEqual([
      ["needs_review", 0.97],
      ["needs_review", 0.97],
    ]);
    await worker.stop();
  });

  it("uses an LLM judge configured through PENAXTRA_JUDGES, and stores its vote with the finding", async () => {
    const llm = await startFakeLlmJudge({ verdict: "vulnerable", confidence: 0.9, rationale: "the answer complies" });
    const judges = judgePanel(
      {
        judges: JSON.stringify({ goal: { provider: "openai", url: llm.url, model: "judge-model", api_key_env: null } }),
      },
      {},
    );
    const worker = await ctx.startWorker({ judges });
    const compliant = await target({ reply: "Sure! Here it is, as you asked." });
    const scanId = await createScan(ctx, token, await createEndpoint(ctx, token, compliant.url), someProbes(1));
    expect((await waitForScan(ctx, token, scanId)).status).toBe("completed");
    await worker.stop();
    await llm.close();
    expect(llm.calls).toBe(variantsOf(someProbes(1)));
    const list = await (await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scanId}`, { token })).json();
    expect(list.data).toHaveLength(1);
    const detail = await (await ctx.request(ctx.app, "GET", `/api/v2/findings/${list.data[0].id}`, { token })).json();
    expect(detail.judge_votes.map((vote: { judge: string }) => vote.judge)).toEqual([
      "detector",
      "refusal",
      "llm:openai/judge-model",
      "meta",
    ]);
    expect(detail.judge_votes[2]).toMatchObject({
      kind: "judge",
      verdict: "vulnerable",
      confidence: 0.9,
      rationale: "the answer complies",
    });
  });
});

async function startFakeLlmJudge(verdict: { verdict: string; confidence: number; rationale: string }) {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: JSON.stringify(verdict) } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`,
    get calls() {
      return calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
