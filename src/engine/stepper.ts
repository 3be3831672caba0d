/**
 * A trainer that advances one batch at a time and records everything a widget shows about that
 * step: the rows, each sample's output, loss and gradient, the mean gradient, and the update.
 *
 * It runs exactly the arithmetic of `trainRun` (same model code, same batch gradient, same
 * optimizer), so stepping through a whole run ends on bit-identical weights. The per-sample
 * gradients are computed on the side, for display; the update uses the batch gradient.
 */

import { fillEpochOrder, iterationsPerEpoch, totalUpdates } from "./batching";
import { createOptimizer } from "./optimizers";
import { checkDataset, divergenceMessage, type Divergence, initialModel, type TrainConfig } from "./train";

export interface StepRecord {
  epoch: number;
  iteration: number;
  globalIteration: number;
  rows: Int32Array;
  /** ŷ per row (rows × outputs). */
  outputs: Float64Array;
  /** ℓ per row. */
  losses: Float64Array;
  perSampleGradients: Float64Array[];
  /** ∇L of the batch: the gradient the update used. */
  meanGradient: Float64Array;
  /** Δw the optimizer applied (w_after = w_before + Δw). */
  update: Float64Array;
  weightsBefore: Float64Array;
  weightsAfter: Float64Array;
  /** L before the update. */
  batchLoss: number;
  isEpochStart: boolean;
  /** The batch is shorter than batchSize (the last one of an epoch when N is not a multiple of B). */
  isPartialBatch: boolean;
}

export interface TrainerState {
  /** Position of the next step. */
  epoch: number;
  iteration: number;
  globalIteration: number;
  updates: number;
  samplesSeen: number;
  /** A copy of the current weights. */
  weights: Float64Array;
  done: boolean;
  diverged: Divergence | null;
}

export interface Trainer {
  readonly iterationsPerEpoch: number;
  readonly totalUpdates: number;
  step(): StepRecord | null;
  reset(): void;
  readonly state: TrainerState;
  /** Loss of the whole dataset with the current weights. */
  fullLoss(): number;
}

export function createTrainer(config: TrainConfig): Trainer {
  const { data, batchSize, epochs, shuffle, dropLast, seed } = config;
  checkDataset(config.model, data);
  const n = data.n;
  const perEpoch = iterationsPerEpoch(n, batchSize, { dropLast });
  const planned = totalUpdates(n, batchSize, epochs, { dropLast });
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number (got ${String(seed)})`);

  const model = initialModel(config);
  model.reserve(Math.max(batchSize, n));
  const start = model.getWeights();
  let optimizer = createOptimizer(config.optimizer, model.parameterCount);
  const order = new Int32Array(n);
  let epoch = 0;
  let iteration = 0;
  let globalIteration = 0;
  let seen = 0;
  let diverged: Divergence | null = null;

  function reset(): void {
    model.setWeights(start);
    optimizer = createOptimizer(config.optimizer, model.parameterCount);
    epoch = 0;
    iteration = 0;
    globalIteration = 0;
    seen = 0;
    diverged = null;
  }

  function step(): StepRecord | null {
    if (diverged || globalIteration >= planned) return null;
    const isEpochStart = iteration === 0;
    if (isEpochStart) fillEpochOrder(order, epoch, shuffle, seed);
    const first = iteration * batchSize;
    const rows = order.slice(first, Math.min(n, first + batchSize));
    const sample = model.sampleGradients(data.x, data.y, rows);
    if (!Number.isFinite(sample.batchLoss)) {
      diverged = {
        epoch,
        iteration,
        globalIteration,
        message: divergenceMessage(sample.batchLoss, epoch, iteration, globalIteration),
      };
      return null;
    }
    const weightsBefore = model.getWeights();
    const update = new Float64Array(model.parameterCount);
    optimizer.step(model.weights, sample.meanGradient, update);
    const record: StepRecord = {
      epoch,
      iteration,
      globalIteration,
      rows,
      outputs: sample.outputs,
      losses: sample.losses,
      perSampleGradients: sample.gradients,
      meanGradient: sample.meanGradient,
      update,
      weightsBefore,
      weightsAfter: model.getWeights(),
      batchLoss: sample.batchLoss,
      isEpochStart,
      isPartialBatch: rows.length < batchSize,
    };
    seen += rows.length;
    globalIteration++;
    iteration++;
    if (iteration === perEpoch) {
      iteration = 0;
      epoch++;
    }
    return record;
  }

  return {
    iterationsPerEpoch: perEpoch,
    totalUpdates: planned,
    step,
    reset,
    get state(): TrainerState {
      return {
        epoch,
        iteration,
        globalIteration,
        updates: globalIteration,
        samplesSeen: seen,
        weights: model.getWeights(),
        done: globalIteration >= planned,
        diverged,
      };
    },
    fullLoss: () => model.datasetLoss(data.x, data.y, n),
  };
}
