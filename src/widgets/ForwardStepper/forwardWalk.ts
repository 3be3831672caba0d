/**
 * The forward pass of one greenhouse row through the course's 3-8-1 tanh network, with every
 * intermediate number a reader is shown. All arithmetic comes from the engine (standardise,
 * createModel, forwardTrace); this module only picks the numbers out and names them.
 *
 * The network: 3 inputs → Dense(8, tanh) → Dense(1, linear), Glorot-uniform weights and zero
 * biases from seed GREENHOUSE_NET_SEED, untrained. Inputs and target are standardised with the
 * 50-row table's own means and population standard deviations, as the training lessons do.
 */
import { type TableDataset } from "../../engine/csv";
import { standardise, type DatasetStats } from "../../engine/dataset";
import { createModel } from "../../engine/model";
import { GREENHOUSE_NET_SEED, GREENHOUSE_NET_SPEC } from "../lib/greenhouseNet";

export { GREENHOUSE_NET_SEED, GREENHOUSE_NET_SPEC };

export interface ForwardWalk {
  /** 0-based row index into the table. */
  row: number;
  /** The row's raw inputs, in the table's units. */
  raw: number[];
  rawTarget: number;
  means: number[];
  stds: number[];
  targetMean: number;
  targetStd: number;
  /** Standardised inputs x̃_j = (x_j − μ_j) / σ_j. */
  x: number[];
  /** Hidden kernel W1[i][k]: input i (0..2) to hidden unit k (0..7), Keras' (3, 8) layout. */
  w1: number[][];
  b1: number[];
  /** z_k = Σ_i x̃_i · W1[i][k] + b1[k]. */
  z1: number[];
  /** a_k = tanh(z_k). */
  a1: number[];
  /** Output kernel W2[k]: hidden unit k to the one output, the (8, 1) matrix as a list. */
  w2: number[];
  b2: number;
  /** ŷ = Σ_k a_k · W2[k] + b2, in standardised target units. */
  yHat: number;
  /** The target standardised: ỹ = (y − μ_y) / σ_y. */
  y: number;
  /** ŷ back in mL: ŷ · σ_y + μ_y. */
  yHatRaw: number;
  /** (ŷ − ỹ)², the loss of this one sample (mean squared error over one output). */
  squaredError: number;
  parameterCount: number;
}

/** The standardised table and its statistics, computed once per dataset. */
export function standardiseTable(data: TableDataset): { x: Float64Array; y: Float64Array; stats: DatasetStats } {
  const { dataset, stats } = standardise(data);
  return { x: dataset.x, y: dataset.y, stats };
}

export function forwardWalk(data: TableDataset, row: number, seed: number = GREENHOUSE_NET_SEED): ForwardWalk {
  if (!Number.isInteger(row) || row < 0 || row >= data.n) {
    throw new RangeError(`row must be a whole number from 0 to ${data.n - 1} (got ${row})`);
  }
  const F = data.features;
  const { x, y, stats } = standardiseTable(data);
  const model = createModel(GREENHOUSE_NET_SPEC, seed);
  const xRow = x.slice(row * F, row * F + F);
  const trace = model.forwardTrace(xRow);
  const [hidden, output] = trace.layers;
  if (!hidden || hidden.kind !== "dense" || !output || output.kind !== "dense") {
    throw new Error("the greenhouse net must be two dense layers");
  }
  const weights = model.weights;
  const param = (name: string) => {
    const info = model.parameters().find((p) => p.name === name);
    if (!info) throw new Error(`no parameter ${name}`);
    return Array.from(weights.subarray(info.offset, info.offset + info.size));
  };
  const kernel1 = param("dense_1/kernel");
  const units = hidden.z.length;
  const w1 = Array.from({ length: F }, (_, i) => kernel1.slice(i * units, i * units + units));
  const yHat = trace.output[0]!;
  const yStd = y[row]!;
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
    b1: param("dense_1/bias"),
    z1: Array.from(hidden.z),
    a1: Array.from(hidden.a),
    w2: param("dense_2/kernel"),
    b2: param("dense_2/bias")[0]!,
    yHat,
    y: yStd,
    yHatRaw: yHat * stats.target.std + stats.target.mean,
    squaredError: (yHat - yStd) ** 2,
    parameterCount: model.parameterCount,
  };
}

/** A number as the widgets print it: fixed decimals and a true minus sign (−), never "-0.000". */
export function formatNumber(value: number, digits = 3): string {
  const text = value.toFixed(digits);
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `\u2212${text.slice(1)}` : text;
}
