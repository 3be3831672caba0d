import { describe, expect, it } from "vitest";
import { columnStats } from "../../../src/engine";
import { greenhouseTable } from "../../../src/course/data";
import {
  DEFAULT_LANDSCAPE_SETTINGS as DEFAULT_SETTINGS,
  landscapeDataset,
  landscapeGrid,
  landscapePaths,
  pathStateAt,
} from "../../../src/course/landscape";
import { bandIndex, bandRuns, contourSegments, formatLoss, landscapeSummary, LEVELS } from "../../../src/widgets/LossLandscape/landscapeData";

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
  const grid = landscapeGrid(data);

  it("bands follow the 1-2-5 levels", () => {
    expect(bandIndex(0.01)).toBe(0);
    expect(bandIndex(0.05)).toBe(1);
    expect(bandIndex(0.3)).toBe(3);
    expect(bandIndex(1e6)).toBe(LEVELS.length);
  });

  it("band runs cover every grid cell exactly once, each run in one band", () => {
    const runs = bandRuns(grid);
    const covered = new Int32Array(grid.steps * grid.steps);
    for (const run of runs) {
      for (let i = run.i0; i < run.i1; i++) {
        covered[run.j * grid.steps + i]!++;
        expect(bandIndex(grid.grid[run.j * grid.steps + i]!)).toBe(run.band);
      }
    }
    expect([...covered].every((c) => c === 1)).toBe(true);
    // Merging keeps the figure small.
    expect(runs.length).toBeLessThan(grid.steps * grid.steps / 3);
  });

  it("marching squares puts contour points where the interpolated loss equals the level", () => {
    // A round bowl f = x² + y² on a 21-point grid over [−1, 1]²: the level-0.5 contour is the circle of radius √0.5.
    const steps = 21;
    const values = new Float64Array(steps * steps);
    const axis = Float64Array.from({ length: steps }, (_, k) => -1 + (2 * k) / (steps - 1));
    for (let j = 0; j < steps; j++) for (let i = 0; i < steps; i++) values[j * steps + i] = axis[i]! ** 2 + axis[j]! ** 2;
    const bowl = { grid: values, steps, aValues: axis, bValues: axis, min: 0, max: 2 };
    const segments = contourSegments(bowl, 0.5);
    expect(segments.length).toBeGreaterThan(20);
    for (const [x1, y1, x2, y2] of segments) {
      for (const [gi, gj] of [[x1, y1], [x2, y2]] as const) {
        const r = Math.hypot(-1 + (2 * gi) / (steps - 1), -1 + (2 * gj) / (steps - 1));
        expect(Math.abs(r - Math.sqrt(0.5))).toBeLessThan(0.02);
      }
    }
    expect(contourSegments(bowl, 5)).toEqual([]);
  });
});
