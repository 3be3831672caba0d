/**
 * What a network is, before it has weights: its layers, and the weight tensors they imply.
 *
 * Layouts follow Keras: a dense kernel is [in, units] (row-major, W[i·units + j]) with a bias
 * [units]; an LSTM of H units on F features per step has a kernel [F, 4H], a recurrent kernel
 * [H, 4H] and one bias [4H], gates in the order i, f, c, o. Every parameter count in the engine is
 * the sum of these shapes (`layerParameterCount`), so the count a lesson quotes is the size of the
 * buffer a model trains.
 */

import type { Activation } from "./activations";

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
  /** Keras-style name, e.g. "dense_1/kernel" or "lstm/recurrent_kernel". */
  name: string;
  shape: number[];
  /** Start of this parameter in the flat weight buffer. */
  offset: number;
  size: number;
}

function requireWhole(name: string, value: unknown, min: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number ≥ ${min} (got ${String(value)})`);
  }
}

/** Throws a RangeError naming the first thing the engine cannot build. */
export function validateSpec(spec: ModelSpec): void {
  requireWhole("inputSize", spec.inputSize, 1);
  if (spec.layers.length === 0) throw new RangeError("a model needs at least one layer");
  spec.layers.forEach((layer, index) => {
    requireWhole(`layers[${index}].units`, layer.units, 1);
    if (layer.kind === "lstm" && index !== 0) {
      throw new RangeError(`an LSTM layer may only be the first layer (found at layers[${index}])`);
    }
  });
  if (spec.layers[spec.layers.length - 1]!.kind !== "dense") {
    throw new RangeError("the last layer must be dense: it maps the LSTM's last hidden state to the outputs");
  }
  if (spec.layers[0]!.kind === "lstm") requireWhole("timesteps", spec.timesteps, 1);
  else if (spec.timesteps !== undefined) {
    throw new RangeError("timesteps is only allowed when the first layer is an LSTM");
  }
}

/**
 * Keras and PyTorch store the same layers in different tensors: PyTorch keeps each kernel transposed
 * ([out, in]) and gives an LSTM two bias vectors that always add up (b_ih + b_hh), so its LSTM has
 * 4H more trainable numbers. The engine trains Keras' layout.
 */
export type Framework = "keras" | "pytorch";

/** The weight tensors of one layer fed `inputWidth` numbers (per step, for an LSTM), as `framework` stores them. */
export function layerTensors(layer: LayerSpec, inputWidth: number, framework: Framework = "keras"): { tensor: string; shape: number[] }[] {
  const u = layer.units;
  if (layer.kind === "dense") {
    return framework === "keras"
      ? [
          { tensor: "kernel", shape: [inputWidth, u] },
          { tensor: "bias", shape: [u] },
        ]
      : [
          { tensor: "weight", shape: [u, inputWidth] },
          { tensor: "bias", shape: [u] },
        ];
  }
  const gates = 4 * u;
  return framework === "keras"
    ? [
        { tensor: "kernel", shape: [inputWidth, gates] },
        { tensor: "recurrent_kernel", shape: [u, gates] },
        { tensor: "bias", shape: [gates] },
      ]
    : [
        { tensor: "weight_ih_l0", shape: [gates, inputWidth] },
        { tensor: "weight_hh_l0", shape: [gates, u] },
        { tensor: "bias_ih_l0", shape: [gates] },
        { tensor: "bias_hh_l0", shape: [gates] },
      ];
}

/** Numbers in a tensor of this shape. */
export function tensorSize(shape: readonly number[]): number {
  return shape.reduce((p, s) => p * s, 1);
}

/**
 * Trainable numbers of one layer: a dense layer in·u + u; an LSTM 4·(H·(F + H) + H) in Keras,
 * 4·(H·(F + H) + 2H) in PyTorch. Every parameter count in the engine adds these up.
 */
export function layerParameterCount(layer: LayerSpec, inputWidth: number, framework: Framework = "keras"): number {
  return layerTensors(layer, inputWidth, framework).reduce((sum, t) => sum + tensorSize(t.shape), 0);
}

/** Every parameter of the spec, in the order of the flat weight buffer: layer by layer, kernel before bias. */
export function parameterLayout(spec: ModelSpec): ParameterInfo[] {
  validateSpec(spec);
  const infos: ParameterInfo[] = [];
  let offset = 0;
  let width = spec.inputSize;
  let denseIndex = 0;
  for (const layer of spec.layers) {
    const name = layer.kind === "lstm" ? "lstm" : `dense_${++denseIndex}`;
    for (const { tensor, shape } of layerTensors(layer, width)) {
      const size = tensorSize(shape);
      infos.push({ name: `${name}/${tensor}`, shape, offset, size });
      offset += size;
    }
    width = layer.units;
  }
  return infos;
}

/** Trainable parameters of a spec without building the model (Keras' `count_params`, or PyTorch's). */
export function countParameters(spec: ModelSpec, framework: Framework = "keras"): number {
  validateSpec(spec);
  let width = spec.inputSize;
  let total = 0;
  for (const layer of spec.layers) {
    total += layerParameterCount(layer, width, framework);
    width = layer.units;
  }
  return total;
}

/**
 * The usual regression network as a spec: `hidden` dense layers (each with the hidden activation),
 * then `outputs` linear units. [] hidden layers is a linear model.
 */
export function denseNetwork(inputSize: number, hidden: readonly number[], outputs: number, activation: Activation = "tanh"): ModelSpec {
  return {
    inputSize,
    layers: [
      ...hidden.map((units): LayerSpec => ({ kind: "dense", units, activation })),
      { kind: "dense", units: outputs, activation: "linear" },
    ],
  };
}
