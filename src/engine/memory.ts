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
import { countParameters, type ModelSpec, validateSpec } from "./modelSpec";
import type { OptimizerKind } from "./optimizers";

export type BytesPerValue = 2 | 4 | 8;

export interface TrainingMemorySpec {
  /** The network; a window fed to a dense network is flattened into inputSize = T · F values. */
  network: ModelSpec;
  /** 2 for float16/bfloat16, 4 for float32, 8 for float64. */
  bytesPerValue: BytesPerValue;
  optimizer: OptimizerKind;
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

const OPTIMIZER_STATE_COPIES: Record<OptimizerKind, number> = { sgd: 0, momentum: 1, adam: 2 };

/** Values kept per sample for backprop (see the accounting above). */
function activationValuesPerSample(network: ModelSpec): number {
  validateSpec(network);
  const steps = network.timesteps ?? 1;
  let values = steps * network.inputSize;
  for (const layer of network.layers) {
    // An LSTM keeps 7H per step; a dense layer 2 per unit (z and a, or for the output ŷ and ∂L/∂ŷ).
    values += layer.kind === "lstm" ? 7 * layer.units * steps : 2 * layer.units;
  }
  return values;
}

/** Memory for one training step at batch size B, in bytes. */
export function trainingMemory(spec: TrainingMemorySpec, batchSize: number): TrainingMemory {
  if (!Number.isInteger(batchSize) || batchSize < 0) {
    throw new RangeError(`The batch size must be a whole number from 0; got ${batchSize}.`);
  }
  const parameters = countParameters(spec.network);
  const bytes = spec.bytesPerValue;
  const weights = parameters * bytes;
  const gradients = parameters * bytes;
  const optimizerState = OPTIMIZER_STATE_COPIES[spec.optimizer] * parameters * bytes;
  const perSampleActivations = activationValuesPerSample(spec.network) * bytes;
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
