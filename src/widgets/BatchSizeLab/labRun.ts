/**
 * The lab's views of a run: the chart series for each x axis, the run as CSV, and when a job is large
 * enough for the worker. The run itself (settings, training, sweep, noise) is the course layer's
 * scenario, src/course/lab.ts. No DOM here.
 */
import type { LabRun, LabSettings } from "../../course/lab";
import type { LabState, XAxis } from "./labState";

/** The settings a run depends on (the x axis is only a view). */
export function runSettings(state: LabState): LabSettings {
  const { xAxis: _view, ...settings } = state;
  return settings;
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

export function csvFileName(state: LabSettings): string {
  return `batch-size-lab_b${state.batchSize}_lr${state.learningRate}_e${state.epochs}_${state.optimizer}_${state.model}_seed${state.seed}.csv`;
}

/**
 * The run would take long enough on the main thread (with its charts) to be worth a worker. The
 * greenhouse table at its maximum, 50 rows × 100 epochs × 3 features = 15,000, stays live.
 */
export function isLargeJob(n: number, epochs: number, features: number): boolean {
  return n * epochs * Math.max(features, 3) > 60_000;
}
