/**
 * Lesson 9's comparison, the heavy half: a tiny LSTM trained on windows of T consecutive hours against the small
 * MLP trained on single rows, both predicting the same hours' water use. The engine trains both
 * (trainRun); this module only cuts the data and collects the curves.
 *
 * Honesty rules of the comparison:
 * - the same targets: the MLP learns from rows T … 50, exactly the rows whose water use the 46
 *   windows (for T = 5) predict, so neither model sees a target the other does not;
 * - a held-out tail: the last VALIDATION_WINDOWS windows (the last 10 hours) are never trained
 *   on; their loss says which model predicts unseen hours better, the training loss only says
 *   which one fits what it saw;
 * - same optimizer (Adam), learning rate, batch size, epochs and seed.
 * Inputs and target are standardised with the statistics of all 50 rows (a mild look at the tail,
 * the same for both models).
 */
import type { TableDataset } from "../engine/csv";
import { standardise, type Dataset } from "../engine/dataset";
import { countParameters, type ModelSpec } from "../engine/model";
import { fullLoss, trainRun } from "../engine/train";
import { makeWindows } from "../engine/windows";
import { greenhouseTable } from "./data";
import { LSTM_BATCH_SIZE, MLP_HIDDEN, VALIDATION_WINDOWS, type LstmComparison, type LstmSettings, type ModelRun } from "./lstm";
import { lstmSpec, mlpSpec } from "./networks";

/** Samples from..to−1 of a dataset (windowed or not). */
export function sliceSamples(data: Dataset, from: number, to: number): Dataset {
  const width = data.features * (data.timesteps ?? 1);
  const part: Dataset = { n: to - from, features: data.features, x: data.x.slice(from * width, to * width), y: data.y.slice(from, to) };
  if (data.timesteps !== undefined) part.timesteps = data.timesteps;
  return part;
}

/** Five significant digits: the curves travel as island props, and more digits say nothing. */
function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(5)) : value;
}

function runModel(spec: ModelSpec, train: Dataset, validation: Dataset, settings: LstmSettings): ModelRun {
  const result = trainRun({
    model: spec,
    data: train,
    batchSize: Math.min(LSTM_BATCH_SIZE, train.n),
    epochs: settings.epochs,
    shuffle: true,
    dropLast: false,
    seed: settings.seed,
    optimizer: { kind: "adam", learningRate: settings.learningRate },
    snapshots: "epoch",
  });
  const trainCurve = [result.initialFullLoss, ...result.epochFullLoss].map(round);
  const validationCurve = result.snapshots.map((weights) => round(fullLoss(spec, validation, weights)));
  return {
    parameters: countParameters(spec),
    trainCurve,
    validationCurve,
    finalTrain: trainCurve[trainCurve.length - 1]!,
    finalValidation: validationCurve[validationCurve.length - 1]!,
    updates: result.updates,
    diverged: result.diverged ? result.diverged.message : null,
  };
}

export function lstmComparison(settings: LstmSettings, table: TableDataset = greenhouseTable()): LstmComparison {
  const standard = standardise(table).dataset;
  const windows = makeWindows(standard, settings.timesteps);
  const trainCount = windows.n - VALIDATION_WINDOWS;
  if (trainCount < 1) {
    throw new RangeError(`Windows of ${settings.timesteps} rows leave no training windows once the last ${VALIDATION_WINDOWS} are held out.`);
  }
  // Row r's target is window (r − T + 1)'s target: the MLP's rows start at row T − 1 (0-based).
  const rows = sliceSamples(standard, settings.timesteps - 1, table.n);
  return {
    settings,
    windows: windows.n,
    trainSamples: trainCount,
    validationSamples: VALIDATION_WINDOWS,
    lstm: runModel(lstmSpec(table.features, settings.timesteps, settings.units), sliceSamples(windows, 0, trainCount), sliceSamples(windows, trainCount, windows.n), settings),
    mlp: runModel(mlpSpec(table.features, MLP_HIDDEN), sliceSamples(rows, 0, trainCount), sliceSamples(rows, trainCount, rows.n), settings),
  };
}

