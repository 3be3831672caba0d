/**
 * The one shape every part of the engine agrees on for "a table of samples".
 *
 * Layout (row-major, flat, no nested arrays so a training sweep allocates nothing):
 * - tabular: sample i, feature j is x[i · features + j]; x.length = n · features.
 * - windowed (timesteps = T): window i, step t, feature j is x[(i · T + t) · features + j];
 *   x.length = n · T · features. This is the (batch, timesteps, features) order Keras and
 *   PyTorch (batch_first=True) expect.
 * - y holds one target per sample: y[i], y.length = n.
 */
export interface Dataset {
  /** Number of samples (rows, or windows when timesteps is set). */
  n: number;
  /** Values per sample per time step: the size of the input layer. */
  features: number;
  /** Set only for sequence data: consecutive rows per sample. */
  timesteps?: number;
  x: Float64Array;
  y: Float64Array;
  featureNames?: string[];
  targetName?: string;
}

/** Summary of one column. */
export interface ColumnStat {
  mean: number;
  /** Population standard deviation: sqrt(Σ(v − mean)² / n), dividing by n, not n − 1. */
  std: number;
  min: number;
  max: number;
}

export interface DatasetStats {
  /** One entry per feature, in column order. */
  features: ColumnStat[];
  target: ColumnStat;
}

/** Values of x per sample: features, or timesteps · features for windowed data. */
function valuesPerSample(dataset: Dataset): number {
  return dataset.features * (dataset.timesteps ?? 1);
}

function statOf(sum: number, sumOfSquaredDeviations: number, count: number, min: number, max: number): ColumnStat {
  const mean = sum / count;
  return { mean, std: Math.sqrt(sumOfSquaredDeviations / count), min, max };
}

/**
 * Mean, population standard deviation, min and max of every feature and of the target.
 * The population std (divide by n) is what standardisation in scikit-learn's StandardScaler
 * and Keras' Normalization layer use; the sample std (n − 1) would differ by sqrt(50/49) ≈ 1.01
 * on the 50-row table.
 *
 * For windowed data every (window, step) pair counts as one observation of a feature, so rows
 * shared by overlapping windows are counted more than once; call this on the unwindowed table
 * if you want each row once. Two passes (mean, then squared deviations) avoid the cancellation
 * of the one-pass Σv² − n·mean² formula.
 */
export function columnStats(dataset: Dataset): DatasetStats {
  const { features, x, y, n } = dataset;
  if (n < 1 || features < 1) {
    throw new RangeError(`columnStats needs at least 1 sample and 1 feature; got n = ${n}, features = ${features}.`);
  }
  const observations = x.length / features;
  const featureStats: ColumnStat[] = [];
  for (let j = 0; j < features; j++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < observations; r++) {
      const v = x[r * features + j]!;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / observations;
    let squared = 0;
    for (let r = 0; r < observations; r++) {
      const d = x[r * features + j]! - mean;
      squared += d * d;
    }
    featureStats.push(statOf(sum, squared, observations, min, max));
  }
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let squared = 0;
  for (let i = 0; i < n; i++) {
    const d = y[i]! - mean;
    squared += d * d;
  }
  return { features: featureStats, target: statOf(sum, squared, n, min, max) };
}

/**
 * A constant column has std 0; dividing by it would give NaN. It is divided by 1 instead,
 * so it becomes a column of zeros, which is what a network should see for an input that
 * carries no information.
 */
function safeScale(std: number): number {
  return std > 0 ? std : 1;
}

/**
 * z = (v − mean) / std for every feature and the target, giving each column mean 0 and
 * std 1 so that tanh units start in their responsive range and one learning rate suits all
 * weights. Pass `stats` to reuse the training set's statistics on other data (never recompute
 * them on a validation set). Returns a new Dataset; the input is not modified.
 */
export function standardise(dataset: Dataset, stats: DatasetStats = columnStats(dataset)): { dataset: Dataset; stats: DatasetStats } {
  const { features } = dataset;
  if (stats.features.length !== features) {
    throw new RangeError(`The stats describe ${stats.features.length} features but the dataset has ${features}.`);
  }
  const x = new Float64Array(dataset.x.length);
  for (let k = 0; k < x.length; k++) {
    const column = stats.features[k % features]!;
    x[k] = (dataset.x[k]! - column.mean) / safeScale(column.std);
  }
  const y = new Float64Array(dataset.n);
  const targetScale = safeScale(stats.target.std);
  for (let i = 0; i < dataset.n; i++) {
    y[i] = (dataset.y[i]! - stats.target.mean) / targetScale;
  }
  return { dataset: { ...dataset, x, y }, stats };
}

/** The inverse of standardising the target: v = z · std + mean, back to the target's units. */
export function unstandardiseTarget(value: number, stats: DatasetStats): number {
  return value * safeScale(stats.target.std) + stats.target.mean;
}

/** Number of x values per sample, exported for callers that slice batches. */
export function sampleWidth(dataset: Dataset): number {
  return valuesPerSample(dataset);
}
