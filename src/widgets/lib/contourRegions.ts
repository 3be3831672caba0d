/**
 * Contour regions of a loss grid (d3-contour's marching squares, crossings placed by linear
 * interpolation), in weight coordinates: the one tracing behind lesson 4's and lesson 7's maps.
 */
import { contours } from "d3-contour";
import type { LossGrid } from "../../engine/landscape";

/** A closed ring of (w1, w2) points. */
export type Ring = [number, number][];

/** The region where the loss is at least `level`, as rings in weight coordinates (holes included). */
export interface ContourRegion {
  level: number;
  rings: Ring[];
}

/**
 * One region per level: where loss ≥ level. Drawn in order over the lowest band's colour, each
 * fills the band above its level, and its outline is the contour line. d3-contour places grid
 * value i at x = i + 0.5 in its own coordinates, hence the half-cell shift back to weights.
 */
export function contourRegions(grid: LossGrid, levels: readonly number[]): ContourRegion[] {
  const { steps, aValues, bValues } = grid;
  const da = aValues[1]! - aValues[0]!;
  const db = bValues[1]! - bValues[0]!;
  const generator = contours().size([steps, steps]).thresholds([...levels]);
  return generator(Array.from(grid.grid)).map((polygon) => ({
    level: polygon.value,
    rings: polygon.coordinates.flat().map((ring) => ring.map((point): [number, number] => [aValues[0]! + (point[0]! - 0.5) * da, bValues[0]! + (point[1]! - 0.5) * db])),
  }));
}
