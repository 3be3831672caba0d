/**
 * Sliding windows for sequence models. A window of T consecutive rows is one LSTM sample:
 * an input of shape (T, features) and, as target, the target of the window's last row
 * ("given the last T hours, predict this hour's value"). Sliding by one row gives N − T + 1
 * windows from N rows: 46 windows of 5 from the 50-row table.
 */
import type { Dataset } from "./dataset";

function assertWindowable(n: number, timesteps: number): void {
  if (!Number.isInteger(timesteps) || timesteps < 1) {
    throw new RangeError(`The window length must be a whole number of at least 1 row; got ${timesteps}.`);
  }
  if (timesteps > n) {
    throw new RangeError(`A window of ${timesteps} rows does not fit in ${n} rows; the longest possible window is ${n}.`);
  }
}

/**
 * Windows of `timesteps` consecutive rows, sliding by one: window w covers rows w … w + T − 1.
 * x is laid out (window, step, feature): x[(w · T + t) · F + j] = row (w + t), feature j.
 * y[w] = the target of row w + T − 1. Rows shared by overlapping windows are copied, so each
 * window is contiguous in memory, as a batch tensor of shape (B, T, F) would be.
 */
export function makeWindows(dataset: Dataset, timesteps: number): Dataset {
  if (dataset.timesteps !== undefined && dataset.timesteps !== 1) {
    throw new RangeError(`The dataset is already windowed (timesteps = ${dataset.timesteps}); window the original rows instead.`);
  }
  const { n, features } = dataset;
  assertWindowable(n, timesteps);
  const windows = n - timesteps + 1;
  const rowWidth = features;
  const windowWidth = timesteps * features;
  const x = new Float64Array(windows * windowWidth);
  const y = new Float64Array(windows);
  for (let w = 0; w < windows; w++) {
    // Rows w … w+T−1 are contiguous in the row-major table, so one copy moves the whole window.
    x.set(dataset.x.subarray(w * rowWidth, (w + timesteps) * rowWidth), w * windowWidth);
    y[w] = dataset.y[w + timesteps - 1]!;
  }
  const windowed: Dataset = { n: windows, features, timesteps, x, y };
  if (dataset.featureNames !== undefined) windowed.featureNames = dataset.featureNames;
  if (dataset.targetName !== undefined) windowed.targetName = dataset.targetName;
  return windowed;
}

/** Number of windows of length T over N rows: N − T + 1. */
export function windowCount(rows: number, timesteps: number): number {
  assertWindowable(rows, timesteps);
  return rows - timesteps + 1;
}

/**
 * The 0-based rows window `windowIndex` covers: windowIndex … windowIndex + T − 1.
 * (Only the window length is known here, not the table length, so an index past the last
 * window is not detected; use windowCount for that.)
 */
export function windowRows(windowIndex: number, timesteps: number): number[] {
  if (!Number.isInteger(timesteps) || timesteps < 1) {
    throw new RangeError(`The window length must be a whole number of at least 1 row; got ${timesteps}.`);
  }
  if (!Number.isInteger(windowIndex) || windowIndex < 0) {
    throw new RangeError(`The window index must be a whole number from 0; got ${windowIndex}.`);
  }
  return Array.from({ length: timesteps }, (_, t) => windowIndex + t);
}
