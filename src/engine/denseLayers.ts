/**
 * Dense layers: the engine's one implementation of their forward and backward passes, for a stack
 * of any depth, one sample at a time. Training, the loss of a batch or of the whole table, row-by-row
 * and matrix prediction, and the dense head of an LSTM all run through `pass` below.
 *
 * Layer l maps a_{l−1} (inSize numbers) to a_l (units numbers), W row-major [inSize, units]:
 *   z_j = b_j + Σ_i a_{l−1,i}·W_ij,   a_j = f(z_j)
 * Backward, given δa_j = ∂ℓ/∂a_j (the sample's share of the batch mean), f' as in activations.ts:
 *   δz_j = δa_j·f'(z_j)
 *   ∂L/∂b_j += δz_j,   ∂L/∂W_ij += a_{l−1,i}·δz_j,   δa_{l−1,i} = Σ_j W_ij·δz_j
 * The batch gradient is the sum of the samples' shares, added straight into the gradient buffer:
 * ∇L = (1/B) Σ_b ∇ℓ_b with ∂L/∂ŷ = 2(ŷ − y)/(B·O).
 *
 * The matrix form (the whole batch through one layer, then the next) is the same pass restricted to
 * one layer at a time, so it gives the same bits as row by row.
 *
 * Why one sample at a time: the course's layers (3 → 8 → 1) are far too small for matrix products to
 * pay off; per-sample overhead is what counts (scripts/bench.ts). Every intermediate is a register
 * or a one-row buffer, the first layer reads the data set's row in place, and the hot function copies
 * what it uses from the closure into locals first: V8 reloads and re-checks a closure variable at
 * every use inside a loop, which here cost more than the arithmetic. tanh is called directly where
 * it is the activation: through the general `activate` (which also holds σ's exp) the pass measured
 * markedly slower. A double returned from a call V8 does not inline is boxed, so the batch loss comes
 * back through a one-element buffer: no allocation per update.
 */

import { ACTIVATION_CODES, type Activation, activate, backThrough, TANH } from "./activations";
import { tanh } from "./elementary";

/** A dense layer's place in the flat weights. */
export interface DenseLayerPlan {
  inSize: number;
  units: number;
  activation: Activation;
  /** Offsets of the kernel [inSize, units] and the bias [units]. */
  kernel: number;
  bias: number;
}

export interface DenseStack {
  /** Numbers per sample going in, and coming out. */
  readonly inputSize: number;
  readonly outputSize: number;
  /**
   * The batch gradient of the samples order[first … first + count − 1] (rows first … when order is
   * null) of `input` and `target`: writes ∇L into `gradient` (zeroing it first, all of it) and L into
   * `loss[0]`. With `inputDelta`, also writes each sample's ∂L/∂input at q·inputSize, q = 0 … count − 1
   * (an LSTM below the stack continues the backward pass from there).
   */
  gradient(
    input: Float64Array,
    target: Float64Array,
    order: Int32Array | null,
    first: number,
    count: number,
    gradient: Float64Array,
    inputDelta: Float64Array | null,
  ): void;
  /** L of the last `gradient` call. */
  readonly loss: Float64Array;
  /** Σ (ŷ − y)² over the same samples as `gradient` (not divided), forward only. */
  squaredError(input: Float64Array, target: Float64Array, order: Int32Array | null, first: number, count: number): number;
  /** Rows first … first + count − 1 of `input` through every layer; their outputs into out[q·outputSize …]. */
  forwardRows(input: Float64Array, first: number, count: number, out: Float64Array): void;
  /** Copies of z and a of layer l for the last sample a pass computed. */
  layerValues(l: number): { z: Float64Array; a: Float64Array };
  /** The batch of `count` samples through each layer in turn (A_l = f(A_{l−1}·W_l + b_l)), the matrix form. */
  forwardBatch(input: Float64Array, count: number): Float64Array;
}

export function createDenseStack(layers: DenseLayerPlan[], weights: Float64Array): DenseStack {
  const L = layers.length;
  const inSizes = Int32Array.from(layers, (l) => l.inSize);
  const units = Int32Array.from(layers, (l) => l.units);
  const kernels = Int32Array.from(layers, (l) => l.kernel);
  const biases = Int32Array.from(layers, (l) => l.bias);
  const codes = Int32Array.from(layers, (l) => ACTIVATION_CODES[l.activation]);
  // One-row buffers: layer l's z, a and δ at [offsets[l], offsets[l] + units[l]).
  const offsets = new Int32Array(L);
  let total = 0;
  for (let l = 0; l < L; l++) {
    offsets[l] = total;
    total += units[l]!;
  }
  const zs = new Float64Array(total);
  const acts = new Float64Array(total);
  const deltas = new Float64Array(total);
  const inputSize = inSizes[0]!;
  const outputs = units[L - 1]!;
  const loss = new Float64Array(1);
  // Σ (ŷ − y)² of the last pass.
  const squares = new Float64Array(1);

  /**
   * The one pass over samples: for each sample q = 0 … count − 1, the row r = order[first + q] (or
   * first + q without order) of `input`, through layers [from, to):
   * - out: each sample's last activation is copied to out[q·units …];
   * - target: Σ (ŷ − y)² over the samples goes to squares[0];
   * - grad (with target): backward through the same layers, each sample adding its share with
   *   δŷ = scale·(ŷ − y); inputDelta: δ of each sample's input at inputDelta[q·inSize …].
   * Forward, loss and backward share one function body: split into per-layer or per-sample
   * functions, V8 stopped inlining them and the calls cost more than the arithmetic.
   */
  function pass(
    input: Float64Array,
    order: Int32Array | null,
    first: number,
    count: number,
    from: number,
    to: number,
    out: Float64Array | null,
    target: Float64Array | null,
    grad: Float64Array | null,
    scale: number,
    inputDelta: Float64Array | null,
  ): void {
    const w = weights;
    const z = zs;
    const a = acts;
    const d = deltas;
    const width = inSizes[from]!;
    const last = to - 1;
    const O = units[last]!;
    const outAt = offsets[last]!;
    let sum = 0;
    for (let q = 0; q < count; q++) {
      const r = order ? order[first + q]! : first + q;
      const row = r * width;
      for (let l = from; l < to; l++) {
        const inSize = inSizes[l]!;
        const n = units[l]!;
        const kernel = kernels[l]!;
        const bias = biases[l]!;
        const code = codes[l]!;
        const at = offsets[l]!;
        const src = l === from ? input : a;
        const s0 = l === from ? row : offsets[l - 1]!;
        // z_j = b_j + Σ_i a_i·W_ij, summed in a register;  a_j = f(z_j).
        for (let j = 0; j < n; j++) {
          let v = w[bias + j]!;
          for (let i = 0, k = kernel + j; i < inSize; i++, k += n) v += src[s0 + i]! * w[k]!;
          z[at + j] = v;
          a[at + j] = code === TANH ? tanh(v) : activate(code, v);
        }
      }
      if (out !== null) for (let o = 0; o < O; o++) out[q * O + o] = a[outAt + o]!;
      if (target === null) continue;
      const y0 = r * O;
      for (let o = 0; o < O; o++) {
        const diff = a[outAt + o]! - target[y0 + o]!;
        sum += diff * diff;
        d[outAt + o] = scale * diff;
      }
      if (grad === null) continue;
      for (let l = last; l >= from; l--) {
        const inSize = inSizes[l]!;
        const n = units[l]!;
        const kernel = kernels[l]!;
        const bias = biases[l]!;
        const code = codes[l]!;
        const at = offsets[l]!;
        const src = l === from ? input : a;
        const s0 = l === from ? row : offsets[l - 1]!;
        // δz_j = δa_j·f'(z_j);  ∂L/∂b_j += δz_j;  ∂L/∂W_ij += a_i·δz_j.
        for (let j = 0; j < n; j++) {
          const dz = backThrough(code, a[at + j]!, d[at + j]!);
          d[at + j] = dz;
          grad[bias + j] = grad[bias + j]! + dz;
        }
        for (let i = 0; i < inSize; i++) {
          const ai = src[s0 + i]!;
          const k = kernel + i * n;
          for (let j = 0; j < n; j++) grad[k + j] = grad[k + j]! + ai * d[at + j]!;
        }
        // δa_i of the layer below = Σ_j W_ij·δz_j (the input's only when asked for).
        const below = l === from ? inputDelta : d;
        if (below === null) continue;
        const b0 = l === from ? q * inSize : offsets[l - 1]!;
        for (let i = 0; i < inSize; i++) {
          const k = kernel + i * n;
          let back = 0;
          for (let j = 0; j < n; j++) back += w[k + j]! * d[at + j]!;
          below[b0 + i] = back;
        }
      }
    }
    squares[0] = sum;
  }

  return {
    inputSize,
    outputSize: outputs,
    loss,
    gradient(input, target, order, first, count, grad, inputDelta) {
      for (let k = 0; k < grad.length; k++) grad[k] = 0;
      // ∂L/∂ŷ = 2(ŷ − y)/(B·O).
      pass(input, order, first, count, 0, L, null, target, grad, 2 / (count * outputs), inputDelta);
      loss[0] = squares[0]! / (count * outputs);
    },
    squaredError(input, target, order, first, count) {
      pass(input, order, first, count, 0, L, null, target, null, 0, null);
      return squares[0]!;
    },
    forwardRows(input, first, count, out) {
      pass(input, null, first, count, 0, L, out, null, null, 0, null);
    },
    layerValues(l) {
      const at = offsets[l]!;
      return { z: zs.slice(at, at + units[l]!), a: acts.slice(at, at + units[l]!) };
    },
    forwardBatch(input, count) {
      // Layer by layer over the whole batch: the same pass, restricted to one layer at a time.
      let matrix = input;
      for (let l = 0; l < L; l++) {
        const next = new Float64Array(count * units[l]!);
        pass(matrix, null, 0, count, l, l + 1, next, null, null, 0, null);
        matrix = next;
      }
      return matrix;
    },
  };
}
