/**
 * A small feed-forward network (optionally with one LSTM layer first) on flat Float64Array
 * buffers: one buffer holds every parameter, and per-batch work buffers are allocated once per
 * capacity, so training allocates nothing per step.
 *
 * Shapes follow Keras: a dense kernel is [in, out] (row-major, W[i·out + j]), z = x·W + b.
 * The LSTM is Keras' `LSTM(units)` with `return_sequences=False`: gates in the order i, f, c, o,
 * one bias vector of 4H, recurrent activation sigmoid, activation tanh:
 *   z_t = x_t·W + h_{t−1}·U + b                          (W: [F, 4H], U: [H, 4H], b: [4H])
 *   i = σ(z_i),  f = σ(z_f),  g = tanh(z_c),  o = σ(z_o)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t),   h_0 = c_0 = 0
 * and the layer returns h_T.
 *
 * Initialisation (all draws from createRng(deriveSeed(seed, 0)), parameters in layout order):
 * - every kernel, including the LSTM's recurrent kernel, is Glorot-uniform:
 *   U(−ℓ, ℓ) with ℓ = √(6 / (fan_in + fan_out)). (Keras initialises the recurrent kernel
 *   orthogonally; Glorot keeps the code short and the course never depends on it.)
 * - biases are 0, except the LSTM forget-gate slice which is 1 (Keras' unit_forget_bias=True).
 *
 * Two forward passes, which the tests hold equal to 1e-12: the matrix mode (`predict`: the whole
 * batch through each layer as X·W + b) and the row-by-row mode (`predictRowByRow`). Losses and
 * gradients of dense-only networks use the per-sample fast path (denseFastPath.ts); networks with
 * an LSTM use the matrix code for everything.
 */

import { type Activation, applyActivation, backActivation } from "./activations";
import { meanSquaredErrorGradient, perSampleSquaredError } from "./loss";
import { createDenseFastPath, type DenseFastPath } from "./denseFastPath";
import { sigmoid, tanh } from "./elementary";
import { createRng, deriveSeed } from "./random";
import type { TensorRole } from "./architecture";

export type { Activation } from "./activations";

export type LayerSpec =
  | { kind: "dense"; units: number; activation: Activation }
  | { kind: "lstm"; units: number };

export interface ModelSpec {
  /** Features per sample (dense) or per time step (LSTM). */
  inputSize: number;
  /** Window length; required when the first layer is an LSTM, absent otherwise. */
  timesteps?: number;
  layers: LayerSpec[];
}

export interface ParameterInfo {
  name: string;
  shape: number[];
  /** Start of this parameter in the flat weight buffer. */
  offset: number;
  size: number;
}

/** Shared with architecture.ts, which describes networks without building them. */
export type { TensorRole } from "./architecture";

export interface TensorShapeInfo {
  name: string;
  shape: number[];
  role: TensorRole;
  dependsOnBatch: boolean;
}

export type LayerTrace =
  | {
      kind: "dense";
      /** Layer name, e.g. "dense_1". */
      layer: string;
      activation: Activation;
      input: Float64Array;
      /** Pre-activation z = x·W + b. */
      z: Float64Array;
      /** Activation a = f(z). */
      a: Float64Array;
    }
  | {
      kind: "lstm";
      layer: string;
      /** The window, timesteps × features. */
      input: Float64Array;
      /** The final hidden state h_T. */
      a: Float64Array;
    };

export interface ForwardTrace {
  layers: LayerTrace[];
  output: Float64Array;
}

export interface SampleGradients {
  /** ŷ, rows.length × outputSize. */
  outputs: Float64Array;
  /** ℓ_b per row. */
  losses: Float64Array;
  /** ∇ℓ_b per row, each in the weight layout. */
  gradients: Float64Array[];
  /** ∇L of the batch, computed directly as a batch (equals the mean of `gradients` up to rounding). */
  meanGradient: Float64Array;
  /** L = mean of `losses`. */
  batchLoss: number;
}

export interface Model {
  readonly spec: ModelSpec;
  readonly parameterCount: number;
  /** Numbers per sample in x: inputSize, or timesteps × inputSize. */
  readonly sampleSize: number;
  readonly outputSize: number;
  /** Every parameter, in `parameters()` order. Training updates it in place. */
  readonly weights: Float64Array;
  parameters(): ParameterInfo[];
  getWeights(): Float64Array;
  setWeights(flat: ArrayLike<number>): void;
  tensorShapes(batchSize: number): TensorShapeInfo[];
  /** Matrix mode: the whole batch through each layer as one matrix product. */
  predict(x: Float64Array, batchSize: number): Float64Array;
  /** Row by row: each sample through the network on its own. */
  predictRowByRow(x: Float64Array, batchSize: number): Float64Array;
  forwardTrace(xRow: Float64Array): ForwardTrace;
  /** Loss of the batch made of `rows` (forward only). */
  batchLoss(x: Float64Array, y: Float64Array, rows: Int32Array): number;
  /** Loss over the first n rows of (x, y): (1/(n·O)) Σ (ŷ − y)². */
  datasetLoss(x: Float64Array, y: Float64Array, n: number): number;
  /**
   * Fast path for training: writes ∇L of the batch `rows` into `gradient` (weight layout,
   * overwritten) and returns L, the batch loss before the update. Allocates nothing once the
   * capacity covers rows.length.
   */
  batchGradient(x: Float64Array, y: Float64Array, rows: Int32Array, gradient: Float64Array): number;
  /**
   * `batchGradient` for the batch order[first … first + count − 1], without making a view:
   * the training loop's form. Same arithmetic as `batchGradient` on the same rows.
   */
  batchGradientOfRange(
    x: Float64Array,
    y: Float64Array,
    order: Int32Array,
    first: number,
    count: number,
    gradient: Float64Array,
  ): number;
  sampleGradients(x: Float64Array, y: Float64Array, rows: Int32Array): SampleGradients;
  /** Preallocate work buffers for batches of up to `capacity` rows (otherwise made on first use). */
  reserve(capacity: number): void;
  /**
   * The per-sample training path over `weights` (denseFastPath.ts) that a dense-only model's
   * batchGradient and datasetLoss run on; null for a model with an LSTM.
   */
  readonly denseFastPath: DenseFastPath | null;
}

interface DensePlan {
  kind: "dense";
  name: string;
  inSize: number;
  units: number;
  activation: Activation;
  kernel: number;
  bias: number;
}

interface LstmPlan {
  kind: "lstm";
  name: string;
  inSize: number;
  units: number;
  kernel: number;
  recurrent: number;
  bias: number;
}

function requireWhole(name: string, value: unknown, min: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number ≥ ${min} (got ${String(value)})`);
  }
}

function validate(spec: ModelSpec): void {
  requireWhole("inputSize", spec.inputSize, 1);
  if (spec.layers.length === 0) throw new RangeError("a model needs at least one layer");
  spec.layers.forEach((layer, index) => {
    requireWhole(`layers[${index}].units`, layer.units, 1);
    if (layer.kind === "lstm" && index !== 0) {
      throw new RangeError(`an LSTM layer may only be the first layer (found at layers[${index}])`);
    }
  });
  const hasLstm = spec.layers[0]!.kind === "lstm";
  if (hasLstm) requireWhole("timesteps", spec.timesteps, 1);
  else if (spec.timesteps !== undefined) {
    throw new RangeError("timesteps is only allowed when the first layer is an LSTM");
  }
}

export function createModel(spec: ModelSpec, seed: number): Model {
  validate(spec);
  const F = spec.inputSize;
  const lstmSpec = spec.layers[0]!.kind === "lstm" ? spec.layers[0]! : null;
  const T = lstmSpec ? spec.timesteps! : 1;
  const H = lstmSpec ? lstmSpec.units : 0;
  const G = 4 * H;
  const sampleSize = T * F;

  // Parameter layout.
  const infos: ParameterInfo[] = [];
  let offset = 0;
  const add = (name: string, shape: number[]): number => {
    const size = shape.reduce((p, s) => p * s, 1);
    infos.push({ name, shape, offset, size });
    offset += size;
    return offset - size;
  };
  let lstm: LstmPlan | null = null;
  const dense: DensePlan[] = [];
  let width = F;
  let denseIndex = 0;
  for (const layer of spec.layers) {
    if (layer.kind === "lstm") {
      lstm = {
        kind: "lstm",
        name: "lstm",
        inSize: F,
        units: H,
        kernel: add("lstm/kernel", [F, G]),
        recurrent: add("lstm/recurrent_kernel", [H, G]),
        bias: add("lstm/bias", [G]),
      };
      width = H;
    } else {
      denseIndex++;
      const name = `dense_${denseIndex}`;
      dense.push({
        kind: "dense",
        name,
        inSize: width,
        units: layer.units,
        activation: layer.activation,
        kernel: add(`${name}/kernel`, [width, layer.units]),
        bias: add(`${name}/bias`, [layer.units]),
      });
      width = layer.units;
    }
  }
  const parameterCount = offset;
  const outputSize = width;
  const weights = new Float64Array(parameterCount);

  // Initialisation.
  const rng = createRng(deriveSeed(seed, 0));
  const glorot = (start: number, fanIn: number, fanOut: number): void => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const size = fanIn * fanOut;
    for (let k = 0; k < size; k++) weights[start + k] = (2 * rng() - 1) * limit;
  };
  if (lstm) {
    glorot(lstm.kernel, F, G);
    glorot(lstm.recurrent, H, G);
    for (let k = 0; k < H; k++) weights[lstm.bias + H + k] = 1;
  }
  for (const d of dense) glorot(d.kernel, d.inSize, d.units);

  // Dense-only networks train through the per-sample fast path (denseFastPath.ts); networks with
  // an LSTM use the batch (matrix) path below for everything. `predict` is always the matrix path.
  const fast = lstm ? null : createDenseFastPath(dense, weights);

  // Work buffers, sized for `capacity` rows.
  let capacity = 0;
  let input = new Float64Array(0);
  let target = new Float64Array(0);
  let zs: Float64Array[] = [];
  let as: Float64Array[] = [];
  let deltas: Float64Array[] = [];
  // LSTM: gate activations per step [T][C][4H]; c and h per step [T+1][C][H] (index 0 = zeros);
  // tanh(c_t) per step [T][C][H]; backward scratch dh, dc [C][H] and dz [C][4H].
  let gates = new Float64Array(0);
  let cs = new Float64Array(0);
  let hs = new Float64Array(0);
  let tcs = new Float64Array(0);
  let dh = new Float64Array(0);
  let dc = new Float64Array(0);
  let dzl = new Float64Array(0);
  let hLast: Float64Array = new Float64Array(0);

  function reserve(rows: number): void {
    if (rows <= capacity) return;
    const C = Math.max(rows, 8);
    capacity = C;
    input = new Float64Array(C * sampleSize);
    target = new Float64Array(C * outputSize);
    zs = dense.map((d) => new Float64Array(C * d.units));
    as = dense.map((d) => new Float64Array(C * d.units));
    deltas = dense.map((d) => new Float64Array(C * d.units));
    if (lstm) {
      gates = new Float64Array(T * C * G);
      cs = new Float64Array((T + 1) * C * H);
      hs = new Float64Array((T + 1) * C * H);
      tcs = new Float64Array(T * C * H);
      dh = new Float64Array(C * H);
      dc = new Float64Array(C * H);
      dzl = new Float64Array(C * G);
      hLast = hs.subarray(T * C * H, (T + 1) * C * H);
    }
  }

  /** Copy the samples order[first], …, order[first + count − 1] into the work buffers. */
  function loadRange(x: Float64Array, y: Float64Array, order: Int32Array, first: number, count: number): void {
    reserve(count);
    const inp = input;
    const tgt = target;
    for (let b = 0; b < count; b++) {
      const r = order[first + b]!;
      const src = r * sampleSize;
      const dst = b * sampleSize;
      for (let k = 0; k < sampleSize; k++) inp[dst + k] = x[src + k]!;
      const ys = r * outputSize;
      const yd = b * outputSize;
      for (let k = 0; k < outputSize; k++) tgt[yd + k] = y[ys + k]!;
    }
  }

  /** Copy the samples `rows` (or start..start+count when rows is null) into the work buffers. */
  function load(x: Float64Array, y: Float64Array | null, rows: Int32Array | null, start: number, count: number): void {
    reserve(count);
    const inp = input;
    const tgt = target;
    for (let b = 0; b < count; b++) {
      const r = rows ? rows[b]! : start + b;
      const src = r * sampleSize;
      const dst = b * sampleSize;
      for (let k = 0; k < sampleSize; k++) inp[dst + k] = x[src + k]!;
      if (y) {
        const ys = r * outputSize;
        const yd = b * outputSize;
        for (let k = 0; k < outputSize; k++) tgt[yd + k] = y[ys + k]!;
      }
    }
  }

  function forwardLstm(count: number, plan: LstmPlan): void {
    const w = weights;
    const C = capacity;
    const inp = input;
    const gt = gates;
    const cc = cs;
    const hh = hs;
    const tc = tcs;
    // h_0 = c_0 = 0.
    for (let k = 0; k < count * H; k++) {
      cc[k] = 0;
      hh[k] = 0;
    }
    for (let t = 0; t < T; t++) {
      const hPrev = t * C * H;
      const hNext = (t + 1) * C * H;
      const gBase = t * C * G;
      for (let b = 0; b < count; b++) {
        const zRow = gBase + b * G;
        for (let j = 0; j < G; j++) gt[zRow + j] = w[plan.bias + j]!;
        const xRow = b * sampleSize + t * F;
        for (let f = 0; f < F; f++) {
          const xv = inp[xRow + f]!;
          const wRow = plan.kernel + f * G;
          for (let j = 0; j < G; j++) gt[zRow + j] = gt[zRow + j]! + xv * w[wRow + j]!;
        }
        const hRow = hPrev + b * H;
        for (let k = 0; k < H; k++) {
          const hv = hh[hRow + k]!;
          const uRow = plan.recurrent + k * G;
          for (let j = 0; j < G; j++) gt[zRow + j] = gt[zRow + j]! + hv * w[uRow + j]!;
        }
        for (let k = 0; k < H; k++) {
          const i = sigmoid(gt[zRow + k]!);
          const f = sigmoid(gt[zRow + H + k]!);
          const g = tanh(gt[zRow + 2 * H + k]!);
          const o = sigmoid(gt[zRow + 3 * H + k]!);
          gt[zRow + k] = i;
          gt[zRow + H + k] = f;
          gt[zRow + 2 * H + k] = g;
          gt[zRow + 3 * H + k] = o;
          const c = f * cc[hRow + k]! + i * g;
          const tch = tanh(c);
          cc[hNext + b * H + k] = c;
          tc[t * C * H + b * H + k] = tch;
          hh[hNext + b * H + k] = o * tch;
        }
      }
    }
  }

  /** Forward the `count` loaded rows; returns the output buffer (count × outputSize used). */
  function forward(count: number): Float64Array {
    const w = weights;
    let prev: Float64Array = input;
    if (lstm) {
      forwardLstm(count, lstm);
      prev = hLast;
    }
    for (let l = 0; l < dense.length; l++) {
      const d = dense[l]!;
      const z = zs[l]!;
      const inSize = d.inSize;
      const out = d.units;
      const kernel = d.kernel;
      const bias = d.bias;
      // z_bj = b_j + Σ_i a_bi · W_ij, summed in a register (one store per output number).
      for (let b = 0; b < count; b++) {
        const zRow = b * out;
        const aRow = b * inSize;
        for (let j = 0; j < out; j++) {
          let sum = w[bias + j]!;
          for (let i = 0; i < inSize; i++) sum += prev[aRow + i]! * w[kernel + i * out + j]!;
          z[zRow + j] = sum;
        }
      }
      applyActivation(d.activation, z, as[l]!, count * out);
      prev = as[l]!;
    }
    return prev;
  }

  function backwardLstm(count: number, plan: LstmPlan, grad: Float64Array): void {
    const w = weights;
    const C = capacity;
    const inp = input;
    const gt = gates;
    const cc = cs;
    const hh = hs;
    const tc = tcs;
    const dhb = dh;
    const dcb = dc;
    const dz = dzl;
    for (let k = 0; k < count * H; k++) dcb[k] = 0;
    for (let t = T - 1; t >= 0; t--) {
      for (let b = 0; b < count; b++) {
        const gRow = t * C * G + b * G;
        const sRow = b * H;
        const cPrevRow = t * C * H + b * H;
        const tRow = t * C * H + b * H;
        const zRow = b * G;
        for (let k = 0; k < H; k++) {
          const i = gt[gRow + k]!;
          const f = gt[gRow + H + k]!;
          const g = gt[gRow + 2 * H + k]!;
          const o = gt[gRow + 3 * H + k]!;
          const tch = tc[tRow + k]!;
          const dhv = dhb[sRow + k]!;
          // h = o·tanh(c): ∂/∂o = tanh(c); ∂/∂c = o·(1 − tanh²c), plus the carry from step t+1.
          const dcv = dcb[sRow + k]! + dhv * o * (1 - tch * tch);
          dz[zRow + k] = dcv * g * i * (1 - i);
          dz[zRow + H + k] = dcv * cc[cPrevRow + k]! * f * (1 - f);
          dz[zRow + 2 * H + k] = dcv * i * (1 - g * g);
          dz[zRow + 3 * H + k] = dhv * tch * o * (1 - o);
          // c_t = f·c_{t−1} + …: the carry to step t−1.
          dcb[sRow + k] = dcv * f;
        }
        const xRow = b * sampleSize + t * F;
        for (let fi = 0; fi < F; fi++) {
          const xv = inp[xRow + fi]!;
          const gw = plan.kernel + fi * G;
          for (let j = 0; j < G; j++) grad[gw + j] = grad[gw + j]! + xv * dz[zRow + j]!;
        }
        const hPrevRow = t * C * H + b * H;
        for (let k = 0; k < H; k++) {
          const hv = hh[hPrevRow + k]!;
          const gu = plan.recurrent + k * G;
          let back = 0;
          for (let j = 0; j < G; j++) {
            const d = dz[zRow + j]!;
            grad[gu + j] = grad[gu + j]! + hv * d;
            back += d * w[gu + j]!;
          }
          // ∂L/∂h_{t−1} = dz·Uᵀ.
          dhb[sRow + k] = back;
        }
        for (let j = 0; j < G; j++) grad[plan.bias + j] = grad[plan.bias + j]! + dz[zRow + j]!;
      }
    }
  }

  /**
   * Backward pass after `forward(count)`, with ∂L/∂ŷ already in the last layer's delta buffer.
   * Adds ∂L/∂w into `grad` (which the caller zeroes). Each layer: δz = δa ⊙ f'(z);
   * ∂L/∂W = A_prevᵀ·δz; ∂L/∂b = Σ_rows δz; δa_prev = δz·Wᵀ.
   */
  function backward(count: number, grad: Float64Array): void {
    const w = weights;
    for (let l = dense.length - 1; l >= 0; l--) {
      const d = dense[l]!;
      const delta = deltas[l]!;
      const out = d.units;
      const inSize = d.inSize;
      backActivation(d.activation, zs[l]!, as[l]!, delta, delta, count * out);
      const prev = l > 0 ? as[l - 1]! : lstm ? hLast : input;
      const prevDelta = l > 0 ? deltas[l - 1]! : lstm ? dh : null;
      const kernel = d.kernel;
      const bias = d.bias;
      // Sums over the batch in a register, one store per weight.
      for (let i = 0; i < inSize; i++) {
        for (let j = 0; j < out; j++) {
          let sum = 0;
          for (let b = 0; b < count; b++) sum += prev[b * inSize + i]! * delta[b * out + j]!;
          grad[kernel + i * out + j] = grad[kernel + i * out + j]! + sum;
        }
      }
      for (let j = 0; j < out; j++) {
        let sum = 0;
        for (let b = 0; b < count; b++) sum += delta[b * out + j]!;
        grad[bias + j] = grad[bias + j]! + sum;
      }
      if (prevDelta) {
        for (let b = 0; b < count; b++) {
          for (let i = 0; i < inSize; i++) {
            let sum = 0;
            for (let j = 0; j < out; j++) sum += delta[b * out + j]! * w[kernel + i * out + j]!;
            prevDelta[b * inSize + i] = sum;
          }
        }
      }
    }
    if (lstm) backwardLstm(count, lstm, grad);
  }

  function lastDelta(): Float64Array {
    return dense.length > 0 ? deltas[dense.length - 1]! : dh;
  }

  function batchGradient(x: Float64Array, y: Float64Array, rows: Int32Array, gradient: Float64Array): number {
    return batchGradientOfRange(x, y, rows, 0, rows.length, gradient);
  }

  function batchGradientOfRange(
    x: Float64Array,
    y: Float64Array,
    order: Int32Array,
    first: number,
    count: number,
    gradient: Float64Array,
  ): number {
    if (fast) {
      fast.gradient(x, y, order, first, count, gradient);
      return fast.loss[0]!;
    }
    loadRange(x, y, order, first, count);
    const out = forward(count);
    gradient.fill(0);
    const loss = meanSquaredErrorGradient(out, target, count, outputSize, lastDelta());
    backward(count, gradient);
    return loss;
  }

  function batchLoss(x: Float64Array, y: Float64Array, rows: Int32Array): number {
    const count = rows.length;
    if (fast) return fast.squaredError(x, y, rows, 0, count) / (count * outputSize);
    load(x, y, rows, 0, count);
    const out = forward(count);
    let sum = 0;
    const length = count * outputSize;
    for (let k = 0; k < length; k++) {
      const d = out[k]! - target[k]!;
      sum += d * d;
    }
    return sum / length;
  }

  function datasetLoss(x: Float64Array, y: Float64Array, n: number): number {
    if (fast) return fast.squaredError(x, y, null, 0, n) / (n * outputSize);
    let sum = 0;
    const chunk = Math.max(capacity, 8);
    for (let start = 0; start < n; start += chunk) {
      const count = Math.min(chunk, n - start);
      load(x, y, null, start, count);
      const out = forward(count);
      const length = count * outputSize;
      for (let k = 0; k < length; k++) {
        const d = out[k]! - target[k]!;
        sum += d * d;
      }
    }
    return sum / (n * outputSize);
  }

  function predict(x: Float64Array, batchSize: number): Float64Array {
    const result = new Float64Array(batchSize * outputSize);
    reserve(batchSize);
    load(x, null, null, 0, batchSize);
    result.set(forward(batchSize).subarray(0, batchSize * outputSize));
    return result;
  }

  function predictRowByRow(x: Float64Array, batchSize: number): Float64Array {
    const result = new Float64Array(batchSize * outputSize);
    for (let b = 0; b < batchSize; b++) {
      if (fast) {
        result.set(fast.forwardSample(x, b * sampleSize), b * outputSize);
      } else {
        load(x, null, null, b, 1);
        result.set(forward(1).subarray(0, outputSize), b * outputSize);
      }
    }
    return result;
  }

  function forwardTrace(xRow: Float64Array): ForwardTrace {
    if (xRow.length !== sampleSize) {
      throw new RangeError(`a sample has ${sampleSize} numbers (got ${xRow.length})`);
    }
    load(xRow, null, null, 0, 1);
    const output = forward(1).slice(0, outputSize);
    const layers: LayerTrace[] = [];
    let prev = xRow.slice();
    if (lstm) {
      const h = hLast.slice(0, H);
      layers.push({ kind: "lstm", layer: lstm.name, input: prev, a: h });
      prev = h;
    }
    dense.forEach((d, l) => {
      const a = as[l]!.slice(0, d.units);
      layers.push({
        kind: "dense",
        layer: d.name,
        activation: d.activation,
        input: prev,
        z: zs[l]!.slice(0, d.units),
        a,
      });
      prev = a;
    });
    return { layers, output };
  }

  function sampleGradients(x: Float64Array, y: Float64Array, rows: Int32Array): SampleGradients {
    const count = rows.length;
    const gradients: Float64Array[] = [];
    for (let b = 0; b < count; b++) {
      const g = new Float64Array(parameterCount);
      batchGradient(x, y, rows.subarray(b, b + 1), g);
      gradients.push(g);
    }
    const meanGradient = new Float64Array(parameterCount);
    const loss = batchGradient(x, y, rows, meanGradient);
    const outputs = new Float64Array(count * outputSize);
    const targets = new Float64Array(count * outputSize);
    for (let b = 0; b < count; b++) {
      const r = rows[b]!;
      outputs.set(predictRowByRow(x.subarray(r * sampleSize, (r + 1) * sampleSize), 1), b * outputSize);
      targets.set(y.subarray(r * outputSize, (r + 1) * outputSize), b * outputSize);
    }
    const losses = perSampleSquaredError(outputs, targets, count, outputSize, new Float64Array(count));
    return { outputs, losses, gradients, meanGradient, batchLoss: loss };
  }

  function tensorShapes(batchSize: number): TensorShapeInfo[] {
    const shapes: TensorShapeInfo[] = [
      {
        name: "input",
        shape: lstm ? [batchSize, T, F] : [batchSize, F],
        role: "input",
        dependsOnBatch: true,
      },
    ];
    const layerNames = [...(lstm ? [lstm.name] : []), ...dense.map((d) => d.name)];
    const widths = [...(lstm ? [H] : []), ...dense.map((d) => d.units)];
    layerNames.forEach((name, index) => {
      for (const info of infos) {
        if (!info.name.startsWith(`${name}/`)) continue;
        shapes.push({
          name: info.name,
          shape: info.shape.slice(),
          role: info.name.endsWith("/bias") ? "bias" : "weight",
          dependsOnBatch: false,
        });
      }
      shapes.push({
        name: `${name}/output`,
        shape: [batchSize, widths[index]!],
        role: index === layerNames.length - 1 ? "output" : "activation",
        dependsOnBatch: true,
      });
    });
    return shapes;
  }

  return {
    spec,
    parameterCount,
    sampleSize,
    outputSize,
    weights,
    parameters: () => infos.map((p) => ({ ...p, shape: p.shape.slice() })),
    getWeights: () => weights.slice(),
    setWeights(flat) {
      if (flat.length !== parameterCount) {
        throw new RangeError(`expected ${parameterCount} weights (got ${flat.length})`);
      }
      weights.set(flat);
    },
    tensorShapes,
    predict,
    predictRowByRow,
    forwardTrace,
    batchLoss,
    datasetLoss,
    batchGradient,
    batchGradientOfRange,
    sampleGradients,
    reserve,
    denseFastPath: fast,
  };
}

/** Trainable parameters of a spec without building the model (Keras' `count_params`). */
export function countParameters(spec: ModelSpec): number {
  validate(spec);
  let width = spec.inputSize;
  let total = 0;
  for (const layer of spec.layers) {
    if (layer.kind === "lstm") {
      // 4 gates × (F·H kernel + H·H recurrent + H bias).
      total += 4 * (layer.units * (width + layer.units) + layer.units);
    } else {
      total += width * layer.units + layer.units;
    }
    width = layer.units;
  }
  return total;
}
