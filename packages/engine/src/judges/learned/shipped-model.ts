// The judge model shipped with the engine, trained by `penaxtra judge-train` (see the README for the
// data it was trained on). Read on first use, so importing the engine costs nothing.
import { readFileSync } from "node:fs";
import {
  type AnswerScores,
  decodeJudgeModel,
  type JudgeModel,
  type JudgeModelFile,
  scoreAnswer,
} from "./judge-model.ts";

export const SHIPPED_MODEL_URL = new URL("./offline-judge-model.json", import.meta.url);

let shipped: JudgeModel | null = null;

export function shippedJudgeModel(): JudgeModel {
  shipped ??= decodeJudgeModel(JSON.parse(readFileSync(SHIPPED_MODEL_URL, "utf8")) as JudgeModelFile);
  return shipped;
}

/**
 * Scores answers with one model, remembering the last (goal, answer): the refusal and goal judges
 * vote on the same answer one after the other, and its features are the expensive part.
 */
export function createAnswerScorer(model: () => JudgeModel): (goal: string, answer: string) => AnswerScores {
  let lastGoal: string | null = null;
  let lastAnswer: string | null = null;
  let last: AnswerScores | null = null;
  return (goal, answer) => {
    if (last && goal === lastGoal && answer === lastAnswer) return last;
    last = scoreAnswer(model(), goal, answer);
    lastGoal = goal;
    lastAnswer = answer;
    return last;
  };
}
