// Scans of the simulator's guarded profile through the API: a default scan finds it safe, and each
// attack mechanism (multi-turn probes, a strategy, tool-result probes, the offline adaptive search)
// confirms findings a single-message scan misses, with the evidence that shows how.
import { defaultScanProbes, probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEndpoint, createScan, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let token: string;
let simulator: TargetSimulator;
let endpointId: string;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
  simulator = await startTargetSimulator({ profile: "guarded" });
  endpointId = await createEndpoint(ctx, token, simulator.chatCompletionsUrl, { concurrency: 16 });
});
afterAll(async () => {
  await ctx.cleanup();
  await simulator.stop();
});

type Finding = Record<string, any>;

async function scanAndFindings(probeIds?: string[], options: Parameters<typeof createScan>[4] = {}) {
  const scanId = await createScan(ctx, token, endpointId, probeIds, options);
  const scan = await waitForScan(ctx, token, scanId, undefined, undefined, 120_000);
  const list = await (
    await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scanId}&limit=200`, { token })
  ).json();
  const findings = list.data as Finding[];
  return { scan, findings, confirmed: findings.filter((finding) => finding.status === "confirmed") };
}

const detail = async (finding: Finding) =>
  (await ctx.request(ctx.app, "GET", `/api/v2/findings/${finding.id}`, { token })).json();

const variantsOf = (ids: readonly string[]) =>
  probes.filter((probe) => ids.includes(probe.id)).reduce((sum, probe) => sum + probe.variants.length, 0);

const JAILBREAKS = ["jailbreak-roleplay", "jailbreak-developer-mode", "jailbreak-fiction-wrapper"];

describe("scanning the guarded profile", () => {
  it("finds nothing confirmed with a default scan, which sends no multi-turn or tool-result probe", async () => {
    const { scan, confirmed } = await scanAndFindings();
    expect(scan.status).toBe("completed");
    expect(scan.attempts_total).toBe(defaultScanProbes.reduce((sum, probe) => sum + probe.variants.length, 0));
    expect(confirmed.map((finding) => finding.probe_id)).toEqual([]);
  });

  it("confirms findings with multi-turn probes, and keeps the whole conversation as evidence", async () => {
    const ids = probes.filter((probe) => probe.id.startsWith("crescendo-")).map((probe) => probe.id);
    const { scan, confirmed } = await scanAndFindings(ids);
    expect(scan.attempts_total).toBe(variantsOf(ids));
    expect(confirmed.map((finding) => finding.probe_id).sort()).toEqual([...ids].sort());
    const evidence = (await detail(confirmed[0]!)).evidence;
    const roles = evidence.conversation.map((message: { role: string }) => message.role);
    expect(roles.filter((role: string) => role === "user").length).toBeGreaterThanOrEqual(2);
    expect(roles.at(-1)).toBe("assistant");
    expect(evidence.conversation.at(-1).content).toBe(evidence.response);
    // The catalogue says how many requests a variant makes at most: one per user turn here.
    const catalogue = (await (await ctx.request(ctx.app, "GET", "/api/v2/probes", { token })).json()).data;
    const shown = catalogue.find((probe: { id: string }) => probe.id === confirmed[0]!.probe_id);
    const [attempt] = await ctx.pg`select requests from scan_attempts where id = ${evidence.details.attempt_id}`;
    expect(attempt!.requests).toBe(roles.filter((role: string) => role === "user").length);
    expect(attempt!.requests).toBeLessThanOrEqual(shown.turns);
  });

  it("confirms findings with one strategy that single messages miss, and records the strategy", async () => {
    const plain = await scanAndFindings(JAILBREAKS);
    expect(plain.confirmed).toEqual([]);
    const { scan, confirmed } = await scanAndFindings(JAILBREAKS, { strategies: ["leetspeak"] });
    expect(scan).toMatchObject({ strategies: ["leetspeak"], attempts_total: 2 * variantsOf(JAILBREAKS) });
    expect(confirmed.length).toBeGreaterThan(0);
    const { details } = (await detail(confirmed[0]!)).evidence;
    expect(details.strategy).toBe("leetspeak");
    // The report shows how each strategy did: the variants as written broke nothing here.
    const html = await (
      await ctx.request(ctx.app, "GET", `/api/v2/scans/${scan.id}/export?format=html`, { token })
    ).text();
    const table = html.slice(html.indexOf("Success per strategy"), html.indexOf("Controls by framework"));
    expect(table).toMatch(/<td>as written<\/td><td>\d+<\/td><td>0<\/td>/);
    expect(table).toMatch(new RegExp(`<code>leetspeak</code></td><td>${variantsOf(JAILBREAKS)}</td><td>[1-9]`));
  });

  it("confirms tool-result probes by the tool call the model emitted", async () => {
    const ids = probes.filter((probe) => probe.tools?.length).map((probe) => probe.id);
    const { confirmed } = await scanAndFindings(ids);
    expect(confirmed.map((finding) => finding.probe_id).sort()).toEqual([...ids].sort());
    const found = await detail(confirmed[0]!);
    const calls = found.evidence.conversation.flatMap((message: any) => message.tool_calls ?? []);
    // The scripted call of the reading tool, then the call the model made on the planted instruction.
    const emitted = calls.at(-1);
    // The probe's own call of the reading tool is marked as scripted; the target's is not.
    const assistants = found.evidence.conversation.filter((message: any) => message.role === "assistant");
    expect(assistants[0].scripted).toBe(true);
    expect(assistants.at(-1).scripted).toBeUndefined();
    expect(probes.find((probe) => probe.id === found.probe_id)!.forbidden_tools).toContain(emitted.name);
    expect(JSON.stringify(emitted.arguments)).toContain(found.evidence.details.canary);
    expect(found.judge_votes.find((vote: any) => vote.judge === "detector").rationale).toMatch(/^tool_call:/);
  });

  it("confirms findings with the offline adaptive search, with the winning prompt's lineage", async () => {
    const { scan, confirmed } = await scanAndFindings(JAILBREAKS, { adaptive: { attempts_per_probe: 20, seed: 7 } });
    expect(scan.attempts_total).toBe(variantsOf(JAILBREAKS) + JAILBREAKS.length);
    expect(scan.adaptive).toEqual({ attempts_per_probe: 20, max_tokens: 20_000, seed: 7 });
    expect(confirmed.length).toBeGreaterThan(0);
    const { details } = (await detail(confirmed[0]!)).evidence;
    expect(details.strategy).toBe("adaptive");
    expect(details.lineage.length).toBeGreaterThan(0);
    expect(details.adaptive_tries).toBeGreaterThan(1);
  });

  it.each([
    [{ strategies: ["nope"] }, 400, "invalid_strategies"],
    [{ strategies: ["language:et"] }, 400, "attacker_not_configured"],
    [{ strategies: ["language:EN1"] }, 400, "invalid_strategies"],
    [{ adaptive: { attempts_per_probe: 0 } }, 400, "invalid_request"],
    // Written against a declared purpose, which this endpoint does not have.
    [{ probe_ids: ["off-topic-coding-task"] }, 400, "invalid_probe_ids"],
  ])("refuses %j with a clear error", async (options, status, slug) => {
    const response = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token,
      body: { endpoint_id: endpointId, ...options },
    });
    expect(response.status).toBe(status);
    expect((await response.json()).error).toBe(slug);
  });
});
