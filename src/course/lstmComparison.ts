/**
 * Lesson 9's comparison, the heavy half: a tiny LSTM trained on windows of T consecutive hours against the small
 * MLP trained on single rows, both predicting the same hours' water use. The engine trains both
 * (trainRun); this module only cuts the data and collects the curves.
 *
 * Honesty rules of the comparison:
 * - the same targets: the MLP learns from exactly the rows whose water use the training windows
 *   predict, and is judged on the same held-out rows, so neither model sees a target the other does not;
 * - a held-out block of hours with day and night in it (rows HELD_OUT_FIRST_ROW … HELD_OUT_LAST_ROW,
 *   ./lstm.ts): the windows predicting those hours are never trained on, and neither is any window
 *   that shares a row with them (a purge, so no training window reads a held-out hour's inputs);
 * - standardised with the statistics of the training rows only (the rows the training windows
 *   cover), as lesson 1 advises: the held-out hours do not leak in through their mean and spread;
 * - same optimizer (Adam), learning rate, batch size, epochs and seed.
 */
import type { TableDataset } from "../engine/csv";
import { columnStats, standardise, type Dataset } from "../engine/dataset";
import { countParameters, type ModelSpec } from "../engine/model";
import { fullLoss, trainRun } from "../engine/train";
import { makeWindows } from "../engine/windows";
import { greenhouseTable } from "./data";
import {
  HELD_OUT_FIRST_ROW,
  HELD_OUT_LAST_ROW,
  LSTM_BATCH_SIZE,
  MLP_HIDDEN,
  type LstmComparison,
  type LstmSettings,
  type ModelRun,
} from "./lstm";
import { lstmSpec, mlpSpec } from "./networks";

/** The samples at the given 0-based indices of a dataset (windowed or not), in that order. */
export function selectSamples(data: Dataset, indices: readonly number[]): Dataset {
  const width = data.features * (data.timesteps ?? 1);
  const x = new Float64Array(indices.length * width);
  const y = new Float64Array(indices.length);
  indices.forEach((i, k) => {
    x.set(data.x.subarray(i * width, (i + 1) * width), k * width);
    y[k] = data.y[i]!;
  });
  const part: Dataset = { n: indices.length, features: data.features, x, y };
  if (data.timesteps !== undefined) part.timesteps = data.timesteps;
  return part;
}

export interface WindowSplit {
  /** 0-based window indices trained on, validated on, and dropped for sharing rows with the validation windows. */
  train: number[];
  validation: number[];
  purged: number[];
  /** 0-based table rows the training windows cover: the rows whose statistics standardise everything. */
  trainRows: number[];
}

/**
 * Window w (0-based) covers rows w … w+T−1 and predicts row w+T−1. Validation windows predict the
 * held-out rows; a window is purged when it shares a row with any validation window.
 */
export function splitWindows(n: number, timesteps: number): WindowSplit {
  const windows = n - timesteps + 1;
  const firstHeld = HELD_OUT_FIRST_ROW - 1;
  const lastHeld = HELD_OUT_LAST_ROW - 1;
  if (lastHeld >= n || firstHeld - (timesteps - 1) < 0) {
    throw new RangeError(`Windows of ${timesteps} rows cannot predict rows ${HELD_OUT_FIRST_ROW}–${HELD_OUT_LAST_ROW} of ${n}; no training windows are left.`);
  }
  // Rows read by the validation windows: from the first one's start to the last held-out row.
  const heldFrom = firstHeld - (timesteps - 1);
  const split: WindowSplit = { train: [], validation: [], purged: [], trainRows: [] };
  for (let w = 0; w < windows; w++) {
    const target = w + timesteps - 1;
    if (target >= firstHeld && target <= lastHeld) split.validation.push(w);
    else if (target >= heldFrom && w <= lastHeld) split.purged.push(w);
    else split.train.push(w);
  }
  if (split.train.length === 0) {
    throw new RangeError(`Windows of ${timesteps} rows leave no training windows once rows ${HELD_OUT_FIRST_ROW}–${HELD_OUT_LAST_ROW} are held out.`);
  }
  const covered = new Set<number>();
  for (const w of split.train) for (let r = w; r < w + timesteps; r++) covered.add(r);
  split.trainRows = [...covered].sort((a, b) => a - b);
  return split;
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
  const T = settings.timesteps;
  const split = splitWindows(table.n, T);
  const standard = standardise(table, columnStats(selectSamples(table, split.trainRows))).dataset;
  const windows = makeWindows(standard, T);
  // Window w predicts row w + T − 1: the MLP learns from and is judged on exactly those rows.
  const targetRows = (ws: number[]): number[] => ws.map((w) => w + T - 1);
  return {
    settings,
    windows: windows.n,
    trainSamples: split.train.length,
    validationSamples: split.validation.length,
    validationRows: [HELD_OUT_FIRST_ROW, HELD_OUT_LAST_ROW],
    purgedWindows: split.purged.length,
    lstm: runModel(lstmSpec(table.features, T, settings.units), selectSamples(windows, split.train), selectSamples(windows, split.validation), settings),
    mlp: runModel(mlpSpec(table.features, MLP_HIDDEN), selectSamples(standard, targetRows(split.train)), selectSamples(standard, targetRows(split.validation)), settings),
  };
}
