import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GREENHOUSE_CSV_PATH } from "../../../scripts/generate-data";
import { parseGreenhouseCsv } from "../../../src/engine/greenhouse";
import { makeWindows, windowCount, windowRows } from "../../../src/engine/windows";
import type { Dataset } from "../../../src/engine/dataset";

const greenhouse = parseGreenhouseCsv(readFileSync(GREENHOUSE_CSV_PATH, "utf8"));

describe("makeWindows on the 50-row greenhouse table", () => {
  const windows = makeWindows(greenhouse, 5);

  it("turns 50 rows into 46 windows of 5 steps of 3 features", () => {
    expect(windows.n).toBe(46);
    expect(windows.timesteps).toBe(5);
    expect(windows.features).toBe(3);
    expect(windows.x).toHaveLength(46 * 5 * 3);
    expect(windows.y).toHaveLength(46);
    expect(windows.featureNames).toEqual(greenhouse.featureNames);
    expect(windows.targetName).toBe("water_use_ml");
  });

  it("window 0 covers rows 0..4 and its target is row 4's", () => {
    expect(windowRows(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(windows.x.subarray(0, 15))).toEqual(Array.from(greenhouse.x.subarray(0, 15)));
    expect(windows.y[0]).toBe(greenhouse.y[4]);
  });

  it("the last window, 45, covers rows 45..49 with row 49's target", () => {
    expect(windowRows(45, 5)).toEqual([45, 46, 47, 48, 49]);
    expect(Array.from(windows.x.subarray(45 * 15, 46 * 15))).toEqual(Array.from(greenhouse.x.subarray(45 * 3, 50 * 3)));
    expect(windows.y[45]).toBe(greenhouse.y[49]);
  });

  it("lays x out as (window, step, feature)", () => {
    // window 7, step 2, feature 1 (humidity) is row 9's humidity.
    expect(windows.x[(7 * 5 + 2) * 3 + 1]).toBe(greenhouse.x[9 * 3 + 1]);
  });

  it("a batch of 8 windows is a tensor of shape (8, 5, 3)", () => {
    const batch = windows.x.subarray(0, 8 * 5 * 3);
    expect([batch.length / (5 * 3), 5, 3]).toEqual([8, 5, 3]);
    expect(batch).toHaveLength(120);
  });

  it("gives N − T + 1 windows for every T from 1 to N", () => {
    for (let t = 1; t <= 50; t++) {
      expect(makeWindows(greenhouse, t).n).toBe(51 - t);
      expect(windowCount(50, t)).toBe(51 - t);
    }
  });

  it("with T = 1 keeps the table as it is", () => {
    const single = makeWindows(greenhouse, 1);
    expect(Array.from(single.x)).toEqual(Array.from(greenhouse.x));
    expect(Array.from(single.y)).toEqual(Array.from(greenhouse.y));
  });
});

describe("window validation", () => {
  const tiny: Dataset = { n: 3, features: 1, x: Float64Array.of(1, 2, 3), y: Float64Array.of(1, 2, 3) };

  it("rejects a window longer than the table", () => {
    expect(() => makeWindows(tiny, 4)).toThrow(new RangeError("A window of 4 rows does not fit in 3 rows; the longest possible window is 3."));
  });

  it("rejects a window length that is not a whole number from 1", () => {
    for (const t of [0, -2, 2.5, Number.NaN]) {
      expect(() => makeWindows(tiny, t)).toThrow(RangeError);
    }
    expect(() => makeWindows(tiny, 0)).toThrow("The window length must be a whole number of at least 1 row; got 0.");
    expect(() => windowRows(0, 0)).toThrow(RangeError);
  });

  it("rejects a negative or fractional window index", () => {
    expect(() => windowRows(-1, 5)).toThrow("The window index must be a whole number from 0; got -1.");
    expect(() => windowRows(1.5, 5)).toThrow(RangeError);
  });

  it("refuses to window data that is already windowed", () => {
    expect(() => makeWindows(makeWindows(tiny, 2), 2)).toThrow(RangeError);
  });
});
