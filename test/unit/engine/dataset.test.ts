import { describe, expect, it } from "vitest";
import { columnStats, sampleWidth, standardise, unstandardiseTarget, type Dataset } from "../../../src/engine/dataset";
import { makeWindows } from "../../../src/engine/windows";

// Feature 0: 1, 2, 3, 4 (mean 2.5, population variance 1.25); feature 1: constant 7; target 10, 20, 30, 40.
const small: Dataset = {
  n: 4,
  features: 2,
  x: Float64Array.of(1, 7, 2, 7, 3, 7, 4, 7),
  y: Float64Array.of(10, 20, 30, 40),
  featureNames: ["a", "b"],
  targetName: "t",
};

describe("columnStats", () => {
  it("gives mean, population std (divide by n), min and max of each feature and the target", () => {
    const stats = columnStats(small);
    expect(stats.features[0]).toEqual({ mean: 2.5, std: Math.sqrt(1.25), min: 1, max: 4 });
    expect(stats.features[1]).toEqual({ mean: 7, std: 0, min: 7, max: 7 });
    expect(stats.target).toEqual({ mean: 25, std: Math.sqrt(125), min: 10, max: 40 });
  });

  it("rejects an empty dataset", () => {
    expect(() => columnStats({ n: 0, features: 1, x: new Float64Array(0), y: new Float64Array(0) })).toThrow(RangeError);
  });

  it("counts every (window, step) of windowed data as one observation", () => {
    const rows: Dataset = { n: 3, features: 1, x: Float64Array.of(0, 3, 6), y: Float64Array.of(1, 2, 3) };
    const stats = columnStats(makeWindows(rows, 2));
    // Windows [0, 3] and [3, 6]: observations 0, 3, 3, 6.
    expect(stats.features[0]).toEqual({ mean: 3, std: Math.sqrt(4.5), min: 0, max: 6 });
    expect(stats.target.mean).toBe(2.5);
  });
});

describe("standardise", () => {
  it("gives each non-constant column mean 0 and population std 1, and returns the stats used", () => {
    const { dataset, stats } = standardise(small);
    expect(stats).toEqual(columnStats(small));
    const after = columnStats(dataset);
    expect(after.features[0]!.mean).toBeCloseTo(0, 12);
    expect(after.features[0]!.std).toBeCloseTo(1, 12);
    expect(after.target.mean).toBeCloseTo(0, 12);
    expect(after.target.std).toBeCloseTo(1, 12);
  });

  it("turns a constant column into zeros instead of NaN", () => {
    const { dataset } = standardise(small);
    expect([1, 3, 5, 7].map((k) => dataset.x[k])).toEqual([0, 0, 0, 0]);
  });

  it("leaves the input untouched and keeps its names", () => {
    const before = Array.from(small.x);
    const { dataset } = standardise(small);
    expect(Array.from(small.x)).toEqual(before);
    expect(dataset.x).not.toBe(small.x);
    expect(dataset.featureNames).toEqual(["a", "b"]);
    expect(dataset.targetName).toBe("t");
  });

  it("reuses given stats, e.g. a training set's, on other data", () => {
    const { stats } = standardise(small);
    const other: Dataset = { n: 1, features: 2, x: Float64Array.of(2.5, 7), y: Float64Array.of(25 + Math.sqrt(125)) };
    const { dataset } = standardise(other, stats);
    expect(Array.from(dataset.x)).toEqual([0, 0]);
    expect(dataset.y[0]).toBeCloseTo(1, 12);
  });

  it("rejects stats for a different number of features", () => {
    const { stats } = standardise(small);
    expect(() => standardise({ n: 1, features: 3, x: new Float64Array(3), y: new Float64Array(1) }, stats)).toThrow(
      "The stats describe 2 features but the dataset has 3.",
    );
  });

  it("standardises windowed data feature by feature", () => {
    const windows = makeWindows(small, 2);
    const { dataset } = standardise(windows);
    expect(dataset.timesteps).toBe(2);
    expect(dataset.x).toHaveLength(3 * 2 * 2);
    expect(sampleWidth(dataset)).toBe(4);
  });
});

describe("unstandardiseTarget", () => {
  it("inverts the target's standardisation: z · std + mean", () => {
    const { dataset, stats } = standardise(small);
    for (let i = 0; i < small.n; i++) expect(unstandardiseTarget(dataset.y[i]!, stats)).toBeCloseTo(small.y[i]!, 12);
    expect(unstandardiseTarget(0, stats)).toBe(25);
  });
});
