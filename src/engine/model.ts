/**
 * A model: one flat Float64Array holding every parameter (layout in modelSpec.ts, starting values in
 * initialWeights.ts), an optional LSTM first (lstmLayer.ts), then a stack of dense layers
 * (denseLayers.ts). Training updates `weights` in place; work buffers are made once per batch
 * capacity, so a training run allocates nothing per step.
 *
 * Two ways to push a batch forward, which give the same bits: row by row (`predictRowByRow`, each
 * sample through every layer) and as matrices (`predict`, the whole batch through each layer in
 * turn, X·W + b); lesson 4 shows that they agree. Both, and every loss and gradient, run the same
 * dense layer code.
 */

import { type DenseLayerPlan, createDenseStack } from "./denseLayers";
import { initialWeights } from "./initialWeights";
import { perSampleSquaredError } from "./loss";
import { createLstmLayer, type LstmLayer, type LstmPlan } from "./lstmLayer";
import { type Activation, type ModelSpec, type ParameterInfo, parameterLayout } from "./modelSpec";

export type { Activation, LayerSpec, ModelSpec, ParameterInfo } from "./modelSpec";
export { countParameters } from "./modelSpec";

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
  readonly parameterCount: number;
  /** Numbers per sample in x: inputSize, or timesteps × inputSize. */
  readonly sampleSize: number;
  readonly outputSize: number;
  /** Every parameter, in `parameters()` order. Training updates it in place. */
  readonly weights: Float64Array;
  parameters(): ParameterInfo[];
  getWeights(): Float64Array;
  setWeights(flat: ArrayLike<number>): void;
  /** Matrix mode: the whole batch through each layer as one matrix product. */
  predict(x: Float64Array, batchSize: number): Float64Array;
  /** Row by row: each sample through the network on its own. */
  predictRowByRow(x: Float64Array, batchSize: number): Float64Array;
  forwardTrace(xRow: Float64Array): ForwardTrace;
  /** Loss of the batch made of `rows` (forward only). */
  batchLoss(x: Float64Array, y: Float64Array, rows: Int32Array): number;
  /** Loss over the first n rows of (x, y): (1/(n·O)) Σ (ŷ − y)². */
  datasetLoss(x: Float64Array, y: Float64Array, n: number): number;
  /** Writes ∇L of the batch `rows` into `gradient` (weight layout, overwritten) and returns L, the loss before any update. */
  batchGradient(x: Float64Array, y: Float64Array, rows: Int32Array, gradient: Float64Array): number;
  /**
   * The training loop's form of `batchGradient`, for the batch order[first … first + count − 1]:
   * writes ∇L into `gradient` and L into `lastLoss[0]` (a buffer, not a return value: V8 boxes a
   * double returned from a call it does not inline, one allocation per update). Allocates nothing
   * once the model has seen a batch this large.
   */
  gradientOfRange(x: Float64Array, y: Float64Array, order: Int32Array, first: number, count: number, gradient: Float64Array): void;
  readonly lastLoss: Float64Array;
  sampleGradients(x: Float64Array, y: Float64Array, rows: Int32Array): SampleGradients;
}

interface NamedDensePlan extends DenseLayerPlan {
  name: string;
}

/** The LSTM (when the spec starts with one) and the dense layers, placed in the flat weights. */
function layerPlans(spec: ModelSpec, layout: ParameterInfo[]): { lstm: LstmPlan | null; dense: NamedDensePlan[] } {
  const at = (name: string): number => layout.find((p) => p.name === name)!.offset;
  let width = spec.inputSize;
  let lstm: LstmPlan | null = null;
  const dense: NamedDensePlan[] = [];
  for (const layer of spec.layers) {
    if (layer.kind === "lstm") {
      lstm = {
        features: spec.inputSize,
        units: layer.units,
        timesteps: spec.timesteps!,
        kernel: at("lstm/kernel"),
        recurrent: at("lstm/recurrent_kernel"),
        bias: at("lstm/bias"),
      };
    } else {
      const name = `dense_${dense.length + 1}`;
      dense.push({ name, inSize: width, units: layer.units, activation: layer.activation, kernel: at(`${name}/kernel`), bias: at(`${name}/bias`) });
    }
    width = layer.units;
  }
  return { lstm, dense };
}

export function createModel(spec: ModelSpec, seed: number): Model {
  const layout = parameterLayout(spec);
  const weights = initialWeights(layout, seed);
  const parameterCount = weights.length;
  const plans = layerPlans(spec, layout);
  const sampleSize = (plans.lstm?.timesteps ?? 1) * spec.inputSize;
  const dense = createDenseStack(plans.dense, weights);
  const outputSize = dense.outputSize;
  const lstm: LstmLayer | null = plans.lstm ? createLstmLayer(plans.lstm, weights) : null;
  const lastLoss = new Float64Array(1);

  // An LSTM reads a batch of windows copied side by side ([count][T][F]), their targets likewise,
  // and hands ∂L/∂h_T back through dh ([count][H]). A dense-only model reads the data in place.
  let capacity = 0;
  let windows = new Float64Array(0);
  let targets = new Float64Array(0);
  let dh = new Float64Array(0);

  function reserve(count: number): void {
    if (count <= capacity) return;
    capacity = Math.max(count, 8);
    windows = new Float64Array(capacity * sampleSize);
    targets = new Float64Array(capacity * outputSize);
    dh = new Float64Array(capacity * dense.inputSize);
  }

  /** Copy the samples order[first … first + count − 1] (rows first … when order is null) into the batch buffers. */
  function loadWindows(x: Float64Array, y: Float64Array | null, order: Int32Array | null, first: number, count: number): void {
    reserve(count);
    for (let b = 0; b < count; b++) {
      const r = order ? order[first + b]! : first + b;
      windows.set(x.subarray(r * sampleSize, (r + 1) * sampleSize), b * sampleSize);
      if (y) targets.set(y.subarray(r * outputSize, (r + 1) * outputSize), b * outputSize);
    }
  }

  function gradientOfRange(x: Float64Array, y: Float64Array, order: Int32Array | null, first: number, count: number, gradient: Float64Array): void {
    if (lstm) {
      loadWindows(x, y, order, first, count);
      const h = lstm.forward(windows, count);
      dense.gradient(h, targets, null, 0, count, gradient, dh);
      lstm.backward(windows, count, dh, gradient);
    } else {
      dense.gradient(x, y, order, first, count, gradient, null);
    }
    lastLoss[0] = dense.loss[0]!;
  }

  /** Σ (ŷ − y)² over the samples order[first … first + count − 1] (rows first … when order is null). */
  function squaredError(x: Float64Array, y: Float64Array, order: Int32Array | null, first: number, count: number): number {
    if (!lstm) return dense.squaredError(x, y, order, first, count);
    loadWindows(x, y, order, first, count);
    return dense.squaredError(lstm.forward(windows, count), targets, null, 0, count);
  }

  /** h_T of window r of x. */
  function lstmWindow(layer: LstmLayer, x: Float64Array, r: number): Float64Array {
    reserve(1);
    windows.set(x.subarray(r * sampleSize, (r + 1) * sampleSize));
    return layer.forward(windows, 1);
  }

  /** Sample r of x through every layer; its outputs into out. */
  function forwardRow(x: Float64Array, r: number, out: Float64Array): void {
    if (lstm) dense.forwardRows(lstmWindow(lstm, x, r), 0, 1, out);
    else dense.forwardRows(x, r, 1, out);
  }

  function sampleGradients(x: Float64Array, y: Float64Array, rows: Int32Array): SampleGradients {
    const count = rows.length;
    const gradients: Float64Array[] = [];
    for (let b = 0; b < count; b++) {
      const g = new Float64Array(parameterCount);
      gradientOfRange(x, y, rows, b, 1, g);
      gradients.push(g);
    }
    const meanGradient = new Float64Array(parameterCount);
    gradientOfRange(x, y, rows, 0, count, meanGradient);
    const batchLoss = lastLoss[0]!;
    const outputs = new Float64Array(count * outputSize);
    const targetRows = new Float64Array(count * outputSize);
    for (let b = 0; b < count; b++) {
      const r = rows[b]!;
      forwardRow(x, r, outputs.subarray(b * outputSize, (b + 1) * outputSize));
      targetRows.set(y.subarray(r * outputSize, (r + 1) * outputSize), b * outputSize);
    }
    const losses = perSampleSquaredError(outputs, targetRows, count, outputSize, new Float64Array(count));
    return { outputs, losses, gradients, meanGradient, batchLoss };
  }

  function forwardTrace(xRow: Float64Array): ForwardTrace {
    if (xRow.length !== sampleSize) {
      throw new RangeError(`a sample has ${sampleSize} numbers (got ${xRow.length})`);
    }
    const layers: LayerTrace[] = [];
    let input: Float64Array = xRow.slice();
    if (lstm) {
      const h = lstmWindow(lstm, xRow, 0).slice(0, dense.inputSize);
      layers.push({ kind: "lstm", layer: "lstm", input, a: h });
      input = h;
    }
    const output = new Float64Array(outputSize);
    dense.forwardRows(input, 0, 1, output);
    plans.dense.forEach((plan, l) => {
      const { z, a } = dense.layerValues(l);
      layers.push({ kind: "dense", layer: plan.name, activation: plan.activation, input, z, a });
      input = a;
    });
    return { layers, output };
  }

  return {
    parameterCount,
    sampleSize,
    outputSize,
    weights,
    lastLoss,
    parameters: () => layout.map((p) => ({ ...p, shape: p.shape.slice() })),
    getWeights: () => weights.slice(),
    setWeights(flat) {
      if (flat.length !== parameterCount) {
        throw new RangeError(`expected ${parameterCount} weights (got ${flat.length})`);
      }
      weights.set(flat);
    },
    predict(x, batchSize) {
      if (!lstm) return dense.forwardBatch(x, batchSize);
      loadWindows(x, null, null, 0, batchSize);
      return dense.forwardBatch(lstm.forward(windows, batchSize), batchSize);
    },
    predictRowByRow(x, batchSize) {
      const result = new Float64Array(batchSize * outputSize);
      for (let b = 0; b < batchSize; b++) forwardRow(x, b, result.subarray(b * outputSize, (b + 1) * outputSize));
      return result;
    },
    forwardTrace,
    batchLoss: (x, y, rows) => squaredError(x, y, rows, 0, rows.length) / (rows.length * outputSize),
    datasetLoss: (x, y, n) => squaredError(x, y, null, 0, n) / (n * outputSize),
    batchGradient(x, y, rows, gradient) {
      gradientOfRange(x, y, rows, 0, rows.length, gradient);
      return lastLoss[0]!;
    },
    gradientOfRange,
    sampleGradients,
  };
}
