import { describe, expect, it } from "vitest";
import { countParameters, createModel, type ModelSpec } from "../../../src/engine/model";

const mlp: ModelSpec = {
  inputSize: 3,
  layers: [
    { kind: "dense", units: 8, activation: "tanh" },
    { kind: "dense", units: 1, activation: "linear" },
  ],
};
const lstm: ModelSpec = {
  inputSize: 3,
  timesteps: 5,
  layers: [
    { kind: "lstm", units: 8 },
    { kind: "dense", units: 1, activation: "linear" },
  ],
};

describe("model layout", () => {
  it("a 3-8-1 network has 41 parameters in Keras' names and shapes", () => {
    const model = createModel(mlp, 1);
    expect(model.parameterCount).toBe(41);
    expect(model.parameters()).toEqual([
      { name: "dense_1/kernel", shape: [3, 8], offset: 0, size: 24 },
      { name: "dense_1/bias", shape: [8], offset: 24, size: 8 },
      { name: "dense_2/kernel", shape: [8, 1], offset: 32, size: 8 },
      { name: "dense_2/bias", shape: [1], offset: 40, size: 1 },
    ]);
  });

  it("Dense(32) on 16 inputs has 544 parameters", () => {
    expect(countParameters({ inputSize: 16, layers: [{ kind: "dense", units: 32, activation: "relu" }] })).toBe(544);
  });

  it("an LSTM of 8 units on 3 features has 4·(8·(3+8)+8) = 384 parameters, Keras' layout", () => {
    const model = createModel(lstm, 1);
    expect(model.parameters().map((p) => [p.name, p.shape])).toEqual([
      ["lstm/kernel", [3, 32]],
      ["lstm/recurrent_kernel", [8, 32]],
      ["lstm/bias", [32]],
      ["dense_1/kernel", [8, 1]],
      ["dense_1/bias", [1]],
    ]);
    expect(model.parameterCount).toBe(384 + 9);
    expect(countParameters(lstm)).toBe(393);
  });

  it("initialises Glorot-uniform kernels, zero biases and a forget-gate bias of 1, deterministically from the seed", () => {
    const model = createModel(mlp, 7);
    const limit = Math.sqrt(6 / (3 + 8));
    expect(model.weights.subarray(0, 24).every((w) => Math.abs(w) <= limit)).toBe(true);
    expect(model.weights.subarray(24, 32).every((w) => w === 0)).toBe(true);
    expect(Array.from(createModel(mlp, 7).weights)).toEqual(Array.from(model.weights));
    expect(Array.from(createModel(mlp, 8).weights)).not.toEqual(Array.from(model.weights));
    const l = createModel(lstm, 1);
    const bias = l.parameters()[2]!;
    expect(Array.from(l.weights.subarray(bias.offset, bias.offset + 32))).toEqual([
      ...Array(8).fill(0),
      ...Array(8).fill(1),
      ...Array(16).fill(0),
    ]);
  });

  it("setWeights copies into the one flat buffer and getWeights returns a copy", () => {
    const model = createModel(mlp, 1);
    const buffer = model.weights;
    const w = new Float64Array(41).fill(0.5);
    model.setWeights(w);
    expect(model.weights).toBe(buffer);
    expect(model.weights[3]).toBe(0.5);
    const copy = model.getWeights();
    copy[0] = 9;
    expect(model.weights[0]).toBe(0.5);
    expect(() => model.setWeights(new Float64Array(40))).toThrow(/expected 41 weights/);
  });

  it("rejects an LSTM that is not first, an LSTM without a dense layer after it, and a sequence model without timesteps", () => {
    expect(() => createModel({ inputSize: 3, layers: [{ kind: "dense", units: 2, activation: "tanh" }, { kind: "lstm", units: 2 }] }, 0)).toThrow(/only be the first layer/);
    expect(() => createModel({ inputSize: 3, layers: [{ kind: "lstm", units: 2 }, { kind: "dense", units: 1, activation: "linear" }] }, 0)).toThrow(/timesteps/);
    expect(() => createModel({ inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 2 }] }, 0)).toThrow(/last layer must be dense/);
    expect(() => createModel({ inputSize: 0, layers: [{ kind: "dense", units: 2, activation: "tanh" }] }, 0)).toThrow(/inputSize/);
  });
});
