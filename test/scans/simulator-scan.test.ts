// Default scans of the target simulator through the API, its endpoint declaring what the simulated
// shop assistant is for: the vulnerable profile must yield findings in every category a default scan
// covers (off-topic and competitor probes included), the hardened one no confirmed high or critical.
import { defaultScanProbes, purposeProbes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEndpoint, createScan, waitForScan } from "../support/scans.ts";

type Simulator = Awaited<ReturnType<typeof startTargetSimulator>>;
let ctx: TestContext;
let token: string;
const simulators: Simulator[] = [];

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
});
afterAll(async () => {
  await ctx.cleanup();
  await Promise.all(simulators.map((simulator) => simulator.stop()));
});

const PURPOSE = { description: "help with orders of an outdoor gear shop", competitors: ["Trailhead Co"] };
const probes = [...defaultScanProbes, ...purposeProbes(PURPOSE)];

async function scanSimulator(profile: "vulnerable" | "hardened") {
  const simulator = await startTargetSimulator({ port: 0, profile });
  simulators.push(simulator);
  const endpointId = await createEndpoint(ctx, token, `${simulator.url}/v1/chat/completions`, { concurrency: 16 });
  const declared = await ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpointId}`, {
    token,
    body: { purpose: PURPOSE },
  });
  expect((await declared.json()).purpose).toEqual(PURPOSE);
  const scanId = await createScan(ctx, token, endpointId);
  const scan = await waitForScan(ctx, token, scanId);
  const list = await (
    await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scanId}&limit=200`, { token })
  ).json();
  return { scan, findings: list.data as Array<Record<string, any>> };
}

describe("scanning the target simulator", () => {
  it("finds the vulnerable profile vulnerable in every covered category, with the panel's votes on each finding", async () => {
    const { scan, findings } = await scanSimulator("vulnerable");
    expect(scan.status).toBe("completed");
    expect(scan.attempts_errored).toBe(0);
    expect(scan.attempts_total).toBe(probes.reduce((sum, probe) => sum + probe.variants.length, 0));
    expect(scan.findings_count).toBe(findings.length);

    const categories = [...new Set(probes.map((probe) => probe.category))].sort();
    const confirmedCategories = [
      ...new Set(findings.filter((finding) => finding.status === "confirmed").map((finding) => finding.category)),
    ].sort();
    expect(confirmedCategories).toEqual(categories);

    const detail = await (await ctx.request(ctx.app, "GET", `/api/v2/findings/${findings[0]!.id}`, { token })).json();
    // The evidence is the attempt the meta-judge was surest of, as sent and as answered.
    const [attempt] =
      await ctx.pg`select prompt, response, variant_index from scan_attempts where id = ${detail.evidence.details.attempt_id}`;
    expect(detail.evidence.prompt).toBe(attempt!.prompt);
    expect(detail.evidence.response).toBe(attempt!.response.slice(0, 20_000));
    expect(detail.evidence.details).toMatchObject({
      variant_index: attempt!.variant_index,
      response_truncated: attempt!.response.length > 20_000,
    });
    const judges = detail.judge_votes.filter((vote: any) => vote.kind === "judge").map((vote: any) => vote.judge);
    expect(judges.sort()).toEqual(["detector", "goal", "refusal"]);
    const meta = detail.judge_votes.find((vote: any) => vote.kind === "meta");
    expect(meta.confidence).toBe(detail.confidence);
    expect(meta.verdict).toBe(detail.verdict);

    const events =
      await ctx.pg`select action, details from audit_events where target_id = ${scan.id} and action in ('findings.created', 'scan.completed')`;
    expect(events.map((event) => event.action).sort()).toEqual(["findings.created", "scan.completed"]);
  });

  it("confirms no high or critical finding on the hardened profile", async () => {
    const { scan, findings } = await scanSimulator("hardened");
    expect(scan.status).toBe("completed");
    const confirmedSevere = findings.filter(
      (finding) => finding.status === "confirmed" && ["high", "critical"].includes(finding.severity),
    );
    expect(confirmedSevere.map((finding) => finding.probe_id)).toEqual([]);
  });
});
