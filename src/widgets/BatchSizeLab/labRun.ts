/**
 * What the lab computes from its settings, as pure functions over the engine: the model spec, one
 * training run reduced to the numbers the page shows, the chart series for each x axis, the CSV of a
 * run, the batch sizes a sweep visits and the formatting of numbers. No DOM here.
 */
import { iterationsPerEpoch, lastBatchSize, totalUpdates, unusedRowsPerEpoch } from "../../engine/batching";
import { type Dataset } from "../../engine/dataset";
import { type ModelSpec } from "../../engine/model";
import { trainRun, type TrainConfig, type TrainResult } from "../../engine/train";
import type { LabState, XAxis } from "./labState";

export const MLP_HIDDEN_UNITS = 8;

/** The lab's two models; the input layer has one unit per feature of the data in use. */
export function labModelSpec(model: LabState["model"], features: number): ModelSpec {
  return model === "linear"
    ? { inputSize: features, layers: [{ kind: "dense", units: 1, activation: "linear" }] }
    : {
        inputSize: features,
        layers: [
          { kind: "dense", units: MLP_HIDDEN_UNITS, activation: "tanh" },
          { kind: "dense", units: 1, activation: "linear" },
        ],
      };
}

export function modelName(model: LabState["model"], features: number): string {
  return model === "linear" ? `linear ${features}-1` : `MLP ${features}-${MLP_HIDDEN_UNITS}-1 tanh`;
}

/** The settings a run depends on (the x axis is only a view). */
export type RunSettings = Omit<LabState, "xAxis">;

export interface LabRun {
  settings: RunSettings;
  n: number;
  iterationsPerEpoch: number;
  lastBatchSize: number;
  unusedRowsPerEpoch: number;
  /** Updates planned (epochs × iterations per epoch). */
  plannedUpdates: number;
  /** Updates made: fewer than planned if the run diverged. */
  updates: number;
  /** Rows in each batch of one epoch, in order (the same every epoch). */
  batchRows: number[];
  batchLoss: Float64Array;
  epochRunningLoss: Float64Array;
  epochFullLoss: Float64Array;
  initialFullLoss: number;
  /** Full-dataset loss after training, or NaN when the run diverged. */
  finalLoss: number;
  finalWeights: Float64Array;
  divergence: string | null;
  /** Set when the loss stayed finite but ended above where it started. */
  growthWarning: string | null;
}

export function runSettings(state: LabState): RunSettings {
  const { xAxis: _view, ...settings } = state;
  return settings;
}

/** The engine's training configuration for the lab's settings on `data` (already standardised). */
export function labTrainConfig(settings: RunSettings, data: Dataset): TrainConfig {
  return {
    model: labModelSpec(settings.model, data.features),
    data,
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    shuffle: settings.shuffle,
    dropLast: settings.dropLast,
    seed: settings.seed,
    optimizer: { kind: settings.optimizer, learningRate: settings.learningRate },
  };
}

/**
 * One training run with the lab's settings on `data` (already standardised). A sweep row needs only the final loss, so
 * it passes fullLossEachEpoch false and gets an empty epochFullLoss.
 */
export function runLab(settings: RunSettings, data: Dataset, fullLossEachEpoch = true): LabRun {
  const options = { dropLast: settings.dropLast };
  const result: TrainResult = trainRun({ ...labTrainConfig(settings, data), fullLossEachEpoch });
  const k = iterationsPerEpoch(data.n, settings.batchSize, options);
  const last = lastBatchSize(data.n, settings.batchSize, options);
  const batchRows = Array.from({ length: k }, (_, i) => (i === k - 1 ? last : settings.batchSize));
  const finalLoss = result.finalFullLoss;
  const growthWarning =
    !result.diverged && finalLoss > result.initialFullLoss
      ? `The loss ended higher than it started (${formatLoss(result.initialFullLoss)} → ${formatLoss(finalLoss)}): this run is diverging. ` +
        "The engine only stops a run when a number overflows; here the weights grew without overflowing yet."
      : null;
  return {
    settings,
    n: data.n,
    iterationsPerEpoch: k,
    lastBatchSize: last,
    unusedRowsPerEpoch: unusedRowsPerEpoch(data.n, settings.batchSize, options),
    plannedUpdates: totalUpdates(data.n, settings.batchSize, settings.epochs, options),
    updates: result.updates,
    batchRows,
    batchLoss: result.batchLoss,
    epochRunningLoss: result.epochRunningLoss,
    epochFullLoss: result.epochFullLoss,
    initialFullLoss: result.initialFullLoss,
    finalLoss,
    finalWeights: result.finalWeights,
    divergence: result.diverged?.message ?? null,
    growthWarning,
  };
}

export interface Point {
  x: number;
  y: number;
}

/** Position of the end of epoch e (0 = before training) on each x axis. */
function epochX(run: LabRun, e: number, axis: XAxis): number {
  if (axis === "epoch") return e;
  if (axis === "iteration") return e * run.iterationsPerEpoch;
  return e * run.batchRows.reduce((sum, rows) => sum + rows, 0);
}

/**
 * One value per update, placed at the end of its update: update u (1-based) is at u/k epochs, u
 * iterations, or the rows of all batches up to and including it. values[i] belongs to update
 * (i + 1)·stride (a stride above 1 thins a very long run).
 */
export function perUpdateSeries(run: Pick<LabRun, "iterationsPerEpoch" | "batchRows">, values: ArrayLike<number>, axis: XAxis, stride = 1): Point[] {
  const k = run.iterationsPerEpoch;
  const rowsBefore = [0];
  for (const rows of run.batchRows) rowsBefore.push(rowsBefore[rowsBefore.length - 1]! + rows);
  const perEpoch = rowsBefore[k]!;
  return Array.from(values, (y, i) => {
    const u = (i + 1) * stride;
    const x =
      axis === "iteration" ? u : axis === "epoch" ? u / k : Math.floor((u - 1) / k) * perEpoch + rowsBefore[((u - 1) % k) + 1]!;
    return { x, y };
  });
}

/** Batch loss of every update (before the update), placed at the end of its update. */
export function batchLossSeries(run: LabRun, axis: XAxis): Point[] {
  return perUpdateSeries(run, run.batchLoss, axis);
}

/** Full-dataset loss before training and after each completed epoch. */
export function fullLossSeries(run: LabRun, axis: XAxis): Point[] {
  return [
    { x: 0, y: run.initialFullLoss },
    ...Array.from(run.epochFullLoss, (y, e) => ({ x: epochX(run, e + 1, axis), y })),
  ];
}

/**
 * The run as CSV: one row per iteration (update) with its epoch, rows and batch loss; the epoch's
 * running loss and full-dataset loss on the epoch's last iteration, empty elsewhere.
 */
export function runCsv(run: LabRun): string {
  const lines = ["iteration,epoch,iteration_in_epoch,batch_rows,batch_loss,epoch_running_loss,epoch_full_loss"];
  const k = run.iterationsPerEpoch;
  for (let u = 0; u < run.batchLoss.length; u++) {
    const epoch = Math.floor(u / k);
    const within = u % k;
    const endOfEpoch = within === k - 1 && epoch < run.epochFullLoss.length;
    lines.push(
      [
        u + 1,
        epoch + 1,
        within + 1,
        run.batchRows[within],
        csvNumber(run.batchLoss[u]!),
        endOfEpoch ? csvNumber(run.epochRunningLoss[epoch]!) : "",
        endOfEpoch ? csvNumber(run.epochFullLoss[epoch]!) : "",
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : "";
}

export function csvFileName(state: RunSettings): string {
  return `batch-size-lab_b${state.batchSize}_lr${state.learningRate}_e${state.epochs}_${state.optimizer}_${state.model}_seed${state.seed}.csv`;
}

/**
 * Batch sizes a sweep trains: every size 1..N when N ≤ 50, else 50 sizes spread evenly on a log
 * scale from 1 to N (always including both ends), so a sweep on 10,000 rows stays 50 runs.
 */
export function sweepBatchSizes(n: number, count = 50): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i + 1);
  const sizes = new Set<number>();
  for (let i = 0; i < count; i++) sizes.add(Math.max(1, Math.min(n, Math.round(Math.exp((Math.log(n) * i) / (count - 1))))));
  // Rounding merges neighbours near 1; fill with the smallest unused sizes to keep `count` entries.
  for (let b = 1; sizes.size < count && b <= n; b++) sizes.add(b);
  return [...sizes].sort((a, b) => a - b);
}

/** Batch sizes the gradient-noise panel measures: the same set as a sweep. */
export const noiseBatchSizes = sweepBatchSizes;

/**
 * Random batches averaged per batch size in the noise panel: 200 on small data, fewer on large data
 * so the whole measurement stays around 10^7 multiply-adds.
 */
export function noiseSamplesPerSize(n: number, parameterCount: number, sizes: readonly number[]): number {
  const meanSize = sizes.reduce((sum, b) => sum + b, 0) / Math.max(1, sizes.length);
  const perSample = n + meanSize * parameterCount;
  return Math.max(10, Math.min(200, Math.floor(2e7 / (sizes.length * perSample))));
}

/**
 * The run would take long enough on the main thread (with its charts) to be worth a worker. The
 * greenhouse table at its maximum, 50 rows × 100 epochs × 3 features = 15,000, stays live.
 */
export function isLargeJob(n: number, epochs: number, features: number): boolean {
  return n * epochs * Math.max(features, 3) > 60_000;
}

export interface SweepRow {
  batchSize: number;
  iterationsPerEpoch: number;
  updates: number;
  finalLoss: number;
  diverged: boolean;
}

export function sweepRow(settings: RunSettings, data: Dataset, batchSize: number): SweepRow {
  const run = runLab({ ...settings, batchSize }, data, false);
  return {
    batchSize,
    iterationsPerEpoch: run.iterationsPerEpoch,
    updates: run.updates,
    finalLoss: run.finalLoss,
    diverged: run.divergence !== null,
  };
}

/** A loss for display: 4 significant digits, exponent form outside [0.001, 10^6). */
export function formatLoss(value: number): string {
  if (Number.isNaN(value)) return "not finite";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(4)));
  return value.toExponential(3);
}
