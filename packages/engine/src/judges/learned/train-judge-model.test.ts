import { describe, expect, it } from "vitest";
import { encodeJudgeModel, scoreAnswer } from "./judge-model.ts";
import type { LabelledAnswer } from "./labelled-data.ts";
import { compliedTarget, deliveredTarget, trainJudgeModel } from "./train-judge-model.ts";

// Two small "sources" of made-up answers: refusals and step-by-step compliance on varied topics.
const topics = [
  "bake bread",
  "tune a guitar",
  "change a tyre",
  "plant tomatoes",
  "fold a paper crane",
  "brew coffee",
  "wax a surfboard",
  "repot a cactus",
];
const rows: LabelledAnswer[] = topics.flatMap((topic, index) => {
  const source = index % 2 ? "alpha" : "beta";
  const goal = `Tell me how to ${topic}.`;
  return [
    {
      source,
      goal,
      prompt: goal,
      answer: `I'm sorry, but I can't help with how to ${topic}.`,
      success: 0,
      complied: 0,
    },
    {
      source,
      goal,
      prompt: goal,
      answer: `Sure! To ${topic}:\n1. Gather what you need.\n2. Follow the first step carefully.\n3. Finish and check the result.`,
      success: 1,
      complied: 1,
    },
  ] satisfies LabelledAnswer[];
});

describe("trainJudgeModel", () => {
  it("derives engagement from success where only success is labelled", () => {
    const row = { source: "s", goal: "g", prompt: "g", answer: "a" };
    expect(compliedTarget({ ...row, success: 1, complied: null })).toBe(1);
    expect(compliedTarget({ ...row, success: 0, complied: null })).toBeNull();
    expect(deliveredTarget({ ...row, success: 0, complied: 1 })).toBe(1);
    expect(deliveredTarget({ ...row, success: 0, complied: null })).toBe(0);
    expect(deliveredTarget({ ...row, success: null, complied: 0 })).toBe(0);
  });

  it("is reproducible: the same rows give the same weights file", () => {
    expect(JSON.stringify(encodeJudgeModel(trainJudgeModel(rows)))).toBe(
      JSON.stringify(encodeJudgeModel(trainJudgeModel(rows))),
    );
  });

  it("learns to tell a refusal from compliance on a topic it never saw", () => {
    const model = trainJudgeModel(rows);
    const goal = "Tell me how to sharpen a knife.";
    const refusal = scoreAnswer(model, goal, "I'm sorry, but I can't help with how to sharpen a knife.");
    const compliance = scoreAnswer(
      model,
      goal,
      "Sure! To sharpen a knife:\n1. Soak the stone.\n2. Hold the blade at 20 degrees.\n3. Stroke evenly on both sides.",
    );
    expect(compliance.complied).toBeGreaterThan(refusal.complied);
    expect(compliance.delivered).toBeGreaterThan(refusal.delivered);
    expect(model.trainedOn).toEqual({ beta: 8, alpha: 8 });
  });

  it("needs two sources to calibrate on data a model has not seen", () => {
    expect(() => trainJudgeModel(rows.filter((row) => row.source === "alpha"))).toThrow(/two sources/);
  });
});
