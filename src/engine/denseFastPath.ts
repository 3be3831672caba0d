/**
 * The training fast path for dense-only networks: one sample at a time, forward then backward,
 * adding each sample's share straight into the batch gradient.
 *
 * Same math as the matrix form in model.ts (∇L = (1/B) Σ_b ∇ℓ_b), but every intermediate is a
 * register or a one-row buffer, the activation is fused into the dot product, and inputs are
 * read straight from the dataset. The layers are far too small for matrix products to pay off;
 * per-sample overhead is what counts (scripts/bench.ts).
 *
 * Two versions of the same arithmetic:
 * - the one-hidden-layer, one-output network (the course's 3-8-1 and its variants), written out
 *   with sizes and offsets in locals: about 2× faster than the layered loop below;
 * - any other depth, looped over layers.
 * They give bit-identical results (test/unit/engine/denseFastPath.test.ts).
 *
 * Backward per sample (δa = ∂ℓ/∂a of a layer's output, scaled by 1/B for the batch mean):
 *   δz_j = δa_j · f'(a_j)      f' from the output: tanh 1 − a², σ a(1 − a), relu [a > 0], linear 1
 *   ∂L/∂b_j += δz_j,   ∂L/∂W_ij += a_prev,i · δz_j,   δa_prev,i = Σ_j W_ij · δz_j
 */

import { sigmoid, tanh } from "./elementary";
import type { Activation } from "./activations";

export interface DenseLayerPlan {
  inSize: number;
  units: number;
  activation: Activation;
  /** Offsets of the kernel [in, out] and the bias [out] in the flat weights. */
  kernel: number;
  bias: number;
}

export interface DenseFastPath {
  /** Writes ∇L of the batch order[first … first+count−1] into `gradient` and L into `loss[0]`. */
  gradient(
    x: Float64Array,
    y: Float64Array,
    order: Int32Array | null,
    first: number,
    count: number,
    gradient: Float64Array,
  ): void;
  /**
   * L of the last `gradient` call. A buffer rather than a return value: V8 boxes a double
   * returned from a call it does not inline (and `gradient` is too long to inline), which would
   * be one heap allocation per update.
   */
  readonly loss: Float64Array;
  /** Σ (ŷ − y)² over the batch (not divided), forward only. */
  squaredError(x: Float64Array, y: Float64Array, order: Int32Array | null, first: number, count: number): number;
  /** Forward one sample starting at x[offset]; returns the output buffer (outputs numbers). */
  forwardSample(x: Float64Array, offset: number): Float64Array;
}

const LINEAR = 0;
const TANH = 1;
const RELU = 2;
const SIGMOID = 3;
const CODES: Record<Activation, number> = { linear: LINEAR, tanh: TANH, relu: RELU, sigmoid: SIGMOID };

export function createDenseFastPath(layers: DenseLayerPlan[], weights: Float64Array): DenseFastPath {
  if (layers.length === 2 && layers[1]!.units === 1) {
    return createOneHiddenLayerPath(layers[0]!, layers[1]!, weights);
  }
  return createLayeredPath(layers, weights);
}

/** f(z) for an activation code. */
function activate(code: number, z: number): number {
  if (code === TANH) return tanh(z);
  if (code === RELU) return z > 0 ? z : 0;
  if (code === SIGMOID) return sigmoid(z);
  return z;
}

/**
 * δz = δa·f'(z), with f' written through a = f(z): tanh δa(1 − a²), σ δa·a(1 − a),
 * relu [a > 0]·δa, linear δa. Same operations in the same order as the layered path.
 */
function backThrough(code: number, a: number, delta: number): number {
  if (code === TANH) return delta * (1 - a * a);
  if (code === RELU) return a > 0 ? delta : 0;
  if (code === SIGMOID) return delta * a * (1 - a);
  return delta;
}

/**
 * The one-hidden-layer, one-output network, written out instead of looped over layer by layer. Per sample, with x the input,
 * W [F, H] and b the hidden layer, v [H] and c the output unit:
 *   z_j = b_j + Σ_i x_i·W_ij,   h_j = f(z_j),   ŷ = g(c + Σ_j h_j·v_j)
 * and backward, with δ = 2(ŷ − y)/B · g'(ŷ) (the sample's share of the batch mean):
 *   ∂L/∂c += δ,   ∂L/∂v_j += h_j·δ,   δz_j = v_j·δ · f'(h_j),
 *   ∂L/∂b_j += δz_j,   ∂L/∂W_ij += x_i·δz_j.
 * ŷ and δ live in registers. Every weight and gradient entry sees the same operations in the
 * same order as in the layered path below, so both give bit-identical results (tested).
 *
 * Speed: the hot functions copy everything they use from the closure into locals first. V8
 * reloads (and re-checks) a closure variable at every use inside a loop, which here cost more
 * than the arithmetic; locals stay in registers. For three inputs (the greenhouse table's) the
 * loops over inputs are written out with the inputs in registers, forward and backward fused
 * into one pass per sample: same operations in the same order, a fifth less time per run
 * (scripts/bench.ts). Written out in both functions because a shared helper measured slower.
 */
export function createOneHiddenLayerPath(
  hidden: DenseLayerPlan,
  top: DenseLayerPlan,
  weights: Float64Array,
): DenseFastPath {
  const shape: OneHiddenShape = {
    F: hidden.inSize,
    H: hidden.units,
    W: hidden.kernel,
    b: hidden.bias,
    v: top.kernel,
    c: top.bias,
    hiddenCode: CODES[hidden.activation],
    outputCode: CODES[top.activation],
  };
  // h of the current sample, then δz in its place during the backward pass.
  const hiddenRow = new Float64Array(shape.H);
  const output = new Float64Array(1);
  const loss = new Float64Array(1);

  function gradient(
    x: Float64Array,
    y: Float64Array,
    order: Int32Array | null,
    first: number,
    count: number,
    grad: Float64Array,
  ): void {
    const w = weights;
    const h = hiddenRow;
    const { F, H, W, b, v, c, hiddenCode, outputCode } = shape;
    const size = grad.length;
    for (let k = 0; k < size; k++) grad[k] = 0;
    // ∂L/∂ŷ = 2(ŷ − y)/B.
    const scale = 2 / count;
    let sum = 0;
    if (F === 3) {
      const W1 = W + H;
      const W2 = W + 2 * H;
      for (let q = 0; q < count; q++) {
        const r = order ? order[first + q]! : first + q;
        const xOffset = 3 * r;
        const x0 = x[xOffset]!;
        const x1 = x[xOffset + 1]!;
        const x2 = x[xOffset + 2]!;
        let out = w[c]!;
        for (let j = 0; j < H; j++) {
          const z = w[b + j]! + x0 * w[W + j]! + x1 * w[W1 + j]! + x2 * w[W2 + j]!;
          const hj = hiddenCode === TANH ? tanh(z) : activate(hiddenCode, z);
          h[j] = hj;
          out += hj * w[v + j]!;
        }
        if (outputCode !== LINEAR) out = activate(outputCode, out);
        const diff = out - y[r]!;
        sum += diff * diff;
        const delta = backThrough(outputCode, out, scale * diff);
        grad[c] = grad[c]! + delta;
        for (let j = 0; j < H; j++) {
          const hj = h[j]!;
          grad[v + j] = grad[v + j]! + hj * delta;
          const dz = backThrough(hiddenCode, hj, w[v + j]! * delta);
          grad[b + j] = grad[b + j]! + dz;
          grad[W + j] = grad[W + j]! + x0 * dz;
          grad[W1 + j] = grad[W1 + j]! + x1 * dz;
          grad[W2 + j] = grad[W2 + j]! + x2 * dz;
        }
      }
      loss[0] = sum / count;
      return;
    }
    for (let q = 0; q < count; q++) {
      const r = order ? order[first + q]! : first + q;
      const xOffset = r * F;
      const out = forwardOneHidden(w, x, xOffset, h, F, H, W, b, v, c, hiddenCode, outputCode);
      const diff = out - y[r]!;
      sum += diff * diff;
      const delta = backThrough(outputCode, out, scale * diff);
      grad[c] = grad[c]! + delta;
      for (let j = 0; j < H; j++) {
        const hj = h[j]!;
        grad[v + j] = grad[v + j]! + hj * delta;
        const dz = backThrough(hiddenCode, hj, w[v + j]! * delta);
        h[j] = dz;
        grad[b + j] = grad[b + j]! + dz;
      }
      for (let i = 0; i < F; i++) {
        const xi = x[xOffset + i]!;
        const row = W + i * H;
        for (let j = 0; j < H; j++) grad[row + j] = grad[row + j]! + xi * h[j]!;
      }
    }
    loss[0] = sum / count;
  }

  function squaredError(x: Float64Array, y: Float64Array, order: Int32Array | null, first: number, count: number): number {
    const w = weights;
    const h = hiddenRow;
    const { F, H, W, b, v, c, hiddenCode, outputCode } = shape;
    let sum = 0;
    if (F === 3) {
      const W1 = W + H;
      const W2 = W + 2 * H;
      for (let q = 0; q < count; q++) {
        const r = order ? order[first + q]! : first + q;
        const xOffset = 3 * r;
        const x0 = x[xOffset]!;
        const x1 = x[xOffset + 1]!;
        const x2 = x[xOffset + 2]!;
        let out = w[c]!;
        for (let j = 0; j < H; j++) {
          const z = w[b + j]! + x0 * w[W + j]! + x1 * w[W1 + j]! + x2 * w[W2 + j]!;
          out += (hiddenCode === TANH ? tanh(z) : activate(hiddenCode, z)) * w[v + j]!;
        }
        if (outputCode !== LINEAR) out = activate(outputCode, out);
        const diff = out - y[r]!;
        sum += diff * diff;
      }
      return sum;
    }
    for (let q = 0; q < count; q++) {
      const r = order ? order[first + q]! : first + q;
      const diff = forwardOneHidden(w, x, r * F, h, F, H, W, b, v, c, hiddenCode, outputCode) - y[r]!;
      sum += diff * diff;
    }
    return sum;
  }

  return {
    gradient,
    loss,
    squaredError,
    forwardSample(x, offset) {
      const { F, H, W, b, v, c, hiddenCode, outputCode } = shape;
      output[0] = forwardOneHidden(weights, x, offset, hiddenRow, F, H, W, b, v, c, hiddenCode, outputCode);
      return output;
    },
  };
}

/** Sizes, offsets into the flat weights, and activation codes of a one-hidden-layer network. */
interface OneHiddenShape {
  F: number;
  H: number;
  /** Offsets of W [F, H], b [H], v [H] and c [1]. */
  W: number;
  b: number;
  v: number;
  c: number;
  hiddenCode: number;
  outputCode: number;
}

/**
 * ŷ of the sample whose input starts at x[xOffset]; leaves h in `h`. Everything is a parameter
 * so that, inlined into its callers, every size and offset is a register.
 */
function forwardOneHidden(
  w: Float64Array,
  x: Float64Array,
  xOffset: number,
  h: Float64Array,
  F: number,
  H: number,
  W: number,
  b: number,
  v: number,
  c: number,
  hiddenCode: number,
  outputCode: number,
): number {
  // z_j = b_j + Σ_i x_i·W_ij (W row-major [F, H]),  h_j = f(z_j),  ŷ = g(c + Σ_j h_j·v_j).
  for (let j = 0; j < H; j++) h[j] = w[b + j]!;
  for (let i = 0; i < F; i++) {
    const xi = x[xOffset + i]!;
    const row = W + i * H;
    for (let j = 0; j < H; j++) h[j] = h[j]! + xi * w[row + j]!;
  }
  let out = w[c]!;
  for (let j = 0; j < H; j++) {
    const hj = hiddenCode === TANH ? tanh(h[j]!) : activate(hiddenCode, h[j]!);
    h[j] = hj;
    out += hj * w[v + j]!;
  }
  return outputCode === LINEAR ? out : activate(outputCode, out);
}

/** Any depth: the layers looped over, activations in one-row buffers. */
export function createLayeredPath(layers: DenseLayerPlan[], weights: Float64Array): DenseFastPath {
  const L = layers.length;
  const inSizes = Int32Array.from(layers, (l) => l.inSize);
  const units = Int32Array.from(layers, (l) => l.units);
  const kernels = Int32Array.from(layers, (l) => l.kernel);
  const biases = Int32Array.from(layers, (l) => l.bias);
  const codes = Int32Array.from(layers, (l) => CODES[l.activation]);
  // One-row buffers: layer l's activation at acts[actOffsets[l] …], its δ at deltas[same].
  const actOffsets = new Int32Array(L);
  let total = 0;
  for (let l = 0; l < L; l++) {
    actOffsets[l] = total;
    total += units[l]!;
  }
  const acts = new Float64Array(total);
  const deltas = new Float64Array(total);
  const outOffset = actOffsets[L - 1]!;
  const outputs = units[L - 1]!;
  const output = acts.subarray(outOffset, outOffset + outputs);
  const inputSize = inSizes[0]!;

  /** Forward one sample whose input starts at x[xOffset]; leaves every activation in `acts`. */
  function forward(x: Float64Array, xOffset: number): void {
    const w = weights;
    const a = acts;
    for (let l = 0; l < L; l++) {
      const inSize = inSizes[l]!;
      const out = units[l]!;
      const kernel = kernels[l]!;
      const bias = biases[l]!;
      const code = codes[l]!;
      const dst = actOffsets[l]!;
      // The first layer reads the dataset row itself; later layers read the previous layer.
      const src: Float64Array = l === 0 ? x : a;
      const srcOffset = l === 0 ? xOffset : actOffsets[l - 1]!;
      // z = b + Σ_i a_prev,i · W_i,:  — row i of the kernel is contiguous, so the inner loop
      // runs over outputs with unit stride.
      for (let j = 0; j < out; j++) a[dst + j] = w[bias + j]!;
      for (let i = 0; i < inSize; i++) {
        const pv = src[srcOffset + i]!;
        const row = kernel + i * out;
        for (let j = 0; j < out; j++) a[dst + j] = a[dst + j]! + pv * w[row + j]!;
      }
      // The activation in a second, branch-free loop per kind.
      if (code === TANH) for (let j = 0; j < out; j++) a[dst + j] = tanh(a[dst + j]!);
      else if (code === RELU) for (let j = 0; j < out; j++) a[dst + j] = a[dst + j]! > 0 ? a[dst + j]! : 0;
      else if (code === SIGMOID) for (let j = 0; j < out; j++) a[dst + j] = sigmoid(a[dst + j]!);
    }
  }

  const loss = new Float64Array(1);

  function gradient(
    x: Float64Array,
    y: Float64Array,
    order: Int32Array | null,
    first: number,
    count: number,
    grad: Float64Array,
  ): void {
    const w = weights;
    const a = acts;
    const d = deltas;
    grad.fill(0);
    // ∂L/∂ŷ = 2(ŷ − y)/(B·O).
    const scale = 2 / (count * outputs);
    let sum = 0;
    for (let q = 0; q < count; q++) {
      const r = order ? order[first + q]! : first + q;
      const xOffset = r * inputSize;
      forward(x, xOffset);
      for (let o = 0; o < outputs; o++) {
        const diff = a[outOffset + o]! - y[r * outputs + o]!;
        sum += diff * diff;
        d[outOffset + o] = scale * diff;
      }
      for (let l = L - 1; l >= 0; l--) {
        const inSize = inSizes[l]!;
        const out = units[l]!;
        const kernel = kernels[l]!;
        const bias = biases[l]!;
        const code = codes[l]!;
        const own = actOffsets[l]!;
        const src: Float64Array = l === 0 ? x : a;
        const srcOffset = l === 0 ? xOffset : actOffsets[l - 1]!;
        // δz in place of δa.
        if (code === TANH) {
          for (let j = 0; j < out; j++) {
            const av = a[own + j]!;
            d[own + j] = d[own + j]! * (1 - av * av);
          }
        } else if (code === RELU) {
          for (let j = 0; j < out; j++) if (!(a[own + j]! > 0)) d[own + j] = 0;
        } else if (code === SIGMOID) {
          for (let j = 0; j < out; j++) {
            const av = a[own + j]!;
            d[own + j] = d[own + j]! * av * (1 - av);
          }
        }
        for (let j = 0; j < out; j++) grad[bias + j] = grad[bias + j]! + d[own + j]!;
        if (l === 0) {
          // The input needs no δ.
          for (let i = 0; i < inSize; i++) {
            const pv = src[srcOffset + i]!;
            const row = kernel + i * out;
            for (let j = 0; j < out; j++) grad[row + j] = grad[row + j]! + pv * d[own + j]!;
          }
        } else {
          for (let i = 0; i < inSize; i++) {
            const pv = src[srcOffset + i]!;
            const row = kernel + i * out;
            let back = 0;
            for (let j = 0; j < out; j++) {
              const dz = d[own + j]!;
              grad[row + j] = grad[row + j]! + pv * dz;
              back += w[row + j]! * dz;
            }
            d[srcOffset + i] = back;
          }
        }
      }
    }
    loss[0] = sum / (count * outputs);
  }

  function squaredError(x: Float64Array, y: Float64Array, order: Int32Array | null, first: number, count: number): number {
    const a = acts;
    let sum = 0;
    for (let q = 0; q < count; q++) {
      const r = order ? order[first + q]! : first + q;
      forward(x, r * inputSize);
      for (let o = 0; o < outputs; o++) {
        const diff = a[outOffset + o]! - y[r * outputs + o]!;
        sum += diff * diff;
      }
    }
    return sum;
  }

  return {
    gradient,
    loss,
    squaredError,
    forwardSample(x, offset) {
      forward(x, offset);
      return output;
    },
  };
}
