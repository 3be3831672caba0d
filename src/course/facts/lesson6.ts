/**
 * Numbers quoted in lesson 6 (the batch-size lab), computed with the lab's own scenario
 * (src/course/lab.ts) on the shipped table, so the prose always matches the widget.
 */
import { iterationsPerEpoch, lastBatchSize, samplesSeen, totalUpdates, unusedRowsPerEpoch } from "../../engine/batching";
import { GREENHOUSE_FEATURES, GREENHOUSE_ROWS } from "../columns";
import { standardisedGreenhouse } from "../data";
import { DEFAULT_LAB_SETTINGS, formatLoss, initialWeights, LINEAR_SCALING_EXAMPLE, linearlyScaledRate, measureNoise, runLab, type LabSettings } from "../lab";
import { epochsForUpdates } from "../updates";
import type { FactValue } from "./types";

const data = standardisedGreenhouse().dataset;
const n = GREENHOUSE_ROWS;
const base = DEFAULT_LAB_SETTINGS;
const run = (patch: Partial<LabSettings>) => runLab({ ...base, ...patch }, data);

const defaultRun = run({});
const b1 = run({ batchSize: 1 });
const b50 = run({ batchSize: 50 });
// Equal updates, unequal samples: 100 updates each, at batch size 1 and at the full batch.
const equalUpdates = 100;
const b1e2 = run({ batchSize: 1, epochs: epochsForUpdates(equalUpdates, n, 1) });
const b50e100 = run({ batchSize: n, epochs: epochsForUpdates(equalUpdates, n, n) });
// The linear scaling rule from B = 1 at rate 0.02: B·0.02.
const scaleBase = LINEAR_SCALING_EXAMPLE.baseRate;
const scaled = LINEAR_SCALING_EXAMPLE.batchSizes.map((b) => {
  const lr = linearlyScaledRate(scaleBase, 1, b);
  return { b, lr, run: run({ batchSize: b, learningRate: lr }) };
});
const divergeRate = 5;
const divergent = run({ batchSize: 1, learningRate: divergeRate });
const noise = measureNoise(base.model, data, initialWeights(base, GREENHOUSE_FEATURES), "initial");
const noiseAt = (b: number) => noise.points.find((p) => p.batchSize === b)!;
const twoIterations = Array.from({ length: n }, (_, i) => i + 1).filter((b) => iterationsPerEpoch(n, b) === 2);

export const lesson6Facts = {
  "lab.n": n,
  "lab.features": GREENHOUSE_FEATURES,
  "lab.defaultBatch": base.batchSize,
  "lab.defaultLr": base.learningRate,
  "lab.defaultEpochs": base.epochs,
  "lab.itB8": iterationsPerEpoch(n, 8),
  "lab.lastB8": lastBatchSize(n, 8),
  "lab.itB8Drop": iterationsPerEpoch(n, 8, { dropLast: true }),
  "lab.unusedB8Drop": unusedRowsPerEpoch(n, 8, { dropLast: true }),
  "lab.itB7": iterationsPerEpoch(n, 7),
  "lab.lastB7": lastBatchSize(n, 7),
  "lab.updatesB10E20": totalUpdates(n, 10, 20),
  "lab.updatesB1E20": totalUpdates(n, 1, base.epochs),
  "lab.updatesB8E20": totalUpdates(n, 8, base.epochs),
  "lab.updatesB50E20": totalUpdates(n, 50, base.epochs),
  // The sweep's widest plateau: the batch sizes that need exactly 2 iterations per epoch.
  "lab.twoIterationsFrom": Math.min(...twoIterations),
  "lab.twoIterationsTo": Math.max(...twoIterations),
  "lab.initialLoss": formatLoss(defaultRun.initialFullLoss),
  "lab.lossDefault": formatLoss(defaultRun.finalLoss),
  "lab.lossB1": formatLoss(b1.finalLoss),
  "lab.lossB50": formatLoss(b50.finalLoss),
  "lab.lossRatioB50B1": Number((b50.finalLoss / b1.finalLoss).toFixed(1)),
  "lab.lossB1E2": formatLoss(b1e2.finalLoss),
  "lab.lossB50E100": formatLoss(b50e100.finalLoss),
  "lab.equalUpdates": equalUpdates,
  "lab.equalEpochsB1": b1e2.settings.epochs,
  "lab.equalEpochsB50": b50e100.settings.epochs,
  "lab.updatesB1E2": b1e2.updates,
  "lab.updatesB50E100": b50e100.updates,
  "lab.samplesB1E2": samplesSeen(n, 1, b1e2.settings.epochs),
  "lab.samplesB50E100": samplesSeen(n, n, b50e100.settings.epochs),
  "lab.scaleBaseLr": scaleBase,
  "lab.scaleLrB10": scaled[1]!.lr,
  "lab.scaleLrB25": scaled[2]!.lr,
  "lab.scaleLossB1": formatLoss(scaled[0]!.run.finalLoss),
  "lab.scaleLossB10": formatLoss(scaled[1]!.run.finalLoss),
  "lab.scaleLossB25": formatLoss(scaled[2]!.run.finalLoss),
  "lab.divergeLr": divergeRate,
  "lab.divergeUpdate": divergent.divergence ? divergent.updates + 1 : Number.NaN,
  "lab.divergeEpoch": divergent.divergence ? Math.floor(divergent.updates / n) + 1 : Number.NaN,
  "lab.sigma2": formatLoss(noise.sigma2),
  "lab.noiseB1": formatLoss(noiseAt(1).measuredVariance),
  "lab.noiseB4": formatLoss(noiseAt(4).measuredVariance),
  "lab.noiseB4Pred": formatLoss(noiseAt(4).predictedVariance),
  "lab.noiseB25": formatLoss(noiseAt(25).measuredVariance),
  "lab.noiseB25Pred": formatLoss(noiseAt(25).predictedVariance),
  "lab.noiseB50": formatLoss(noiseAt(50).measuredVariance),
  "lab.noiseSamples": noise.samplesPerSize,
} satisfies Record<`lab.${string}`, FactValue>;
