/**
 * The loss landscape of a model with exactly two trainable weights, so it can be drawn.
 *
 * The model is the dense linear neuron ŷ = a·x₁ + b·x₂ on two-feature data, i.e.
 * `{ inputSize: 2, layers: [{ kind: "dense", units: 1, activation: "linear" }] }` with its bias
 * frozen at 0: the weight vector is [a, b, 0] in the model's layout, the loss and gradients come
 * from the same model code as every other run, and plain SGD updates a and b only
 * (the bias gradient is ignored because the bias is not trainable here).
 *
 * The MSE surface of this model is a quadratic bowl in (a, b); the path of SGD on it shows
 * small batches zig-zagging and the full batch walking straight down.
 */

import { batchRows, iterationsPerEpoch, totalUpdates } from "./batching";
import { createModel, type Model, type ModelSpec } from "./model";
import { checkDataset, type Dataset } from "./train";

export const TWO_WEIGHT_MODEL: ModelSpec = {
  inputSize: 2,
  layers: [{ kind: "dense", units: 1, activation: "linear" }],
};

export interface LossGridOptions {
  data: Dataset;
  /** [min, max] of a (the first weight, horizontal axis). */
  aRange: [number, number];
  /** [min, max] of b (the second weight, vertical axis). */
  bRange: [number, number];
  /** Grid points per axis (≥ 2), endpoints included. */
  steps: number;
}

export interface LossGrid {
  /** grid[j·steps + i] = loss at a = aValues[i], b = bValues[j]. */
  grid: Float64Array;
  steps: number;
  aValues: Float64Array;
  bValues: Float64Array;
  min: number;
  max: number;
}

export interface SgdPathOptions {
  data: Dataset;
  start: [number, number];
  batchSize: number;
  epochs: number;
  learningRate: number;
  seed: number;
  shuffle: boolean;
}

export interface SgdPath {
  /** a, b and full-data loss at the start (index 0) and after every update. */
  a: Float64Array;
  b: Float64Array;
  loss: Float64Array;
  iterationsPerEpoch: number;
}

function twoWeightModel(data: Dataset): Model {
  checkDataset(TWO_WEIGHT_MODEL, data);
  return createModel(TWO_WEIGHT_MODEL, 0);
}

function axis(range: [number, number], steps: number): Float64Array {
  const values = new Float64Array(steps);
  for (let i = 0; i < steps; i++) values[i] = range[0] + ((range[1] - range[0]) * i) / (steps - 1);
  return values;
}

export function lossGrid(options: LossGridOptions): LossGrid {
  const { data, steps } = options;
  if (!Number.isInteger(steps) || steps < 2) {
    throw new RangeError(`steps must be a whole number ≥ 2 (got ${String(steps)})`);
  }
  const model = twoWeightModel(data);
  const aValues = axis(options.aRange, steps);
  const bValues = axis(options.bRange, steps);
  const grid = new Float64Array(steps * steps);
  let min = Infinity;
  let max = -Infinity;
  const w = model.weights;
  w[2] = 0;
  for (let j = 0; j < steps; j++) {
    for (let i = 0; i < steps; i++) {
      w[0] = aValues[i]!;
      w[1] = bValues[j]!;
      const loss = model.datasetLoss(data.x, data.y, data.n);
      grid[j * steps + i] = loss;
      if (loss < min) min = loss;
      if (loss > max) max = loss;
    }
  }
  return { grid, steps, aValues, bValues, min, max };
}

export function sgdPath(options: SgdPathOptions): SgdPath {
  const { data, batchSize, epochs, learningRate, seed, shuffle } = options;
  const model = twoWeightModel(data);
  const perEpoch = iterationsPerEpoch(data.n, batchSize);
  const updates = totalUpdates(data.n, batchSize, epochs);
  const a = new Float64Array(updates + 1);
  const b = new Float64Array(updates + 1);
  const loss = new Float64Array(updates + 1);
  const w = model.weights;
  w[0] = options.start[0];
  w[1] = options.start[1];
  w[2] = 0;
  const gradient = new Float64Array(model.parameterCount);
  const record = (k: number): void => {
    a[k] = w[0]!;
    b[k] = w[1]!;
    loss[k] = model.datasetLoss(data.x, data.y, data.n);
  };
  record(0);
  let k = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let iteration = 0; iteration < perEpoch; iteration++) {
      const rows = batchRows(data.n, epoch, iteration, { batchSize, shuffle, seed });
      model.batchGradient(data.x, data.y, rows, gradient);
      // Plain SGD on the two trainable weights; the bias stays 0.
      w[0] = w[0]! - learningRate * gradient[0]!;
      w[1] = w[1]! - learningRate * gradient[1]!;
      k++;
      record(k);
    }
  }
  return { a, b, loss, iterationsPerEpoch: perEpoch };
}

/**
 * The exact floor of the bowl: the least-squares weights of ŷ = a·x₁ + b·x₂, which solve the
 * normal equations XᵀX·(a, b) = Xᵀy (a 2 × 2 system, solved by Cramer's rule), and the loss there.
 */
export function twoWeightMinimum(data: Dataset): { a: number; b: number; loss: number } {
  checkDataset(TWO_WEIGHT_MODEL, data);
  let s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0;
  for (let i = 0; i < data.n; i++) {
    const x1 = data.x[2 * i]!;
    const x2 = data.x[2 * i + 1]!;
    const y = data.y[i]!;
    s11 += x1 * x1;
    s12 += x1 * x2;
    s22 += x2 * x2;
    s1y += x1 * y;
    s2y += x2 * y;
  }
  const det = s11 * s22 - s12 * s12;
  if (!(Math.abs(det) > 1e-12 * s11 * s22)) throw new RangeError("the two inputs are collinear: the bowl has no single floor");
  const a = (s1y * s22 - s2y * s12) / det;
  const b = (s11 * s2y - s12 * s1y) / det;
  const model = twoWeightModel(data);
  model.weights[0] = a;
  model.weights[1] = b;
  model.weights[2] = 0;
  return { a, b, loss: model.datasetLoss(data.x, data.y, data.n) };
}
