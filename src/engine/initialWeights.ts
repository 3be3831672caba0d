/**
 * A model's starting weights, drawn from createRng(deriveSeed(seed, 0)) in layout order:
 * - every kernel, including the LSTM's recurrent kernel, is Glorot-uniform: U(−ℓ, ℓ) with
 *   ℓ = √(6 / (fan_in + fan_out)), fan_in × fan_out being the kernel's shape. (Keras initialises the
 *   recurrent kernel orthogonally; Glorot keeps the code short and the course never depends on it.)
 * - biases are 0, except the LSTM forget-gate slice [H, 2H) which is 1 (Keras' unit_forget_bias=True).
 * Stream 0 of the seed is the weights'; the batch order uses stream 1 (batching.ts), so the two never
 * share draws.
 */

import type { ParameterInfo } from "./modelSpec";
import { createRng, deriveSeed } from "./random";

const WEIGHT_STREAM = 0;

export function initialWeights(layout: ParameterInfo[], seed: number): Float64Array {
  const last = layout[layout.length - 1]!;
  const weights = new Float64Array(last.offset + last.size);
  const rng = createRng(deriveSeed(seed, WEIGHT_STREAM));
  for (const { name, shape, offset, size } of layout) {
    if (shape.length === 2) {
      const limit = Math.sqrt(6 / (shape[0]! + shape[1]!));
      for (let k = 0; k < size; k++) weights[offset + k] = (2 * rng() - 1) * limit;
    } else if (name === "lstm/bias") {
      const units = size / 4;
      weights.fill(1, offset + units, offset + 2 * units);
    }
  }
  return weights;
}
