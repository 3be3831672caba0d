import { describe, expect, it } from "vitest";
import { ACTIVATIONS } from "../../../src/engine/activations";
import { createModel, type ModelSpec } from "../../../src/engine/model";
import type { Dataset } from "../../../src/engine/train";
import { greenhouse, randomDataset } from "./fixtures";

/** Central differences: (L(w + h·e_k) − L(w − h·e_k)) / 2h for every weight k. */
function numericGradient(spec: ModelSpec, data: Dataset, weights: Float64Array, rows: Int32Array, h = 1e-5): Float64Array {
  const model = createModel(spec, 0);
  model.setWeights(weights);
  const result = new Float64Array(weights.length);
  for (let k = 0; k < weights.length; k++) {
    const keep = model.weights[k]!;
    model.weights[k] = keep + h;
    const up = model.batchLoss(data.x, data.y, rows);
    model.weights[k] = keep - h;
    const down = model.batchLoss(data.x, data.y, rows);
    model.weights[k] = keep;
    result[k] = (up - down) / (2 * h);
  }
  return result;
}

/** Largest |a − n| / max(|a|, |n|, 1e-3): relative where the gradient is not tiny. */
function maxRelativeError(a: Float64Array, n: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const scale = Math.max(Math.abs(a[k]!), Math.abs(n[k]!), 1e-3);
    worst = Math.max(worst, Math.abs(a[k]! - n[k]!) / scale);
  }
  return worst;
}

function check(spec: ModelSpec, data: Dataset, seed: number): number {
  const model = createModel(spec, seed);
  // Move off the initialisation so that biases and the loss are not special.
  for (let k = 0; k < model.weights.length; k++) model.weights[k] = model.weights[k]! + 0.1 * Math.sin(k + seed);
  const rows = Int32Array.from({ length: Math.min(data.n, 7) }, (_, i) => (i * 3) % data.n);
  const analytic = new Float64Array(model.parameterCount);
  model.batchGradient(data.x, data.y, rows, analytic);
  return maxRelativeError(analytic, numericGradient(spec, data, model.weights, rows));
}

describe("gradients match central finite differences (relative error < 1e-6)", () => {
  for (const activation of ACTIVATIONS) {
    it(`dense network with ${activation} hidden and output layers, 2 outputs`, () => {
      const spec: ModelSpec = {
        inputSize: 3,
        layers: [
          { kind: "dense", units: 5, activation },
          { kind: "dense", units: 4, activation },
          { kind: "dense", units: 2, activation },
        ],
      };
      expect(check(spec, randomDataset(20, 3, 2, 5), 3)).toBeLessThan(1e-6);
    });
  }

  it("LSTM followed by dense tanh and linear heads", () => {
    const spec: ModelSpec = {
      inputSize: 3,
      timesteps: 5,
      layers: [
        { kind: "lstm", units: 4 },
        { kind: "dense", units: 3, activation: "tanh" },
        { kind: "dense", units: 1, activation: "linear" },
      ],
    };
    expect(check(spec, randomDataset(12, 3, 1, 4, 5), 2)).toBeLessThan(1e-6);
  });
});

describe("a batch is the mean of its samples", () => {
  const data = greenhouse();
  const spec: ModelSpec = {
    inputSize: 3,
    layers: [
      { kind: "dense", units: 8, activation: "tanh" },
      { kind: "dense", units: 1, activation: "linear" },
    ],
  };
  const rows = Int32Array.from([0, 1, 2, 3, 4]);

  it("batch loss equals the mean of the per-sample losses", () => {
    const model = createModel(spec, 1);
    const s = model.sampleGradients(data.x, data.y, rows);
    const mean = s.losses.reduce((a, b) => a + b, 0) / rows.length;
    expect(Math.abs(s.batchLoss - mean)).toBeLessThan(1e-12);
    expect(model.batchLoss(data.x, data.y, rows)).toBe(s.batchLoss);
  });

  it("batch gradient equals the mean of the per-sample gradients, and is not the gradient of row 5 alone", () => {
    const model = createModel(spec, 1);
    const s = model.sampleGradients(data.x, data.y, rows);
    for (let k = 0; k < model.parameterCount; k++) {
      const mean = s.gradients.reduce((acc, g) => acc + g[k]!, 0) / rows.length;
      expect(Math.abs(s.meanGradient[k]! - mean)).toBeLessThan(1e-12);
    }
    const last = s.gradients[4]!;
    expect(Math.max(...Array.from(last, (v, k) => Math.abs(v - s.meanGradient[k]!)))).toBeGreaterThan(1e-3);
  });

  it("row-by-row and matrix forward passes give the same bits, for a dense net and an LSTM", () => {
    // The same sums in the same order, only the loops nest the other way round.
    const deep = createModel({ inputSize: 3, layers: [{ kind: "dense", units: 6, activation: "tanh" }, { kind: "dense", units: 4, activation: "relu" }, { kind: "dense", units: 2, activation: "sigmoid" }] }, 2);
    for (const model of [createModel(spec, 2), deep]) {
      const matrix = model.predict(data.x, data.n);
      expect(matrix.length).toBe(data.n * model.outputSize);
      expect(Array.from(matrix)).toEqual(Array.from(model.predictRowByRow(data.x, data.n)));
    }
    const seq = randomDataset(10, 3, 1, 3, 5);
    const lstm = createModel({ inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 8 }, { kind: "dense", units: 1, activation: "linear" }] }, 2);
    expect(Array.from(lstm.predict(seq.x, 10))).toEqual(Array.from(lstm.predictRowByRow(seq.x, 10)));
  });

  it("the forward trace of row 1 shows z = x·W + b and a = tanh(z) with the model's own numbers", () => {
    const model = createModel(spec, 3);
    const row = data.x.slice(0, 3);
    const trace = model.forwardTrace(row);
    const first = trace.layers[0]!;
    if (first.kind !== "dense") throw new Error("expected a dense layer");
    const [kernel, bias] = model.parameters();
    for (let j = 0; j < 8; j++) {
      let z = model.weights[bias!.offset + j]!;
      for (let i = 0; i < 3; i++) z += row[i]! * model.weights[kernel!.offset + i * 8 + j]!;
      expect(first.z[j]).toBeCloseTo(z, 14);
      expect(first.a[j]).toBeCloseTo(Math.tanh(z), 14);
    }
    expect(trace.output[0]).toBe(model.predict(row, 1)[0]);
  });
});
