/**
 * The home page's picture, laid out at build time from the real table: the 50 rows as 50 columns of cells (3 inputs
 * and the target, shaded by their standardised value), cut into batches of 5 without shuffling, and the numbers a
 * reader should take away. The page draws it as SVG; nothing runs in the browser.
 */
import { GREENHOUSE_COLUMNS, iterationsPerEpoch, standardise, totalUpdates } from "../engine";
import { greenhouse } from "../widgets/lib/greenhouse";

export const HOME_BATCH_SIZE = 5;
export const HOME_EPOCHS = 20;

export interface HomeCell {
  /** 0-based column of the table: 0..2 inputs, 3 the target. */
  column: number;
  /** Shade from 0.15 (the column's smallest value) to 0.95 (its largest). */
  shade: number;
}

export interface HomeBatch {
  /** 1-based, as the prose counts. */
  number: number;
  /** 1-based row numbers in this batch. */
  rows: number[];
  /** cells[r][c]: row r of the batch, table column c. */
  cells: HomeCell[][];
}

export interface HomeFigureData {
  rows: number;
  features: number;
  batchSize: number;
  epochs: number;
  iterationsPerEpoch: number;
  updates: number;
  columnLabels: string[];
  batches: HomeBatch[];
}

export function homeFigureData(batchSize = HOME_BATCH_SIZE, epochs = HOME_EPOCHS): HomeFigureData {
  const { dataset } = standardise(greenhouse);
  const { n, features } = dataset;
  const value = (row: number, column: number) => (column < features ? dataset.x[row * features + column]! : dataset.y[row]!);
  const ranges = Array.from({ length: features + 1 }, (_, column) => {
    let min = Infinity;
    let max = -Infinity;
    for (let row = 0; row < n; row += 1) {
      min = Math.min(min, value(row, column));
      max = Math.max(max, value(row, column));
    }
    return { min, max };
  });
  const shade = (row: number, column: number) => {
    const { min, max } = ranges[column]!;
    return 0.15 + (0.8 * (value(row, column) - min)) / (max - min);
  };
  const count = iterationsPerEpoch(n, batchSize);
  const batches = Array.from({ length: count }, (_, b): HomeBatch => {
    const rows = Array.from({ length: Math.min(batchSize, n - b * batchSize) }, (_, r) => b * batchSize + r);
    return {
      number: b + 1,
      rows: rows.map((row) => row + 1),
      cells: rows.map((row) => Array.from({ length: features + 1 }, (_, column) => ({ column, shade: shade(row, column) }))),
    };
  });
  return {
    rows: n,
    features,
    batchSize,
    epochs,
    iterationsPerEpoch: count,
    updates: totalUpdates(n, batchSize, epochs),
    columnLabels: GREENHOUSE_COLUMNS.map((column) => column.label),
    batches,
  };
}
