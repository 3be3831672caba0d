/** Numbers quoted in lesson 9: windows, shapes, LSTM parameters and the trainer's comparison. */
import { denseParameterCount, lstmParameterCount } from "../../engine/architecture";
import { iterationsPerEpoch, lastBatchSize } from "../../engine/batching";
import { windowCount } from "../../engine/windows";
import { GREENHOUSE_FEATURES, GREENHOUSE_ROWS } from "../columns";
import { DEFAULT_LSTM_SETTINGS, type LstmComparison } from "../lstm";
import { lstmComparison } from "../lstmComparison";
import type { FactValue } from "./types";

const N = GREENHOUSE_ROWS;
const F = GREENHOUSE_FEATURES;

/** The LSTM trainer's default run, shown before the reader trains (and without JavaScript). */
export const lstmTrainerDefault: LstmComparison = lstmComparison(DEFAULT_LSTM_SETTINGS);

// The same comparison over seeds 1–5: one seed is one draw of the initial weights and batch order.
const seeds = [1, 2, 3, 4, 5];
const runs = seeds.map((seed) => (seed === DEFAULT_LSTM_SETTINGS.seed ? lstmTrainerDefault : lstmComparison({ ...DEFAULT_LSTM_SETTINGS, seed })));
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const r = lstmTrainerDefault;

export const lesson9Facts = {
  "lesson9.windowsT5": windowCount(N, 5),
  "lesson9.windowRowsT5": windowCount(N, 5) * 5,
  "lesson9.kerasH8": lstmParameterCount(F, 8, "keras"),
  "lesson9.pytorchH8": lstmParameterCount(F, 8, "pytorch"),
  "lesson9.headH8": denseParameterCount(8, 1),
  "lesson9.batchesB8": iterationsPerEpoch(windowCount(N, 5), 8),
  "lesson9.lastBatchB8": lastBatchSize(windowCount(N, 5), 8),
  "lesson9.lstmEpochs": r.settings.epochs,
  "lesson9.lstmUnits": r.settings.units,
  "lesson9.lstmLearningRate": r.settings.learningRate,
  "lesson9.trainWindows": r.trainSamples,
  "lesson9.validationWindows": r.validationSamples,
  "lesson9.lstmParameters": r.lstm.parameters,
  "lesson9.mlpParameters": r.mlp.parameters,
  "lesson9.lstmTrain": r.lstm.finalTrain,
  "lesson9.lstmValidation": r.lstm.finalValidation,
  "lesson9.mlpTrain": r.mlp.finalTrain,
  "lesson9.mlpValidation": r.mlp.finalValidation,
  "lesson9.lstmUpdates": r.lstm.updates,
  "lesson9.seedCount": seeds.length,
  "lesson9.lstmFitsBetterCount": runs.filter((run) => run.lstm.finalTrain < run.mlp.finalTrain).length,
  "lesson9.lstmPredictsBetterCount": runs.filter((run) => run.lstm.finalValidation < run.mlp.finalValidation).length,
  "lesson9.lstmValidationMean": mean(runs.map((run) => run.lstm.finalValidation)),
  "lesson9.mlpValidationMean": mean(runs.map((run) => run.mlp.finalValidation)),
  "lesson9.lstmValidationWorst": Math.max(...runs.map((run) => run.lstm.finalValidation)),
  "lesson9.mlpValidationWorst": Math.max(...runs.map((run) => run.mlp.finalValidation)),
} satisfies Record<`lesson9.${string}`, FactValue>;
