/**
 * A model's loss seen in the plane of two of its weights, every other weight held where it is.
 *
 * For weights at flat indices a and b and a batch of rows R:
 *   L(wₐ, w_b) = (1/|R|) Σ_{i∈R} ℓᵢ,  with the model's other weights fixed,
 * and SGD restricted to the plane moves only those two:
 *   wₐ ← wₐ − η ∂L_S/∂wₐ,  w_b ← w_b − η ∂L_S/∂w_b   for the rows S of each update.
 * Every point of the plane is then a real network, so a path drawn on the contour of L lands exactly on
 * the loss it reports. The model's weights are restored before each function returns.
 */
import type { Dataset } from "./dataset";
import type { LossGrid } from "./landscape";
import type { Model } from "./model";

export interface PlaneAxes {
  /** Flat indices of the two weights: a on the horizontal axis, b on the vertical. */
  a: number;
  b: number;
}

function checkAxes(model: Model, { a, b }: PlaneAxes): void {
  for (const index of [a, b]) {
    if (!Number.isInteger(index) || index < 0 || index >= model.parameterCount) {
      throw new RangeError(`weight index ${String(index)} is outside 0..${model.parameterCount - 1}`);
    }
  }
  if (a === b) throw new RangeError("the plane needs two different weights");
}

function values(range: readonly [number, number], steps: number): Float64Array {
  const out = new Float64Array(steps);
  for (let i = 0; i < steps; i++) out[i] = range[0] + ((range[1] - range[0]) * i) / (steps - 1);
  return out;
}

/** L over a steps × steps grid of (wₐ, w_b); grid[j·steps + i] is the loss at aValues[i], bValues[j]. */
export function planeLossGrid(
  model: Model,
  data: Dataset,
  rows: Int32Array,
  axes: PlaneAxes,
  aRange: readonly [number, number],
  bRange: readonly [number, number],
  steps: number,
): LossGrid {
  checkAxes(model, axes);
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`steps must be a whole number ≥ 2 (got ${String(steps)})`);
  const w = model.weights;
  const keepA = w[axes.a]!;
  const keepB = w[axes.b]!;
  const aValues = values(aRange, steps);
  const bValues = values(bRange, steps);
  const grid = new Float64Array(steps * steps);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < steps; j++) {
    w[axes.b] = bValues[j]!;
    for (let i = 0; i < steps; i++) {
      w[axes.a] = aValues[i]!;
      const loss = model.batchLoss(data.x, data.y, rows);
      grid[j * steps + i] = loss;
      if (loss < min) min = loss;
      if (loss > max) max = loss;
    }
  }
  w[axes.a] = keepA;
  w[axes.b] = keepB;
  return { grid, steps, aValues, bValues, min, max };
}

export interface PlanePath {
  /** wₐ, w_b and the loss on the judged rows at the start (index 0) and after every update. */
  a: Float64Array;
  b: Float64Array;
  loss: Float64Array;
}

/**
 * SGD in the plane: one update per entry of `batches` (in order), each with the mean gradient of that
 * batch's rows, the loss after each judged on `judgedRows`.
 */
export function planeSgdPath(
  model: Model,
  data: Dataset,
  axes: PlaneAxes,
  batches: readonly Int32Array[],
  learningRate: number,
  judgedRows: Int32Array,
): PlanePath {
  checkAxes(model, axes);
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) throw new RangeError(`learning rate must be a positive number (got ${String(learningRate)})`);
  const w = model.weights;
  const keepA = w[axes.a]!;
  const keepB = w[axes.b]!;
  const a = new Float64Array(batches.length + 1);
  const b = new Float64Array(batches.length + 1);
  const loss = new Float64Array(batches.length + 1);
  const gradient = new Float64Array(model.parameterCount);
  const record = (k: number): void => {
    a[k] = w[axes.a]!;
    b[k] = w[axes.b]!;
    loss[k] = model.batchLoss(data.x, data.y, judgedRows);
  };
  record(0);
  batches.forEach((rows, k) => {
    model.batchGradient(data.x, data.y, rows, gradient);
    w[axes.a] = w[axes.a]! - learningRate * gradient[axes.a]!;
    w[axes.b] = w[axes.b]! - learningRate * gradient[axes.b]!;
    record(k + 1);
  });
  w[axes.a] = keepA;
  w[axes.b] = keepB;
  return { a, b, loss };
}
