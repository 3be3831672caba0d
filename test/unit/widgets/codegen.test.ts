import { describe, expect, it } from "vitest";
import { denseParameterCount } from "../../../src/engine";
import { drawnNodes, kerasCode, pytorchCode, type ExplorerNetwork } from "../../../src/widgets/NetworkExplorer/codegen";

const greenhouseNet: ExplorerNetwork = { features: 3, hidden: [8], outputs: 1, activation: "tanh", batchSize: 5 };
/** Keras' docs example: Dense(32, input_shape=(16,)) is hidden layer 1, the Dense(32) after it the last layer. */
const kerasDocs: ExplorerNetwork = { features: 16, hidden: [32], outputs: 32, activation: "linear", batchSize: 5 };

describe("kerasCode", () => {
  it("writes our greenhouse net with an explicit Input and a tanh hidden layer", () => {
    expect(kerasCode(greenhouseNet, 41)).toBe(
      [
        "import numpy as np",
        "import keras",
        "from keras import layers",
        "",
        "model = keras.Sequential([",
        "    keras.Input(shape=(3,)),  # 3 values per sample; no weights",
        '    layers.Dense(8, activation="tanh"),',
        "    layers.Dense(1),",
        "])",
        "model.summary()  # Total params: 41",
        "",
        "x = np.zeros((5, 3))  # a batch of 5 samples",
        "print(model(x).shape)  # (5, 1)",
      ].join("\n"),
    );
  });
  it("writes the Keras docs example as Input(16), Dense(32), Dense(32): 544 + 1,056 = 1,600 parameters", () => {
    const total = denseParameterCount(16, 32) + denseParameterCount(32, 32);
    expect(total).toBe(1600);
    const code = kerasCode(kerasDocs, total);
    expect(code).toContain("keras.Input(shape=(16,)),  # 16 values per sample; no weights\n    layers.Dense(32),\n    layers.Dense(32),\n])");
    expect(code).toContain("Total params: 1,600");
  });
  it("puts the batch size only in the data, never in a layer", () => {
    const code = kerasCode({ ...greenhouseNet, batchSize: 50 }, 41);
    const modelPart = code.slice(0, code.indexOf("])"));
    expect(modelPart).not.toContain("50");
    expect(code).toContain("np.zeros((50, 3))  # a batch of 50 samples");
    expect(kerasCode({ ...greenhouseNet, batchSize: 1 }, 41)).toContain("# a batch of 1 sample\n");
  });
  it("writes several hidden layers with thousands separators in the count", () => {
    const code = kerasCode({ features: 100, hidden: [64, 64], outputs: 10, activation: "relu", batchSize: 32 }, 11_274);
    expect(code.match(/layers\.Dense\(64, activation="relu"\)/g)).toHaveLength(2);
    expect(code).toContain("Total params: 11,274");
  });
});

describe("pytorchCode", () => {
  it("writes our greenhouse net as Linear, Tanh, Linear", () => {
    expect(pytorchCode(greenhouseNet, 41)).toBe(
      [
        "import torch",
        "from torch import nn",
        "",
        "model = nn.Sequential(",
        "    nn.Linear(3, 8),",
        "    nn.Tanh(),",
        "    nn.Linear(8, 1),",
        ")",
        "print(sum(p.numel() for p in model.parameters()))  # 41",
        "",
        "x = torch.zeros(5, 3)  # a batch of 5 samples",
        "print(model(x).shape)  # torch.Size([5, 1])",
      ].join("\n"),
    );
  });
  it("writes the Keras docs example as nn.Linear(16, 32), nn.Linear(32, 32)", () => {
    const code = pytorchCode(kerasDocs, 1600);
    expect(code).toContain("model = nn.Sequential(\n    nn.Linear(16, 32),\n    nn.Linear(32, 32),\n)");
    expect(code).not.toContain("Tanh");
  });
  it("puts an activation between hidden layers but none after the output layer", () => {
    const code = pytorchCode({ features: 4, hidden: [6, 5], outputs: 2, activation: "relu", batchSize: 3 }, 0);
    expect(code).toContain("    nn.Linear(4, 6),\n    nn.ReLU(),\n    nn.Linear(6, 5),\n    nn.ReLU(),\n    nn.Linear(5, 2),\n)");
  });
  it("leaves out activations when the hidden layers are linear", () => {
    expect(pytorchCode({ ...greenhouseNet, activation: "linear" }, 41)).toContain("    nn.Linear(3, 8),\n    nn.Linear(8, 1),\n)");
  });
});

describe("drawnNodes", () => {
  it("draws every unit when they fit", () => {
    expect(drawnNodes(3, 8)).toEqual({ units: [0, 1, 2], ellipsisAfter: null });
    expect(drawnNodes(8, 8)).toEqual({ units: [0, 1, 2, 3, 4, 5, 6, 7], ellipsisAfter: null });
  });
  it("draws the first and last units of a big layer around an ellipsis", () => {
    expect(drawnNodes(32, 8)).toEqual({ units: [0, 1, 2, 3, 29, 30, 31], ellipsisAfter: 3 });
    expect(drawnNodes(9, 8).units).toHaveLength(7);
  });
  it("rejects nonsense", () => {
    expect(() => drawnNodes(0, 8)).toThrow(RangeError);
    expect(() => drawnNodes(5, 2)).toThrow(RangeError);
  });
});
