// Each attack mechanism against the simulator's guarded profile, which resists single messages but
// yields on a later turn, to a strategy its filter cannot read, and to instructions in tool results:
// the single-turn attempt must be judged safe and the mechanism's attempt vulnerable, each verdict
// from the judge panel (the simulator does not know the probes).

import {
  type AttemptSpec,
  adaptiveSearch,
  judgeAttempt,
  makeCanary,
  OFFLINE_STRATEGIES,
  offlineJudges,
  probes,
  sendAttempt,
  TargetRunner,
} from "@penaxtra/engine";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let simulator: TargetSimulator;
let runner: TargetRunner;
beforeAll(async () => {
  simulator = await startTargetSimulator({ profile: "guarded" });
  runner = new TargetRunner(
    {
      url: simulator.chatCompletionsUrl,
      wireFormat: "chat_completions_v1",
      model: "sim",
      authHeader: null,
      authSecret: null,
      httpTemplate: null,
      timeoutMs: 5000,
    },
    { concurrency: 8, requestsPerMinute: 100_000, maxRetries: 0 },
    { allowPrivate: true },
  );
});
afterAll(() => simulator.stop());

const probe = (id: string) => {
  const found = probes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no probe ${id}`);
  return found;
};

async function verdictOf(spec: AttemptSpec) {
  const sent = await sendAttempt(runner, spec);
  if (!sent.outcome.ok) throw new Error(sent.outcome.message);
  const { meta } = await judgeAttempt(offlineJudges, spec.probe, {
    prompt: sent.prompt,
    canary: spec.canary,
    text: sent.outcome.text,
    toolCalls: sent.outcome.toolCalls,
  });
  return { meta, sent };
}

const confirmed = (meta: { verdict: string; confidence: number }) =>
  meta.verdict === "vulnerable" && meta.confidence >= 0.7;

describe("the guarded profile against each mechanism", () => {
  it("refuses single messages of the probes the mechanisms below carry", async () => {
    for (const id of ["jailbreak-roleplay", "direct-injection-ignore-previous", "system-prompt-extraction-verbatim"]) {
      const found = probes.find((candidate) => candidate.id === id);
      if (!found) continue;
      const { meta } = await verdictOf({ probe: found, variantIndex: 0, canary: makeCanary() });
      expect(confirmed(meta), id).toBe(false);
    }
  });

  it("yields on a later turn of a conversation that opened innocently", async () => {
    for (const id of [
      "crescendo-jailbreak-lockpicking",
      "crescendo-system-prompt-disclosure",
      "crescendo-agentic-refund",
    ]) {
      const { meta, sent } = await verdictOf({ probe: probe(id), variantIndex: 0, canary: makeCanary() });
      expect(confirmed(meta), `${id}: ${meta.rationale}`).toBe(true);
      // Every earlier turn was answered by the target and sent back as history.
      const users = sent.messages.filter((message) => message.role === "user").length;
      expect(sent.messages.filter((message) => message.role === "assistant").length).toBe(users);
      expect(sent.requests).toBe(users);
    }
  });

  it("calls the tool a planted tool result asks for, and the panel judges the call", async () => {
    for (const id of ["tool-result-email-exfiltration", "tool-result-refund-hijack"]) {
      const canary = makeCanary();
      const { meta, sent } = await verdictOf({ probe: probe(id), variantIndex: 0, canary });
      expect(sent.outcome.ok && sent.outcome.toolCalls.map((call) => call.name)).toEqual(probe(id).forbidden_tools);
      expect(JSON.stringify(sent.outcome.ok && sent.outcome.toolCalls)).toContain(canary);
      expect(confirmed(meta), `${id}: ${meta.rationale}`).toBe(true);
      expect(meta.rationale).toMatch(/tool/);
    }
  });

  it("yields to a strategy its filter cannot read", async () => {
    const leetspeak = OFFLINE_STRATEGIES.find((strategy) => strategy.id === "leetspeak")!;
    const target = probe("jailbreak-roleplay");
    const canary = makeCanary();
    const plain = await verdictOf({ probe: target, variantIndex: 0, canary });
    expect(confirmed(plain.meta)).toBe(false);
    const transformed = await verdictOf({
      probe: target,
      variantIndex: 0,
      canary,
      transform: (text) => leetspeak.apply(text, canary),
    });
    expect(transformed.sent.prompt).not.toBe(plain.sent.prompt);
    expect(confirmed(transformed.meta), transformed.meta.rationale).toBe(true);
  });

  it("is broken by the offline adaptive search, which keeps the winning prompt's lineage and is repeatable", async () => {
    const target = probe("jailbreak-developer-mode");
    const search = () =>
      adaptiveSearch({
        runner,
        judges: offlineJudges,
        probe: target,
        variantIndex: 0,
        donors: probes
          .filter((other) => other.category === target.category && other !== target)
          .flatMap((other) => other.variants),
        makeCanary: (() => {
          let n = 0;
          return () => `PXSEARCH${String(n++).padStart(4, "0")}`;
        })(),
        options: { maxTries: 20, seed: 7, threshold: 0.7 },
      });
    const first = await search();
    expect(first.confirmed).toBe(true);
    expect(first.tries).toBeGreaterThan(1);
    expect(first.best.lineage.length).toBeGreaterThan(0);
    expect(first.requests).toBeGreaterThanOrEqual(first.tries);
    const again = await search();
    expect(again.tries).toBe(first.tries);
    expect(again.best.lineage).toEqual(first.best.lineage);
    expect(again.best.sent.prompt).toBe(first.best.sent.prompt);
  });

  it("stops the adaptive search when its token budget is spent, whatever tries are left", async () => {
    const target = probe("jailbreak-developer-mode");
    const result = await adaptiveSearch({
      runner,
      judges: offlineJudges,
      probe: target,
      variantIndex: 0,
      donors: [],
      makeCanary,
      options: { maxTries: 20, seed: 7, threshold: 0.7, maxTokens: 100 },
    });
    expect(result).toMatchObject({ tries: 1, confirmed: false });
    expect(result.tokens).toBeGreaterThanOrEqual(100);
  });
});
