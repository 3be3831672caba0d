/**
 * Lesson 9's window explorer, the parts that are not drawing: which rows a window covers (counted
 * from 1, as the page does), how many windows and batches there are, and the LSTM's parameter
 * counts in both frameworks. The arithmetic comes from the engine (windows.ts, batching.ts,
 * architecture.ts).
 */
// Narrow imports (not the engine's index): an island that imports the index shares one chunk with every engine module
// reached through it, which would put the trainer's code on lesson 9.
import { describeLstmNetwork, type Framework, lstmParameterCount } from "../../engine/architecture";
import { iterationsPerEpoch, lastBatchSize } from "../../engine/batching";
import type { ModelSpec } from "../../engine/modelSpec";
import { windowCount, windowRows } from "../../engine/windows";

export interface WindowCover {
  /** First and last row of the window, counted from 1. */
  first: number;
  last: number;
  /** The row whose target the window predicts: its last row. */
  targetRow: number;
}

/** Window `window` (counted from 1) of length T. */
export function windowCover(window: number, timesteps: number): WindowCover {
  const rows = windowRows(window - 1, timesteps);
  const first = rows[0]! + 1;
  const last = rows[rows.length - 1]! + 1;
  return { first, last, targetRow: last };
}

/** "50 − 5 + 1 = 46 windows" (a true minus sign). */
export function windowFormula(rows: number, timesteps: number): string {
  const count = windowCount(rows, timesteps);
  return `${rows} − ${timesteps} + 1 = ${count} ${count === 1 ? "window" : "windows"}`;
}

export function formatShape(shape: readonly (number | null)[]): string {
  const parts = shape.map((d) => (d === null ? "None" : String(d)));
  return `(${parts.join(", ")}${parts.length === 1 ? "," : ""})`;
}

export interface BatchPlan {
  batches: number;
  lastBatch: number;
}

/** Batches of windows per epoch, keeping the short last batch (Keras, PyTorch drop_last=False). */
export function windowBatches(windows: number, batchSize: number): BatchPlan {
  return { batches: iterationsPerEpoch(windows, batchSize), lastBatch: lastBatchSize(windows, batchSize) };
}

export interface LstmCounts {
  framework: Framework;
  lstm: number;
  head: number;
  total: number;
  /** The weight tensors with shapes, in the framework's names and layout. */
  tensors: { name: string; shape: number[]; parameters: number }[];
}

/** LSTM(H) on F features per step, then a dense layer to one output, in one framework. */
export function lstmCounts(features: number, units: number, timesteps: number, batchSize: number, framework: Framework): LstmCounts {
  const spec: ModelSpec = { inputSize: features, timesteps, layers: [{ kind: "lstm", units }, { kind: "dense", units: 1, activation: "linear" }] };
  const description = describeLstmNetwork(spec, batchSize, framework);
  const lstm = lstmParameterCount(features, units, framework);
  return {
    framework,
    lstm,
    head: description.parameterCount - lstm,
    total: description.parameterCount,
    tensors: description.tensors.filter((t) => t.parameters > 0).map((t) => ({ name: t.name, shape: t.shape, parameters: t.parameters })),
  };
}
