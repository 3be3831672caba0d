/**
 * Numbers quoted in the prose of lessons 7–10, computed at build time from the engine and the
 * shipped greenhouse table (never typed by hand). test/unit/widgets/lessons7to10Facts.test.ts
 * checks the ones COURSE.md's facts table fixes.
 */
import {
  denseParameterCount,
  iterationsPerEpoch,
  largestBatchForBudget,
  lastBatchSize,
  lstmParameterCount,
  totalUpdates,
  trainingMemory,
  unusedRowsPerEpoch,
  windowCount,
  type TrainingMemorySpec,
} from "../../engine";
import { greenhouse } from "../../widgets/lib/greenhouse";
import { DEFAULT_SETTINGS, gridMinimum, landscapeDataset, landscapeGrid, landscapePaths, pathStateAt } from "../../widgets/LossLandscape/landscapeData";
import { DEFAULT_LSTM_SETTINGS, lstmComparison, type LstmComparison } from "../../widgets/LstmTrainer/lstmRun";
import { describedNetworkSpec, featureComparison, percentChange, type DescribedNetwork } from "../../widgets/MemoryCalculator/memoryHelpers";

const facts: Record<string, number | string> = {};

// Lesson 7: the landscape and three paths from one start.
{
  const data = landscapeDataset(greenhouse);
  const floor = gridMinimum(landscapeGrid(data));
  const paths = landscapePaths(data, DEFAULT_SETTINGS);
  facts["lesson7.startW1"] = DEFAULT_SETTINGS.start[0];
  facts["lesson7.startW2"] = DEFAULT_SETTINGS.start[1];
  facts["lesson7.learningRate"] = DEFAULT_SETTINGS.learningRate;
  facts["lesson7.epochs"] = DEFAULT_SETTINGS.epochs;
  facts["lesson7.floorW1"] = floor.w1;
  facts["lesson7.floorW2"] = floor.w2;
  facts["lesson7.floorLoss"] = floor.loss;
  facts["lesson7.startLoss"] = paths[1].loss[0]!;
  for (const b of [1, 5, 50] as const) {
    const end = pathStateAt(paths[b], Infinity);
    facts[`lesson7.updatesB${b}`] = end.totalUpdates;
    facts[`lesson7.lossB${b}`] = end.loss;
    facts[`lesson7.w1B${b}`] = end.w1;
    facts[`lesson7.w2B${b}`] = end.w2;
  }
  // Equal numbers of updates (50 each): B = 1 for 1 epoch, B = 5 for 10, B = 50 for 50.
  const equal = { 1: 1, 5: 10, 50: 50 } as const;
  for (const b of [1, 5, 50] as const) {
    const p = landscapePaths(data, { ...DEFAULT_SETTINGS, epochs: equal[b] })[b];
    facts[`lesson7.equalUpdatesLossB${b}`] = pathStateAt(p, Infinity).loss;
  }
  facts["lesson7.equalUpdates"] = 50;
  facts["lesson7.equalEpochsB5"] = equal[5];
  facts["lesson7.equalEpochsB50"] = equal[50];
}

// Lesson 8: training memory of a 3 → 256 → 256 → 1 network, float32, Adam.
{
  const net: DescribedNetwork = { features: 3, timesteps: 1, lstmUnits: null, hidden: [256, 256], outputs: 1 };
  const spec: TrainingMemorySpec = { network: describedNetworkSpec(net), bytesPerValue: 4, optimizer: "adam" };
  const at32 = trainingMemory(spec, 32);
  const at64 = trainingMemory(spec, 64);
  const budget = 1e9;
  const fit = largestBatchForBudget(spec, budget);
  const compare = featureComparison(net, spec, budget, [3, 30, 300]);
  facts["lesson8.parameters"] = at32.parameters;
  facts["lesson8.firstLayerParameters"] = denseParameterCount(3, 256);
  facts["lesson8.weightsBytes"] = at32.weights;
  facts["lesson8.optimizerBytes"] = at32.optimizerState;
  facts["lesson8.fixedBytes"] = at32.weights + at32.gradients + at32.optimizerState;
  facts["lesson8.perSampleValues"] = at32.perSampleActivations / 4;
  facts["lesson8.perSampleBytes"] = at32.perSampleActivations;
  facts["lesson8.activations32"] = at32.activations;
  facts["lesson8.activations64"] = at64.activations;
  facts["lesson8.total32"] = at32.total;
  facts["lesson8.activationShare32"] = (at32.activations / at32.total) * 100;
  facts["lesson8.largestBatch1GB"] = fit.batchSize;
  facts["lesson8.largestBatchF3"] = compare[0]!.budget.batchSize;
  facts["lesson8.largestBatchF30"] = compare[1]!.budget.batchSize;
  facts["lesson8.largestBatchF300"] = compare[2]!.budget.batchSize;
  facts["lesson8.parametersF300"] = compare[2]!.budget.memory.parameters;
  facts["lesson8.changeF30"] = -percentChange(compare[0]!.budget.batchSize, compare[1]!.budget.batchSize);
  facts["lesson8.changeF300"] = -percentChange(compare[0]!.budget.batchSize, compare[2]!.budget.batchSize);
  // Doubling the hidden width instead (3 → 512 → 512 → 1): what actually moves the largest batch.
  const wide = largestBatchForBudget({ ...spec, network: describedNetworkSpec({ ...net, hidden: [512, 512] }) }, budget);
  facts["lesson8.largestBatchWide"] = wide.batchSize;
  facts["lesson8.changeWide"] = -percentChange(fit.batchSize, wide.batchSize);
}

// Lesson 9: windows, shapes and LSTM parameters.
facts["lesson9.windowsT5"] = windowCount(50, 5);
facts["lesson9.kerasH8"] = lstmParameterCount(3, 8, "keras");
facts["lesson9.pytorchH8"] = lstmParameterCount(3, 8, "pytorch");
facts["lesson9.headH8"] = denseParameterCount(8, 1);
facts["lesson9.batchesB8"] = iterationsPerEpoch(windowCount(50, 5), 8);
facts["lesson9.lastBatchB8"] = lastBatchSize(windowCount(50, 5), 8);

/** The LSTM trainer's default run, shown before the reader trains (and without JavaScript). */
export const lstmTrainerDefault: LstmComparison = lstmComparison(greenhouse, DEFAULT_LSTM_SETTINGS);
{
  const r = lstmTrainerDefault;
  facts["lesson9.lstmEpochs"] = r.settings.epochs;
  facts["lesson9.lstmUnits"] = r.settings.units;
  facts["lesson9.lstmLearningRate"] = r.settings.learningRate;
  facts["lesson9.trainWindows"] = r.trainSamples;
  facts["lesson9.validationWindows"] = r.validationSamples;
  facts["lesson9.lstmParameters"] = r.lstm.parameters;
  facts["lesson9.mlpParameters"] = r.mlp.parameters;
  facts["lesson9.lstmTrain"] = r.lstm.finalTrain;
  facts["lesson9.lstmValidation"] = r.lstm.finalValidation;
  facts["lesson9.mlpTrain"] = r.mlp.finalTrain;
  facts["lesson9.mlpValidation"] = r.mlp.finalValidation;
  facts["lesson9.lstmUpdates"] = r.lstm.updates;
  // The same comparison over seeds 1–5: one seed is one draw of the initial weights and batch order.
  const seeds = [1, 2, 3, 4, 5];
  const runs = seeds.map((seed) => (seed === r.settings.seed ? r : lstmComparison(greenhouse, { ...DEFAULT_LSTM_SETTINGS, seed })));
  facts["lesson9.seedCount"] = seeds.length;
  facts["lesson9.lstmFitsBetterCount"] = runs.filter((run) => run.lstm.finalTrain < run.mlp.finalTrain).length;
  facts["lesson9.lstmPredictsBetterCount"] = runs.filter((run) => run.lstm.finalValidation < run.mlp.finalValidation).length;
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  facts["lesson9.lstmValidationMean"] = mean(runs.map((run) => run.lstm.finalValidation));
  facts["lesson9.mlpValidationMean"] = mean(runs.map((run) => run.mlp.finalValidation));
  facts["lesson9.lstmValidationWorst"] = Math.max(...runs.map((run) => run.lstm.finalValidation));
  facts["lesson9.mlpValidationWorst"] = Math.max(...runs.map((run) => run.mlp.finalValidation));
}

// Lesson 10: the course's facts table, from the engine.
facts["lesson10.itersB5"] = iterationsPerEpoch(50, 5);
facts["lesson10.itersB8"] = iterationsPerEpoch(50, 8);
facts["lesson10.lastB8"] = lastBatchSize(50, 8);
facts["lesson10.itersB8Drop"] = iterationsPerEpoch(50, 8, { dropLast: true });
facts["lesson10.unusedB8Drop"] = unusedRowsPerEpoch(50, 8, { dropLast: true });
facts["lesson10.itersB7"] = iterationsPerEpoch(50, 7);
facts["lesson10.lastB7"] = lastBatchSize(50, 7);
facts["lesson10.itersB1"] = iterationsPerEpoch(50, 1);
facts["lesson10.itersB50"] = iterationsPerEpoch(50, 50);
facts["lesson10.kerasDefaultSteps"] = iterationsPerEpoch(50, 32);
facts["lesson10.kerasDefaultLast"] = lastBatchSize(50, 32);
facts["lesson10.loaderDefaultSteps"] = iterationsPerEpoch(50, 1);
facts["lesson10.updates20x10"] = totalUpdates(50, 10, 20);
facts["lesson10.dense16to32"] = denseParameterCount(16, 32);
facts["lesson10.windowsT5"] = windowCount(50, 5);

export { facts };
