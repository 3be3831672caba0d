import { describe, expect, it } from "vitest";
import type { LossGrid } from "../../../src/engine/landscape";
import { contourBands, contourLevels, legibleArrow, toPlot, unitsPerWeight, type PlotFrame } from "../../../src/widgets/BatchInspector/planeMap";

const FRAME: PlotFrame = { size: 100, pad: 10, a: [0, 2], b: [-1, 1] };

describe("lesson 4's map geometry", () => {
  it("the square window maps 2 units of weight onto 80 drawing units, larger b higher up", () => {
    expect(unitsPerWeight(FRAME)).toBe(40);
    expect(toPlot(FRAME, 0, -1)).toEqual([10, 90]);
    expect(toPlot(FRAME, 2, 1)).toEqual([90, 10]);
    expect(toPlot(FRAME, 0.5, 0.25)).toEqual([30, 40]);
  });

  it("arrows keep the map's scale when long enough and are stretched to the minimum, direction kept, when not", () => {
    expect(legibleArrow(0.5, 0.25, 40, 16)).toEqual({ dx: 20, dy: -10, trueLength: Math.hypot(20, 10), lengthened: false });
    // (0.03, −0.04) is 2 units long at k = 40: stretched 8× to 16 units, still pointing right and down.
    const short = legibleArrow(0.03, -0.04, 40, 16);
    expect(short.lengthened).toBe(true);
    expect(short.trueLength).toBeCloseTo(2, 12);
    expect(short.dx).toBeCloseTo(9.6, 12);
    expect(short.dy).toBeCloseTo(12.8, 12);
    expect(legibleArrow(0, 0, 40, 16)).toEqual({ dx: 0, dy: -0, trueLength: 0, lengthened: false });
  });

  it("contour levels are round numbers strictly between the grid's min and max", () => {
    expect(contourLevels(1.937, 2.308, 10)).toEqual([1.95, 2, 2.05, 2.1, 2.15, 2.2, 2.25, 2.3]);
    expect(contourLevels(0, 1, 5)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(contourLevels(2, 2)).toEqual([]);
  });

  it("the region L ≥ 0.5 of L = a on [0, 2] starts at a = 0.5, x = 30 on the drawing", () => {
    // 3 × 3 grid, L = a at a = 0, 1, 2 in every row of b.
    const grid: LossGrid = {
      grid: Float64Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2]),
      steps: 3,
      aValues: Float64Array.from([0, 1, 2]),
      bValues: Float64Array.from([-1, 0, 1]),
      min: 0,
      max: 2,
    };
    const [band] = contourBands(grid, [0.5], FRAME);
    expect(band!.level).toBe(0.5);
    const points = [...band!.path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // Inside the window (10 < x, y < 90) the region's edge is the line a = 0.5; its other edges lie on or outside the frame.
    const inside = points.filter(([x, y]) => x > 10 && x < 90 && y > 10 && y < 90);
    expect(inside.length).toBeGreaterThan(0);
    expect(new Set(inside.map(([x]) => x))).toEqual(new Set([30]));
    expect(Math.min(...points.map(([x]) => x))).toBe(30);
  });
});
