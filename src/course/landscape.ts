/**
 * Lesson 7's loss landscape as a scenario. The engine (landscape.ts) owns the model and the
 * arithmetic; this module picks the two inputs, the start and the settings, and asks the engine
 * for the grid and the SGD paths of batch sizes 1, 5 and 50.
 *
 * The two-weight model is ŷ = w₁ · light + w₂ · temperature (no bias), with both inputs and the
 * target (water use) standardised over the 50 rows, so the bowl's floor is near (0.5, 0.5) and a
 * learning rate around 0.1 suits every batch size.
 */
import type { Dataset } from "../engine/dataset";
import { lossGrid, sgdPath, twoWeightMinimum, type LossGrid, type SgdPath } from "../engine/landscape";
import { FEATURE_INDEX } from "./columns";
import { standardisedGreenhouse } from "./data";

export const W1_NAME = "light";
export const W2_NAME = "temperature";

/** The part of the (w₁, w₂) plane the figure shows. */
export const VIEW_RANGE: [number, number] = [-2.5, 2.5];
/** Grid points per axis: fine enough that contours drawn through it look smooth at 1100 px. */
export const GRID_STEPS = 81;

export const BATCH_SIZES = [1, 5, 50] as const;
export type PathBatchSize = (typeof BATCH_SIZES)[number];

let data: Dataset | null = null;

/** Standardised light and temperature as the two features, standardised water use as target. */
export function landscapeDataset(): Dataset {
  if (data !== null) return data;
  const standard = standardisedGreenhouse().dataset;
  const x = new Float64Array(standard.n * 2);
  for (let i = 0; i < standard.n; i++) {
    x[2 * i] = standard.x[i * standard.features + FEATURE_INDEX.light]!;
    x[2 * i + 1] = standard.x[i * standard.features + FEATURE_INDEX.temperature]!;
  }
  return (data = { n: standard.n, features: 2, x, y: standard.y, featureNames: [W1_NAME, W2_NAME], targetName: "water use" });
}

export function landscapeGrid(landscape: Dataset = landscapeDataset()): LossGrid {
  return lossGrid({ data: landscape, aRange: VIEW_RANGE, bRange: VIEW_RANGE, steps: GRID_STEPS });
}

export interface PathSettings {
  start: [number, number];
  learningRate: number;
  epochs: number;
  seed: number;
}

/** What the figure and lesson 7 start from. */
export const DEFAULT_LANDSCAPE_SETTINGS: Readonly<PathSettings> = Object.freeze<PathSettings>({ start: [2, -1.5], learningRate: 0.1, epochs: 5, seed: 7 });

/** The three paths from one start, with the same learning rate and epochs (shuffled every epoch). */
export function landscapePaths(settings: PathSettings, landscape: Dataset = landscapeDataset()): Record<PathBatchSize, SgdPath> {
  const run = (batchSize: number): SgdPath =>
    sgdPath({ data: landscape, start: settings.start, batchSize, epochs: settings.epochs, learningRate: settings.learningRate, seed: settings.seed, shuffle: true });
  return { 1: run(1), 5: run(5), 50: run(50) };
}

/** Where one path is after k updates (k beyond the path's end shows its end). */
export interface PathState {
  updates: number;
  totalUpdates: number;
  /** Completed epochs, with a fraction for a partly done epoch. */
  epochs: number;
  w1: number;
  w2: number;
  loss: number;
}

export function pathStateAt(path: SgdPath, k: number): PathState {
  const total = path.a.length - 1;
  const updates = Math.max(0, Math.min(total, Math.floor(k)));
  return {
    updates,
    totalUpdates: total,
    epochs: updates / path.iterationsPerEpoch,
    w1: path.a[updates]!,
    w2: path.b[updates]!,
    loss: path.loss[updates]!,
  };
}

/** The bowl's exact floor (least squares over the 50 rows), to mark on the map. */
export function landscapeMinimum(landscape: Dataset = landscapeDataset()): { w1: number; w2: number; loss: number } {
  const { a, b, loss } = twoWeightMinimum(landscape);
  return { w1: a, w2: b, loss };
}
