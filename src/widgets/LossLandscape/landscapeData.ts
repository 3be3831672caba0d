/**
 * Lesson 7's loss landscape, prepared for drawing. The engine (landscape.ts) owns the model and
 * the arithmetic; this module only picks the two inputs, asks the engine for the grid and the
 * SGD paths, and turns the grid into things an SVG can draw (colour bands and contour lines).
 *
 * The two-weight model is ŷ = w1 · light + w2 · temperature (no bias), with both inputs and the
 * target (water use) standardised over the 50 rows, so the bowl's floor is near (0.5, 0.5) and a
 * learning rate around 0.1 suits every batch size.
 */
import { type TableDataset } from "../../engine/csv";
import { standardise, type Dataset } from "../../engine/dataset";
import { lossGrid, sgdPath, type LossGrid, type SgdPath } from "../../engine/landscape";

/** Column indices in the greenhouse table: temperature 0, humidity 1, light 2. */
export const W1_COLUMN = 2;
export const W2_COLUMN = 0;
export const W1_NAME = "light";
export const W2_NAME = "temperature";

/** The part of the (w1, w2) plane the figure shows. */
export const VIEW_RANGE: [number, number] = [-2.5, 2.5];
export const GRID_STEPS = 41;

/** Contour levels (1-2-5 steps, the loss spans three decades); band k lies between levels k−1 and k. */
export const LEVELS: readonly number[] = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

export const BATCH_SIZES = [1, 5, 50] as const;
export type PathBatchSize = (typeof BATCH_SIZES)[number];

/** Standardised light and temperature as the two features, standardised water use as target. */
export function landscapeDataset(table: TableDataset): Dataset {
  const standard = standardise(table).dataset;
  const x = new Float64Array(table.n * 2);
  for (let r = 0; r < table.n; r++) {
    x[2 * r] = standard.x[r * table.features + W1_COLUMN]!;
    x[2 * r + 1] = standard.x[r * table.features + W2_COLUMN]!;
  }
  return { n: table.n, features: 2, x, y: standard.y, featureNames: [W1_NAME, W2_NAME], targetName: "water use" };
}

export function landscapeGrid(data: Dataset): LossGrid {
  return lossGrid({ data, aRange: VIEW_RANGE, bRange: VIEW_RANGE, steps: GRID_STEPS });
}

export interface PathSettings {
  start: [number, number];
  learningRate: number;
  epochs: number;
  seed: number;
}

export const DEFAULT_SETTINGS: PathSettings = { start: [2, -1.5], learningRate: 0.1, epochs: 5, seed: 7 };

/** The three paths from one start, with the same learning rate and epochs (shuffled every epoch). */
export function landscapePaths(data: Dataset, settings: PathSettings): Record<PathBatchSize, SgdPath> {
  const run = (batchSize: number): SgdPath =>
    sgdPath({ data, start: settings.start, batchSize, epochs: settings.epochs, learningRate: settings.learningRate, seed: settings.seed, shuffle: true });
  return { 1: run(1), 5: run(5), 50: run(50) };
}

/** Band of a loss value: 0 below LEVELS[0], k between LEVELS[k−1] and LEVELS[k], LEVELS.length above the last. */
export function bandIndex(loss: number, levels: readonly number[] = LEVELS): number {
  let k = 0;
  while (k < levels.length && loss >= levels[k]!) k++;
  return k;
}

/** A horizontal run of grid cells in one band: cells i0 … i1 − 1 of grid row j. */
export interface BandRun {
  j: number;
  i0: number;
  i1: number;
  band: number;
}

/**
 * The grid as runs of equal band, row by row: cell (i, j) is the square centred on grid point
 * (aValues[i], bValues[j]). Merging runs keeps the SVG small (a few hundred rectangles).
 */
export function bandRuns(grid: LossGrid, levels: readonly number[] = LEVELS): BandRun[] {
  const runs: BandRun[] = [];
  const { steps } = grid;
  for (let j = 0; j < steps; j++) {
    let i0 = 0;
    let band = bandIndex(grid.grid[j * steps]!, levels);
    for (let i = 1; i <= steps; i++) {
      const next = i < steps ? bandIndex(grid.grid[j * steps + i]!, levels) : -1;
      if (next !== band) {
        runs.push({ j, i0, i1: i, band });
        i0 = i;
        band = next;
      }
    }
  }
  return runs;
}

/** A contour segment in grid coordinates (fractional i along w1, j along w2). */
export type Segment = [number, number, number, number];

/**
 * Marching squares: the segments where the loss crosses `level`, each cell's crossings found by
 * linear interpolation along its edges. Saddle cells (two opposite corners above) are split by the
 * cell-centre average; a convex bowl has none, but the code must not crash on them.
 */
export function contourSegments(grid: LossGrid, level: number): Segment[] {
  const { steps } = grid;
  const v = (i: number, j: number): number => grid.grid[j * steps + i]!;
  const segments: Segment[] = [];
  for (let j = 0; j < steps - 1; j++) {
    for (let i = 0; i < steps - 1; i++) {
      const c = [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1)] as const;
      // Corners 0..3 go round the cell: (i,j), (i+1,j), (i+1,j+1), (i,j+1).
      const corner: [number, number][] = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      const crossings: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const p = c[e]!;
        const q = c[(e + 1) % 4]!;
        if ((p < level) !== (q < level)) {
          const t = (level - p) / (q - p);
          const [x0, y0] = corner[e]!;
          const [x1, y1] = corner[(e + 1) % 4]!;
          crossings.push([x0 + t * (x1 - x0), y0 + t * (y1 - y0)]);
        }
      }
      if (crossings.length === 2) {
        segments.push([crossings[0]![0], crossings[0]![1], crossings[1]![0], crossings[1]![1]]);
      } else if (crossings.length === 4) {
        const centreBelow = (c[0] + c[1] + c[2] + c[3]) / 4 < level;
        const firstBelow = c[0] < level;
        // Pair the crossings so that the segments separate the corners on the other side of the centre.
        const pairs = centreBelow === firstBelow ? [[0, 3], [1, 2]] : [[0, 1], [2, 3]];
        for (const [a, b] of pairs) {
          segments.push([crossings[a!]![0], crossings[a!]![1], crossings[b!]![0], crossings[b!]![1]]);
        }
      }
    }
  }
  return segments;
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

/** Loss as text, or "diverged" when the weights blew up. */
export function formatLoss(loss: number, digits = 3): string {
  return Number.isFinite(loss) ? loss.toFixed(digits) : "diverged";
}

/** "After 5 epochs: B=1 made 250 updates, loss 0.048; B=5 made 50, loss 0.096; B=50 made 5, loss 0.672." */
export function landscapeSummary(paths: Record<PathBatchSize, SgdPath>, epochs: number, shown: readonly PathBatchSize[] = BATCH_SIZES): string {
  const parts = shown.map((b, index) => {
    const end = pathStateAt(paths[b], Infinity);
    const updates = index === 0 ? `${end.totalUpdates} ${end.totalUpdates === 1 ? "update" : "updates"}` : `${end.totalUpdates}`;
    return `B=${b} made ${updates}, loss ${formatLoss(end.loss)}`;
  });
  if (parts.length === 0) return `After ${epochs} ${epochs === 1 ? "epoch" : "epochs"}: no path is shown.`;
  return `After ${epochs} ${epochs === 1 ? "epoch" : "epochs"}: ${parts.join("; ")}.`;
}

/** The lowest point of the grid, to mark the bowl's floor. */
export function gridMinimum(grid: LossGrid): { w1: number; w2: number; loss: number } {
  let best = 0;
  for (let k = 1; k < grid.grid.length; k++) if (grid.grid[k]! < grid.grid[best]!) best = k;
  const i = best % grid.steps;
  const j = Math.floor(best / grid.steps);
  return { w1: grid.aValues[i]!, w2: grid.bValues[j]!, loss: grid.grid[best]! };
}
