// Accuracy, precision, recall and F1 of a yes/no judgement against human labels, shared by the
// refusal judge's XSTest evaluation and the panel's jailbreak evaluation.

export interface BinaryMetrics {
  examples: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: { true_positive: number; false_positive: number; true_negative: number; false_negative: number };
}

export const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Each outcome is [predicted positive, actually positive]. */
export function binaryMetrics(outcomes: Iterable<readonly [predicted: boolean, actual: boolean]>): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const [predicted, actual] of outcomes) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const examples = tp + fp + tn + fn;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    examples,
    accuracy: round3(examples ? (tp + tn) / examples : 0),
    precision: round3(precision),
    recall: round3(recall),
    f1: round3(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    confusion: { true_positive: tp, false_positive: fp, true_negative: tn, false_negative: fn },
  };
}
