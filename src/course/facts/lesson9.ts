/** Numbers quoted in lesson 9: windows, shapes, LSTM parameters and the trainer's comparison. */
import { denseParameterCount, lstmParameterCount } from "../../engine/architecture";
import { iterationsPerEpoch, lastBatchSize } from "../../engine/batching";
import { windowCount } from "../../engine/windows";
import { FEATURE_INDEX, GREENHOUSE_FEATURES, GREENHOUSE_ROWS } from "../columns";
import { greenhouseTable } from "../data";
import { DEFAULT_LSTM_SETTINGS, HELD_OUT_FIRST_ROW, HELD_OUT_LAST_ROW, VALIDATION_WINDOWS, type LstmComparison } from "../lstm";
import { lstmComparison } from "../lstmComparison";
import { STATEFUL_UNITS, statefulLayout, statefulSampleRows } from "../stateful";
import type { FactValue } from "./types";

const N = GREENHOUSE_ROWS;
const F = GREENHOUSE_FEATURES;

/** The LSTM trainer's default run, shown before the reader trains (and without JavaScript). */
export const lstmTrainerDefault: LstmComparison = lstmComparison(DEFAULT_LSTM_SETTINGS);

// The same comparison over seeds 1–10: one seed is one draw of the initial weights and batch order.
const seeds = Array.from({ length: 10 }, (_, k) => k + 1);
const runs = seeds.map((seed) => (seed === DEFAULT_LSTM_SETTINGS.seed ? lstmTrainerDefault : lstmComparison({ ...DEFAULT_LSTM_SETTINGS, seed })));

/** One row of the lesson's seed table: the final losses of both models for one seed. */
export interface SeedRow {
  seed: number;
  lstmTrain: number;
  lstmValidation: number;
  mlpTrain: number;
  mlpValidation: number;
}
export const lstmSeedTable: readonly SeedRow[] = runs.map((run) => ({
  seed: run.settings.seed,
  lstmTrain: run.lstm.finalTrain,
  lstmValidation: run.lstm.finalValidation,
  mlpTrain: run.mlp.finalTrain,
  mlpValidation: run.mlp.finalValidation,
}));

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const r = lstmTrainerDefault;

// Which hours are dark (light 0) among the held-out rows, and among the last ten rows a naive split would hold out.
const table = greenhouseTable();
const dark = (row: number): boolean => table.x[(row - 1) * F + FEATURE_INDEX.light] === 0;
const rowsFrom = (first: number, count: number): number[] => Array.from({ length: count }, (_, k) => first + k);
const heldOut = rowsFrom(HELD_OUT_FIRST_ROW, VALIDATION_WINDOWS);
const lastTen = rowsFrom(N - VALIDATION_WINDOWS + 1, VALIDATION_WINDOWS);

/** The table's inputs (one array per row) and targets, in its own units, for lesson 9's window explorer. */
export interface WindowTableRows {
  inputs: number[][];
  target: number[];
}
export const windowTableRows: WindowTableRows = {
  inputs: Array.from({ length: table.n }, (_, i) => Array.from(table.x.subarray(i * F, (i + 1) * F))),
  target: Array.from(table.y),
};

const stateful = statefulLayout();
const [statefulB1S1First, statefulB1S1Last] = statefulSampleRows(stateful, 1, 1);
const [statefulB1S2First, statefulB1S2Last] = statefulSampleRows(stateful, 1, 2);

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
  "lesson9.purgedWindows": r.purgedWindows,
  "lesson9.heldOutFirstRow": HELD_OUT_FIRST_ROW,
  "lesson9.heldOutLastRow": HELD_OUT_LAST_ROW,
  "lesson9.heldOutDarkRows": heldOut.filter(dark).length,
  "lesson9.heldOutLightRows": heldOut.filter((row) => !dark(row)).length,
  "lesson9.lastTenFirstRow": lastTen[0]!,
  "lesson9.lastTenDarkRows": lastTen.filter(dark).length,
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
  "lesson9.statefulBatchSize": stateful.batchSize,
  "lesson9.statefulTimesteps": stateful.timesteps,
  "lesson9.statefulUnits": STATEFUL_UNITS,
  "lesson9.statefulStreamLength": stateful.streamLength,
  "lesson9.statefulBatches": stateful.batchesPerEpoch,
  "lesson9.statefulB1S1First": statefulB1S1First,
  "lesson9.statefulB1S1Last": statefulB1S1Last,
  "lesson9.statefulB1S2First": statefulB1S2First,
  "lesson9.statefulB1S2Last": statefulB1S2Last,
} satisfies Record<`lesson9.${string}`, FactValue>;
