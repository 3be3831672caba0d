/**
 * Lesson 7's loss landscape, prepared for drawing: the grid (src/course/landscape.ts) as smooth
 * contour regions (d3-contour's marching squares, with crossings placed by linear interpolation),
 * the start point dragged or moved by keys, and the paths' end points in words.
 */
import { contourRegions as regionsAbove, type ContourRegion } from "../lib/contourRegions";
import { BATCH_SIZES, pathStateAt, VIEW_RANGE, type PathBatchSize } from "../../course/landscape";
import type { LossGrid, SgdPath } from "../../engine/landscape";

/** Contour levels (1-2-5 steps, the loss spans three decades); band k lies between levels k−1 and k. */
export const LEVELS: readonly number[] = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

/** Band of a loss value: 0 below LEVELS[0], k between LEVELS[k−1] and LEVELS[k], LEVELS.length above the last. */
export function bandIndex(loss: number, levels: readonly number[] = LEVELS): number {
  let k = 0;
  while (k < levels.length && loss >= levels[k]!) k++;
  return k;
}

export type { ContourRegion, Ring } from "../lib/contourRegions";

/** The landscape's regions {loss ≥ level}, at its own LEVELS unless told (the tracing is shared with lesson 4's map). */
export function contourRegions(grid: LossGrid, levels: readonly number[] = LEVELS): ContourRegion[] {
  return regionsAbove(grid, levels);
}

/** How far one arrow key moves the start (Shift: ten times as far), and the grid drags snap to. */
export const START_STEP = 0.05;

/** A start point kept on the map and on multiples of START_STEP, so the fields show tidy numbers. */
export function snapStart(w: number): number {
  const [lo, hi] = VIEW_RANGE;
  const snapped = Math.round(w / START_STEP) * START_STEP;
  return Math.min(hi, Math.max(lo, Number(snapped.toFixed(2))));
}

/** The start after an arrow key (right/up raise w1/w2), or null for any other key. */
export function startAfterKey(start: readonly [number, number], key: string, large: boolean): [number, number] | null {
  const step = large ? 10 * START_STEP : START_STEP;
  const moves: Record<string, [number, number]> = { ArrowRight: [step, 0], ArrowLeft: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const move = moves[key];
  if (move === undefined) return null;
  return [snapStart(start[0] + move[0]), snapStart(start[1] + move[1])];
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
