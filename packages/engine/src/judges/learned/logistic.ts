// L2-regularised logistic regression over hashed sparse features, trained with AdaGrad in a
// seeded order so the same data always gives the same weights, and Platt scaling on top.
import { seededRandom } from "../../seeded-random.ts";
import type { SparseVector } from "./text-features.ts";

export interface TrainingExample {
  vector: SparseVector;
  label: 0 | 1;
  weight?: number;
}

export interface TrainOptions {
  size: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function dot(weights: ArrayLike<number>, vector: SparseVector): number {
  let sum = 0;
  for (const [key, value] of vector) sum += weights[key]! * value;
  return sum;
}

export function trainLogistic(examples: readonly TrainingExample[], options: TrainOptions): Float64Array {
  const { size, epochs = 25, learningRate = 0.5, l2 = 1e-4, seed = 1 } = options;
  const weights = new Float64Array(size);
  const squared = new Float64Array(size);
  const random = seededRandom(seed);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      const error = (sigmoid(dot(weights, example.vector)) - example.label) * (example.weight ?? 1);
      for (const [key, value] of example.vector) {
        const gradient = error * value + l2 * weights[key]!;
        squared[key]! += gradient * gradient;
        weights[key]! -= (learningRate * gradient) / (Math.sqrt(squared[key]!) + 1e-8);
      }
    }
  }
  return weights;
}

export interface Platt {
  a: number;
  b: number;
}

/**
 * Logistic regression on a few dense features by damped Newton steps (each step is halved until the
 * loss goes down, so separable data cannot send it to infinity). Targets may be soft (0..1).
 */
export function fitDense(rows: readonly number[][], targets: readonly number[], ridge = 1e-3): number[] {
  const k = (rows[0]?.length ?? 0) + 1;
  const withBias = rows.map((row) => [...row, 1]);
  const loss = (beta: number[]) => {
    let total = 0;
    for (let n = 0; n < withBias.length; n++) {
      const z = withBias[n]!.reduce((sum, value, i) => sum + value * beta[i]!, 0);
      // log(1 + e^z) - t z, computed without overflow.
      total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - targets[n]! * z;
    }
    return total + (ridge / 2) * beta.reduce((sum, value) => sum + value * value, 0);
  };
  let beta = new Array<number>(k).fill(0);
  let current = loss(beta);
  for (let iteration = 0; iteration < 100; iteration++) {
    const gradient = beta.map((value) => ridge * value);
    const hessian = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? ridge : 0)));
    for (let n = 0; n < withBias.length; n++) {
      const x = withBias[n]!;
      const p = sigmoid(x.reduce((sum, value, i) => sum + value * beta[i]!, 0));
      const w = p * (1 - p);
      for (let i = 0; i < k; i++) {
        gradient[i]! += (p - targets[n]!) * x[i]!;
        for (let j = 0; j < k; j++) hessian[i]![j]! += w * x[i]! * x[j]!;
      }
    }
    const step = solve(hessian, gradient);
    let scale = 1;
    let next = beta.map((value, i) => value - step[i]!);
    let nextLoss = loss(next);
    while (nextLoss > current && scale > 1e-6) {
      scale /= 2;
      next = beta.map((value, i) => value - scale * step[i]!);
      nextLoss = loss(next);
    }
    const moved = next.reduce((sum, value, i) => sum + Math.abs(value - beta[i]!), 0);
    if (nextLoss > current) break;
    beta = next;
    current = nextLoss;
    if (moved < 1e-9) break;
  }
  return beta;
}

/** Gaussian elimination with partial pivoting; the systems here are 2x2 to 4x4. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const head = a[col]![col]! || 1e-12;
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / head;
      for (let j = col; j <= n; j++) a[row]![j]! -= factor * a[col]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!;
    for (let j = row + 1; j < n; j++) sum -= a[row]![j]! * x[j]!;
    x[row] = sum / (a[row]![row]! || 1e-12);
  }
  return x;
}

/**
 * Platt scaling: p = sigmoid(a * score + b), fitted on held-out scores against Platt's smoothed
 * targets ((n+ + 1) / (n+ + 2) and 1 / (n- + 2)), which keep a and b finite on separable scores.
 */
export function fitPlatt(scores: readonly number[], labels: readonly (0 | 1)[]): Platt {
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  const targets = labels.map((label) => (label === 1 ? (positives + 1) / (positives + 2) : 1 / (negatives + 2)));
  const [a, b] = fitDense(
    scores.map((score) => [score]),
    targets,
  );
  return { a: a!, b: b! };
}
