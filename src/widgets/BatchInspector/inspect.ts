/**
 * The numbers behind the batch inspector (lesson 4), computed with the engine on the standardised
 * greenhouse table. Pure: no DOM, no Preact, so the facts module and the unit tests use it too.
 *
 * The network is the course's 3-8-1 model (8 tanh hidden units, a linear output) with the weights
 * the seed gives it before any training. For a batch of rows R with |R| = B:
 *   ℓ_r = (ŷ_r − y_r)²,   L = (1/B) Σ_r ℓ_r,   ∇L = (1/B) Σ_r ∇ℓ_r,
 * and one SGD update moves every weight by Δw = −η ∇L.
 */
// Narrow imports (not the engine's index), so the island's chunk holds only the engine modules it uses.
import { standardise, type Dataset } from "../../engine/dataset";
import { createModel, type Model, type ModelSpec } from "../../engine/model";
import { createOptimizer } from "../../engine/optimizers";
import { greenhouse } from "../lib/greenhouse";
import { GREENHOUSE_NET_SEED, GREENHOUSE_NET_SPEC } from "../lib/greenhouseNet";

/** The inspector shows the same network, with the same initial weights, as the forward stepper. */
export const INSPECTOR_MODEL: ModelSpec = GREENHOUSE_NET_SPEC;
export const INSPECTOR_SEED = GREENHOUSE_NET_SEED;

/** The greenhouse table with every column standardised (mean 0, standard deviation 1). */
export const standardGreenhouse: Dataset = standardise(greenhouse).dataset;

export function inspectorModel(): Model {
  return createModel(INSPECTOR_MODEL, INSPECTOR_SEED);
}

export interface WeightChoice {
  /** Position in the flat weight buffer. */
  index: number;
  /** Keras-style name with 0-based indices, e.g. "dense_1/kernel[0, 2]". */
  name: string;
  /** What the weight connects, e.g. "temperature → hidden unit 3". */
  connects: string;
}

const FEATURE_WORDS = ["temperature", "humidity", "light"];

/** Every weight and bias of the model, in layout order, with a name a reader can follow. */
export function weightChoices(model: Model = inspectorModel()): WeightChoice[] {
  const choices: WeightChoice[] = [];
  for (const p of model.parameters()) {
    const [layer, kind] = p.name.split("/") as [string, string];
    const first = layer === "dense_1";
    if (kind === "kernel") {
      const [rows, cols] = p.shape as [number, number];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const from = first ? (FEATURE_WORDS[i] ?? `input ${i + 1}`) : `hidden unit ${i + 1}`;
          const to = first ? `hidden unit ${j + 1}` : "output";
          choices.push({ index: p.offset + i * cols + j, name: `${p.name}[${i}, ${j}]`, connects: `${from} → ${to}` });
        }
      }
    } else {
      for (let j = 0; j < p.size; j++) {
        choices.push({
          index: p.offset + j,
          name: `${p.name}[${j}]`,
          connects: first ? `bias of hidden unit ${j + 1}` : "bias of the output",
        });
      }
    }
  }
  return choices;
}

export interface RowResult {
  /** Row number counted from 1, as the lesson-1 table shows it. */
  row: number;
  prediction: number;
  target: number;
  /** ℓ = (ŷ − y)². */
  loss: number;
  /** ∂ℓ/∂w for the two chosen weights. */
  gradA: number;
  gradB: number;
}

export type Computation = "row-by-row" | "matrix";

export interface BatchInspection {
  rows: RowResult[];
  /** Predictions shown, computed the chosen way. */
  computation: Computation;
  /** max |ŷ_matrix − ŷ_row-by-row| over the batch. */
  maxAbsDifference: number;
  /** Mean of the per-row gradients (the bold arrow). */
  meanGradA: number;
  meanGradB: number;
  /** The same gradient computed directly as one batch by the engine, for the check. */
  batchGradA: number;
  batchGradB: number;
  /** L = mean of the per-row losses, before the update. */
  batchLoss: number;
  learningRate: number;
  weightABefore: number;
  weightAAfter: number;
  weightBBefore: number;
  weightBAfter: number;
  /** L on the same rows after one SGD update with the batch gradient. */
  batchLossAfter: number;
}

/** Gather rows (0-based) of x into one contiguous B × features block, the matrix X of the batch. */
export function gatherRows(data: Dataset, rows: readonly number[]): Float64Array {
  const f = data.features;
  const out = new Float64Array(rows.length * f);
  rows.forEach((r, b) => out.set(data.x.subarray(r * f, r * f + f), b * f));
  return out;
}

function checkRows(data: Dataset, rows: readonly number[]): void {
  if (rows.length === 0) throw new RangeError("a batch needs at least one row");
  for (const r of rows) {
    if (!Number.isInteger(r) || r < 0 || r >= data.n) {
      throw new RangeError(`row index ${String(r)} is outside 0..${data.n - 1}`);
    }
  }
}

function sgdStep(model: Model, gradient: Float64Array, learningRate: number): Float64Array {
  const update = new Float64Array(model.parameterCount);
  createOptimizer({ kind: "sgd", learningRate }, model.parameterCount).step(model.weights, gradient, update);
  return update;
}

/**
 * Everything the inspector shows for the batch `rows` (0-based) and the weights at indices a, b,
 * starting from the seed's initial weights.
 */
export function inspectBatch(
  rows: readonly number[],
  a: number,
  b: number,
  learningRate: number,
  computation: Computation = "matrix",
  data: Dataset = standardGreenhouse,
): BatchInspection {
  checkRows(data, rows);
  const model = inspectorModel();
  const indices = Int32Array.from(rows);
  const x = gatherRows(data, rows);
  const matrix = model.predict(x, rows.length);
  const rowByRow = model.predictRowByRow(x, rows.length);
  let maxAbsDifference = 0;
  for (let k = 0; k < matrix.length; k++) {
    maxAbsDifference = Math.max(maxAbsDifference, Math.abs(matrix[k]! - rowByRow[k]!));
  }
  const shown = computation === "matrix" ? matrix : rowByRow;
  const sample = model.sampleGradients(data.x, data.y, indices);
  const results: RowResult[] = rows.map((r, i) => {
    const prediction = shown[i]!;
    const target = data.y[r]!;
    const d = prediction - target;
    return { row: r + 1, prediction, target, loss: d * d, gradA: sample.gradients[i]![a]!, gradB: sample.gradients[i]![b]! };
  });
  const mean = (pick: (r: RowResult) => number): number => results.reduce((s, r) => s + pick(r), 0) / results.length;
  const weightABefore = model.weights[a]!;
  const weightBBefore = model.weights[b]!;
  sgdStep(model, sample.meanGradient, learningRate);
  return {
    rows: results,
    computation,
    maxAbsDifference,
    meanGradA: mean((r) => r.gradA),
    meanGradB: mean((r) => r.gradB),
    batchGradA: sample.meanGradient[a]!,
    batchGradB: sample.meanGradient[b]!,
    batchLoss: mean((r) => r.loss),
    learningRate,
    weightABefore,
    weightAAfter: model.weights[a]!,
    weightBBefore,
    weightBAfter: model.weights[b]!,
    batchLossAfter: model.batchLoss(data.x, data.y, indices),
  };
}

export interface UpdateOutcome {
  /** The rows whose gradient made the update (0-based). */
  usedRows: number[];
  /** Δw of the two chosen weights. */
  deltaA: number;
  deltaB: number;
  /** Loss on the whole batch after this update. */
  batchLossAfter: number;
}

export interface BatchVersusRow {
  /** Loss on the batch before either update. */
  batchLossBefore: number;
  fromBatch: UpdateOutcome;
  fromLastRow: UpdateOutcome;
}

/**
 * The seed's question, "how is a batch of rows 1–5 different from just row 5?", as two SGD updates
 * from the same starting weights: one with the batch's mean gradient, one with the last row's own
 * gradient. Both are judged by the loss on the whole batch afterwards.
 */
export function compareBatchWithLastRow(
  rows: readonly number[],
  a: number,
  b: number,
  learningRate: number,
  data: Dataset = standardGreenhouse,
): BatchVersusRow {
  checkRows(data, rows);
  const all = Int32Array.from(rows);
  const outcome = (used: Int32Array): UpdateOutcome => {
    const model = inspectorModel();
    const gradient = new Float64Array(model.parameterCount);
    model.batchGradient(data.x, data.y, used, gradient);
    const update = sgdStep(model, gradient, learningRate);
    return {
      usedRows: Array.from(used),
      deltaA: update[a]!,
      deltaB: update[b]!,
      batchLossAfter: model.batchLoss(data.x, data.y, all),
    };
  };
  return {
    batchLossBefore: inspectorModel().batchLoss(data.x, data.y, all),
    fromBatch: outcome(all),
    fromLastRow: outcome(all.subarray(all.length - 1)),
  };
}

/** Rows start … start + size − 1 (counted from 1), cut at the last row of the table. */
export function consecutiveRows(start: number, size: number, n: number): { rows: number[]; cut: boolean } {
  const last = Math.min(n, start + size - 1);
  const rows: number[] = [];
  for (let r = start; r <= last; r++) rows.push(r - 1);
  return { rows, cut: last < start + size - 1 };
}

/** Rows written for people: "rows 1–5", "row 5", or "rows 3, 8, 12" for a set that is not a run. */
export function describeRows(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]! + 1}`;
  const consecutive = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  if (consecutive) return `rows ${rows[0]! + 1}–${rows[rows.length - 1]! + 1}`;
  return `rows ${rows.map((r) => r + 1).join(", ")}`;
}

/** Fixed decimals with a true minus sign; −0.0000 is shown as 0.0000. */
export function fmt(value: number, digits = 4): string {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text.replace("-", "−");
}
