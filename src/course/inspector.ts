/**
 * Lesson 4's batch through the greenhouse network (the batch inspector and the lesson's numbers).
 * The engine computes; this module chooses the scenario and collects what a reader is shown.
 * For a batch of rows R with |R| = B:
 *   ℓᵢ = (ŷᵢ − yᵢ)²,   L = (1/B) Σᵢ ℓᵢ,   ∇L = (1/B) Σᵢ ∇ℓᵢ,
 * and one SGD update moves every weight by Δw = −η ∇L.
 */
// Narrow imports (not the engine's index), so the island's chunk holds only the engine modules it uses.
import type { Dataset } from "../engine/dataset";
import { createModel, type Model } from "../engine/model";
import { createOptimizer } from "../engine/optimizers";
import { INPUT_COLUMNS } from "./columns";
import { standardisedGreenhouse } from "./data";
import { GREENHOUSE_NET, GREENHOUSE_NET_SEED } from "./networks";
import { kerasParameterName, layerNumber, layerSymbol } from "./notation";

/** The untrained greenhouse network, the same weights as the forward pass of lesson 3. */
export function inspectorModel(): Model {
  return createModel(GREENHOUSE_NET, GREENHOUSE_NET_SEED);
}

export interface WeightChoice {
  /** Position in the flat weight buffer. */
  index: number;
  /** The layer it belongs to, from 1: the superscript of W⁽ˡ⁾ and b⁽ˡ⁾. */
  layer: number;
  role: "weight" | "bias";
  /** Subscripts counted from 1: [j, k] for a weight W⁽ˡ⁾ⱼₖ, [k] for a bias b⁽ˡ⁾ₖ. */
  subscripts: number[];
  /** The symbol as plain text, e.g. "W⁽¹⁾₁,₃" (for option lists, which hold no markup). */
  symbol: string;
  /** What the weight connects, e.g. "temperature → hidden unit 3". */
  connects: string;
  /** Where Keras keeps it, with Python's 0-based indices: "dense/kernel[0, 2]". */
  kerasName: string;
}

function symbolOf(role: "weight" | "bias", layer: number, subscripts: number[]): string {
  return layerSymbol(role === "weight" ? "W" : "b", layer, subscripts);
}

/** Every weight and bias of the inspector's network, in layout order, named in the course's notation. */
export function weightChoices(model: Model = inspectorModel()): WeightChoice[] {
  const inputWords = INPUT_COLUMNS.map((c) => c.label.toLowerCase());
  const choices: WeightChoice[] = [];
  for (const p of model.parameters()) {
    const layer = layerNumber(p.name);
    const first = layer === 1;
    const keras = kerasParameterName(p.name);
    if (p.name.endsWith("/kernel")) {
      const [rows, cols] = p.shape as [number, number];
      for (let j = 0; j < rows; j++) {
        for (let k = 0; k < cols; k++) {
          const from = first ? (inputWords[j] ?? `input ${j + 1}`) : `hidden unit ${j + 1}`;
          const to = first ? `hidden unit ${k + 1}` : "output";
          choices.push({
            index: p.offset + j * cols + k,
            layer,
            role: "weight",
            subscripts: [j + 1, k + 1],
            symbol: symbolOf("weight", layer, [j + 1, k + 1]),
            connects: `${from} → ${to}`,
            kerasName: `${keras}[${j}, ${k}]`,
          });
        }
      }
    } else {
      for (let k = 0; k < p.size; k++) {
        choices.push({
          index: p.offset + k,
          layer,
          role: "bias",
          subscripts: [k + 1],
          symbol: symbolOf("bias", layer, [k + 1]),
          connects: first ? `bias of hidden unit ${k + 1}` : "bias of the output",
          kerasName: `${keras}[${k}]`,
        });
      }
    }
  }
  return choices;
}

/** The flat index of W⁽ˡ⁾ⱼₖ (all counted from 1). */
export function weightIndex(layer: number, j: number, k: number, model: Model = inspectorModel()): number {
  const found = weightChoices(model).find((c) => c.role === "weight" && c.layer === layer && c.subscripts[0] === j && c.subscripts[1] === k);
  if (found === undefined) throw new RangeError(`The network has no weight W(${layer})${j},${k}.`);
  return found.index;
}

/**
 * What the inspector and lesson 4 start from: rows 1–5, the weights W⁽¹⁾₁,₁ (temperature → hidden
 * unit 1) and W⁽²⁾₁,₁ (hidden unit 1 → output), one SGD step at learning rate 0.1.
 */
export const INSPECTOR_DEFAULTS = {
  /** First row of the batch, counted from 1. */
  start: 1,
  batchSize: 5,
  weightA: weightIndex(1, 1, 1),
  weightB: weightIndex(2, 1, 1),
  learningRate: 0.1,
} as const;

/** The rows of the default batch, 0-based. */
export const INSPECTOR_DEFAULT_ROWS: readonly number[] = Array.from({ length: INSPECTOR_DEFAULTS.batchSize }, (_, i) => INSPECTOR_DEFAULTS.start - 1 + i);

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
  rows.forEach((r, i) => out.set(data.x.subarray(r * f, r * f + f), i * f));
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
  data: Dataset = standardisedGreenhouse().dataset,
): BatchInspection {
  checkRows(data, rows);
  const model = inspectorModel();
  const indices = Int32Array.from(rows);
  const x = gatherRows(data, rows);
  const matrix = model.predict(x, rows.length);
  const rowByRow = model.predictRowByRow(x, rows.length);
  let maxAbsDifference = 0;
  for (let i = 0; i < matrix.length; i++) {
    maxAbsDifference = Math.max(maxAbsDifference, Math.abs(matrix[i]! - rowByRow[i]!));
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
  /** The rows whose gradient made each update (0-based), in order. */
  usedRows: number[][];
  /** Total change of the two chosen weights over all the updates. */
  deltaA: number;
  deltaB: number;
  /** Loss on the whole batch after the last update. */
  batchLossAfter: number;
}

/**
 * Plain SGD on every weight of the untrained network, one update per entry of `updates` (each with the
 * mean gradient of its rows, taken where the previous update left the weights), judged by the loss on `judged`.
 */
export function wholeNetworkUpdates(
  updates: readonly (readonly number[])[],
  judged: readonly number[],
  a: number,
  b: number,
  learningRate: number,
  data: Dataset = standardisedGreenhouse().dataset,
): UpdateOutcome {
  checkRows(data, judged);
  for (const used of updates) checkRows(data, used);
  const model = inspectorModel();
  const startA = model.weights[a]!;
  const startB = model.weights[b]!;
  const gradient = new Float64Array(model.parameterCount);
  for (const used of updates) {
    model.batchGradient(data.x, data.y, Int32Array.from(used), gradient);
    sgdStep(model, gradient, learningRate);
  }
  return {
    usedRows: updates.map((u) => [...u]),
    deltaA: model.weights[a]! - startA,
    deltaB: model.weights[b]! - startB,
    batchLossAfter: model.batchLoss(data.x, data.y, Int32Array.from(judged)),
  };
}

export interface BatchVersusRow {
  /** Loss on the batch before any update. */
  batchLossBefore: number;
  fromBatch: UpdateOutcome;
  fromLastRow: UpdateOutcome;
  /** One update per row of the batch, in order. */
  oneRowAtATime: UpdateOutcome;
}

/**
 * The seed's question, "how is a batch of rows 1–5 different from just row 5?", as SGD on the whole
 * network from the same starting weights: one update with the batch's mean gradient, one with the last
 * row's own gradient, and one update per row in order. All are judged by the loss on the whole batch.
 */
export function compareBatchWithLastRow(
  rows: readonly number[],
  a: number,
  b: number,
  learningRate: number,
  data: Dataset = standardisedGreenhouse().dataset,
): BatchVersusRow {
  checkRows(data, rows);
  const run = (updates: number[][]): UpdateOutcome => wholeNetworkUpdates(updates, rows, a, b, learningRate, data);
  return {
    batchLossBefore: inspectorModel().batchLoss(data.x, data.y, Int32Array.from(rows)),
    fromBatch: run([[...rows]]),
    fromLastRow: run([[rows[rows.length - 1]!]]),
    oneRowAtATime: run(rows.map((r) => [r])),
  };
}
