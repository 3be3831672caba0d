/**
 * Lesson 5's epoch timeline as a scenario: its defaults, and what it shows after a given number of
 * weight updates. Every count and every row comes from the engine's batching functions; this module
 * only says which epoch and iteration a step count falls in and words the batches for people
 * (positions and rows from 1).
 */
import { epochBatches, epochOrder, iterationsPerEpoch, lastBatchSize, samplesSeen, totalUpdates, unusedRowsPerEpoch } from "../engine/batching";
import { GREENHOUSE_ROWS } from "./columns";

export interface TimelineConfig {
  n: number;
  batchSize: number;
  shuffle: boolean;
  dropLast: boolean;
  seed: number;
  /** Epochs the run lasts; Play and Step stop after the last. */
  epochs: number;
}

/** What the timeline opens with: the 50 rows in table order, batch size 8, a run of 3 epochs. */
export const DEFAULT_TIMELINE: Readonly<TimelineConfig> = Object.freeze({
  n: GREENHOUSE_ROWS,
  batchSize: 8,
  shuffle: false,
  dropLast: false,
  seed: 1,
  epochs: 3,
});

export interface TimelineCounts {
  iterationsPerEpoch: number;
  /** Rows in the last batch that is used each epoch. */
  lastBatchSize: number;
  /** The last batch is shorter than the batch size. */
  partial: boolean;
  /** Rows skipped each epoch (drop last). */
  unusedRows: number;
  /** epochs × iterations per epoch. */
  totalUpdates: number;
}

export function timelineCounts(config: TimelineConfig): TimelineCounts {
  const options = { dropLast: config.dropLast };
  const last = lastBatchSize(config.n, config.batchSize, options);
  return {
    iterationsPerEpoch: iterationsPerEpoch(config.n, config.batchSize, options),
    lastBatchSize: last,
    partial: last < config.batchSize,
    unusedRows: unusedRowsPerEpoch(config.n, config.batchSize, options),
    totalUpdates: totalUpdates(config.n, config.batchSize, config.epochs, options),
  };
}

export interface TimelinePosition {
  /** Updates applied so far (0 after Reset). */
  updates: number;
  /** The epoch on screen, 0-based: the one the last update belonged to (epoch 0 before any update). */
  epoch: number;
  /** Iterations of that epoch already done, 0 … iterations per epoch. */
  iterationsDone: number;
  samplesSeen: number;
  /** No more steps: the run's epochs are complete. */
  finished: boolean;
}

/** Where the run stands after `updates` weight updates (clamped to 0 … total updates). */
export function positionAfter(config: TimelineConfig, updates: number): TimelinePosition {
  const counts = timelineCounts(config);
  const k = counts.iterationsPerEpoch;
  const u = Math.max(0, Math.min(counts.totalUpdates, Math.floor(updates)));
  const epoch = u === 0 ? 0 : Math.floor((u - 1) / k);
  const iterationsDone = u - epoch * k;
  const options = { dropLast: config.dropLast };
  // Whole epochs before this one, then the batches of this one already used.
  let seen = samplesSeen(config.n, config.batchSize, epoch, options);
  const batches = epochBatches(config.n, epoch, { ...options, batchSize: config.batchSize, shuffle: config.shuffle, seed: config.seed });
  for (let i = 0; i < iterationsDone; i++) seen += batches[i]!.length;
  return { updates: u, epoch, iterationsDone, samplesSeen: seen, finished: u === counts.totalUpdates };
}

export interface TimelineBatch {
  /** Iteration number within the epoch, from 1. */
  iteration: number;
  /** Positions in this epoch's order, from 1, inclusive. */
  firstPosition: number;
  lastPosition: number;
  /** Row numbers, from 1. */
  rows: number[];
  partial: boolean;
}

export interface EpochView {
  /** Row numbers (from 1) in the order this epoch visits them. */
  order: number[];
  batches: TimelineBatch[];
  /** Row numbers (from 1) the epoch never reaches (drop last). */
  unused: number[];
  /** Batch number (from 1) of each position of the order; 0 for unused positions. */
  batchOfPosition: number[];
}

export function epochView(config: TimelineConfig, epoch: number): EpochView {
  const options = { batchSize: config.batchSize, dropLast: config.dropLast, shuffle: config.shuffle, seed: config.seed };
  const order = Array.from(epochOrder(config.n, epoch, options), (r) => r + 1);
  const batchOfPosition = new Array<number>(config.n).fill(0);
  let position = 0;
  const batches = epochBatches(config.n, epoch, options).map((rows, i): TimelineBatch => {
    const first = position + 1;
    for (let k = 0; k < rows.length; k++) batchOfPosition[position + k] = i + 1;
    position += rows.length;
    return {
      iteration: i + 1,
      firstPosition: first,
      lastPosition: position,
      rows: Array.from(rows, (r) => r + 1),
      partial: rows.length < config.batchSize,
    };
  });
  return { order, batches, unused: order.slice(position), batchOfPosition };
}

/** "Iteration 10: positions 46–50 of this epoch's order = rows 46, 47, 48, 49, 50". */
export function describeBatch(batch: TimelineBatch): string {
  const positions =
    batch.firstPosition === batch.lastPosition
      ? `position ${batch.firstPosition}`
      : `positions ${batch.firstPosition}–${batch.lastPosition}`;
  const rows = batch.rows.length === 1 ? `row ${batch.rows[0]}` : `rows ${batch.rows.join(", ")}`;
  return `Iteration ${batch.iteration}: ${positions} of this epoch's order = ${rows}`;
}
