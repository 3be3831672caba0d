/**
 * Geometry of lesson 4's map: the plane of two weights drawn in a square plot, its contour lines
 * (marching squares, d3-contour, through lib/contourRegions.ts), and arrows kept legible. Pure functions; PlaneMap.tsx draws them.
 */
import type { BatchFigure } from "../../course/batchFigure";
import type { LossGrid } from "../../engine/landscape";
import { contourRegions } from "../lib/contourRegions";
import { ticks } from "d3-array";

export interface PlotFrame {
  /** Side of the square plot in SVG units, and the inner padding around the data window. */
  size: number;
  pad: number;
  /** The square data window: [min, max] of the horizontal (a) and vertical (b) weight. */
  a: readonly [number, number];
  b: readonly [number, number];
}

/** SVG units per unit of weight; the same on both axes because the window is square. */
export function unitsPerWeight(frame: PlotFrame): number {
  return (frame.size - 2 * frame.pad) / (frame.a[1] - frame.a[0]);
}

/** SVG x of weight a and y of weight b (y grows downwards, so larger b is higher up). */
export function toPlot(frame: PlotFrame, a: number, b: number): [number, number] {
  const k = unitsPerWeight(frame);
  return [frame.pad + (a - frame.a[0]) * k, frame.size - frame.pad - (b - frame.b[0]) * k];
}

export interface DrawnArrow {
  /** Offset of the tip from the tail, in SVG units (y down). */
  dx: number;
  dy: number;
  /** Its true length in SVG units at the map's scale. */
  trueLength: number;
  /** Drawn longer than it is, because at the map's scale it would be shorter than the minimum. */
  lengthened: boolean;
}

/**
 * A step (dA, dB) in weights drawn at the map's scale k (SVG units per weight), so that steps and arrows
 * share one scale; a non-zero arrow shorter than minLength is stretched to minLength along its own
 * direction (and flagged), so that every arrow is legible. A zero step stays zero.
 */
export function legibleArrow(dA: number, dB: number, k: number, minLength: number): DrawnArrow {
  const dx = dA * k;
  const dy = -dB * k;
  const trueLength = Math.hypot(dx, dy);
  if (trueLength === 0 || trueLength >= minLength) return { dx, dy, trueLength, lengthened: false };
  const stretch = minLength / trueLength;
  return { dx: dx * stretch, dy: dy * stretch, trueLength, lengthened: true };
}

/** Round contour levels strictly inside (min, max), about `count` of them (d3-array's nice ticks). */
export function contourLevels(min: number, max: number, count = 10): number[] {
  if (!(max > min)) return [];
  return ticks(min, max, count).filter((level) => level > min && level < max);
}

export interface ContourBand {
  level: number;
  /** SVG path of the region where the loss is at least `level`. */
  path: string;
}

/**
 * The regions {L ≥ level} of the grid as SVG paths in plot coordinates, traced by the contourRegions
 * lesson 7's landscape uses too (d3-contour), so both maps draw contours with one implementation.
 */
export function contourBands(grid: LossGrid, levels: readonly number[], frame: PlotFrame): ContourBand[] {
  return contourRegions(grid, levels).map(({ level, rings }) => ({
    level,
    path: rings
      .map((ring) => ring.map(([a, b], i) => {
        const [x, y] = toPlot(frame, a, b);
        return `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
      }).join("") + "Z")
      .join(""),
  }));
}

/** How many times the close-up magnifies the map (ratio of their sides). */
export function closeUpZoom(figure: Pick<BatchFigure, "map" | "closeUp">): number {
  return (figure.map.view.a[1] - figure.map.view.a[0]) / (figure.closeUp.view.a[1] - figure.closeUp.view.a[0]);
}

/** Below this magnification the close-up would repeat the map, so it is left out. */
export const MIN_CLOSE_UP_ZOOM = 1.5;
