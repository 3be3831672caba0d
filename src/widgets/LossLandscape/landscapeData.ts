/**
 * Lesson 7's loss landscape, prepared for drawing: the grid (src/course/landscape.ts) as colour
 * bands and contour lines an SVG can draw, and the paths' end points in words.
 */
import { BATCH_SIZES, pathStateAt, type PathBatchSize } from "../../course/landscape";
import type { LossGrid, SgdPath } from "../../engine/landscape";

/** Contour levels (1-2-5 steps, the loss spans three decades); band k lies between levels k−1 and k. */
export const LEVELS: readonly number[] = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

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
