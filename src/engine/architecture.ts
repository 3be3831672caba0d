/**
 * Shape arithmetic for networks the reader describes: which tensors exist, their shapes, and how
 * many trainable numbers each holds. No weights are created. The point the course makes with it:
 * the batch size B appears only in the shapes of the data flowing through (input, activations,
 * output), never in a weight's shape, so it never changes the parameter count.
 */

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

export interface DenseNetworkSpec {
  features: number;
  /** Units of each hidden layer, in order; [] is a linear model. */
  hidden: number[];
  outputs: number;
  batchSize: number;
}

export type LstmFramework = "keras" | "pytorch";

export interface LstmNetworkSpec {
  features: number;
  timesteps: number;
  units: number;
  outputs: number;
  batchSize: number;
  framework: LstmFramework;
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
  return inputs * units + units;
}

/**
 * An LSTM layer with F inputs per step and H units has four gates (input, forget, cell, output),
 * each with an input matrix (F × H), a recurrent matrix (H × H) and a bias:
 *   Keras:   4 · (H · (F + H) + H)
 *   PyTorch: 4 · (H · (F + H) + 2H)   (it keeps two bias vectors, b_ih and b_hh, that always add up,
 *            so one of them is redundant but both are trained and counted)
 * The number of time steps T never appears: the same weights are applied at every step.
 */
export function lstmParameterCount(features: number, units: number, framework: LstmFramework): number {
  assertPositiveCount(features, "The number of features");
  assertPositiveCount(units, "The number of LSTM units");
  const biasVectors = framework === "pytorch" ? 2 : 1;
  return 4 * (units * (features + units) + biasVectors * units);
}

/**
 * Every tensor of a dense network for one training step: input X (B × F); for layer k with
 * `in` inputs and `out` units, the weights W_k (in × out, Keras' kernel layout; PyTorch's
 * nn.Linear stores the transpose, out × in), the bias b_k (out) and the activation
 * h_k = f(h_{k−1} W_k + b_k) (B × out). The last layer's activation is the output.
 */
export function describeDenseNetwork({ features, hidden, outputs, batchSize }: DenseNetworkSpec): NetworkDescription {
  assertPositiveCount(features, "The number of features");
  assertPositiveCount(outputs, "The number of outputs");
  assertPositiveCount(batchSize, "The batch size");
  hidden.forEach((units, k) => assertPositiveCount(units, `Hidden layer ${k + 1}'s unit count`));

  const tensors: TensorDescription[] = [
    { name: "X", shape: [batchSize, features], role: "input", dependsOnBatch: true, parameters: 0, layer: 0 },
  ];
  const widths = [...hidden, outputs];
  let inputs = features;
  widths.forEach((units, index) => {
    const layer = index + 1;
    const isOutput = layer === widths.length;
    tensors.push(
      { name: `W${layer}`, shape: [inputs, units], role: "weight", dependsOnBatch: false, parameters: inputs * units, layer },
      { name: `b${layer}`, shape: [units], role: "bias", dependsOnBatch: false, parameters: units, layer },
      {
        name: isOutput ? "Y_hat" : `H${layer}`,
        shape: [batchSize, units],
        role: isOutput ? "output" : "activation",
        dependsOnBatch: true,
        parameters: 0,
        layer,
      },
    );
    inputs = units;
  });
  return {
    tensors,
    parameterCount: tensors.reduce((sum, t) => sum + t.parameters, 0),
    inputUnits: features,
  };
}

/**
 * An LSTM over windows of shape (B, T, F) that returns its last hidden state (B, H), followed by
 * a dense layer to the outputs. Weight names and layouts follow the chosen framework:
 *   Keras:   kernel (F, 4H), recurrent_kernel (H, 4H), bias (4H); Dense kernel (H, O), bias (O)
 *   PyTorch: weight_ih_l0 (4H, F), weight_hh_l0 (4H, H), bias_ih_l0 (4H), bias_hh_l0 (4H);
 *            Linear weight (O, H), bias (O)
 */
export function describeLstmNetwork({ features, timesteps, units, outputs, batchSize, framework }: LstmNetworkSpec): NetworkDescription {
  assertPositiveCount(features, "The number of features");
  assertPositiveCount(timesteps, "The number of time steps");
  assertPositiveCount(units, "The number of LSTM units");
  assertPositiveCount(outputs, "The number of outputs");
  assertPositiveCount(batchSize, "The batch size");

  const gates = 4 * units;
  const weight = (name: string, shape: number[], layer: number): TensorDescription => ({
    name,
    shape,
    role: shape.length === 1 ? "bias" : "weight",
    dependsOnBatch: false,
    parameters: shape.reduce((a, b) => a * b, 1),
    layer,
  });
  const tensors: TensorDescription[] = [
    { name: "X", shape: [batchSize, timesteps, features], role: "input", dependsOnBatch: true, parameters: 0, layer: 0 },
  ];
  if (framework === "keras") {
    tensors.push(
      weight("lstm/kernel", [features, gates], 1),
      weight("lstm/recurrent_kernel", [units, gates], 1),
      weight("lstm/bias", [gates], 1),
    );
  } else {
    tensors.push(
      weight("lstm.weight_ih_l0", [gates, features], 1),
      weight("lstm.weight_hh_l0", [gates, units], 1),
      weight("lstm.bias_ih_l0", [gates], 1),
      weight("lstm.bias_hh_l0", [gates], 1),
    );
  }
  tensors.push({ name: "h_T", shape: [batchSize, units], role: "activation", dependsOnBatch: true, parameters: 0, layer: 1 });
  if (framework === "keras") {
    tensors.push(weight("dense/kernel", [units, outputs], 2), weight("dense/bias", [outputs], 2));
  } else {
    tensors.push(weight("linear.weight", [outputs, units], 2), weight("linear.bias", [outputs], 2));
  }
  tensors.push({ name: "Y_hat", shape: [batchSize, outputs], role: "output", dependsOnBatch: true, parameters: 0, layer: 2 });
  return {
    tensors,
    parameterCount: tensors.reduce((sum, t) => sum + t.parameters, 0),
    inputUnits: features,
  };
}
