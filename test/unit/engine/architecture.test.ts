import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { denseParameterCount, describeDenseNetwork, describeLstmNetwork, lstmParameterCount } from "../../../src/engine/architecture";
import { countParameters, denseNetwork, type ModelSpec } from "../../../src/engine/modelSpec";

const lstmNet = (timesteps: number, units = 8): ModelSpec => ({
  inputSize: 3,
  timesteps,
  layers: [{ kind: "lstm", units }, { kind: "dense", units: 1, activation: "linear" }],
});

describe("denseParameterCount", () => {
  it("Dense(32, input_shape=(16,)) has 16·32 + 32 = 544 parameters", () => {
    expect(denseParameterCount(16, 32)).toBe(544);
  });

  it("rejects sizes that are not whole numbers from 1", () => {
    expect(() => denseParameterCount(0, 3)).toThrow(new RangeError("The number of inputs must be a whole number of at least 1; got 0."));
    expect(() => denseParameterCount(3, 1.5)).toThrow(RangeError);
  });
});

describe("describeDenseNetwork", () => {
  it("a 3-8-1 network at batch 5 has 3 input units, 41 parameters and the listed shapes", () => {
    const network = describeDenseNetwork(denseNetwork(3, [8], 1), 5);
    expect(network.inputUnits).toBe(3);
    expect(network.parameterCount).toBe(41);
    expect(network.tensors.map((t) => [t.name, t.shape, t.role, t.dependsOnBatch, t.parameters])).toEqual([
      ["X", [5, 3], "input", true, 0],
      ["W1", [3, 8], "weight", false, 24],
      ["b1", [8], "bias", false, 8],
      ["H1", [5, 8], "activation", true, 0],
      ["W2", [8, 1], "weight", false, 8],
      ["b2", [1], "bias", false, 1],
      ["Y_hat", [5, 1], "output", true, 0],
    ]);
  });

  it("the seed's Dense(32) on 16 inputs is one layer of 544 parameters on a 16-unit input", () => {
    const network = describeDenseNetwork(denseNetwork(16, [], 32), 1);
    expect(network.inputUnits).toBe(16);
    expect(network.parameterCount).toBe(544);
  });

  it("with no hidden layers is a linear model: features + 1 parameters per output", () => {
    expect(describeDenseNetwork(denseNetwork(3, [], 1), 50).parameterCount).toBe(4);
  });

  it("the batch size never changes the parameter count, the input units or any weight's shape", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 1024 }),
        fc.integer({ min: 1, max: 1024 }),
        (features, hidden, outputs, b1, b2) => {
          const a = describeDenseNetwork(denseNetwork(features, hidden, outputs), b1);
          const b = describeDenseNetwork(denseNetwork(features, hidden, outputs), b2);
          expect(a.parameterCount).toBe(countParameters(denseNetwork(features, hidden, outputs)));
          expect(b.parameterCount).toBe(a.parameterCount);
          expect(b.inputUnits).toBe(features);
          const weightShapes = (n: typeof a) => n.tensors.filter((t) => !t.dependsOnBatch).map((t) => t.shape);
          expect(weightShapes(b)).toEqual(weightShapes(a));
          for (const t of b.tensors) {
            if (t.dependsOnBatch) expect(t.shape[0]).toBe(b2);
          }
        },
      ),
    );
  });

  it("rejects invalid sizes with a message naming the size", () => {
    expect(() => describeDenseNetwork(denseNetwork(3, [8], 1), 0)).toThrow(new RangeError("The batch size must be a whole number of at least 1; got 0."));
    expect(() => describeDenseNetwork(denseNetwork(3, [8, -1], 1), 5)).toThrow(new RangeError("layers[1].units must be a whole number ≥ 1 (got -1)"));
    expect(() => describeDenseNetwork(denseNetwork(0, [], 1), 5)).toThrow(RangeError);
    expect(() => describeDenseNetwork(lstmNet(5), 5)).toThrow(/dense layers only/);
  });
});

describe("LSTM parameter counts", () => {
  it("Keras counts 4·(H·(F+H)+H): 3 features, 8 units → 384", () => {
    expect(lstmParameterCount(3, 8, "keras")).toBe(384);
  });

  it("PyTorch counts a second bias vector, 4·(H·(F+H)+2H): 3 features, 8 units → 416", () => {
    expect(lstmParameterCount(3, 8, "pytorch")).toBe(416);
  });

  it("PyTorch always has exactly 4H more than Keras", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (f, h) => {
        expect(lstmParameterCount(f, h, "pytorch") - lstmParameterCount(f, h, "keras")).toBe(4 * h);
      }),
    );
  });
});

describe("describeLstmNetwork", () => {
  it("takes (B, T, F) = (8, 5, 3) and in Keras has kernel (3, 32), recurrent kernel (8, 32), bias (32)", () => {
    const network = describeLstmNetwork(lstmNet(5), 8, "keras");
    expect(network.inputUnits).toBe(3);
    expect(network.tensors.map((t) => [t.name, t.shape])).toEqual([
      ["X", [8, 5, 3]],
      ["lstm/kernel", [3, 32]],
      ["lstm/recurrent_kernel", [8, 32]],
      ["lstm/bias", [32]],
      ["h_T", [8, 8]],
      ["dense/kernel", [8, 1]],
      ["dense/bias", [1]],
      ["Y_hat", [8, 1]],
    ]);
    expect(network.parameterCount).toBe(384 + 9);
  });

  it("in PyTorch uses (4H, F) and (4H, H) weights and two biases", () => {
    const network = describeLstmNetwork(lstmNet(5), 8, "pytorch");
    expect(network.tensors.map((t) => [t.name, t.shape, t.role])).toEqual([
      ["X", [8, 5, 3], "input"],
      ["lstm.weight_ih_l0", [32, 3], "weight"],
      ["lstm.weight_hh_l0", [32, 8], "weight"],
      ["lstm.bias_ih_l0", [32], "bias"],
      ["lstm.bias_hh_l0", [32], "bias"],
      ["h_T", [8, 8], "activation"],
      ["linear.weight", [1, 8], "weight"],
      ["linear.bias", [1], "bias"],
      ["Y_hat", [8, 1], "output"],
    ]);
    expect(network.parameterCount).toBe(416 + 9);
    expect(countParameters(lstmNet(5), "pytorch")).toBe(416 + 9);
  });

  it("neither the window length nor the batch size changes the parameter count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 64 }), (timesteps, batchSize) => {
        const network = describeLstmNetwork(lstmNet(timesteps), batchSize, "keras");
        expect(network.parameterCount).toBe(393);
      }),
    );
  });

  it("rejects invalid sizes", () => {
    expect(() => describeLstmNetwork(lstmNet(0), 8, "keras")).toThrow(new RangeError("timesteps must be a whole number ≥ 1 (got 0)"));
    expect(() => describeLstmNetwork(denseNetwork(3, [8], 1), 8, "keras")).toThrow(/first layer is an LSTM/);
  });
});
