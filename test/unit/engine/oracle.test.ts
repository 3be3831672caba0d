/**
 * Oracle: the same runs in TensorFlow.js (CPU backend, float32) must give the same loss history.
 * Same model, same initial weights (ours, copied into tf's variables), same batches (our
 * batchRows fed to tf step by step), same optimizer via optimizer.minimize. Both sides start
 * from float32-rounded weights and data, so the only difference left is float32 vs float64
 * arithmetic, hence the ~1e-4 relative tolerance.
 */
import * as tf from "../../../scripts/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { batchRows, iterationsPerEpoch } from "../../../src/engine/batching";
import { createModel, type ModelSpec } from "../../../src/engine/model";
import type { OptimizerConfig } from "../../../src/engine/optimizers";
import { trainRun, type Dataset } from "../../../src/engine/train";
import { greenhouse, greenhouseWindows } from "./fixtures";

const EPOCHS = 3;

function toF32(d: Dataset): Dataset {
  return { ...d, x: Float64Array.from(d.x, Math.fround), y: Float64Array.from(d.y, Math.fround) };
}

function tfOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.kind) {
    case "sgd":
      return tf.train.sgd(config.learningRate);
    case "momentum":
      return tf.train.momentum(config.learningRate, config.momentum ?? 0.9);
    case "adam":
      return tf.train.adam(config.learningRate, 0.9, 0.999, 1e-7);
  }
}

function tfModel(spec: ModelSpec): tf.LayersModel {
  const layers: tf.layers.Layer[] = [];
  spec.layers.forEach((layer, index) => {
    const inputShape = index === 0 ? (spec.timesteps ? [spec.timesteps, spec.inputSize] : [spec.inputSize]) : undefined;
    if (layer.kind === "lstm") {
      layers.push(tf.layers.lstm({ units: layer.units, recurrentActivation: "sigmoid", ...(inputShape ? { inputShape } : {}) }));
    } else {
      layers.push(tf.layers.dense({ units: layer.units, activation: layer.activation, ...(inputShape ? { inputShape } : {}) }));
    }
  });
  return tf.sequential({ layers });
}

/** Runs tf with our batches; returns the loss of each batch before its update. */
function tfRun(spec: ModelSpec, data: Dataset, weights: Float64Array, batchSize: number, optimizerConfig: OptimizerConfig): number[] {
  const model = tfModel(spec);
  const ours = createModel(spec, 0);
  model.setWeights(ours.parameters().map((p) => tf.tensor(Float32Array.from(weights.subarray(p.offset, p.offset + p.size)), p.shape, "float32")));
  const optimizer = tfOptimizer(optimizerConfig);
  const sample = data.features * (data.timesteps ?? 1);
  const shape = (b: number): number[] => (data.timesteps ? [b, data.timesteps, data.features] : [b, data.features]);
  const losses: number[] = [];
  const perEpoch = iterationsPerEpoch(data.n, batchSize);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let it = 0; it < perEpoch; it++) {
      const rows = batchRows(data.n, epoch, it, { batchSize, shuffle: true, seed: 5 });
      const xb = new Float32Array(rows.length * sample);
      const yb = new Float32Array(rows.length);
      rows.forEach((r, b) => {
        xb.set(data.x.subarray(r * sample, (r + 1) * sample), b * sample);
        yb[b] = data.y[r]!;
      });
      const cost = tf.tidy(() => {
        const x = tf.tensor(xb, shape(rows.length));
        const y = tf.tensor(yb, [rows.length, 1]);
        const loss = optimizer.minimize(() => tf.mean(tf.square(tf.sub(model.apply(x) as tf.Tensor, y))) as tf.Scalar, true);
        if (!loss) throw new Error("minimize returned no cost");
        return loss;
      });
      losses.push(cost.dataSync()[0]!);
      cost.dispose();
    }
  }
  optimizer.dispose();
  model.dispose();
  return losses;
}

const optimizers: OptimizerConfig[] = [
  { kind: "sgd", learningRate: 0.05 },
  { kind: "momentum", learningRate: 0.02, momentum: 0.9 },
  { kind: "adam", learningRate: 0.01 },
];

const models: { label: string; spec: ModelSpec; data: () => Dataset }[] = [
  {
    label: "3-8-1 tanh MLP",
    spec: { inputSize: 3, layers: [{ kind: "dense", units: 8, activation: "tanh" }, { kind: "dense", units: 1, activation: "linear" }] },
    data: () => toF32(greenhouse()),
  },
  {
    label: "LSTM(8) on windows of 5 + dense head",
    spec: { inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 8 }, { kind: "dense", units: 1, activation: "linear" }] },
    data: () => toF32(greenhouseWindows(5)),
  },
];

beforeAll(async () => {
  await tf.setBackend("cpu");
  await tf.ready();
});

describe("loss histories agree with TensorFlow.js", () => {
  for (const { label, spec, data } of models) {
    for (const optimizer of optimizers) {
      for (const batchSize of [1, 5, 8, 50]) {
        it(`${label}, ${optimizer.kind}, batch ${batchSize}`, () => {
          const d = data();
          const b = Math.min(batchSize, d.n);
          const weights = Float64Array.from(createModel(spec, 11).weights, Math.fround);
          const ours = trainRun({ model: spec, data: d, batchSize: b, epochs: EPOCHS, shuffle: true, dropLast: false, seed: 5, optimizer, initialWeights: weights });
          const theirs = tfRun(spec, d, weights, b, optimizer);
          expect(ours.batchLoss.length).toBe(theirs.length);
          // Each batch loss within 1e-4 relative, plus 1e-6 absolute: at batch 1 a single
          // sample's loss can be ~1e-5, where float32's rounding of ŷ − y alone is ~1e-4 relative.
          theirs.forEach((t, i) => {
            expect(Math.abs(ours.batchLoss[i]! - t)).toBeLessThan(1e-4 * Math.abs(t) + 1e-6);
          });
          // Each epoch's mean batch loss within 1e-4 relative, no floor.
          const k = theirs.length / EPOCHS;
          for (let e = 0; e < EPOCHS; e++) {
            const mean = (a: ArrayLike<number>): number => {
              let sum = 0;
              for (let i = e * k; i < (e + 1) * k; i++) sum += a[i]!;
              return sum / k;
            };
            const t = mean(theirs);
            expect(Math.abs(mean(ours.batchLoss) - t) / t).toBeLessThan(1e-4);
          }
        });
      }
    }
  }
});
