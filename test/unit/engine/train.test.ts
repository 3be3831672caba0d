import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchRows, iterationsPerEpoch } from "../../../src/engine/batching";
import { createModel, type ModelSpec } from "../../../src/engine/model";
import type { OptimizerConfig } from "../../../src/engine/optimizers";
import { fullLoss, trainRun, type TrainConfig } from "../../../src/engine/train";
import { greenhouse, greenhouseWindows, randomDataset } from "./fixtures";

const mlp: ModelSpec = {
  inputSize: 3,
  layers: [
    { kind: "dense", units: 8, activation: "tanh" },
    { kind: "dense", units: 1, activation: "linear" },
  ],
};
const data = greenhouse();

function config(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    model: mlp,
    data,
    batchSize: 8,
    epochs: 5,
    shuffle: true,
    dropLast: false,
    seed: 3,
    optimizer: { kind: "sgd", learningRate: 0.05 },
    ...overrides,
  };
}

function noNaN(a: Float64Array): boolean {
  return a.every((v) => Number.isFinite(v));
}

describe("trainRun", () => {
  it("records one batch loss per update and Keras' counts: 50 rows, batch 8, 5 epochs → 35 updates", () => {
    const r = trainRun(config());
    expect(r.iterationsPerEpoch).toBe(7);
    expect(r.updates).toBe(35);
    expect(r.batchLoss.length).toBe(35);
    expect(r.samplesSeen).toBe(250);
    expect(r.epochFullLoss.length).toBe(5);
    expect(r.diverged).toBeNull();
    expect(r.epochFullLoss[4]!).toBeLessThan(r.initialFullLoss);
  });

  it("the running epoch loss is the batch-size-weighted mean of that epoch's batch losses", () => {
    const r = trainRun(config());
    const sizes = [8, 8, 8, 8, 8, 8, 2];
    for (let e = 0; e < 5; e++) {
      let sum = 0;
      sizes.forEach((b, i) => (sum += b * r.batchLoss[e * 7 + i]!));
      expect(r.epochRunningLoss[e]).toBeCloseTo(sum / 50, 14);
    }
  });

  it("the full loss after each epoch is the loss of all 50 rows with that epoch's final weights", () => {
    const r = trainRun(config({ snapshots: "epoch" }));
    expect(r.snapshots.length).toBe(6);
    expect(r.initialFullLoss).toBe(fullLoss(mlp, data, r.snapshots[0]!));
    for (let e = 0; e < 5; e++) expect(r.epochFullLoss[e]).toBe(fullLoss(mlp, data, r.snapshots[e + 1]!));
    expect(Array.from(r.snapshots[5]!)).toEqual(Array.from(r.finalWeights));
  });

  it("fullLossEachEpoch false skips the per-epoch full loss and changes nothing else, for dense and LSTM models", () => {
    const windows = greenhouseWindows(5);
    const lstm: ModelSpec = { inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 4 }, { kind: "dense", units: 1, activation: "linear" }] };
    for (const base of [config({ epochs: 7 }), config({ model: lstm, data: windows, epochs: 3, optimizer: { kind: "adam", learningRate: 0.01 } })]) {
      const every = trainRun(base);
      const last = trainRun({ ...base, fullLossEachEpoch: false });
      expect(last.epochFullLoss.length).toBe(0);
      expect(every.finalFullLoss).toBe(every.epochFullLoss[every.epochFullLoss.length - 1]);
      expect(last.finalFullLoss).toBe(every.finalFullLoss);
      expect(last.finalFullLoss).toBe(fullLoss(base.model, base.data, last.finalWeights));
      expect(Array.from(last.finalWeights)).toEqual(Array.from(every.finalWeights));
      expect(Array.from(last.batchLoss)).toEqual(Array.from(every.batchLoss));
      expect(Array.from(last.epochRunningLoss)).toEqual(Array.from(every.epochRunningLoss));
    }
    const untrained = trainRun(config({ epochs: 0, fullLossEachEpoch: false }));
    expect(untrained.finalFullLoss).toBe(untrained.initialFullLoss);
  });

  it("fullLossEachEpoch false still stops a diverging run, and its final loss is NaN rather than a number", () => {
    const r = trainRun(config({ optimizer: { kind: "sgd", learningRate: 1e6 }, epochs: 20, fullLossEachEpoch: false }));
    expect(r.diverged).not.toBeNull();
    expect(r.finalFullLoss).toBeNaN();
    expect(noNaN(r.batchLoss) && noNaN(r.epochRunningLoss)).toBe(true);
    expect(r.updates).toBe(r.batchLoss.length);
  });

  it("each batch loss is the loss of that batch's rows (from batchRows with the run's seed) before the update", () => {
    const r = trainRun(config({ snapshots: "iteration", epochs: 2 }));
    const model = createModel(mlp, 0);
    for (let g = 0; g < r.updates; g++) {
      model.setWeights(r.snapshots[g]!);
      const rows = batchRows(50, Math.floor(g / 7), g % 7, { batchSize: 8, shuffle: true, seed: 3 });
      expect(model.batchLoss(data.x, data.y, rows)).toBe(r.batchLoss[g]);
    }
  });

  it("starts from initialWeights when given, and from the seed otherwise", () => {
    const w = createModel(mlp, 99).getWeights();
    const r = trainRun(config({ initialWeights: w, epochs: 0, snapshots: "epoch" }));
    expect(Array.from(r.finalWeights)).toEqual(Array.from(w));
    const s = trainRun(config({ epochs: 0 }));
    expect(Array.from(s.finalWeights)).toEqual(Array.from(createModel(mlp, 3).weights));
  });

  it("a huge learning rate stops at the iteration where the loss stops being finite, with no NaN returned", () => {
    const r = trainRun(config({ optimizer: { kind: "sgd", learningRate: 1e6 }, epochs: 20 }));
    expect(r.diverged).not.toBeNull();
    const d = r.diverged!;
    expect(d.globalIteration).toBe(d.epoch * 7 + d.iteration);
    expect(r.batchLoss.length).toBeLessThanOrEqual(d.globalIteration + 1);
    expect(r.updates).toBe(r.batchLoss.length);
    expect(noNaN(r.batchLoss) && noNaN(r.epochRunningLoss) && noNaN(r.epochFullLoss)).toBe(true);
    expect(r.epochFullLoss.length).toBe(r.epochRunningLoss.length);
    expect(d.message).toMatch(/learning rate/);
  });

  it("trains an LSTM on the 46 windows of 5 rows", () => {
    const windows = greenhouseWindows(5);
    expect(windows.n).toBe(46);
    const r = trainRun({
      model: { inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 8 }, { kind: "dense", units: 1, activation: "linear" }] },
      data: windows,
      batchSize: 8,
      epochs: 20,
      shuffle: true,
      dropLast: false,
      seed: 1,
      optimizer: { kind: "adam", learningRate: 0.01 },
    });
    expect(r.iterationsPerEpoch).toBe(6);
    expect(r.epochFullLoss[19]!).toBeLessThan(0.5 * r.initialFullLoss);
  });

  it("rejects data whose feature count does not match the model's input size", () => {
    expect(() => trainRun(config({ data: randomDataset(10, 4, 1, 1) }))).toThrow(/4 features .* inputSize is 3/);
  });
});

describe("determinism over random configurations", () => {
  it("the same configuration gives bit-identical trainRun results", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) => fc.record({ n: fc.constant(n), batchSize: fc.integer({ min: 1, max: n }) })),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<OptimizerConfig["kind"]>("sgd", "momentum", "adam"),
        ({ n, batchSize }, seed, shuffle, dropLast, kind) => {
          const c: TrainConfig = {
            model: { inputSize: 2, layers: [{ kind: "dense", units: 4, activation: "tanh" }, { kind: "dense", units: 1, activation: "linear" }] },
            data: randomDataset(n, 2, 1, seed),
            batchSize,
            epochs: 3,
            shuffle,
            dropLast,
            seed,
            optimizer: { kind, learningRate: 0.01 },
          };
          const a = trainRun(c);
          const b = trainRun(c);
          expect(Array.from(a.batchLoss)).toEqual(Array.from(b.batchLoss));
          expect(Array.from(a.finalWeights)).toEqual(Array.from(b.finalWeights));
          expect(a.updates).toBe(3 * iterationsPerEpoch(n, batchSize, { dropLast }));
        },
      ),
      { numRuns: 60 },
    );
  });
});
