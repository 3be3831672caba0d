/**
 * How much memory one training step needs, split into the four terms the course names:
 *
 *   total(B) = weights + gradients + optimizer state + B · (activations per sample)
 *
 * The first three depend only on the parameter count P: P values each for the weights and their
 * gradients, and 0, P or 2P values of optimizer state (plain SGD keeps nothing, momentum one
 * velocity per weight, Adam two running moments m and v per weight). Only the activations grow
 * with the batch size B, linearly.
 *
 * Activation accounting (values kept per sample for the backward pass):
 * - the input tensor: F values (T · F for an LSTM window);
 * - each hidden dense layer of u units: its pre-activation z = hW + b and its activation
 *   a = f(z), 2u values (f'(z) needs z or a, and a is the next layer's input);
 * - the output layer of O units: the prediction and the loss gradient with respect to it, 2O;
 * - an LSTM of H units, at each of the T steps: the four gate activations (4H), the cell state
 *   c_t and tanh(c_t) (2H) and the hidden state h_t (H), 7H per step, all kept because
 *   backpropagation through time revisits every step: 7 · H · T in all.
 * Frameworks differ in details (fused kernels, recomputation, workspace buffers), so read the
 * numbers as an estimate within a small factor; the proportionality to B is exact.
 */
import { assertPositiveCount, denseParameterCount, lstmParameterCount } from "./architecture";

export type BytesPerValue = 2 | 4 | 8;
export type MemoryOptimizer = "sgd" | "momentum" | "adam";

export interface TrainingMemorySpec {
  features: number;
  /** Units of each hidden dense layer (after the LSTM, if there is one). */
  hidden: number[];
  outputs: number;
  /** Window length; required with lstmUnits. */
  timesteps?: number;
  /** When set, the network starts with an LSTM of this many units (Keras parameter count). */
  lstmUnits?: number;
  /** 2 for float16/bfloat16, 4 for float32, 8 for float64. */
  bytesPerValue: BytesPerValue;
  optimizer: MemoryOptimizer;
}

/** Every field is in bytes, except parameters (a count of values). */
export interface TrainingMemory {
  parameters: number;
  weights: number;
  gradients: number;
  optimizerState: number;
  activations: number;
  total: number;
  perSampleActivations: number;
}

const OPTIMIZER_STATE_COPIES: Record<MemoryOptimizer, number> = { sgd: 0, momentum: 1, adam: 2 };

interface NetworkCounts {
  parameters: number;
  /** Values kept per sample for backprop (see the accounting above). */
  activationValuesPerSample: number;
}

function countNetwork(spec: TrainingMemorySpec): NetworkCounts {
  assertPositiveCount(spec.features, "The number of features");
  assertPositiveCount(spec.outputs, "The number of outputs");
  spec.hidden.forEach((units, k) => assertPositiveCount(units, `Hidden layer ${k + 1}'s unit count`));
  let parameters = 0;
  let activationValuesPerSample = 0;
  let width = spec.features;
  if (spec.lstmUnits !== undefined) {
    assertPositiveCount(spec.lstmUnits, "The number of LSTM units");
    if (spec.timesteps === undefined) throw new RangeError("An LSTM needs a window length: set timesteps.");
    assertPositiveCount(spec.timesteps, "The number of time steps");
    parameters += lstmParameterCount(spec.features, spec.lstmUnits, "keras");
    activationValuesPerSample += spec.timesteps * spec.features + 7 * spec.lstmUnits * spec.timesteps;
    width = spec.lstmUnits;
  } else {
    if (spec.timesteps !== undefined) assertPositiveCount(spec.timesteps, "The number of time steps");
    // Without an LSTM, a window is flattened into T · F inputs of a dense network.
    width = spec.features * (spec.timesteps ?? 1);
    activationValuesPerSample += width;
  }
  for (const units of spec.hidden) {
    parameters += denseParameterCount(width, units);
    activationValuesPerSample += 2 * units;
    width = units;
  }
  parameters += denseParameterCount(width, spec.outputs);
  activationValuesPerSample += 2 * spec.outputs;
  return { parameters, activationValuesPerSample };
}

/** Memory for one training step at batch size B, in bytes. */
export function trainingMemory(spec: TrainingMemorySpec, batchSize: number): TrainingMemory {
  if (!Number.isInteger(batchSize) || batchSize < 0) {
    throw new RangeError(`The batch size must be a whole number from 0; got ${batchSize}.`);
  }
  const { parameters, activationValuesPerSample } = countNetwork(spec);
  const bytes = spec.bytesPerValue;
  const weights = parameters * bytes;
  const gradients = parameters * bytes;
  const optimizerState = OPTIMIZER_STATE_COPIES[spec.optimizer] * parameters * bytes;
  const perSampleActivations = activationValuesPerSample * bytes;
  const activations = batchSize * perSampleActivations;
  return {
    parameters,
    weights,
    gradients,
    optimizerState,
    activations,
    total: weights + gradients + optimizerState + activations,
    perSampleActivations,
  };
}

export type MemoryTerm = "weights" | "gradients" | "optimizerState" | "activations";

export interface BatchBudget {
  /** Largest B whose total fits the budget; 0 if not even one sample fits. */
  batchSize: number;
  /**
   * What stops B from growing: "parameters" when weights + gradients + optimizer state leave no
   * room for one sample's activations (a smaller model or a leaner optimizer is needed; a smaller
   * batch will not help); "activations" otherwise (one more sample's activations would overflow).
   */
  binding: "parameters" | "activations";
  /** The largest of the four terms at that batch size. */
  largestTerm: MemoryTerm;
  memory: TrainingMemory;
}

/**
 * The largest batch that fits in `budgetBytes`: B = floor((budget − fixed) / perSample),
 * where fixed = weights + gradients + optimizer state. Monotone in the budget by construction.
 */
export function largestBatchForBudget(spec: TrainingMemorySpec, budgetBytes: number): BatchBudget {
  if (!Number.isFinite(budgetBytes) || budgetBytes < 0) {
    throw new RangeError(`The memory budget must be a finite number of bytes from 0; got ${budgetBytes}.`);
  }
  const atZero = trainingMemory(spec, 0);
  const room = budgetBytes - atZero.total;
  const batchSize = room < atZero.perSampleActivations ? 0 : Math.floor(room / atZero.perSampleActivations);
  const memory = trainingMemory(spec, batchSize);
  const terms: [MemoryTerm, number][] = [
    ["weights", memory.weights],
    ["gradients", memory.gradients],
    ["optimizerState", memory.optimizerState],
    ["activations", memory.activations],
  ];
  const largestTerm = terms.reduce((best, term) => (term[1] > best[1] ? term : best))[0];
  return { batchSize, binding: batchSize === 0 ? "parameters" : "activations", largestTerm, memory };
}
