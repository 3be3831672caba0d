/**
 * The gradient-noise panel's measurement: engine gradientNoise at the lab's batch sizes, with a
 * sample count that keeps the work bounded on large data. The prediction is the engine's
 * (σ²/B)(N−B)/(N−1); at B = 1 it equals σ² itself, which the panel quotes.
 */
import { type Dataset } from "../../engine/dataset";
import { gradientNoise, type GradientNoisePoint } from "../../engine/gradientNoise";
import { createModel } from "../../engine/model";
import { labModelSpec, noiseBatchSizes, noiseSamplesPerSize, type RunSettings } from "./labRun";

export type NoiseWeights = "initial" | "trained";

export interface NoiseResult {
  points: GradientNoisePoint[];
  /** σ², the per-sample gradient variance (trace of the covariance). */
  sigma2: number;
  n: number;
  samplesPerSize: number;
  weights: NoiseWeights;
}

/** Seed of the random batches drawn for the measurement (independent of the run's seed). */
export const NOISE_SEED = 2024;

export function initialWeights(settings: Pick<RunSettings, "model" | "seed">, features: number): Float64Array {
  return createModel(labModelSpec(settings.model, features), settings.seed).getWeights();
}

export function measureNoise(
  model: RunSettings["model"],
  data: Dataset,
  weights: Float64Array,
  which: NoiseWeights,
): NoiseResult {
  const spec = labModelSpec(model, data.features);
  const sizes = noiseBatchSizes(data.n);
  const samplesPerSize = noiseSamplesPerSize(data.n, weights.length, sizes);
  const points = gradientNoise({ model: spec, data, weights, batchSizes: sizes, samplesPerBatchSize: samplesPerSize, seed: NOISE_SEED });
  const first = points[0]!;
  // At B = 1 the finite-population factor (N − 1)/(N − 1) is 1, so the prediction is σ² itself.
  const sigma2 = first.batchSize === 1 ? first.predictedVariance : Number.NaN;
  return { points, sigma2, n: data.n, samplesPerSize, weights: which };
}
