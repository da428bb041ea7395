// penaxtra judge-eval / judge-train: measure the judge panel on human-labelled answers, and train
// the offline judges' weights from them.

import { existsSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type BinaryMetrics,
  encodeJudgeModel,
  foldOf,
  judgeRows,
  type LabelledAnswer,
  learnedRefusal,
  leaveOneSourceOut,
  metricsBySource,
  readLabelledFile,
  readLabelledTree,
  refusalMetrics,
  SHIPPED_MODEL_URL,
  shippedJudgeModel,
  trainJudgeModel,
} from "@penaxtra/engine";
import { judgePanel } from "../runtime/judge-panel.ts";
import { userPath } from "./user-path.ts";

export class JudgeUsageError extends Error {}

function readAll(paths: readonly string[], flag: string): LabelledAnswer[] {
  return paths.flatMap((path) => {
    const full = userPath(path);
    if (!existsSync(full)) throw new JudgeUsageError(`${flag}: cannot read ${path}`);
    try {
      return statSync(full).isDirectory() ? readLabelledTree(full) : readLabelledFile(full);
    } catch (error) {
      throw new JudgeUsageError(`${flag} ${path}: ${(error as Error).message}`);
    }
  });
}

function parseThreshold(raw: string | undefined): number {
  const threshold = raw === undefined ? 0.7 : Number(raw);
  if (!(threshold >= 0 && threshold <= 1)) throw new JudgeUsageError("--threshold must be a number from 0 to 1");
  return threshold;
}

export interface JudgeEvalOptions {
  jailbreak: string[];
  xstest: string[];
  threshold?: string;
  leaveOneSourceOut: boolean;
}

export async function judgeEval(options: JudgeEvalOptions): Promise<object> {
  if (!options.jailbreak.length && !options.xstest.length)
    throw new JudgeUsageError("judge-eval needs --jailbreak FILE.csv and/or --xstest FILE.csv");
  const threshold = parseThreshold(options.threshold);
  const jailbreak = readAll(options.jailbreak, "--jailbreak");
  const xstest = readAll(options.xstest, "--xstest");
  if (options.leaveOneSourceOut) {
    const pool = [...jailbreak, ...xstest];
    const heldOut = [...new Set(jailbreak.filter((row) => row.success !== null).map(foldOf))].sort();
    const xstestFiles = [...new Set(xstest.map((row) => row.source))].sort();
    // Each XSTest file's refusals are judged by a model trained without that file.
    const refusedByHeldOut = new Map<LabelledAnswer, boolean>();
    for (const file of xstestFiles) {
      const refused = learnedRefusal(trainJudgeModel(pool.filter((row) => row.source !== file)));
      for (const row of xstest.filter((entry) => entry.source === file)) refusedByHeldOut.set(row, refused(row));
    }
    return {
      mode: "leave-one-source-out",
      panel: ["detector", "refusal", "goal"],
      threshold,
      ...(heldOut.length && { jailbreak: await leaveOneSourceOut(pool, heldOut, threshold) }),
      ...(xstestFiles.length && { xstest_refusal: xstestBySource(xstest, (row) => refusedByHeldOut.get(row)!) }),
    };
  }
  // The panel the worker would use: the offline judges, with PENAXTRA_JUDGES' LLM judges swapped in.
  const panel = judgePanel({ judges: process.env.PENAXTRA_JUDGES ?? null });
  const usesLlm = panel.some((judge) => !["detector", "refusal", "goal"].includes(judge.name));
  const model = shippedJudgeModel();
  return {
    mode: "shipped",
    panel: panel.map((judge) => judge.name),
    threshold,
    ...(jailbreak.length && {
      jailbreak: metricsBySource(await judgeRows(panel, jailbreak, threshold, undefined, usesLlm ? 8 : 1)),
    }),
    ...(xstest.length && { xstest_refusal: xstestBySource(xstest, learnedRefusal(model)) }),
  };
}

function xstestBySource(rows: readonly LabelledAnswer[], refused: (row: LabelledAnswer) => boolean) {
  const files: Record<string, BinaryMetrics> = {};
  for (const source of [...new Set(rows.map((row) => row.source))].sort())
    files[source] = refusalMetrics(
      rows.filter((row) => row.source === source),
      refused,
    );
  return { overall: refusalMetrics(rows, refused), files };
}

export interface JudgeTrainOptions {
  data?: string;
  out?: string;
}

export function judgeTrain(options: JudgeTrainOptions): object {
  if (!options.data)
    throw new JudgeUsageError("judge-train needs --data DIR (a folder of labelled CSVs, e.g. ../shared/eval)");
  const rows = readAll([options.data], "--data");
  const model = trainJudgeModel(rows);
  const out = options.out ? userPath(options.out) : fileURLToPath(SHIPPED_MODEL_URL);
  writeFileSync(out, `${JSON.stringify(encodeJudgeModel(model), null, 1)}\n`);
  return { written: out, trained_on: model.trainedOn, meta: model.meta };
}
