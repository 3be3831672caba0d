/**
 * Element-wise activation functions and their derivatives.
 * tanh and σ come from elementary.ts (engine-independent bits, faster than Math.tanh in V8).
 *
 * Each function switches on the kind once and then runs a tight loop over a flat buffer, so the
 * training loop never pays a function call per number.
 */

import { sigmoid, tanh } from "./elementary";

export type Activation = "linear" | "tanh" | "relu" | "sigmoid";

export const ACTIVATIONS: readonly Activation[] = ["linear", "tanh", "relu", "sigmoid"];

/** The activation of one number (for widgets and traces; the training loop uses `applyActivation`). */
export function activate(kind: Activation, z: number): number {
  switch (kind) {
    case "linear":
      return z;
    case "tanh":
      return tanh(z);
    case "relu":
      return z > 0 ? z : 0;
    case "sigmoid":
      return sigmoid(z);
  }
}

/** a[k] = f(z[k]) for k in [0, length). `a` may be the same buffer as `z`. */
export function applyActivation(
  kind: Activation,
  z: Float64Array,
  a: Float64Array,
  length: number,
): void {
  switch (kind) {
    case "linear":
      if (a !== z) for (let k = 0; k < length; k++) a[k] = z[k]!;
      return;
    case "tanh":
      for (let k = 0; k < length; k++) a[k] = tanh(z[k]!);
      return;
    case "relu":
      for (let k = 0; k < length; k++) {
        const v = z[k]!;
        a[k] = v > 0 ? v : 0;
      }
      return;
    case "sigmoid":
      for (let k = 0; k < length; k++) a[k] = sigmoid(z[k]!);
      return;
  }
}

/**
 * Back through the activation: dz[k] = da[k] · f'(z[k]).
 * The derivative is written in terms of the output a = f(z) where that is cheaper:
 *   tanh' = 1 − a²,  sigmoid' = a(1 − a),  relu' = [z > 0] (0 at the kink, like TensorFlow),  linear' = 1.
 * `dz` may be the same buffer as `da`.
 */
export function backActivation(
  kind: Activation,
  z: Float64Array,
  a: Float64Array,
  da: Float64Array,
  dz: Float64Array,
  length: number,
): void {
  switch (kind) {
    case "linear":
      if (dz !== da) for (let k = 0; k < length; k++) dz[k] = da[k]!;
      return;
    case "tanh":
      for (let k = 0; k < length; k++) {
        const v = a[k]!;
        dz[k] = da[k]! * (1 - v * v);
      }
      return;
    case "relu":
      for (let k = 0; k < length; k++) dz[k] = z[k]! > 0 ? da[k]! : 0;
      return;
    case "sigmoid":
      for (let k = 0; k < length; k++) {
        const v = a[k]!;
        dz[k] = da[k]! * v * (1 - v);
      }
      return;
  }
}
