/**
 * The Keras and PyTorch code that builds the network a reader set up in the shape explorer.
 * Pure string building, so the unit tests can pin every line the page shows.
 */

export type ExplorerActivation = "tanh" | "relu" | "sigmoid" | "linear";

export interface ExplorerNetwork {
  features: number;
  /** Units of each hidden layer, in order; [] means a single Dense layer straight to the outputs. */
  hidden: number[];
  outputs: number;
  /** Activation of the hidden layers; the output layer is always linear (regression). */
  activation: ExplorerActivation;
  batchSize: number;
}

const TORCH_ACTIVATION: Record<Exclude<ExplorerActivation, "linear">, string> = {
  tanh: "nn.Tanh()",
  relu: "nn.ReLU()",
  sigmoid: "nn.Sigmoid()",
};

/** Keras 3: an explicit Input tensor (no weights), then one Dense layer per hidden layer and the output layer. */
export function kerasCode(net: ExplorerNetwork, parameterCount: number): string {
  const activation = net.activation === "linear" ? "" : `, activation="${net.activation}"`;
  const lines = [
    "import numpy as np",
    "import keras",
    "from keras import layers",
    "",
    "model = keras.Sequential([",
    `    keras.Input(shape=(${net.features},)),  # ${net.features} values per sample; no weights`,
    ...net.hidden.map((units) => `    layers.Dense(${units}${activation}),`),
    `    layers.Dense(${net.outputs}),`,
    "])",
    `model.summary()  # Total params: ${parameterCount.toLocaleString("en-US")}`,
    "",
    `x = np.zeros((${net.batchSize}, ${net.features}))  # a batch of ${net.batchSize} sample${net.batchSize === 1 ? "" : "s"}`,
    `print(model(x).shape)  # (${net.batchSize}, ${net.outputs})`,
  ];
  return lines.join("\n");
}

/**
 * PyTorch: nn.Linear(in, out) per layer, with the activation as its own module between them.
 * There is no input layer object: the first Linear's in_features is the input size.
 */
export function pytorchCode(net: ExplorerNetwork, parameterCount: number): string {
  const widths = [net.features, ...net.hidden, net.outputs];
  const body: string[] = [];
  for (let k = 0; k + 1 < widths.length; k++) {
    body.push(`    nn.Linear(${widths[k]}, ${widths[k + 1]}),`);
    const isOutput = k + 2 === widths.length;
    if (!isOutput && net.activation !== "linear") body.push(`    ${TORCH_ACTIVATION[net.activation]},`);
  }
  const lines = [
    "import torch",
    "from torch import nn",
    "",
    "model = nn.Sequential(",
    ...body,
    ")",
    `print(sum(p.numel() for p in model.parameters()))  # ${parameterCount}`,
    "",
    `x = torch.zeros(${net.batchSize}, ${net.features})  # a batch of ${net.batchSize} sample${net.batchSize === 1 ? "" : "s"}`,
    `print(model(x).shape)  # torch.Size([${net.batchSize}, ${net.outputs}])`,
  ];
  return lines.join("\n");
}

/**
 * Which nodes of a layer with `count` units to draw when at most `cap` fit: all of them when they
 * fit, else the first ⌈(cap−1)/2⌉ and the last ⌊(cap−1)/2⌋ with an ellipsis between (taking one slot).
 * Returns 0-based unit indices and whether an ellipsis follows position `ellipsisAfter`.
 */
export function drawnNodes(count: number, cap: number): { units: number[]; ellipsisAfter: number | null } {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number ≥ 1 (got ${count})`);
  if (!Number.isInteger(cap) || cap < 3) throw new RangeError(`cap must be a whole number ≥ 3 (got ${cap})`);
  if (count <= cap) return { units: Array.from({ length: count }, (_, i) => i), ellipsisAfter: null };
  const head = Math.ceil((cap - 1) / 2);
  const tail = cap - 1 - head;
  const units = [...Array.from({ length: head }, (_, i) => i), ...Array.from({ length: tail }, (_, i) => count - tail + i)];
  return { units, ellipsisAfter: head - 1 };
}
