/**
 * The engine's results reduced to bit patterns: each case names a computation and gives the
 * SHA-256 (first 16 hex digits) of every float64 it returns, bytes little-endian, so −0, NaN
 * payloads and the last bit all count. pinnedBits.test.ts compares them with digests recorded
 * before the dense implementation was rewritten, so "bit-identical" is checked, not claimed.
 */
import { createHash } from "node:crypto";
import type { ModelSpec } from "../../../src/engine/model";
import { createModel } from "../../../src/engine/model";
import type { OptimizerConfig } from "../../../src/engine/optimizers";
import { fullLoss, trainRun, type TrainConfig, type TrainResult } from "../../../src/engine/train";
import { gradientNoise } from "../../../src/engine/gradientNoise";
import { lossGrid, sgdPath } from "../../../src/engine/landscape";
import { greenhouse, greenhouseWindows, randomDataset } from "./fixtures";

type Numbers = ArrayLike<number> | number;

/** 16 hex digits of SHA-256 over the numbers as little-endian float64. */
export function digest(...parts: Numbers[]): string {
  const values: number[] = [];
  for (const part of parts) {
    if (typeof part === "number") values.push(part);
    else for (let k = 0; k < part.length; k++) values.push(part[k]!);
  }
  const view = new DataView(new ArrayBuffer(8 * values.length));
  values.forEach((v, k) => view.setFloat64(8 * k, v, true));
  return createHash("sha256").update(new Uint8Array(view.buffer)).digest("hex").slice(0, 16);
}

const dense = (inputSize: number, ...layers: [number, "linear" | "tanh" | "relu" | "sigmoid"][]): ModelSpec => ({
  inputSize,
  layers: layers.map(([units, activation]) => ({ kind: "dense", units, activation })),
});

const MLP = dense(3, [8, "tanh"], [1, "linear"]);
const LSTM: ModelSpec = { inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 8 }, { kind: "dense", units: 1, activation: "linear" }] };
const LSTM_DEEP: ModelSpec = {
  inputSize: 3,
  timesteps: 4,
  layers: [{ kind: "lstm", units: 4 }, { kind: "dense", units: 3, activation: "tanh" }, { kind: "dense", units: 1, activation: "linear" }],
};
const OPTIMIZERS: OptimizerConfig[] = [
  { kind: "sgd", learningRate: 0.05 },
  { kind: "momentum", learningRate: 0.02, momentum: 0.9 },
  { kind: "adam", learningRate: 0.01 },
];

function runDigest(r: TrainResult): string {
  return [
    digest(r.finalWeights),
    digest(r.batchLoss, r.epochRunningLoss, r.epochFullLoss, r.initialFullLoss, r.finalFullLoss),
    digest(...r.snapshots),
    `${r.updates}/${r.samplesSeen}/${r.diverged ? `${r.diverged.globalIteration}` : "-"}`,
  ].join(" ");
}

function run(overrides: Partial<TrainConfig>): string {
  return runDigest(
    trainRun({
      model: MLP,
      data: greenhouse(),
      batchSize: 5,
      epochs: 6,
      shuffle: true,
      dropLast: false,
      seed: 3,
      optimizer: OPTIMIZERS[0]!,
      ...overrides,
    }),
  );
}

/** Every model method that returns numbers, on one model at weights moved off the initialisation. */
function modelDigests(spec: ModelSpec, data: ReturnType<typeof greenhouse>, seed: number): Record<string, string> {
  const model = createModel(spec, seed);
  for (let k = 0; k < model.weights.length; k++) model.weights[k] = model.weights[k]! + 0.3 * Math.sin(3 * k + seed);
  const rows = Int32Array.from([4, 0, 9, 3, 3, 17, 8]);
  const count = Math.min(data.n, 12);
  const x = data.x.subarray(0, count * model.sampleSize);
  const s = model.sampleGradients(data.x, data.y, rows);
  const gradient = new Float64Array(model.parameterCount);
  const loss = model.batchGradient(data.x, data.y, rows, gradient);
  const trace = model.forwardTrace(data.x.slice(model.sampleSize, 2 * model.sampleSize));
  return {
    predict: digest(model.predict(x, count)),
    predictRowByRow: digest(model.predictRowByRow(x, count)),
    forwardTrace: digest(trace.output, ...trace.layers.flatMap((l) => (l.kind === "dense" ? [l.input, l.z, l.a] : [l.input, l.a]))),
    sampleGradients: digest(s.outputs, s.losses, ...s.gradients, s.meanGradient, s.batchLoss),
    batchGradient: digest(gradient, loss),
    batchLoss: digest(model.batchLoss(data.x, data.y, rows)),
    datasetLoss: digest(model.datasetLoss(data.x, data.y, data.n)),
    fullLoss: digest(fullLoss(spec, data, model.weights)),
  };
}

export function pinnedCases(): Record<string, string> {
  const cases: Record<string, string> = {};
  const data = greenhouse();
  const windows = greenhouseWindows(5);

  // The course's 3-8-1 tanh network at the batch sizes the lessons use, with each optimizer.
  for (const optimizer of OPTIMIZERS) {
    for (const batchSize of [1, 5, 8, 50]) {
      cases[`3-8-1 tanh, ${optimizer.kind}, B=${batchSize}`] = run({ batchSize, optimizer });
    }
  }
  cases["3-8-1 tanh, sgd, B=8, drop last, not shuffled, snapshots per epoch"] = run({
    batchSize: 8,
    dropLast: true,
    shuffle: false,
    snapshots: "epoch",
  });
  cases["3-8-1 tanh, adam, B=7, snapshots per update, full loss at the end only"] = run({
    batchSize: 7,
    epochs: 2,
    optimizer: OPTIMIZERS[2]!,
    snapshots: "iteration",
    fullLossEachEpoch: false,
  });
  cases["3-8-1 tanh, sgd lr 1e6: diverges"] = run({ optimizer: { kind: "sgd", learningRate: 1e6 }, epochs: 20 });
  cases["3-8-1 tanh, from given weights"] = run({ initialWeights: createModel(MLP, 99).weights, batchSize: 10 });

  // Other activations and shapes: the one-hidden-layer network with other activations and input
  // counts, deeper networks, several outputs.
  cases["3-8-1 relu → sigmoid, momentum, B=5"] = run({ model: dense(3, [8, "relu"], [1, "sigmoid"]), optimizer: OPTIMIZERS[1]! });
  cases["3-8-1 sigmoid → tanh, sgd, B=3"] = run({ model: dense(3, [8, "sigmoid"], [1, "tanh"]), batchSize: 3 });
  const four = randomDataset(40, 4, 1, 21);
  cases["4-6-1 tanh, momentum, B=6"] = run({ model: dense(4, [6, "tanh"], [1, "linear"]), data: four, batchSize: 6, optimizer: OPTIMIZERS[1]! });
  cases["4-6-1 relu → linear, adam, B=40"] = run({ model: dense(4, [6, "relu"], [1, "linear"]), data: four, batchSize: 40, optimizer: OPTIMIZERS[2]! });
  cases["3-1 linear, sgd, B=5"] = run({ model: dense(3, [1, "linear"]) });
  cases["3-6-4-1 tanh, relu, linear, adam, B=8"] = run({
    model: dense(3, [6, "tanh"], [4, "relu"], [1, "linear"]),
    batchSize: 8,
    optimizer: OPTIMIZERS[2]!,
  });
  cases["3-16-16-1 tanh, sgd, B=5"] = run({ model: dense(3, [16, "tanh"], [16, "tanh"], [1, "linear"]) });
  const twoOut = randomDataset(30, 3, 2, 8);
  cases["3-5-2 sigmoid, sigmoid, momentum, B=4"] = run({
    model: dense(3, [5, "sigmoid"], [2, "sigmoid"]),
    data: twoOut,
    batchSize: 4,
    optimizer: OPTIMIZERS[1]!,
  });

  // LSTMs: with the course's dense head and with a deeper head.
  for (const optimizer of OPTIMIZERS) {
    cases[`LSTM(8) + dense, windows of 5, ${optimizer.kind}, B=8`] = run({ model: LSTM, data: windows, batchSize: 8, epochs: 4, optimizer });
  }
  cases["LSTM(4) + tanh(3) + linear, windows of 4, sgd, B=47 (all windows), snapshots per epoch"] = run({
    model: LSTM_DEEP,
    data: greenhouseWindows(4),
    batchSize: 47,
    epochs: 3,
    snapshots: "epoch",
  });

  // The model's other methods.
  for (const [label, spec, d] of [
    ["3-8-1 tanh", MLP, data],
    ["3-6-4-1", dense(3, [6, "tanh"], [4, "relu"], [1, "linear"]), data],
    ["4-6-1 sigmoid", dense(4, [6, "sigmoid"], [1, "sigmoid"]), four],
    ["LSTM(8) + dense", LSTM, windows],
  ] as const) {
    for (const [method, value] of Object.entries(modelDigests(spec, d, 5))) cases[`${label}: ${method}`] = value;
  }

  // The two-weight landscape and the gradient noise measurement.
  const two = { n: 50, features: 2, x: Float64Array.from({ length: 100 }, (_, k) => data.x[Math.floor(k / 2) * 3 + (k % 2)]!), y: data.y };
  const grid = lossGrid({ data: two, aRange: [-2, 2], bRange: [-1, 3], steps: 9 });
  cases["lossGrid"] = digest(grid.grid, grid.min, grid.max);
  const path = sgdPath({ data: two, start: [-1.5, 2], batchSize: 5, epochs: 3, learningRate: 0.05, seed: 1, shuffle: true });
  cases["sgdPath"] = digest(path.a, path.b, path.loss);
  const noise = gradientNoise({ model: MLP, data, weights: createModel(MLP, 4).weights, batchSizes: [1, 5, 50], samplesPerBatchSize: 20, seed: 2 });
  cases["gradientNoise"] = digest(...noise.map((p) => [p.measuredVariance, p.predictedVariance]).flat());
  return cases;
}
