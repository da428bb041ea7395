// `pnpm bench judges` at a tiny size: the bench runs and every answer gets a verdict. Speed is
// measured by the bench itself, never asserted here (timed unit tests are not allowed).
import { renderPayload } from "@penaxtra/engine";
import { describe, expect, it } from "vitest";
import { benchJudges, buildCorpus } from "../../bench/judges.ts";

describe("bench judges", () => {
  it("builds the same corpus from the same seed, with every shape and a probe per answer", () => {
    const first = buildCorpus(20, 7);
    expect(buildCorpus(20, 7).map((entry) => entry.input.response)).toEqual(first.map((entry) => entry.input.response));
    expect(new Set(first.map((entry) => entry.shape)).size).toBe(8);
    for (const entry of first)
      expect(entry.input.prompt).toBe(renderPayload(entry.input.probe, 0, entry.input.context.canary!));
  });

  it("judges every answer of a tiny corpus and reports the figures", async () => {
    const result = await benchJudges({ answers: 20, seconds: 0.2, warmupSeconds: 0 });
    expect(result).toMatchObject({
      benchmark: "judges",
      panel: ["detector", "refusal", "goal"],
      target_answers_per_second: 2000,
      answers_with_verdict: 20,
    });
    expect(result.corpus.answers).toBe(20);
    expect(result.measured.answers_judged).toBe(result.measured.passes * 20);
    expect(Object.values(result.verdicts_first_pass).reduce((sum, count) => sum + count, 0)).toBe(20);
    expect(Object.keys(result.by_bucket)).toEqual(["short", "medium", "long"]);
    for (const figure of [
      result.answers_per_second,
      result.answers_per_cpu_second,
      result.mean_us,
      result.p99_us,
      result.corpus.median_answer_chars,
    ])
      expect(figure).toBeGreaterThan(0);
    expect(typeof result.meets_target).toBe("boolean");
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
