/**
 * Activation functions f and their derivatives, for the dense layers (denseLayers.ts).
 * tanh and σ come from elementary.ts (engine-independent bits, faster than Math.tanh in V8).
 *
 * The derivative is written through the output a = f(z), which the backward pass has at hand:
 *   tanh' = 1 − a²,  σ' = a(1 − a),  relu' = [a > 0] (0 at the kink, like TensorFlow),  linear' = 1.
 * The hot loop switches on a small integer code rather than the name.
 */

import { sigmoid, tanh } from "./elementary";

export type Activation = "linear" | "tanh" | "relu" | "sigmoid";

export const ACTIVATIONS: readonly Activation[] = ["linear", "tanh", "relu", "sigmoid"];

const LINEAR = 0;
export const TANH = 1;
const RELU = 2;
const SIGMOID = 3;
export const ACTIVATION_CODES: Readonly<Record<Activation, number>> = { linear: LINEAR, tanh: TANH, relu: RELU, sigmoid: SIGMOID };

/** f(z) for an activation code. */
export function activate(code: number, z: number): number {
  if (code === TANH) return tanh(z);
  if (code === LINEAR) return z;
  if (code === RELU) return z > 0 ? z : 0;
  return sigmoid(z);
}

/** δz = δa·f'(z), with f' written through a = f(z). */
export function backThrough(code: number, a: number, delta: number): number {
  if (code === TANH) return delta * (1 - a * a);
  if (code === LINEAR) return delta;
  if (code === RELU) return a > 0 ? delta : 0;
  return delta * a * (1 - a);
}
