/**
 * Optimizers: how a gradient becomes a weight update. Each keeps its state (velocity, moments)
 * in flat buffers allocated once, so `step` allocates nothing.
 *
 * Formulas (g = gradient of the batch loss, w = weights, t = update count starting at 1):
 * - SGD:       Δw = −lr · g
 * - Momentum:  v ← m·v − lr·g;  Δw = v           (Keras SGD(momentum=m), nesterov=False)
 * - Adam:      m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²
 *              m̂ = m / (1 − β1^t);  v̂ = v / (1 − β2^t)
 *              Δw = −lr · m̂ / (√v̂ + ε)
 *   This is the bias-correction form of `tf.train.adam` in TensorFlow.js (ε added to √v̂),
 *   with its defaults β1 = 0.9, β2 = 0.999, ε = 1e-7 (Keras' defaults too). β^t is kept as a
 *   running product, as TF.js does, rather than recomputed with Math.pow.
 */

/** One optimizer's settings; the kind decides which fields exist. */
export type OptimizerConfig =
  | { kind: "sgd"; learningRate: number }
  | {
      kind: "momentum";
      learningRate: number;
      /** Momentum coefficient m; default 0.9. */
      momentum?: number;
    }
  | {
      kind: "adam";
      learningRate: number;
      /** Default 0.9. */
      beta1?: number;
      /** Default 0.999. */
      beta2?: number;
      /** Default 1e-7. */
      epsilon?: number;
    };

export type OptimizerKind = OptimizerConfig["kind"];

export interface Optimizer {
  readonly config: OptimizerConfig;
  /** Updates applied so far. */
  readonly steps: number;
  /**
   * Apply one update in place: w ← w + Δw. When `update` is given, Δw is written into it
   * (the stepper shows it). The arithmetic is the same either way, so runs with and without
   * the record are bit-identical.
   */
  step(weights: Float64Array, gradient: Float64Array, update?: Float64Array | null): void;
  /** Forget velocity / moments and the step count. */
  reset(): void;
}

export const DEFAULT_MOMENTUM = 0.9;
export const DEFAULT_BETA1 = 0.9;
export const DEFAULT_BETA2 = 0.999;
export const DEFAULT_EPSILON = 1e-7;

function checkConfig(config: OptimizerConfig): void {
  if (!Number.isFinite(config.learningRate) || config.learningRate < 0) {
    throw new RangeError(
      `learningRate must be a finite number ≥ 0 (got ${String(config.learningRate)})`,
    );
  }
  const coefficients: [string, number | undefined][] =
    config.kind === "momentum" ? [["momentum", config.momentum]] : config.kind === "adam" ? [["beta1", config.beta1], ["beta2", config.beta2]] : [];
  for (const [key, value] of coefficients) {
    if (value !== undefined && !(value >= 0 && value < 1)) {
      throw new RangeError(`${key} must be a number from 0 up to (not including) 1 (got ${String(value)})`);
    }
  }
  if (config.kind === "adam" && config.epsilon !== undefined && !(config.epsilon > 0)) {
    throw new RangeError(`epsilon must be a number > 0 (got ${String(config.epsilon)})`);
  }
}

export function createOptimizer(config: OptimizerConfig, parameterCount: number): Optimizer {
  checkConfig(config);
  const lr = config.learningRate;
  switch (config.kind) {
    case "sgd": {
      let steps = 0;
      return {
        config,
        get steps() {
          return steps;
        },
        step(weights, gradient, update) {
          const n = weights.length;
          if (update) {
            for (let k = 0; k < n; k++) {
              const delta = -lr * gradient[k]!;
              update[k] = delta;
              weights[k] = weights[k]! + delta;
            }
          } else {
            for (let k = 0; k < n; k++) weights[k] = weights[k]! + -lr * gradient[k]!;
          }
          steps++;
        },
        reset() {
          steps = 0;
        },
      };
    }
    case "momentum": {
      const m = config.momentum ?? DEFAULT_MOMENTUM;
      const velocity = new Float64Array(parameterCount);
      let steps = 0;
      return {
        config,
        get steps() {
          return steps;
        },
        step(weights, gradient, update) {
          const n = weights.length;
          for (let k = 0; k < n; k++) {
            const v = m * velocity[k]! - lr * gradient[k]!;
            velocity[k] = v;
            weights[k] = weights[k]! + v;
            if (update) update[k] = v;
          }
          steps++;
        },
        reset() {
          velocity.fill(0);
          steps = 0;
        },
      };
    }
    case "adam": {
      const beta1 = config.beta1 ?? DEFAULT_BETA1;
      const beta2 = config.beta2 ?? DEFAULT_BETA2;
      const epsilon = config.epsilon ?? DEFAULT_EPSILON;
      const first = new Float64Array(parameterCount);
      const second = new Float64Array(parameterCount);
      // β1^t and β2^t as running products (TF.js' accBeta1/accBeta2).
      let beta1Power = 1;
      let beta2Power = 1;
      let steps = 0;
      return {
        config,
        get steps() {
          return steps;
        },
        step(weights, gradient, update) {
          beta1Power *= beta1;
          beta2Power *= beta2;
          const correction1 = 1 - beta1Power;
          const correction2 = 1 - beta2Power;
          const n = weights.length;
          for (let k = 0; k < n; k++) {
            const g = gradient[k]!;
            const mk = beta1 * first[k]! + (1 - beta1) * g;
            const vk = beta2 * second[k]! + (1 - beta2) * g * g;
            first[k] = mk;
            second[k] = vk;
            const delta = -lr * ((mk / correction1) / (Math.sqrt(vk / correction2) + epsilon));
            weights[k] = weights[k]! + delta;
            if (update) update[k] = delta;
          }
          steps++;
        },
        reset() {
          first.fill(0);
          second.fill(0);
          beta1Power = 1;
          beta2Power = 1;
          steps = 0;
        },
      };
    }
  }
}
