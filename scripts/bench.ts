/**
 * Speed of the training engine against TensorFlow.js (CPU backend), on the course's model:
 * a 3-8-1 tanh MLP on the 50 greenhouse rows, plain SGD, shuffled every epoch.
 *
 *   npx tsx scripts/bench.ts          (npm run bench)
 *
 * Ours: `trainRun`, which also computes the full-dataset loss after every epoch.
 * TF.js: `model.fit({ batchSize, epochs, shuffle: true, verbose: 0 })`, Keras' own loop.
 * Each figure is the median of several timed repetitions after warm-up runs (the minimum is
 * printed too: on a busy machine it is the better estimate of the code's own speed). The TF.js
 * sweep is long, so it is timed once.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { standardise } from "../src/engine/dataset";
import { parseGreenhouseCsv } from "../src/engine/greenhouse";
import type { ModelSpec } from "../src/engine/model";
import { trainRun, type Dataset, type TrainConfig } from "../src/engine/train";
import { makeWindows } from "../src/engine/windows";

const csv = readFileSync(fileURLToPath(new URL("../content/data/greenhouse.csv", import.meta.url)), "utf8");
const rows: Dataset = standardise(parseGreenhouseCsv(csv)).dataset;
const data: Dataset = { n: rows.n, features: rows.features, x: rows.x, y: rows.y };
const windows = makeWindows(data, 5);

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
const EPOCHS = 100;

function config(batchSize: number, overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    model: mlp,
    data,
    batchSize,
    epochs: EPOCHS,
    shuffle: true,
    dropLast: false,
    seed: 1,
    optimizer: { kind: "sgd", learningRate: 0.05 },
    ...overrides,
  };
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Timing {
  median: number;
  min: number;
}

function timeSync(run: () => void, warmup: number, repetitions: number): Timing {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return { median: median(times), min: Math.min(...times) };
}

async function timeAsync(run: () => Promise<void>, warmup: number, repetitions: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

let sink = 0;
const ours100 = timeSync(() => (sink += trainRun(config(5)).finalWeights[0]!), 20, 31);
const oursSweep = timeSync(() => {
  for (let b = 1; b <= 50; b++) sink += trainRun(config(b)).finalWeights[0]!;
}, 3, 11);
const oursLstm = timeSync(
  () => (sink += trainRun(config(8, { model: lstm, data: windows, epochs: 50 })).finalWeights[0]!),
  3,
  11,
);

await tf.setBackend("cpu");
await tf.ready();
const xs = tf.tensor2d(Float32Array.from(data.x), [data.n, 3]);
const ys = tf.tensor2d(Float32Array.from(data.y), [data.n, 1]);
const wx = tf.tensor3d(Float32Array.from(windows.x), [windows.n, 5, 3]);
const wy = tf.tensor2d(Float32Array.from(windows.y), [windows.n, 1]);

function tfMlp(): tf.Sequential {
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 8, activation: "tanh", inputShape: [3] }), tf.layers.dense({ units: 1 })],
  });
  model.compile({ optimizer: tf.train.sgd(0.05), loss: "meanSquaredError" });
  return model;
}

async function tfFit(batchSize: number, epochs: number): Promise<void> {
  const model = tfMlp();
  await model.fit(xs, ys, { batchSize, epochs, shuffle: true, verbose: 0 });
  model.dispose();
}

const tf100 = await timeAsync(() => tfFit(5, EPOCHS), 1, 5);
const sweepStart = performance.now();
for (let b = 1; b <= 50; b++) await tfFit(b, EPOCHS);
const tfSweep = performance.now() - sweepStart;
const tfLstm = await timeAsync(
  async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.lstm({ units: 8, recurrentActivation: "sigmoid", inputShape: [5, 3] }),
        tf.layers.dense({ units: 1 }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: "meanSquaredError" });
    await model.fit(wx, wy, { batchSize: 8, epochs: 50, shuffle: true, verbose: 0 });
    model.dispose();
  },
  1,
  3,
);

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(3) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0));
const table = [
  ["run", "ours median (min) ms", "tfjs ms", "speedup", "target"],
  ["MLP 3-8-1, B=5, 100 epochs", `${fmt(ours100.median)} (${fmt(ours100.min)})`, fmt(tf100), `${(tf100 / ours100.median).toFixed(0)}×`, "≤ 1.5 ms, ≥ 50×"],
  ["MLP sweep B=1..50 × 100 epochs", `${fmt(oursSweep.median)} (${fmt(oursSweep.min)})`, fmt(tfSweep), `${(tfSweep / oursSweep.median).toFixed(0)}×`, "≤ 60 ms, ≥ 50×"],
  ["LSTM(8), window 5, B=8, 50 epochs", `${fmt(oursLstm.median)} (${fmt(oursLstm.min)})`, fmt(tfLstm), `${(tfLstm / oursLstm.median).toFixed(0)}×`, ""],
];
const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
console.log(`Node ${process.version}; ${cpus().length} CPU(s), load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`TF.js ${tf.version.tfjs}, ${tf.getBackend()} backend, via model.fit; SGD lr 0.05, shuffled every epoch`);
console.log("ours: trainRun incl. full-data loss after each epoch; median (min) of 31 / 11 / 11 runs after warm-up");
console.log("tfjs: median of 5 (B=5) and 3 (LSTM) runs after one warm-up; the sweep timed once");
for (const [i, r] of table.entries()) {
  console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
if (!Number.isFinite(sink)) console.log("(non-finite result)");
