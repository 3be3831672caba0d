/**
 * Lesson 3's forward pass: one greenhouse row through the untrained greenhouse network, with every
 * intermediate number a reader is shown. The engine does the arithmetic (standardise, createModel,
 * forwardTrace); this module picks the numbers out and names them in the course's notation
 * (src/course/notation.ts): row i, feature j, hidden unit k, W⁽¹⁾ of shape (3, 8).
 */
import type { TableDataset } from "../engine/csv";
import { standardise } from "../engine/dataset";
import { createModel } from "../engine/model";
import { greenhouseTable } from "./data";
import { GREENHOUSE_NET, GREENHOUSE_NET_SEED } from "./networks";

export interface ForwardWalk {
  /** 0-based row index into the table (row i = row + 1). */
  row: number;
  /** The row's raw inputs, in the table's units. */
  raw: number[];
  rawTarget: number;
  means: number[];
  stds: number[];
  targetMean: number;
  targetStd: number;
  /** Standardised inputs x̃ⱼ = (xⱼ − μⱼ) / σⱼ. */
  x: number[];
  /** W⁽¹⁾ as rows: w1[j][k] joins feature j to hidden unit k (0-based here), Keras' (3, 8) layout. */
  w1: number[][];
  /** b⁽¹⁾, one bias per hidden unit. */
  b1: number[];
  /** z⁽¹⁾ₖ = Σⱼ x̃ⱼ · W⁽¹⁾ⱼₖ + b⁽¹⁾ₖ. */
  z1: number[];
  /** a⁽¹⁾ₖ = tanh(z⁽¹⁾ₖ). */
  a1: number[];
  /** W⁽²⁾ as a list: w2[k] joins hidden unit k to the one output (the (8, 1) matrix). */
  w2: number[];
  b2: number;
  /** ŷ = Σₖ a⁽¹⁾ₖ · W⁽²⁾ₖ + b⁽²⁾, in standardised target units. */
  yHat: number;
  /** The target standardised: ỹ = (y − μ_y) / σ_y. */
  y: number;
  /** ŷ back in mL: ŷ · σ_y + μ_y. */
  yHatRaw: number;
  /** (ŷ − ỹ)², the loss of this one sample. */
  squaredError: number;
  parameterCount: number;
}

export function forwardWalk(row: number, data: TableDataset = greenhouseTable(), seed: number = GREENHOUSE_NET_SEED): ForwardWalk {
  if (!Number.isInteger(row) || row < 0 || row >= data.n) {
    throw new RangeError(`row must be a whole number from 0 to ${data.n - 1} (got ${row})`);
  }
  const F = data.features;
  const { dataset, stats } = standardise(data);
  const model = createModel(GREENHOUSE_NET, seed);
  const xRow = dataset.x.slice(row * F, row * F + F);
  const trace = model.forwardTrace(xRow);
  const [hidden, output] = trace.layers;
  if (!hidden || hidden.kind !== "dense" || !output || output.kind !== "dense") {
    throw new Error("the greenhouse network must be two dense layers");
  }
  // Parameters come in layout order: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾.
  const [kernel1, bias1, kernel2, bias2] = model.parameters().map((p) => Array.from(model.weights.subarray(p.offset, p.offset + p.size)));
  const units = hidden.z.length;
  const w1 = Array.from({ length: F }, (_, j) => kernel1!.slice(j * units, j * units + units));
  const yHat = trace.output[0]!;
  const yStd = dataset.y[row]!;
  return {
    row,
    raw: Array.from(data.x.subarray(row * F, row * F + F)),
    rawTarget: data.y[row]!,
    means: stats.features.map((s) => s.mean),
    stds: stats.features.map((s) => s.std),
    targetMean: stats.target.mean,
    targetStd: stats.target.std,
    x: Array.from(xRow),
    w1,
    b1: bias1!,
    z1: Array.from(hidden.z),
    a1: Array.from(hidden.a),
    w2: kernel2!,
    b2: bias2![0]!,
    yHat,
    y: yStd,
    yHatRaw: yHat * stats.target.std + stats.target.mean,
    squaredError: (yHat - yStd) ** 2,
    parameterCount: model.parameterCount,
  };
}
