/**
 * The pure part of the data table: which column sorts how, and the numbers shown in raw or
 * standardised form. The statistics come from the engine (columnStats, standardise).
 */
import { type TableDataset } from "../../engine/csv";
import { columnStats, standardise, type ColumnStat } from "../../engine/dataset";

/** -1 is the row number; 0..features−1 the inputs; `features` the target. */
export type ColumnKey = number;
export type SortDirection = "ascending" | "descending";
export interface SortState {
  column: ColumnKey;
  direction: SortDirection;
}

export const ROW_COLUMN: ColumnKey = -1;

/** The value of `column` for row `row` (0-based) of a table with x, y laid out like the engine's Dataset. */
export function cellValue(x: Float64Array, y: Float64Array, features: number, row: number, column: ColumnKey): number {
  if (column === ROW_COLUMN) return row + 1;
  if (column === features) return y[row]!;
  return x[row * features + column]!;
}

/**
 * Row indices in display order. Ties keep the table's order (row 3 before row 7 when both read
 * 0.0 klx), whichever the direction, so a reader sees a stable list.
 */
export function sortedRows(data: Pick<TableDataset, "n" | "features" | "x" | "y">, sort: SortState): number[] {
  const rows = Array.from({ length: data.n }, (_, i) => i);
  const sign = sort.direction === "ascending" ? 1 : -1;
  return rows.sort((a, b) => {
    const diff = cellValue(data.x, data.y, data.features, a, sort.column) - cellValue(data.x, data.y, data.features, b, sort.column);
    return diff !== 0 ? sign * diff : a - b;
  });
}

/** Clicking a header: a new column sorts ascending; the same column flips its direction. */
export function nextSort(current: SortState, column: ColumnKey): SortState {
  if (current.column !== column) return { column, direction: "ascending" };
  return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

export interface TableView {
  x: Float64Array;
  y: Float64Array;
  /** Statistics of the raw columns: the means and stds standardisation uses. */
  rawStats: { features: ColumnStat[]; target: ColumnStat };
  /** Statistics of what is displayed (≈ 0 and 1 when standardised). */
  shownStats: { features: ColumnStat[]; target: ColumnStat };
}

/** Raw values, or z = (v − mean) / std per column, with the statistics of both. */
export function tableView(data: TableDataset, standardised: boolean): TableView {
  const rawStats = columnStats(data);
  if (!standardised) return { x: data.x, y: data.y, rawStats, shownStats: rawStats };
  const { dataset } = standardise(data, rawStats);
  return { x: dataset.x, y: dataset.y, rawStats, shownStats: columnStats(dataset) };
}
