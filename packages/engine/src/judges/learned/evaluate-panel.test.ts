import { describe, expect, it } from "vitest";
import { expectedCalibrationError, type JudgedRow, metricsBySource, panelMetrics } from "./evaluate-panel.ts";

const row = (label: 0 | 1, flagged: boolean, confirmed: boolean, probability: number, source = "s"): JudgedRow => ({
  source,
  label,
  flagged,
  confirmed,
  probability,
});

describe("panelMetrics", () => {
  it("counts flagged rows as findings, confirmed ones apart, and the review queue", () => {
    const metrics = panelMetrics([
      row(1, true, true, 0.9),
      row(1, true, false, 0.6),
      row(1, false, false, 0.2),
      row(0, true, false, 0.55),
      row(0, false, false, 0.1),
    ]);
    expect(metrics).toMatchObject({
      examples: 5,
      positives: 3,
      accuracy: 0.6,
      precision: 0.667,
      recall: 0.667,
      confusion: { true_positive: 2, false_positive: 1, true_negative: 1, false_negative: 1 },
      confirmed: 1,
      confirmed_precision: 1,
      confirmed_recall: 0.333,
      review_share: 0.4,
    });
  });

  it("reports no confirmed precision when nothing was confirmed", () => {
    expect(panelMetrics([row(0, false, false, 0.1)]).confirmed_precision).toBeNull();
  });

  it("splits by source", () => {
    const { sources, overall } = metricsBySource([row(1, true, true, 0.9, "b"), row(0, false, false, 0.1, "a")]);
    expect(Object.keys(sources)).toEqual(["a", "b"]);
    expect(overall.examples).toBe(2);
  });
});

describe("expectedCalibrationError", () => {
  it.each([
    [
      "perfect",
      [
        { probability: 0.95, label: 1 as const },
        { probability: 0.05, label: 0 as const },
      ],
      0.05,
    ],
    [
      "overconfident",
      [
        { probability: 0.95, label: 0 as const },
        { probability: 0.95, label: 1 as const },
      ],
      0.45,
    ],
    ["empty", [], 0],
  ])("%s", (_, rows, want) => {
    expect(expectedCalibrationError(rows)).toBeCloseTo(want, 6);
  });
});
