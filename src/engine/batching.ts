/**
 * How N rows become batches, iterations and epochs. Pure functions of (n, batchSize, epoch, …):
 * any batch of any epoch can be computed directly, without replaying the ones before it.
 *
 * Conventions (0-based in code; the prose counts from 1):
 * - One iteration = one batch = one weight update. One epoch = one pass over the rows.
 * - Iterations per epoch = ⌈N/B⌉ keeping the short last batch (Keras; PyTorch drop_last=False),
 *   ⌊N/B⌋ when it is dropped (PyTorch drop_last=True; the dropped rows change every epoch
 *   when shuffling).
 * - Shuffling follows Keras `fit(shuffle=True)`: the order is reshuffled at the start of every
 *   epoch, the first included. The permutation of epoch e is a Fisher–Yates shuffle driven by a
 *   generator seeded from (seed, e) alone.
 */

import { deriveSeed, shuffleSeeded } from "./random";

export interface DropLastOption {
  /** Drop the short last batch of each epoch (PyTorch `drop_last`). Default false. */
  dropLast?: boolean;
}

export interface OrderOptions {
  /** Reshuffle at the start of every epoch (Keras `shuffle=True`). Default false. */
  shuffle?: boolean;
  /** Seed of the run; epoch e shuffles with a stream derived from (seed, e). Default 0. */
  seed?: number;
}

export interface BatchOptions extends DropLastOption, OrderOptions {
  batchSize: number;
}

/** Stream number of the batch order inside a run's seed (weights use stream 0, see initialWeights.ts). */
export const SHUFFLE_STREAM = 1;

function describe(value: number): string {
  return Number.isNaN(value) ? "NaN" : String(value);
}

function requireWhole(name: string, value: number, min: number, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range =
      max === Infinity ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    throw new RangeError(`${name} must be ${range} (got ${describe(value)})`);
  }
}

function requireSizes(n: number, batchSize: number): void {
  requireWhole("n (the number of rows)", n, 1);
  requireWhole("batchSize", batchSize, 1, n);
}

function requireSeed(seed: number): void {
  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed must be a whole number (got ${describe(seed)})`);
  }
}

/** ⌈N/B⌉, or ⌊N/B⌋ with dropLast. */
export function iterationsPerEpoch(n: number, batchSize: number, options: DropLastOption = {}): number {
  requireSizes(n, batchSize);
  return options.dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
}

/** Rows in the final batch of an epoch: N − (k−1)·B with k = ⌈N/B⌉, or B with dropLast. */
export function lastBatchSize(n: number, batchSize: number, options: DropLastOption = {}): number {
  const k = iterationsPerEpoch(n, batchSize, options);
  return options.dropLast ? batchSize : n - (k - 1) * batchSize;
}

/** Rows never reached in an epoch: N − B·⌊N/B⌋ with dropLast, else 0. */
export function unusedRowsPerEpoch(n: number, batchSize: number, options: DropLastOption = {}): number {
  requireSizes(n, batchSize);
  return options.dropLast ? n - batchSize * Math.floor(n / batchSize) : 0;
}

/** Weight updates in a run: epochs × iterations per epoch. */
export function totalUpdates(
  n: number,
  batchSize: number,
  epochs: number,
  options: DropLastOption = {},
): number {
  requireWhole("epochs", epochs, 0);
  return epochs * iterationsPerEpoch(n, batchSize, options);
}

/** Sample visits in a run: epochs × N, or epochs × B·⌊N/B⌋ with dropLast. */
export function samplesSeen(
  n: number,
  batchSize: number,
  epochs: number,
  options: DropLastOption = {},
): number {
  requireWhole("epochs", epochs, 0);
  return epochs * (n - unusedRowsPerEpoch(n, batchSize, options));
}

/**
 * Write epoch `epoch`'s order into `order` (length n) without allocating a new array.
 * No shuffle: 0, 1, …, n−1 every epoch. Shuffle: Fisher–Yates of 0..n−1 with the generator
 * seeded by deriveSeed(deriveSeed(seed, SHUFFLE_STREAM), epoch); starting from the identity
 * each time makes the epoch's order independent of earlier epochs.
 */
export function fillEpochOrder(order: Int32Array, epoch: number, shuffle: boolean, seed: number): Int32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (shuffle) shuffleSeeded(order, deriveSeed(deriveSeed(seed, SHUFFLE_STREAM), epoch));
  return order;
}

/** The order in which epoch `epoch` visits the n rows: a permutation of 0..n−1. */
export function epochOrder(n: number, epoch: number, options: OrderOptions = {}): Int32Array {
  requireWhole("n (the number of rows)", n, 1);
  requireWhole("epoch", epoch, 0);
  const seed = options.seed ?? 0;
  requireSeed(seed);
  return fillEpochOrder(new Int32Array(n), epoch, options.shuffle ?? false, seed);
}

/**
 * Row indices of batch `iteration` of epoch `epoch`: positions iteration·B … iteration·B + B − 1
 * of the epoch's order (fewer for the short last batch). A view into the epoch's order.
 */
export function batchRows(n: number, epoch: number, iteration: number, options: BatchOptions): Int32Array {
  const k = iterationsPerEpoch(n, options.batchSize, options);
  requireWhole("iteration", iteration, 0, k - 1);
  const order = epochOrder(n, epoch, options);
  const start = iteration * options.batchSize;
  return order.subarray(start, Math.min(n, start + options.batchSize));
}

/** Every batch of epoch `epoch`, in order (views into one order array). */
export function epochBatches(n: number, epoch: number, options: BatchOptions): Int32Array[] {
  const k = iterationsPerEpoch(n, options.batchSize, options);
  const order = epochOrder(n, epoch, options);
  const batches: Int32Array[] = [];
  for (let i = 0; i < k; i++) {
    const start = i * options.batchSize;
    batches.push(order.subarray(start, Math.min(n, start + options.batchSize)));
  }
  return batches;
}
