/**
 * Full training runs: the loop Keras' `fit` runs, reduced to its arithmetic.
 *
 * For each epoch e: take e's row order (batching.ts), and for each batch: forward, batch loss L
 * (recorded before the update), mean gradient ∇L, one optimizer update. After the epoch, the
 * loss of the whole dataset with the new weights.
 *
 * Two "losses per epoch" are returned because both are what people call the epoch loss:
 * - epochRunningLoss: what Keras' progress bar prints, the mean of the epoch's batch losses while
 *   the weights were moving. Keras averages them weighted by batch size (its loss tracker is a
 *   Mean metric updated with sample_weight = batch size), so a short last batch counts less:
 *   Σ_k B_k·L_k / Σ_k B_k. We do the same.
 * - epochFullLoss: the loss of all N rows with the weights at the end of the epoch.
 *
 * Seeds: the weights come from stream 0 of `seed` (initialWeights.ts), the batch order from stream 1
 * (batching.ts), so the two never share random numbers, and `batchRows(n, e, i, config)` called
 * with the run's own seed gives exactly the rows this run used.
 */

import { fillEpochOrder, iterationsPerEpoch, samplesSeen, totalUpdates } from "./batching";
import { createModel, type ModelSpec } from "./model";
import { createOptimizer, type OptimizerConfig } from "./optimizers";
import type { Dataset } from "./dataset";

/**
 * A dataset as the engine trains on it (defined in dataset.ts): n samples, x row-major
 * (n × features, or n × timesteps × features for windows), y row-major (n × outputs).
 */
export type { Dataset } from "./dataset";

export type SnapshotMode = "none" | "epoch" | "iteration";

export interface TrainConfig {
  model: ModelSpec;
  data: Dataset;
  batchSize: number;
  epochs: number;
  shuffle: boolean;
  dropLast: boolean;
  seed: number;
  optimizer: OptimizerConfig;
  /** Start from these weights instead of the seed's initialisation. */
  initialWeights?: Float64Array;
  /**
   * Weight copies to keep: "epoch" = the initial weights, then after each epoch;
   * "iteration" = the initial weights, then after each update. Default "none".
   */
  snapshots?: SnapshotMode;
  /**
   * Compute the loss of all N rows after every epoch (true, the default), or only after the last one: a sweep that
   * compares final losses skips a forward pass over the data per epoch. Without it, epochFullLoss is empty, and a blow-up
   * in an epoch's last update is reported at the next update instead.
   */
  fullLossEachEpoch?: boolean;
}

export interface Divergence {
  epoch: number;
  iteration: number;
  globalIteration: number;
  message: string;
}

export interface TrainResult {
  /** Loss of each batch before its update, one per iteration computed. */
  batchLoss: Float64Array;
  /** Batch-size-weighted mean of each completed epoch's batch losses (Keras' progress bar). */
  epochRunningLoss: Float64Array;
  /** Loss on the full dataset after each completed epoch (empty when fullLossEachEpoch is false). */
  epochFullLoss: Float64Array;
  initialFullLoss: number;
  /** Loss on the full dataset with the final weights (initialFullLoss after 0 epochs); NaN when the run diverged. */
  finalFullLoss: number;
  iterationsPerEpoch: number;
  /** Updates applied. */
  updates: number;
  /** Sample visits during the updates applied. */
  samplesSeen: number;
  finalWeights: Float64Array;
  snapshots: Float64Array[];
  diverged: Divergence | null;
}

/** Check that data and model agree; throws a RangeError naming the mismatch. */
export function checkDataset(spec: ModelSpec, data: Dataset): void {
  if (data.features !== spec.inputSize) {
    throw new RangeError(
      `the data has ${data.features} features per sample but the model's inputSize is ${spec.inputSize}`,
    );
  }
  // Unwindowed data may say timesteps 1 (dataset.ts allows it); a dense model reads it as rows.
  const dataSteps = data.timesteps === 1 && spec.timesteps === undefined ? undefined : data.timesteps;
  if (dataSteps !== spec.timesteps) {
    throw new RangeError(
      `the data has timesteps ${String(data.timesteps)} but the model expects ${String(spec.timesteps)}`,
    );
  }
  if (!Number.isInteger(data.n) || data.n < 1) {
    throw new RangeError(`n must be a whole number ≥ 1 (got ${String(data.n)})`);
  }
  const sample = data.features * (data.timesteps ?? 1);
  if (data.x.length !== data.n * sample) {
    throw new RangeError(`x must hold n × ${sample} = ${data.n * sample} numbers (got ${data.x.length})`);
  }
  const outputs = spec.layers[spec.layers.length - 1]?.units ?? 0;
  if (data.y.length !== data.n * outputs) {
    throw new RangeError(`y must hold n × ${outputs} = ${data.n * outputs} numbers (got ${data.y.length})`);
  }
}

/** Loss of the whole dataset for given weights: (1/(N·O)) Σ (ŷ − y)². */
export function fullLoss(modelSpec: ModelSpec, data: Dataset, weights: Float64Array): number {
  checkDataset(modelSpec, data);
  const model = createModel(modelSpec, 0);
  model.setWeights(weights);
  return model.datasetLoss(data.x, data.y, data.n);
}

function divergenceMessage(loss: number, epoch: number, iteration: number, globalIteration: number): string {
  return (
    `The loss became ${Number.isNaN(loss) ? "NaN" : loss > 0 ? "Infinity" : "-Infinity"} at epoch ${epoch + 1}, ` +
    `iteration ${iteration + 1} (update ${globalIteration + 1}): the weights blew up, ` +
    `usually because the learning rate is too large for this batch size.`
  );
}

export function trainRun(config: TrainConfig): TrainResult {
  const { data, batchSize, epochs, shuffle, dropLast, seed } = config;
  checkDataset(config.model, data);
  const n = data.n;
  const perEpoch = iterationsPerEpoch(n, batchSize, { dropLast });
  const plannedUpdates = totalUpdates(n, batchSize, epochs, { dropLast });
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number (got ${String(seed)})`);

  const model = createModel(config.model, seed);
  if (config.initialWeights) model.setWeights(config.initialWeights);
  const optimizer = createOptimizer(config.optimizer, model.parameterCount);
  const weights = model.weights;
  const gradient = new Float64Array(model.parameterCount);
  const order = new Int32Array(n);
  const x = data.x;
  const y = data.y;

  const batchLoss = new Float64Array(plannedUpdates);
  const epochRunningLoss = new Float64Array(epochs);
  const eachEpoch = config.fullLossEachEpoch ?? true;
  const epochFullLoss = new Float64Array(eachEpoch ? epochs : 0);
  const mode = config.snapshots ?? "none";
  const snapshots: Float64Array[] = mode === "none" ? [] : [weights.slice()];
  const initialFullLoss = model.datasetLoss(x, y, n);

  let globalIteration = 0;
  let epochsDone = 0;
  let diverged: Divergence | null = null;
  let seen = 0;
  let finalFullLoss = initialFullLoss;

  outer: for (let epoch = 0; epoch < epochs; epoch++) {
    fillEpochOrder(order, epoch, shuffle, seed);
    let weightedSum = 0;
    let epochSamples = 0;
    for (let iteration = 0; iteration < perEpoch; iteration++) {
      const start = iteration * batchSize;
      const end = Math.min(n, start + batchSize);
      model.gradientOfRange(x, y, order, start, end - start, gradient);
      const loss = model.lastLoss[0]!;
      if (!Number.isFinite(loss)) {
        diverged = {
          epoch,
          iteration,
          globalIteration,
          message: divergenceMessage(loss, epoch, iteration, globalIteration),
        };
        break outer;
      }
      optimizer.step(weights, gradient, null);
      batchLoss[globalIteration] = loss;
      const count = end - start;
      weightedSum += count * loss;
      epochSamples += count;
      seen += count;
      globalIteration++;
      if (mode === "iteration") snapshots.push(weights.slice());
    }
    if (eachEpoch || epoch === epochs - 1) {
      const full = model.datasetLoss(x, y, n);
      if (!Number.isFinite(full)) {
        // The last update of the epoch overflowed: report it as the step that diverged.
        diverged = {
          epoch,
          iteration: perEpoch - 1,
          globalIteration: globalIteration - 1,
          message: divergenceMessage(full, epoch, perEpoch - 1, globalIteration - 1),
        };
        break;
      }
      if (eachEpoch) epochFullLoss[epoch] = full;
      finalFullLoss = full;
    }
    epochRunningLoss[epoch] = weightedSum / epochSamples;
    epochsDone++;
    if (mode === "epoch") snapshots.push(weights.slice());
  }

  return {
    batchLoss: diverged ? batchLoss.slice(0, globalIteration) : batchLoss,
    epochRunningLoss: diverged ? epochRunningLoss.slice(0, epochsDone) : epochRunningLoss,
    epochFullLoss: diverged && eachEpoch ? epochFullLoss.slice(0, epochsDone) : epochFullLoss,
    initialFullLoss,
    finalFullLoss: diverged ? Number.NaN : finalFullLoss,
    iterationsPerEpoch: perEpoch,
    updates: globalIteration,
    samplesSeen: diverged ? seen : samplesSeen(n, batchSize, epochs, { dropLast }),
    finalWeights: weights.slice(),
    snapshots,
    diverged,
  };
}
