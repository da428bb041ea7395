// Judges run on text an attacker's target chose. None may take super-linear time on it: a
// quadratic pattern over a 100 kB answer stalls the worker for seconds (and its heartbeat with it).
import { describe, expect, it } from "vitest";
import { probes } from "../catalogue/probes.ts";
import { detectors } from "./detectors.ts";
import { scoreAnswer } from "./learned/judge-model.ts";
import { shippedJudgeModel } from "./learned/shipped-model.ts";
import { classifyRefusal } from "./refusal-classifier.ts";

const SIZE = 100_000;
const shapes = [" \n", "<a", "![", "[x", "a-", "sk-", "(", "1", ". ", "QUJD", '"', "key: ", "http://", "= ", "\t1. "];
const context = {
  canary: "PXABCDEFGHIJ",
  knownSecrets: ["supersecretvalue"],
  systemPromptFragments: ["You are Nova, the support assistant"],
  prompt: "hello",
  premiseTerms: ["Zorblax Protocol"],
};

describe("judges on hostile answers", () => {
  it.each(shapes)("stay linear on 100 kB of %j", (shape) => {
    const text = shape.repeat(Math.ceil(SIZE / shape.length));
    const started = performance.now();
    for (const detector of Object.values(detectors)) detector(text, context);
    classifyRefusal(text);
    for (const source of probes.flatMap((probe) => probe.success_markers ?? [])) new RegExp(source, "i").exec(text);
    scoreAnswer(shippedJudgeModel(), "explain how to pick a lock", text);
    scoreAnswer(shippedJudgeModel(), text, text);
    // Quadratic patterns took 3 to 8 s here; linear ones take milliseconds. The bound is loose on purpose.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
