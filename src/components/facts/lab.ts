/**
 * Numbers quoted in lesson 6 (the batch-size lab), computed at build time from the engine and the
 * shipped greenhouse table with the lab's own functions, so the prose always matches the widget.
 */
import { iterationsPerEpoch, lastBatchSize, totalUpdates, unusedRowsPerEpoch } from "../../engine";
import { GREENHOUSE_DATA } from "../../widgets/BatchSizeLab/dataSource";
import { DEFAULT_STATE } from "../../widgets/BatchSizeLab/labState";
import { formatLoss, runLab, runSettings, type RunSettings } from "../../widgets/BatchSizeLab/labRun";
import { initialWeights, measureNoise } from "../../widgets/BatchSizeLab/noise";

const data = GREENHOUSE_DATA;
const n = data.n;
const base = runSettings({ ...DEFAULT_STATE });
const run = (patch: Partial<RunSettings>) => runLab({ ...base, ...patch }, data.dataset);

const defaultRun = run({});
const b1 = run({ batchSize: 1 });
const b50 = run({ batchSize: 50 });
// Equal updates, unequal samples: 100 updates each.
const b1e2 = run({ batchSize: 1, epochs: 2 });
const b50e100 = run({ batchSize: 50, epochs: 100 });
// The linear scaling rule from B = 1 at rate 0.02: B·0.02.
const scaleBase = 0.02;
const scaled = [1, 10, 25].map((b) => ({ b, lr: Number((scaleBase * b).toFixed(4)), run: run({ batchSize: b, learningRate: Number((scaleBase * b).toFixed(4)) }) }));
const divergent = run({ batchSize: 1, learningRate: 5 });
const divergenceUpdate = divergent.divergence ? divergent.updates + 1 : Number.NaN;
const noise = measureNoise(base.model, data.dataset, initialWeights(base, data.features), "initial");
const noiseAt = (b: number) => noise.points.find((p) => p.batchSize === b)!;

function loss(value: number): string {
  return formatLoss(value);
}

export const facts: Record<string, number | string> = {
  "lab.n": n,
  "lab.features": data.features,
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
  "lab.updatesB1E20": totalUpdates(n, 1, 20),
  "lab.updatesB8E20": totalUpdates(n, 8, 20),
  "lab.updatesB50E20": totalUpdates(n, 50, 20),
  "lab.initialLoss": loss(defaultRun.initialFullLoss),
  "lab.lossDefault": loss(defaultRun.finalLoss),
  "lab.lossB1": loss(b1.finalLoss),
  "lab.lossB50": loss(b50.finalLoss),
  "lab.lossRatioB50B1": Number((b50.finalLoss / b1.finalLoss).toFixed(1)),
  "lab.lossB1E2": loss(b1e2.finalLoss),
  "lab.lossB50E100": loss(b50e100.finalLoss),
  "lab.samplesB1E2": b1e2.updates * 1,
  "lab.samplesB50E100": b50e100.updates * 50,
  "lab.scaleBaseLr": scaleBase,
  "lab.scaleLrB10": scaled[1]!.lr,
  "lab.scaleLrB25": scaled[2]!.lr,
  "lab.scaleLossB1": loss(scaled[0]!.run.finalLoss),
  "lab.scaleLossB10": loss(scaled[1]!.run.finalLoss),
  "lab.scaleLossB25": loss(scaled[2]!.run.finalLoss),
  "lab.divergeLr": 5,
  "lab.divergeUpdate": divergenceUpdate,
  "lab.divergeEpoch": divergent.divergence ? Math.floor(divergent.updates / n) + 1 : Number.NaN,
  "lab.sigma2": loss(noise.sigma2),
  "lab.noiseB1": loss(noiseAt(1).measuredVariance),
  "lab.noiseB4": loss(noiseAt(4).measuredVariance),
  "lab.noiseB4Pred": loss(noiseAt(4).predictedVariance),
  "lab.noiseB25": loss(noiseAt(25).measuredVariance),
  "lab.noiseB25Pred": loss(noiseAt(25).predictedVariance),
  "lab.noiseB50": loss(noiseAt(50).measuredVariance),
  "lab.noiseSamples": noise.samplesPerSize,
};
