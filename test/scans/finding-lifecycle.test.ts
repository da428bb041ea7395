// Findings across repeated scans of one endpoint: stable fingerprints, and new -> recurring ->
// fixed -> regressed as the target is hardened and then breaks again.
import { probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { createEndpoint, createScan, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let token: string;
let vulnerable: TargetSimulator;
let hardened: TargetSimulator;
// One probe of each of a few categories: the vulnerable simulator falls for all of them.
const probeIds = [...new Map(probes.map((probe) => [probe.category, probe.id])).values()].slice(0, 5);

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
  [vulnerable, hardened] = await Promise.all([
    startTargetSimulator({ port: 0, profile: "vulnerable" }),
    startTargetSimulator({ port: 0, profile: "hardened" }),
  ]);
});
afterAll(async () => {
  await Promise.all([vulnerable.stop(), hardened.stop()]);
  await ctx.cleanup();
});

async function scanFindings(endpointId: string) {
  const scan = await waitForScan(ctx, token, await createScan(ctx, token, endpointId, probeIds));
  expect(scan.status).toBe("completed");
  const list = await (
    await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scan.id}&limit=100`, { token })
  ).json();
  return new Map<string, any>(list.data.map((finding: any) => [finding.probe_id, finding]));
}
const pointAt = (endpointId: string, target: TargetSimulator) =>
  ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpointId}`, { token, body: { url: target.chatCompletionsUrl } });

it("tracks each finding's fingerprint and lifecycle across scans of the same endpoint", async () => {
  const endpointId = await createEndpoint(ctx, token, vulnerable.chatCompletionsUrl);
  const first = await scanFindings(endpointId);
  expect(first.size).toBeGreaterThan(0);
  for (const finding of first.values()) expect(finding.lifecycle).toBe("new");

  const second = await scanFindings(endpointId);
  for (const [probeId, finding] of second) {
    expect(finding.lifecycle).toBe("recurring");
    expect(finding.fingerprint).toBe(first.get(probeId)?.fingerprint);
  }

  await pointAt(endpointId, hardened);
  const third = await scanFindings(endpointId);
  const fixedIds = [...second.keys()].filter((probeId) => !third.has(probeId));
  expect(fixedIds.length).toBeGreaterThan(0);
  const fixed = await (
    await ctx.request(ctx.app, "GET", `/api/v2/findings?lifecycle=fixed&limit=100`, { token })
  ).json();
  expect(fixed.data.map((finding: any) => finding.id).sort()).toEqual(
    fixedIds.map((probeId) => second.get(probeId).id).sort(),
  );

  await pointAt(endpointId, vulnerable);
  const fourth = await scanFindings(endpointId);
  for (const probeId of fixedIds) expect(fourth.get(probeId)?.lifecycle).toBe("regressed");
});

it("gives different endpoints different fingerprints for the same probe", async () => {
  const [a, b] = [
    await createEndpoint(ctx, token, vulnerable.chatCompletionsUrl),
    await createEndpoint(ctx, token, vulnerable.chatCompletionsUrl),
  ];
  const [fromA, fromB] = [await scanFindings(a), await scanFindings(b)];
  const shared = [...fromA.keys()].filter((probeId) => fromB.has(probeId));
  expect(shared.length).toBeGreaterThan(0);
  for (const probeId of shared) {
    expect(fromB.get(probeId).fingerprint).not.toBe(fromA.get(probeId).fingerprint);
    expect(fromB.get(probeId).lifecycle).toBe("new");
  }
});
