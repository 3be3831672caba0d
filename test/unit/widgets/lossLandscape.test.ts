import { describe, expect, it } from "vitest";
import { columnStats } from "../../../src/engine";
import { greenhouseTable } from "../../../src/course/data";
import {
  DEFAULT_LANDSCAPE_SETTINGS as DEFAULT_SETTINGS,
  landscapeDataset,
  landscapeGrid,
  landscapeMinimum,
  landscapePaths,
  pathStateAt,
} from "../../../src/course/landscape";
import { bandIndex, contourRegions, formatLoss, landscapeSummary, LEVELS, snapStart, START_STEP, startAfterKey } from "../../../src/widgets/LossLandscape/landscapeData";

const greenhouse = greenhouseTable();
const data = landscapeDataset();

describe("the loss landscape's data", () => {
  it("uses standardised light and temperature as the two inputs and standardised water use as the target", () => {
    expect(data.n).toBe(50);
    expect(data.features).toBe(2);
    const stats = columnStats(data);
    for (const column of [...stats.features, stats.target]) {
      expect(column.mean).toBeCloseTo(0, 12);
      expect(column.std).toBeCloseTo(1, 12);
    }
    // Row 1's first input is its standardised light.
    const light = columnStats(greenhouse).features[2]!;
    expect(data.x[0]).toBeCloseTo((greenhouse.x[2]! - light.mean) / light.std, 12);
  });

  it("makes 250, 50 and 5 updates in 5 epochs at B = 1, 5 and 50, from one start", () => {
    const paths = landscapePaths(DEFAULT_SETTINGS);
    expect(pathStateAt(paths[1], Infinity).totalUpdates).toBe(250);
    expect(pathStateAt(paths[5], Infinity).totalUpdates).toBe(50);
    expect(pathStateAt(paths[50], Infinity).totalUpdates).toBe(5);
    for (const b of [1, 5, 50] as const) {
      expect(paths[b].a[0]).toBe(DEFAULT_SETTINGS.start[0]);
      expect(paths[b].b[0]).toBe(DEFAULT_SETTINGS.start[1]);
    }
    // Every path goes downhill overall.
    for (const b of [1, 5, 50] as const) expect(pathStateAt(paths[b], Infinity).loss).toBeLessThan(paths[b].loss[0]!);
  });

  it("the B = 1 path zigzags: it turns by more than 90 degrees far more often than the full-batch path", () => {
    const paths = landscapePaths({ ...DEFAULT_SETTINGS, epochs: 50 });
    const sharpTurns = (b: 1 | 50): number => {
      const p = paths[b];
      let turns = 0;
      for (let k = 1; k + 1 < p.a.length; k++) {
        const dot = (p.a[k]! - p.a[k - 1]!) * (p.a[k + 1]! - p.a[k]!) + (p.b[k]! - p.b[k - 1]!) * (p.b[k + 1]! - p.b[k]!);
        if (dot < 0) turns++;
      }
      return turns / (p.a.length - 2);
    };
    expect(sharpTurns(1)).toBeGreaterThan(0.2);
    expect(sharpTurns(50)).toBe(0);
  });

  it("pathStateAt clamps to the path and counts epochs from updates", () => {
    const paths = landscapePaths(DEFAULT_SETTINGS);
    expect(pathStateAt(paths[5], -3).updates).toBe(0);
    expect(pathStateAt(paths[5], 25).epochs).toBe(2.5);
    expect(pathStateAt(paths[50], 100).updates).toBe(5);
    expect(pathStateAt(paths[50], 100).w1).toBe(paths[50].a[5]);
  });

  it("summarises the run in one sentence, leaving out hidden paths", () => {
    const paths = landscapePaths(DEFAULT_SETTINGS);
    const text = landscapeSummary(paths, 5);
    expect(text).toMatch(/^After 5 epochs: B=1 made 250 updates, loss 0\.\d{3}; B=5 made 50, loss 0\.\d{3}; B=50 made 5, loss 0\.\d{3}\.$/);
    expect(landscapeSummary(paths, 5, [50])).toMatch(/^After 5 epochs: B=50 made 5 updates, loss/);
    expect(landscapeSummary(paths, 1, [])).toBe("After 1 epoch: no path is shown.");
    expect(formatLoss(Number.NaN)).toBe("diverged");
  });
});

describe("drawing the grid", () => {
  it("bands follow the 1-2-5 levels", () => {
    expect(bandIndex(0.01)).toBe(0);
    expect(bandIndex(0.05)).toBe(1);
    expect(bandIndex(0.3)).toBe(3);
    expect(bandIndex(1e6)).toBe(LEVELS.length);
  });

  it("contour regions put every ring point where the loss equals its level (a round bowl)", () => {
    // f = x² + y² on a 21-point grid over [−1, 1]²: the level-0.5 contour is the circle of radius √0.5.
    const steps = 21;
    const values = new Float64Array(steps * steps);
    const axis = Float64Array.from({ length: steps }, (_, k) => -1 + (2 * k) / (steps - 1));
    for (let j = 0; j < steps; j++) for (let i = 0; i < steps; i++) values[j * steps + i] = axis[i]! ** 2 + axis[j]! ** 2;
    const bowl = { grid: values, steps, aValues: axis, bValues: axis, min: 0, max: 2 };
    const [region] = contourRegions(bowl, [0.5]);
    expect(region!.level).toBe(0.5);
    // loss ≥ 0.5 is the square minus the disc: the outer ring follows the grid's edge, the hole is the circle.
    const inner = region!.rings.filter((ring) => ring.every(([a, b]) => Math.abs(a) < 0.99 && Math.abs(b) < 0.99));
    expect(inner).toHaveLength(1);
    expect(inner[0]!.length).toBeGreaterThan(40);
    for (const [a, b] of inner[0]!) expect(Math.abs(Math.hypot(a, b) - Math.sqrt(0.5))).toBeLessThan(0.01);
    // A level above every value has no region.
    expect(contourRegions(bowl, [5])[0]!.rings).toEqual([]);
  });

  it("the figure's regions nest: one per level, each inside the one below, around the minimum", () => {
    const regions = contourRegions(landscapeGrid(data));
    expect(regions.map((r) => r.level)).toEqual([...LEVELS]);
    // Every level above the floor's loss 0.042 cuts a hole around the minimum (0.541, 0.475).
    for (const region of regions) expect(region.rings.length).toBeGreaterThanOrEqual(1);
    const floor = landscapeMinimum(data);
    const crossingsRight = (level: number) =>
      regions.find((r) => r.level === level)!.rings.flat().filter(([a, b]) => Math.abs(b - floor.w2) < 0.1 && a > floor.w1).map(([a]) => a);
    expect(Math.min(...crossingsRight(0.2))).toBeLessThan(Math.min(...crossingsRight(1)));
  });

  it("a drag snaps the start to steps of 0.05 inside the map; arrow keys move it by 0.05, with Shift by 0.5", () => {
    expect(START_STEP).toBe(0.05);
    expect(snapStart(1.234)).toBe(1.25);
    expect(snapStart(-0.024)).toBe(0);
    expect(snapStart(7)).toBe(2.5);
    expect(snapStart(-3)).toBe(-2.5);
    expect(startAfterKey([2, -1.5], "ArrowRight", false)).toEqual([2.05, -1.5]);
    expect(startAfterKey([2, -1.5], "ArrowDown", false)).toEqual([2, -1.55]);
    expect(startAfterKey([2, -1.5], "ArrowUp", true)).toEqual([2, -1]);
    expect(startAfterKey([2.4, 0], "ArrowRight", true)).toEqual([2.5, 0]);
    expect(startAfterKey([2, -1.5], "Enter", false)).toBeNull();
  });
});
