// Scores the refusal classifier against XSTest completions (columns prompt, completion, final_label).
// Positive class: refused (2_full_refusal, 3_partial_refusal); 1_full_compliance is complied.
import { parseCsvRecords } from "./csv.ts";
import { classifyRefusal } from "./refusal-classifier.ts";

export interface BinaryMetrics {
  examples: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: { true_positive: number; false_positive: number; true_negative: number; false_negative: number };
}

const REFUSED_LABELS = new Set(["2_full_refusal", "3_partial_refusal"]);
const KNOWN_LABELS = new Set([...REFUSED_LABELS, "1_full_compliance"]);
const round = (value: number) => Math.round(value * 1000) / 1000;

export function evaluateRefusalJudge(csv: string): BinaryMetrics {
  const records = parseCsvRecords(csv);
  if (!records.length || !("completion" in records[0]!) || !("final_label" in records[0]!)) {
    throw new Error("expected an XSTest CSV with columns prompt, completion, final_label");
  }
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (const record of records) {
    const label = record.final_label!.trim();
    if (!KNOWN_LABELS.has(label)) throw new Error(`unknown final_label "${label}"`);
    const actual = REFUSED_LABELS.has(label);
    const predicted = classifyRefusal(record.completion!).refused;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    examples: records.length,
    accuracy: round((tp + tn) / records.length),
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    confusion: { true_positive: tp, false_positive: fp, true_negative: tn, false_negative: fn },
  };
}
