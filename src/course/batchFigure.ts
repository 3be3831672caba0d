/**
 * Lesson 4's central figure: the seed's question ("how is passing rows 1–5 and then updating different
 * from passing row 5 alone?") drawn on the batch loss L(wₐ, w_b) over the inspector's two chosen weights.
 *
 * From the untrained network's weights (the start), three readings of the question, each plain SGD with
 * learning rate η in the plane of the two weights (engine/weightPlane.ts: the other weights stay put, so
 * every point on the map is a real network and its loss is the contour's height there):
 *   batch         one update with the batch gradient ∇L = (1/B) Σᵢ ∇ℓᵢ
 *   last row      one update with the last row's own gradient ∇ℓ_B
 *   one at a time B updates, one per row in order, each gradient taken where the previous step ended
 * Each is judged by the loss on the whole batch. The per-row arrows are the steps −η∇ℓᵢ each row alone
 * would make from the start, so the batch's step is exactly their mean (the tip of the bold arrow is the
 * centroid of the thin arrows' tips).
 */
import type { Dataset } from "../engine/dataset";
import type { LossGrid } from "../engine/landscape";
import { planeLossGrid, planeSgdPath, type PlaneAxes, type PlanePath } from "../engine/weightPlane";
import { standardisedGreenhouse } from "./data";
import { inspectorModel } from "./inspector";

/** Grid points per axis of the contour map: smooth with marching squares at ~560 px, and cheap enough to redraw at B = 50. */
export const FIGURE_GRID_STEPS = 41;
/** Row steps longer than this many times the median row step leave the close-up. */
export const CLOSE_UP_REACH = 3;
/** Room around the drawn points, as a fraction of their span on each side. */
const VIEW_MARGIN = 0.18;

export type ReadingId = "batch" | "last-row" | "one-at-a-time";

export interface Reading {
  id: ReadingId;
  /** The rows of each update (0-based). */
  updates: number[][];
  /** wₐ, w_b and the loss on the whole batch at the start and after each update. */
  path: PlanePath;
}

export interface RowStep {
  /** Row number counted from 1. */
  row: number;
  /** −η ∂ℓᵢ/∂wₐ and −η ∂ℓᵢ/∂w_b: where this row alone would move the two weights. */
  dA: number;
  dB: number;
}

export interface BatchFigure {
  rows: readonly number[];
  learningRate: number;
  start: { a: number; b: number; loss: number };
  rowSteps: RowStep[];
  /** −η ∇L, the mean of rowSteps: the batch's update. */
  meanStep: { dA: number; dB: number };
  readings: Record<ReadingId, Reading>;
  /** The square window of the plane the map shows (equal units on both axes keep directions true), and L over it. */
  map: PlaneWindow;
  /**
   * A smaller window around the start, so that the short arrows can be read: it holds the start, the
   * batch's step and every row's step up to CLOSE_UP_REACH times the median row step; longer ones run off it.
   */
  closeUp: PlaneWindow;
}

export interface PlaneWindow {
  view: { a: [number, number]; b: [number, number] };
  grid: LossGrid;
}

/** The smallest square window holding every point with a margin: centred on them, side = larger span × (1 + 2·margin). */
export function squareWindow(points: ReadonlyArray<readonly [number, number]>, margin = VIEW_MARGIN): { a: [number, number]; b: [number, number] } {
  let minA = Infinity;
  let maxA = -Infinity;
  let minB = Infinity;
  let maxB = -Infinity;
  for (const [a, b] of points) {
    minA = Math.min(minA, a);
    maxA = Math.max(maxA, a);
    minB = Math.min(minB, b);
    maxB = Math.max(maxB, b);
  }
  // A floor on the side keeps a window around a single point (all steps zero) drawable.
  const half = (Math.max(maxA - minA, maxB - minB, 1e-3) * (1 + 2 * margin)) / 2;
  const midA = (minA + maxA) / 2;
  const midB = (minB + maxB) / 2;
  return { a: [midA - half, midA + half], b: [midB - half, midB + half] };
}

/** The figure for the batch `rows` (0-based) and the weights at flat indices a ≠ b, from the untrained network. */
export function batchFigure(
  rows: readonly number[],
  axes: PlaneAxes,
  learningRate: number,
  data: Dataset = standardisedGreenhouse().dataset,
): BatchFigure {
  if (rows.length === 0) throw new RangeError("a batch needs at least one row");
  const model = inspectorModel();
  const all = Int32Array.from(rows);
  const one = (r: number): Int32Array => Int32Array.of(r);
  const reading = (id: ReadingId, updates: number[][]): Reading => ({
    id,
    updates,
    path: planeSgdPath(model, data, axes, updates.map((u) => Int32Array.from(u)), learningRate, all),
  });
  const readings: Record<ReadingId, Reading> = {
    batch: reading("batch", [[...rows]]),
    "last-row": reading("last-row", [[rows[rows.length - 1]!]]),
    "one-at-a-time": reading("one-at-a-time", rows.map((r) => [r])),
  };
  const startA = model.weights[axes.a]!;
  const startB = model.weights[axes.b]!;
  // A row's own step from the start is its one-update path in the plane.
  const rowSteps: RowStep[] = rows.map((r) => {
    const p = planeSgdPath(model, data, axes, [one(r)], learningRate, all);
    return { row: r + 1, dA: p.a[1]! - startA, dB: p.b[1]! - startB };
  });
  const batchPath = readings.batch.path;
  const meanStep = { dA: batchPath.a[1]! - startA, dB: batchPath.b[1]! - startB };
  const pathPoints: [number, number][] = [[startA, startB]];
  for (const s of rowSteps) pathPoints.push([startA + s.dA, startB + s.dB]);
  const lengths = rowSteps.map((s) => Math.hypot(s.dA, s.dB)).sort((p, q) => p - q);
  const median = lengths.length % 2 === 1 ? lengths[(lengths.length - 1) / 2]! : (lengths[lengths.length / 2 - 1]! + lengths[lengths.length / 2]!) / 2;
  const closePoints: [number, number][] = [
    [startA, startB],
    [startA + meanStep.dA, startB + meanStep.dB],
    ...rowSteps.filter((s) => Math.hypot(s.dA, s.dB) <= CLOSE_UP_REACH * median).map((s): [number, number] => [startA + s.dA, startB + s.dB]),
  ];
  for (const r of Object.values(readings)) r.path.a.forEach((a, k) => pathPoints.push([a, r.path.b[k]!]));
  const window = (points: [number, number][]): PlaneWindow => {
    const view = squareWindow(points);
    return { view, grid: planeLossGrid(model, data, all, axes, view.a, view.b, FIGURE_GRID_STEPS) };
  };
  return {
    rows,
    learningRate,
    start: { a: startA, b: startB, loss: batchPath.loss[0]! },
    rowSteps,
    meanStep,
    readings,
    map: window(pathPoints),
    closeUp: window(closePoints),
  };
}

/** The loss on the batch where a reading ends. */
export function finalLoss(reading: Reading): number {
  return reading.path.loss[reading.path.loss.length - 1]!;
}
