import { describe, expect, it } from "vitest";
import { seededRandom } from "../../seeded-random.ts";
import { fitPlatt, sigmoid, trainLogistic } from "./logistic.ts";

describe("fitPlatt", () => {
  it("stays finite on perfectly separated scores", () => {
    const { a, b } = fitPlatt([-3, -2, -1, 1, 2, 3], [0, 0, 0, 1, 1, 1]);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    expect(sigmoid(a * 3 + b)).toBeLessThan(1);
    expect(sigmoid(a * 3 + b)).toBeGreaterThan(0.7);
  });

  it("shrinks overconfident scores", () => {
    // Scores of +-4 that are right only 3 times in 4: the calibrated probability is near 0.75.
    const scores = [4, 4, 4, 4, -4, -4, -4, -4];
    const labels = [1, 1, 1, 0, 0, 0, 0, 1] as const;
    const { a, b } = fitPlatt(scores, [...labels]);
    expect(sigmoid(a * 4 + b)).toBeCloseTo(0.7, 1);
  });
});

describe("trainLogistic", () => {
  it("separates two features and is the same for the same seed", () => {
    const examples = Array.from({ length: 40 }, (_, i) => ({
      vector: new Map([
        [i % 2, 1],
        [2, 1],
      ]),
      label: (i % 2) as 0 | 1,
    }));
    const first = trainLogistic(examples, { size: 3, seed: 7 });
    expect(first[1]!).toBeGreaterThan(first[0]!);
    expect(trainLogistic(examples, { size: 3, seed: 7 })).toEqual(first);
  });

  it("draws the same sequence from the same seed", () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
