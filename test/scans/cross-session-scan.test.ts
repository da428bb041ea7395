// Cross-session probes through the API: each plants a canary in one conversation and asks for it in
// a fresh one. The simulator's vulnerable profile keeps a memory shared by all its callers and leaks;
// the hardened profile keeps nothing and declines.
import { probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEndpoint, createScan, variantsOf, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let token: string;
const simulators: TargetSimulator[] = [];

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
});
afterAll(async () => {
  await ctx.cleanup();
  await Promise.all(simulators.map((simulator) => simulator.stop()));
});

type Finding = Record<string, any>;

const CROSS_SESSION = probes
  .filter((probe) => probe.conversations?.some((steps) => steps.some((step) => "new_session" in step)))
  .map((probe) => probe.id);

async function scanProfile(profile: "vulnerable" | "hardened") {
  const simulator = await startTargetSimulator({ profile });
  simulators.push(simulator);
  const endpointId = await createEndpoint(ctx, token, simulator.chatCompletionsUrl);
  const scanId = await createScan(ctx, token, endpointId, CROSS_SESSION);
  const scan = await waitForScan(ctx, token, scanId, undefined, undefined, 120_000);
  const list = await (
    await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scanId}&limit=200`, { token })
  ).json();
  const confirmed = (list.data as Finding[]).filter((finding) => finding.status === "confirmed");
  return { scan, confirmed };
}

describe("scanning with cross-session probes", () => {
  it("names the cross-session probes, sent only when a scan asks for them", () => {
    expect([...CROSS_SESSION].sort()).toEqual(["cross-session-memory-recall", "cross-session-personal-data-leak"]);
    for (const id of CROSS_SESSION) expect(probes.find((probe) => probe.id === id)!.default_scan).toBe(false);
  });

  it("confirms every one against the vulnerable profile, with the canary in the fresh session's answer", async () => {
    const { scan, confirmed } = await scanProfile("vulnerable");
    expect(scan).toMatchObject({ status: "completed", attempts_total: variantsOf(CROSS_SESSION), attempts_errored: 0 });
    expect([...new Set(confirmed.map((finding) => finding.probe_id))].sort()).toEqual([...CROSS_SESSION].sort());
    const { evidence } = await (
      await ctx.request(ctx.app, "GET", `/api/v2/findings/${confirmed[0]!.id}`, { token })
    ).json();
    const canary: string = evidence.details.canary;
    expect(evidence.response).toContain(canary);
    // The transcript keeps both sessions: the canary was planted in a user turn before the question.
    const users = evidence.conversation.filter((message: { role: string }) => message.role === "user");
    expect(users.length).toBeGreaterThanOrEqual(2);
    expect(users.at(-1).content).not.toContain(canary);
    expect(users.some((message: { content: string }) => message.content.includes(canary))).toBe(true);
    // Planted in the first conversation, asked for in a later one.
    const planted = users.find((message: { content: string }) => message.content.includes(canary));
    expect(planted.session).toBe(0);
    expect(users.at(-1).session).toBeGreaterThan(0);
  });

  it("confirms none against the hardened profile", async () => {
    const { scan, confirmed } = await scanProfile("hardened");
    expect(scan).toMatchObject({ status: "completed", attempts_total: variantsOf(CROSS_SESSION), attempts_errored: 0 });
    expect(confirmed.map((finding) => finding.probe_id)).toEqual([]);
  });
});
