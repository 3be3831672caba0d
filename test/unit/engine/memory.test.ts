import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { largestBatchForBudget, trainingMemory, type TrainingMemorySpec } from "../../../src/engine/memory";
import { denseNetwork, type ModelSpec } from "../../../src/engine/modelSpec";

const mlp = (features: number): TrainingMemorySpec => ({ network: denseNetwork(features, [256, 256], 1), bytesPerValue: 4, optimizer: "adam" });
const GiB = 2 ** 30;

describe("trainingMemory", () => {
  it("splits a 3-8-1 float32 SGD network at batch 5 into its terms", () => {
    const memory = trainingMemory({ network: denseNetwork(3, [8], 1), bytesPerValue: 4, optimizer: "sgd" }, 5);
    // 41 parameters; per sample: 3 inputs + 2·8 (z and a) + 2·1 (prediction and its gradient) = 21 values.
    expect(memory).toEqual({
      parameters: 41,
      weights: 164,
      gradients: 164,
      optimizerState: 0,
      activations: 5 * 21 * 4,
      total: 164 + 164 + 420,
      perSampleActivations: 84,
    });
  });

  it("keeps 0, 1 and 2 copies of the parameters as optimizer state for SGD, momentum and Adam", () => {
    const state = (optimizer: TrainingMemorySpec["optimizer"]) => trainingMemory({ ...mlp(3), optimizer }, 1).optimizerState;
    expect([state("sgd"), state("momentum"), state("adam")]).toEqual([0, 67_073 * 4, 2 * 67_073 * 4]);
  });

  it("scales every term with the bytes per value", () => {
    const half = trainingMemory({ ...mlp(3), bytesPerValue: 2 }, 32);
    const double = trainingMemory({ ...mlp(3), bytesPerValue: 8 }, 32);
    expect(double.total).toBe(4 * half.total);
  });

  it("only the activations grow with the batch size, linearly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (b1, b2) => {
        const a = trainingMemory(mlp(3), b1);
        const b = trainingMemory(mlp(3), b2);
        expect([b.weights, b.gradients, b.optimizerState, b.perSampleActivations]).toEqual([
          a.weights,
          a.gradients,
          a.optimizerState,
          a.perSampleActivations,
        ]);
        expect(b.activations - a.activations).toBe((b2 - b1) * a.perSampleActivations);
        expect(b.total - a.total).toBe(b.activations - a.activations);
      }),
    );
  });

  it("counts an LSTM's gates, cell and hidden states at every time step", () => {
    const network: ModelSpec = { inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 8 }, { kind: "dense", units: 1, activation: "linear" }] };
    const memory = trainingMemory({ network, bytesPerValue: 4, optimizer: "sgd" }, 1);
    expect(memory.parameters).toBe(384 + 9);
    // 5·3 inputs + 7·8·5 LSTM values + 2 output values = 297 values.
    expect(memory.perSampleActivations).toBe(297 * 4);
  });

  it("rejects an LSTM without a window length and a negative batch", () => {
    const network: ModelSpec = { inputSize: 3, layers: [{ kind: "lstm", units: 8 }, { kind: "dense", units: 1, activation: "linear" }] };
    expect(() => trainingMemory({ network, bytesPerValue: 4, optimizer: "sgd" }, 1)).toThrow(/timesteps must be a whole number/);
    expect(() => trainingMemory(mlp(3), -1)).toThrow(RangeError);
  });
});

describe("largestBatchForBudget", () => {
  it("gives the largest B that fits, and B + 1 does not", () => {
    const result = largestBatchForBudget(mlp(3), GiB);
    expect(result.batchSize).toBe(260_609);
    expect(result.binding).toBe("activations");
    expect(result.largestTerm).toBe("activations");
    expect(result.memory.total).toBeLessThanOrEqual(GiB);
    expect(trainingMemory(mlp(3), result.batchSize + 1).total).toBeGreaterThan(GiB);
  });

  it("returns 0 with the parameters named as binding when even the weights, gradients and Adam state don't fit", () => {
    const result = largestBatchForBudget(mlp(3), 2 ** 20);
    expect(result.batchSize).toBe(0);
    expect(result.binding).toBe("parameters");
    expect(result.largestTerm).toBe("optimizerState");
  });

  it("is monotone in the budget", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 2 ** 31 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(largestBatchForBudget(mlp(3), low).batchSize).toBeLessThanOrEqual(largestBatchForBudget(mlp(3), high).batchSize);
      }),
    );
  });

  it("10× the features (3 → 30) in a [256, 256] MLP shrinks the largest batch in 1 GiB by under 3%", () => {
    const three = largestBatchForBudget(mlp(3), GiB).batchSize;
    const thirty = largestBatchForBudget(mlp(30), GiB).batchSize;
    expect([three, thirty]).toEqual([260_609, 253_919]);
    expect(thirty / three).toBeGreaterThan(0.97);
    // Per sample the activations hold 3 + 1026 vs 30 + 1026 values: the features are a small
    // part of what each sample costs.
    expect([trainingMemory(mlp(3), 1).perSampleActivations, trainingMemory(mlp(30), 1).perSampleActivations]).toEqual([1029 * 4, 1056 * 4]);
  });

  it("rejects a negative or infinite budget", () => {
    expect(() => largestBatchForBudget(mlp(3), -1)).toThrow(RangeError);
    expect(() => largestBatchForBudget(mlp(3), Infinity)).toThrow(RangeError);
  });
});
