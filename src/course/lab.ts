/**
 * Lesson 6's batch-size lab as a scenario: its settings and defaults, one training run reduced to
 * the numbers the page shows, a sweep over batch sizes, and the gradient-noise measurement. The
 * engine trains and measures; the lab widget draws; lesson 6's facts quote these same runs.
 */
import type { OptimizerKind } from "../engine/optimizers";
import { iterationsPerEpoch, lastBatchSize, totalUpdates, unusedRowsPerEpoch } from "../engine/batching";
import type { Dataset } from "../engine/dataset";
import { gradientNoise, type GradientNoisePoint } from "../engine/gradientNoise";
import { createModel, type ModelSpec } from "../engine/model";
import { trainRun, type TrainConfig, type TrainResult } from "../engine/train";
import { GREENHOUSE_HIDDEN_UNITS, linearSpec, mlpSpec } from "./networks";

/** The engine's optimizer kinds, as the lab names its choice. */
export type OptimizerChoice = OptimizerKind;
export type ModelChoice = "linear" | "mlp";

/** Everything a lab run depends on. */
export interface LabSettings {
  batchSize: number;
  learningRate: number;
  epochs: number;
  optimizer: OptimizerChoice;
  model: ModelChoice;
  seed: number;
  shuffle: boolean;
  dropLast: boolean;
}

/** What the lab opens with: the greenhouse network, batch size 8, 20 epochs of plain SGD at rate 0.05, shuffled. */
export const DEFAULT_LAB_SETTINGS: Readonly<LabSettings> = Object.freeze({
  batchSize: 8,
  learningRate: 0.05,
  epochs: 20,
  optimizer: "sgd",
  model: "mlp",
  seed: 1,
  shuffle: true,
  dropLast: false,
});

/** Units of the lab's MLP: the greenhouse network's hidden layer. */
export const MLP_HIDDEN_UNITS = GREENHOUSE_HIDDEN_UNITS;

/** The lab's two models; the input layer has one unit per feature of the data in use. */
export function labModelSpec(model: ModelChoice, features: number): ModelSpec {
  return model === "linear" ? linearSpec(features) : mlpSpec(features, MLP_HIDDEN_UNITS);
}

/** "MLP 3-8-1 tanh" or "linear 3-1". */
export function modelName(model: ModelChoice, features: number): string {
  return model === "linear" ? `linear ${features}-1` : `MLP ${features}-${MLP_HIDDEN_UNITS}-1 tanh`;
}

export interface LabRun {
  settings: LabSettings;
  n: number;
  iterationsPerEpoch: number;
  lastBatchSize: number;
  unusedRowsPerEpoch: number;
  /** Updates planned (epochs × iterations per epoch). */
  plannedUpdates: number;
  /** Updates made: fewer than planned if the run diverged. */
  updates: number;
  /** Rows in each batch of one epoch, in order (the same every epoch). */
  batchRows: number[];
  batchLoss: Float64Array;
  epochRunningLoss: Float64Array;
  epochFullLoss: Float64Array;
  initialFullLoss: number;
  /** Full-dataset loss after training, or NaN when the run diverged. */
  finalLoss: number;
  finalWeights: Float64Array;
  divergence: string | null;
  /** Set when the loss stayed finite but ended above where it started: mild growth or a run-away (see lossGrowthWarning). */
  growthWarning: string | null;
}

/**
 * A finite run whose loss ends this many times above its start is called diverging. The target is standardised,
 * so the starting loss is about 1 (predicting the mean scores exactly 1); ten times that is a root-mean-square
 * error of √10 ≈ 3.2 standard deviations of the target, far beyond what a few unlucky batches do. Smaller growth
 * (1 → 1.031 on 3 rows at batch 2) is a run that did not improve, and is described as that.
 */
export const DIVERGENCE_FACTOR = 10;

/** What to say when a finite run ends above its starting loss; null when it did not. */
export function lossGrowthWarning(initialLoss: number, finalLoss: number): string | null {
  if (!(finalLoss > initialLoss) || !Number.isFinite(finalLoss)) return null;
  const change = `${formatLoss(initialLoss)} → ${formatLoss(finalLoss)}`;
  if (finalLoss >= DIVERGENCE_FACTOR * initialLoss) {
    return (
      `The loss grew from ${change}, more than ${DIVERGENCE_FACTOR} times its start: this run is diverging. ` +
      "The engine stops a run only when a number overflows; here the weights grew without overflowing yet. A smaller learning rate keeps it stable."
    );
  }
  const percent = String(Number(((finalLoss / initialLoss - 1) * 100).toPrecision(2)));
  return (
    `The loss ended ${percent}% above where it started (${change}): these settings did not improve the fit. ` +
    "That is not divergence (the loss did not run away); more epochs or another learning rate may help."
  );
}

/** The engine's training configuration for the lab's settings on `data` (already standardised). */
export function labTrainConfig(settings: LabSettings, data: Dataset): TrainConfig {
  return {
    model: labModelSpec(settings.model, data.features),
    data,
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    shuffle: settings.shuffle,
    dropLast: settings.dropLast,
    seed: settings.seed,
    optimizer: { kind: settings.optimizer, learningRate: settings.learningRate },
  };
}

/**
 * One training run with the lab's settings on `data` (already standardised). A sweep row needs only the final loss, so
 * it passes fullLossEachEpoch false and gets an empty epochFullLoss.
 */
export function runLab(settings: LabSettings, data: Dataset, fullLossEachEpoch = true): LabRun {
  const options = { dropLast: settings.dropLast };
  const result: TrainResult = trainRun({ ...labTrainConfig(settings, data), fullLossEachEpoch });
  const k = iterationsPerEpoch(data.n, settings.batchSize, options);
  const last = lastBatchSize(data.n, settings.batchSize, options);
  const batchRows = Array.from({ length: k }, (_, i) => (i === k - 1 ? last : settings.batchSize));
  const finalLoss = result.finalFullLoss;
  const growthWarning = result.diverged ? null : lossGrowthWarning(result.initialFullLoss, finalLoss);
  return {
    settings,
    n: data.n,
    iterationsPerEpoch: k,
    lastBatchSize: last,
    unusedRowsPerEpoch: unusedRowsPerEpoch(data.n, settings.batchSize, options),
    plannedUpdates: totalUpdates(data.n, settings.batchSize, settings.epochs, options),
    updates: result.updates,
    batchRows,
    batchLoss: result.batchLoss,
    epochRunningLoss: result.epochRunningLoss,
    epochFullLoss: result.epochFullLoss,
    initialFullLoss: result.initialFullLoss,
    finalLoss,
    finalWeights: result.finalWeights,
    divergence: result.diverged?.message ?? null,
    growthWarning,
  };
}

/** Seeds a sweep trains at each batch size (the reader's seed and the next ones), so seed noise shows as a band. */
export const SWEEP_SEEDS = 5;

/**
 * Batch sizes a sweep trains: every size 1..N when N ≤ 50, else 50 sizes spread evenly on a log
 * scale from 1 to N (always including both ends), so a sweep on 10,000 rows stays 50 runs.
 */
export function sweepBatchSizes(n: number, count = 50): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i + 1);
  const sizes = new Set<number>();
  for (let i = 0; i < count; i++) sizes.add(Math.max(1, Math.min(n, Math.round(Math.exp((Math.log(n) * i) / (count - 1))))));
  // Rounding merges neighbours near 1; fill with the smallest unused sizes to keep `count` entries.
  for (let b = 1; sizes.size < count && b <= n; b++) sizes.add(b);
  return [...sizes].sort((a, b) => a - b);
}

export interface SweepRow {
  batchSize: number;
  iterationsPerEpoch: number;
  updates: number;
  finalLoss: number;
  diverged: boolean;
}

export function sweepRow(settings: LabSettings, data: Dataset, batchSize: number): SweepRow {
  const run = runLab({ ...settings, batchSize }, data, false);
  return {
    batchSize,
    iterationsPerEpoch: run.iterationsPerEpoch,
    updates: run.updates,
    finalLoss: run.finalLoss,
    diverged: run.divergence !== null,
  };
}

/** Batch sizes the gradient-noise panel measures: the same set as a sweep. */
export const noiseBatchSizes = sweepBatchSizes;

/**
 * Random batches averaged per batch size in the noise panel: 200 on small data, fewer on large data
 * so the whole measurement stays around 10^7 multiply-adds.
 */
export function noiseSamplesPerSize(n: number, parameterCount: number, sizes: readonly number[]): number {
  const meanSize = sizes.reduce((sum, b) => sum + b, 0) / Math.max(1, sizes.length);
  const perSample = n + meanSize * parameterCount;
  return Math.max(10, Math.min(200, Math.floor(2e7 / (sizes.length * perSample))));
}

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

export function initialWeights(settings: Pick<LabSettings, "model" | "seed">, features: number): Float64Array {
  return createModel(labModelSpec(settings.model, features), settings.seed).getWeights();
}

/**
 * The gradient-noise panel's measurement: the engine's gradientNoise at the lab's batch sizes, with
 * a sample count that keeps the work bounded on large data. The prediction is the engine's
 * (σ²/B)(N−B)/(N−1); at B = 1 it equals σ² itself, which the panel quotes.
 */
export function measureNoise(model: ModelChoice, data: Dataset, weights: Float64Array, which: NoiseWeights): NoiseResult {
  const spec = labModelSpec(model, data.features);
  const sizes = noiseBatchSizes(data.n);
  const samplesPerSize = noiseSamplesPerSize(data.n, weights.length, sizes);
  const points = gradientNoise({ model: spec, data, weights, batchSizes: sizes, samplesPerBatchSize: samplesPerSize, seed: NOISE_SEED });
  const first = points[0]!;
  // At B = 1 the finite-population factor (N − 1)/(N − 1) is 1, so the prediction is σ² itself.
  const sigma2 = first.batchSize === 1 ? first.predictedVariance : Number.NaN;
  return { points, sigma2, n: data.n, samplesPerSize, weights: which };
}

/** A loss as the lab and lesson 6 write it: 4 significant digits, exponent form outside [0.001, 10^6). */
export function formatLoss(value: number): string {
  if (Number.isNaN(value)) return "not finite";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(4)));
  return value.toExponential(3);
}

/** Lesson 6's linear-scaling experiment: from rate 0.02 at batch size 1, scale the rate with the batch size. */
export const LINEAR_SCALING_EXAMPLE = { baseRate: 0.02, batchSizes: [1, 10, 25] } as const;

/** The linear scaling heuristic: multiply the rate by the factor the batch grew by (rounded to drop float dust). */
export function linearlyScaledRate(baseRate: number, baseBatch: number, batchSize: number): number {
  return Number(((baseRate * batchSize) / baseBatch).toFixed(10));
}
