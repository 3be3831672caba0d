/**
 * What a terminal prints for the lab's run, line by line, with every number the engine's:
 *
 * Keras 3, `model.fit(..., verbose=1)` (keras/src/callbacks/progbar_logger.py, utils/progbar.py):
 *   Epoch 1/20                                                 printed at each epoch's start when epochs > 1
 *   7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.4521        the bar's last state for the epoch
 * The count is "%{d}d/%d" (steps done / steps per epoch, padded to the width of the total); the bar
 * is 20 "━", the first ⌊20·done/k⌋ of them green; then elapsed time (or the ETA mid-epoch) and time
 * per step; then the loss, "%.4f" when |loss| > 0.001 and "%.4e" otherwise. At the end of an epoch
 * the loss is Keras' loss tracker: the mean of the epoch's batch losses weighted by batch size (the
 * engine's epochRunningLoss). Mid-epoch the bar averages once more: it shows the mean of the
 * running means it was sent after each batch.
 *
 * PyTorch: the loop in codegen.ts (PYTORCH_EPOCH_PRINT), one line per epoch:
 *   epoch 1/20  steps 7  loss 0.4521  full 0.3012
 * steps is len(loader); loss is the same batch-size-weighted mean as Keras'; full is the loss of all
 * rows after the epoch (the engine's epochFullLoss).
 *
 * Times are the reader's machine's: the lab cannot know them, so the lines carry a typical value
 * for this small model, marked with the role "time" so the page can grey it and say so.
 */

/** What a piece of a console line shows; the page ties each role to a concept. */
export type ConsoleRole = "epoch" | "steps" | "bar-done" | "bar-todo" | "time" | "loss" | "full" | "text";

export interface ConsoleSegment {
  text: string;
  role: ConsoleRole;
}

export type ConsoleLine = ConsoleSegment[];

/** The numbers of a run the consoles print. */
export interface ConsoleRun {
  settings: { epochs: number };
  iterationsPerEpoch: number;
  /** Rows in each batch of an epoch. */
  batchRows: readonly number[];
  /** Loss of each batch before its update. */
  batchLoss: ArrayLike<number>;
  epochRunningLoss: ArrayLike<number>;
  epochFullLoss: ArrayLike<number>;
  /** Updates the run made (fewer than planned when it diverged). */
  updates: number;
}

/** Keras' progress bar width in characters. */
export const KERAS_BAR_WIDTH = 20;
/** The time fields shown in place of the reader's own: elapsed/ETA and time per step. */
export const TYPICAL_SECONDS = "0s";
export const TYPICAL_STEP_TIME = "1ms/step";

/** Python's format(value, ".4f"): every digit of the double, however large (JS switches to exponents at 1e21). */
export function pythonFixed4(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  // Doubles this large are whole numbers, and BigInt holds them exactly.
  if (Math.abs(value) >= 1e21) return `${BigInt(value)}.0000`;
  return value.toFixed(4);
}

/** How Keras' progress bar prints a metric: ".4f" when |v| > 1e-3, else ".4e" ("5.1234e-04"). */
export function kerasMetric(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) > 1e-3) return pythonFixed4(value);
  const [mantissa, exponent] = value.toExponential(4).split("e");
  const sign = exponent!.startsWith("-") ? "-" : "+";
  return `${mantissa}e${sign}${exponent!.replace(/^[+-]/, "").padStart(2, "0")}`;
}

/** "%{w}d/%d": steps done, padded to the width of the total, over the total. */
function stepCount(done: number, total: number): string {
  return `${String(done).padStart(String(total).length, " ")}/${total}`;
}

function kerasStepLine(done: number, k: number, loss: number): ConsoleLine {
  const green = Math.floor((KERAS_BAR_WIDTH * done) / k);
  const line: ConsoleLine = [{ text: stepCount(done, k), role: "steps" }, { text: " ", role: "text" }];
  if (green > 0) line.push({ text: "━".repeat(green), role: "bar-done" });
  if (green < KERAS_BAR_WIDTH) line.push({ text: "━".repeat(KERAS_BAR_WIDTH - green), role: "bar-todo" });
  line.push(
    { text: " ", role: "text" },
    { text: `${TYPICAL_SECONDS} ${TYPICAL_STEP_TIME}`, role: "time" },
    { text: " - loss: ", role: "text" },
    { text: kerasMetric(loss), role: "loss" },
  );
  return line;
}

/**
 * What Keras' bar shows after `done` batches of epoch `epoch` (0-based): the mean of the running
 * means R_j = Σ_{i≤j} B_i·L_i / Σ_{i≤j} B_i for j = 1 … done.
 */
export function kerasMidEpochLoss(run: ConsoleRun, epoch: number, done: number): number {
  const first = epoch * run.iterationsPerEpoch;
  let weighted = 0;
  let rows = 0;
  let sumOfMeans = 0;
  for (let j = 0; j < done; j++) {
    const b = run.batchRows[j]!;
    weighted += b * run.batchLoss[first + j]!;
    rows += b;
    sumOfMeans += weighted / rows;
  }
  return sumOfMeans / done;
}

/** Completed epochs and batches done in the epoch under way, at update u. */
function split(run: ConsoleRun, u: number): { complete: number; done: number } {
  const k = run.iterationsPerEpoch;
  const applied = Math.max(0, Math.min(u, run.updates));
  // An epoch is complete once its last update is applied and its losses were recorded.
  const complete = Math.min(Math.floor(applied / k), run.epochRunningLoss.length);
  return { complete, done: applied - complete * k };
}

/** Keras' output up to update u, one entry per terminal line (a dynamic terminal rewrites the bar in place). */
export function kerasLines(run: ConsoleRun, u: number): ConsoleLine[] {
  const epochs = run.settings.epochs;
  const k = run.iterationsPerEpoch;
  const { complete, done } = split(run, u);
  const header = (e: number): ConsoleLine[] =>
    epochs > 1 ? [[{ text: "Epoch ", role: "text" }, { text: `${e + 1}/${epochs}`, role: "epoch" }]] : [];
  const lines: ConsoleLine[] = [];
  for (let e = 0; e < complete; e++) lines.push(...header(e), kerasStepLine(k, k, run.epochRunningLoss[e]!));
  // An epoch under way (or the one a diverged run stopped in) has begun: Keras prints its header first.
  if (complete < epochs) {
    lines.push(...header(complete));
    if (done > 0) lines.push(kerasStepLine(done, k, kerasMidEpochLoss(run, complete, done)));
  }
  return lines;
}

/** The PyTorch loop's output up to update u: one line per completed epoch. */
export function pytorchLines(run: ConsoleRun, u: number): ConsoleLine[] {
  const epochs = run.settings.epochs;
  const { complete } = split(run, u);
  return Array.from({ length: complete }, (_, e): ConsoleLine => [
    { text: "epoch ", role: "text" },
    { text: `${e + 1}/${epochs}`, role: "epoch" },
    { text: "  steps ", role: "text" },
    { text: String(run.iterationsPerEpoch), role: "steps" },
    { text: "  loss ", role: "text" },
    { text: pythonFixed4(run.epochRunningLoss[e]!), role: "loss" },
    { text: "  full ", role: "text" },
    { text: pythonFixed4(run.epochFullLoss[e] ?? Number.NaN), role: "full" },
  ]);
}

export function lineText(line: ConsoleLine): string {
  return line.map((s) => s.text).join("");
}
