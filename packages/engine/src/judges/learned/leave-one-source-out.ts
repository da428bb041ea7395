// The honest estimate of how the offline panel does on data it has not seen: for each source,
// train on every other source (XSTest included) and judge that source's answers.
import { createOfflineJudges } from "../panel.ts";
import { type JudgedRow, judgeRows, metricsBySource } from "./evaluate-panel.ts";
import type { LabelledAnswer } from "./labelled-data.ts";
import { foldOf, type TrainJudgeOptions, trainJudgeModel } from "./train-judge-model.ts";

export async function leaveOneSourceOut(
  rows: readonly LabelledAnswer[],
  heldOutSources: readonly string[],
  threshold: number,
  options: TrainJudgeOptions = {},
) {
  const judged: JudgedRow[] = [];
  for (const source of heldOutSources) {
    const model = trainJudgeModel(
      rows.filter((row) => foldOf(row) !== source),
      options,
    );
    const { detector, refusal, goal } = createOfflineJudges(() => model);
    judged.push(
      ...(await judgeRows(
        [detector, refusal, goal],
        rows.filter((row) => foldOf(row) === source),
        threshold,
        model.meta,
      )),
    );
  }
  return metricsBySource(judged);
}
