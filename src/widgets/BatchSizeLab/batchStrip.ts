/**
 * The batch strip: one cell per position of the current epoch's order, showing which row sits there
 * and whether its batch is done, being used now, still ahead, or dropped this epoch. The order is
 * the engine's (epochOrder: Keras-style reshuffle at the start of every epoch when shuffling).
 */
import { epochOrder } from "../../engine/batching";
import { epochAndBatch } from "./playback";

export type CellState = "seen" | "current" | "ahead" | "unused";

export interface StripCell {
  /** Position in the epoch's order, 1-based. */
  position: number;
  /** Row of the table at that position, 1-based. */
  row: number;
  state: CellState;
}

export interface StripOptions {
  batchSize: number;
  shuffle: boolean;
  seed: number;
  dropLast: boolean;
  iterationsPerEpoch: number;
}

export interface BatchStrip {
  /** Epoch of the order shown, 1-based. */
  epoch: number;
  /** Batch of the last update (1-based within the epoch); 0 before training. */
  iteration: number;
  cells: StripCell[];
  /** First and last position of the current batch, 1-based; null before training. */
  positions: [number, number] | null;
  /** Rows of the current batch, 1-based, in batch order. */
  rows: number[];
}

/** The strip after update u (0 = before training: epoch 1's order, nothing used yet). */
export function batchStrip(n: number, u: number, options: StripOptions): BatchStrip {
  const { batchSize, iterationsPerEpoch: k } = options;
  const { epoch, done } = epochAndBatch(u, k);
  const order = epochOrder(n, epoch, { shuffle: options.shuffle, seed: options.seed });
  const start = (done - 1) * batchSize;
  const end = done === 0 ? 0 : Math.min(n, start + batchSize);
  const used = Math.min(n, k * batchSize);
  const cells = Array.from(order, (row, p): StripCell => ({
    position: p + 1,
    row: row + 1,
    state: p >= used ? "unused" : done === 0 || p >= end ? "ahead" : p >= start ? "current" : "seen",
  }));
  return {
    epoch: epoch + 1,
    iteration: done,
    cells,
    positions: done === 0 ? null : [start + 1, end],
    rows: done === 0 ? [] : cells.slice(start, end).map((c) => c.row),
  };
}

/** Row numbers for a sentence: all of them up to `max`, then "and 13 more". */
export function listRows(rows: readonly number[], max = 10): string {
  if (rows.length <= max) return rows.join(", ");
  return `${rows.slice(0, max).join(", ")} and ${rows.length - max} more`;
}

/** The strip in one sentence, for the caption and for screen readers. */
export function describeStrip(strip: BatchStrip, k: number): string {
  if (strip.positions === null) return `Before the first update: epoch 1 will visit the rows in the order shown.`;
  const [first, last] = strip.positions;
  const where = first === last ? `position ${first}` : `positions ${first}–${last}`;
  const rows = strip.rows.length === 1 ? `row ${strip.rows[0]}` : `rows ${listRows(strip.rows)}`;
  return `Epoch ${strip.epoch}, iteration ${strip.iteration} of ${k}: ${where} of this epoch's order, ${rows}.`;
}
