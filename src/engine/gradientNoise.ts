/**
 * Gradient noise, measured and predicted.
 *
 * With per-sample gradients g_i (i = 1..N) and the full-batch gradient g = (1/N) Σ g_i, a
 * mini-batch of B rows drawn without replacement has mean gradient ḡ_B. Its spread around g,
 *   Var_B = E ‖ḡ_B − g‖²,
 * is, by the finite-population formula for the mean of a sample drawn without replacement
 * (applied coordinate-wise and summed),
 *   Var_B = (σ² / B) · (N − B) / (N − 1),   σ² = (1/N) Σ ‖g_i − g‖²
 * (σ² is the trace of the per-sample gradient covariance). It falls like 1/B and is exactly 0
 * at B = N, where every batch is the whole dataset.
 *
 * Measurement: draw `samplesPerBatchSize` random batches of each size, average ‖ḡ_B − g‖².
 * ḡ_B is summed over the batch's rows in ascending row order, the same order as g, so at B = N
 * the difference is exactly 0 rather than rounding noise.
 */

import type { ModelSpec } from "./model";
import { createModel } from "./model";
import { createRng, deriveSeed, shuffleInPlace } from "./random";
import { checkDataset, type Dataset } from "./train";

export interface GradientNoiseOptions {
  model: ModelSpec;
  data: Dataset;
  weights: Float64Array;
  batchSizes: number[];
  samplesPerBatchSize: number;
  seed: number;
}

export interface GradientNoisePoint {
  batchSize: number;
  measuredVariance: number;
  predictedVariance: number;
  measuredStd: number;
  predictedStd: number;
}

/** (σ²/B)·(N−B)/(N−1); 0 when B = N (including N = 1). */
export function predictedGradientVariance(sigma2: number, n: number, b: number): number {
  if (b >= n) return 0;
  return (sigma2 / b) * ((n - b) / (n - 1));
}

/** Per-sample gradients of all N rows, the full gradient g and σ² = (1/N) Σ ‖g_i − g‖². */
export function perSampleGradientStatistics(
  modelSpec: ModelSpec,
  data: Dataset,
  weights: Float64Array,
): { gradients: Float64Array[]; fullGradient: Float64Array; sigma2: number } {
  checkDataset(modelSpec, data);
  const model = createModel(modelSpec, 0);
  model.setWeights(weights);
  const all = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) all[i] = i;
  const { gradients } = model.sampleGradients(data.x, data.y, all);
  const p = model.parameterCount;
  const fullGradient = new Float64Array(p);
  for (const g of gradients) for (let k = 0; k < p; k++) fullGradient[k] = fullGradient[k]! + g[k]!;
  for (let k = 0; k < p; k++) fullGradient[k] = fullGradient[k]! / data.n;
  let sum = 0;
  for (const g of gradients) {
    for (let k = 0; k < p; k++) {
      const d = g[k]! - fullGradient[k]!;
      sum += d * d;
    }
  }
  return { gradients, fullGradient, sigma2: sum / data.n };
}

export function gradientNoise(options: GradientNoiseOptions): GradientNoisePoint[] {
  const { data, batchSizes, samplesPerBatchSize, seed } = options;
  const n = data.n;
  if (!Number.isInteger(samplesPerBatchSize) || samplesPerBatchSize < 1) {
    throw new RangeError(
      `samplesPerBatchSize must be a whole number ≥ 1 (got ${String(samplesPerBatchSize)})`,
    );
  }
  for (const b of batchSizes) {
    if (!Number.isInteger(b) || b < 1 || b > n) {
      throw new RangeError(`batchSize must be a whole number from 1 to ${n} (got ${String(b)})`);
    }
  }
  const { gradients, fullGradient, sigma2 } = perSampleGradientStatistics(options.model, data, options.weights);
  const p = fullGradient.length;
  const order = new Int32Array(n);
  const batch = new Int32Array(n);
  const mean = new Float64Array(p);
  return batchSizes.map((b, index) => {
    const rng = createRng(deriveSeed(seed, index));
    let total = 0;
    for (let s = 0; s < samplesPerBatchSize; s++) {
      for (let i = 0; i < n; i++) order[i] = i;
      shuffleInPlace(order, rng);
      const rows = batch.subarray(0, b);
      rows.set(order.subarray(0, b));
      rows.sort();
      mean.fill(0);
      for (let r = 0; r < b; r++) {
        const g = gradients[rows[r]!]!;
        for (let k = 0; k < p; k++) mean[k] = mean[k]! + g[k]!;
      }
      let squared = 0;
      for (let k = 0; k < p; k++) {
        const d = mean[k]! / b - fullGradient[k]!;
        squared += d * d;
      }
      total += squared;
    }
    const measuredVariance = total / samplesPerBatchSize;
    const predictedVariance = predictedGradientVariance(sigma2, n, b);
    return {
      batchSize: b,
      measuredVariance,
      predictedVariance,
      measuredStd: Math.sqrt(measuredVariance),
      predictedStd: Math.sqrt(predictedVariance),
    };
  });
}
