/**
 * Shape arithmetic for networks the reader describes: which tensors exist, their shapes, and how
 * many trainable numbers each holds. No weights are created. The point the course makes with it:
 * the batch size B appears only in the shapes of the data flowing through (input, activations,
 * output), never in a weight's shape, so it never changes the parameter count.
 *
 * Networks are ModelSpecs (modelSpec.ts) and every weight shape comes from its `layerTensors`, the
 * same shapes the engine trains, so these counts are the model's.
 */

import { type Framework, layerParameterCount, layerTensors, type LayerSpec, type ModelSpec, tensorSize, validateSpec } from "./modelSpec";

export type { Framework } from "./modelSpec";

export type TensorRole = "input" | "weight" | "bias" | "activation" | "output";

export interface TensorDescription {
  name: string;
  shape: number[];
  role: TensorRole;
  /** True when the first dimension is the batch: the tensor grows with B. */
  dependsOnBatch: boolean;
  /** Trainable values in this tensor: its element count for weights and biases, else 0. */
  parameters: number;
  /** 0 for the input, k for the k-th layer. */
  layer: number;
}

export interface NetworkDescription {
  tensors: TensorDescription[];
  parameterCount: number;
  /** Size of the input layer: the values per sample (per time step for an LSTM), never B. */
  inputUnits: number;
}

/** Throws a RangeError unless value is a whole number ≥ 1, naming what it is. */
export function assertPositiveCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a whole number of at least 1; got ${value}.`);
  }
}

/** A dense layer from `inputs` values to `units` units: weights inputs · units plus one bias per unit. */
export function denseParameterCount(inputs: number, units: number): number {
  assertPositiveCount(inputs, "The number of inputs");
  assertPositiveCount(units, "The number of units");
  return layerParameterCount({ kind: "dense", units, activation: "linear" }, inputs);
}

/**
 * An LSTM layer with F inputs per step and H units has four gates (input, forget, cell, output),
 * each with an input matrix (F × H), a recurrent matrix (H × H) and a bias:
 *   Keras:   4 · (H · (F + H) + H)
 *   PyTorch: 4 · (H · (F + H) + 2H)   (it keeps two bias vectors, b_ih and b_hh, that always add up,
 *            so one of them is redundant but both are trained and counted)
 * The number of time steps T never appears: the same weights are applied at every step.
 */
export function lstmParameterCount(features: number, units: number, framework: Framework): number {
  assertPositiveCount(features, "The number of features");
  assertPositiveCount(units, "The number of LSTM units");
  return layerParameterCount({ kind: "lstm", units }, features, framework);
}

/** The weight tensors of `layer` (the k-th, fed `width` values) as `describe*` lists them. */
function weights(layer: LayerSpec, width: number, k: number, framework: Framework, name: (tensor: string) => string): TensorDescription[] {
  return layerTensors(layer, width, framework).map(({ tensor, shape }) => ({
    name: name(tensor),
    shape,
    role: shape.length === 1 ? "bias" : "weight",
    dependsOnBatch: false,
    parameters: tensorSize(shape),
    layer: k,
  }));
}

/**
 * The input X, then each layer k's weights (named by `weightName`) and its activation: h_T for an
 * LSTM, Hk for a hidden dense layer, Y_hat for the last layer.
 */
function describeNetwork(spec: ModelSpec, batchSize: number, framework: Framework, weightName: (k: number, tensor: string) => string): NetworkDescription {
  const inputShape = spec.timesteps === undefined ? [batchSize, spec.inputSize] : [batchSize, spec.timesteps, spec.inputSize];
  const tensors: TensorDescription[] = [{ name: "X", shape: inputShape, role: "input", dependsOnBatch: true, parameters: 0, layer: 0 }];
  let width = spec.inputSize;
  spec.layers.forEach((layer, index) => {
    const k = index + 1;
    const isOutput = k === spec.layers.length;
    tensors.push(...weights(layer, width, k, framework, (tensor) => weightName(k, tensor)), {
      name: isOutput ? "Y_hat" : layer.kind === "lstm" ? "h_T" : `H${k}`,
      shape: [batchSize, layer.units],
      role: isOutput ? "output" : "activation",
      dependsOnBatch: true,
      parameters: 0,
      layer: k,
    });
    width = layer.units;
  });
  return { tensors, parameterCount: tensors.reduce((sum, t) => sum + t.parameters, 0), inputUnits: spec.inputSize };
}

/**
 * Every tensor of a dense network for one training step, in the lessons' notation: input X (B × F);
 * for layer k with `in` inputs and `out` units, the weights Wk (in × out, Keras' kernel layout;
 * PyTorch's nn.Linear stores the transpose, out × in), the bias bk (out) and the activation
 * Hk = f(H(k−1)·Wk + bk) (B × out). The last layer's activation is the output Y_hat.
 */
export function describeDenseNetwork(spec: ModelSpec, batchSize: number): NetworkDescription {
  validateSpec(spec);
  assertPositiveCount(batchSize, "The batch size");
  if (spec.layers.some((layer) => layer.kind !== "dense")) throw new RangeError("describeDenseNetwork takes dense layers only");
  return describeNetwork(spec, batchSize, "keras", (k, tensor) => `${tensor === "kernel" ? "W" : "b"}${k}`);
}

/**
 * An LSTM over windows of shape (B, T, F) that returns its last hidden state (B, H), followed by
 * dense layers to the outputs. Weight names and layouts follow the chosen framework:
 *   Keras:   kernel (F, 4H), recurrent_kernel (H, 4H), bias (4H); Dense kernel (H, O), bias (O)
 *   PyTorch: weight_ih_l0 (4H, F), weight_hh_l0 (4H, H), bias_ih_l0 (4H), bias_hh_l0 (4H);
 *            Linear weight (O, H), bias (O)
 */
export function describeLstmNetwork(spec: ModelSpec, batchSize: number, framework: Framework): NetworkDescription {
  validateSpec(spec);
  assertPositiveCount(batchSize, "The batch size");
  if (spec.layers[0]!.kind !== "lstm") throw new RangeError("describeLstmNetwork takes a network whose first layer is an LSTM");
  const separator = framework === "keras" ? "/" : ".";
  const dense = framework === "keras" ? "dense" : "linear";
  // Layer 1 is the LSTM; the dense layers after it are named dense, dense_1, … (linear, linear_1, … in PyTorch).
  const layerName = (k: number): string => (k === 1 ? "lstm" : k === 2 ? dense : `${dense}_${k - 2}`);
  return describeNetwork(spec, batchSize, framework, (k, tensor) => `${layerName(k)}${separator}${tensor}`);
}
