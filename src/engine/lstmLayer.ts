/**
 * The LSTM layer: Keras' `LSTM(units)` with `return_sequences=False`, gates in the order i, f, c, o,
 * one bias vector of 4H, recurrent activation σ, activation tanh:
 *   z_t = x_t·W + h_{t−1}·U + b                          (W: [F, 4H], U: [H, 4H], b: [4H])
 *   i = σ(z_i),  f = σ(z_f),  g = tanh(z_c),  o = σ(z_o)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t),   h_0 = c_0 = 0
 * and the layer returns h_T. It runs over a whole batch at each time step and keeps every step's
 * gates and states, which backpropagation through time revisits from t = T down to 1.
 */

import { sigmoid, tanh } from "./elementary";

export interface LstmPlan {
  /** Features per step F, units H, steps T. */
  features: number;
  units: number;
  timesteps: number;
  /** Offsets of W [F, 4H], U [H, 4H] and b [4H] in the flat weights. */
  kernel: number;
  recurrent: number;
  bias: number;
}

export interface LstmLayer {
  /** h_T of `count` windows laid out in `input` as [count][T][F]; returns h_T as [count][H] (a view, reused). */
  forward(input: Float64Array, count: number): Float64Array;
  /**
   * After `forward` on the same input: with ∂L/∂h_T in `dh` ([count][H], overwritten as scratch), adds
   * ∂L/∂W, ∂L/∂U and ∂L/∂b into `grad`.
   */
  backward(input: Float64Array, count: number, dh: Float64Array, grad: Float64Array): void;
}

export function createLstmLayer(plan: LstmPlan, weights: Float64Array): LstmLayer {
  const { features: F, units: H, timesteps: T } = plan;
  const G = 4 * H;
  const sampleSize = T * F;
  let capacity = 0;
  // Gate activations per step [T][C][4H]; c and h per step [T+1][C][H] (index 0 = zeros);
  // tanh(c_t) per step [T][C][H]; backward scratch dc [C][H] and dz [C][4H].
  let gates = new Float64Array(0);
  let cs = new Float64Array(0);
  let hs = new Float64Array(0);
  let tcs = new Float64Array(0);
  let dc = new Float64Array(0);
  let dzl = new Float64Array(0);
  let hLast = new Float64Array(0);

  /** Make room for batches of up to `rows` windows (at least 8, so single rows do not regrow it). */
  function reserve(rows: number): void {
    if (rows <= capacity) return;
    const C = Math.max(rows, 8);
    capacity = C;
    gates = new Float64Array(T * C * G);
    cs = new Float64Array((T + 1) * C * H);
    hs = new Float64Array((T + 1) * C * H);
    tcs = new Float64Array(T * C * H);
    dc = new Float64Array(C * H);
    dzl = new Float64Array(C * G);
    hLast = hs.subarray(T * C * H, (T + 1) * C * H);
  }

  function forward(inp: Float64Array, count: number): Float64Array {
    reserve(count);
    const w = weights;
    const C = capacity;
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
    return hLast;
  }

  function backward(inp: Float64Array, count: number, dhb: Float64Array, grad: Float64Array): void {
    const w = weights;
    const C = capacity;
    const gt = gates;
    const cc = cs;
    const hh = hs;
    const tc = tcs;
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

  return { forward, backward };
}
