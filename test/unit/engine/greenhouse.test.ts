import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GREENHOUSE_CSV_PATH, generateGreenhouseRows, greenhouseCsv } from "../../../scripts/generate-data";
import { GREENHOUSE_COLUMNS, GREENHOUSE_FEATURE_NAMES, GREENHOUSE_TARGET_NAME, parseGreenhouseCsv } from "../../../src/engine/greenhouse";
import { columnStats } from "../../../src/engine/dataset";

const shipped = readFileSync(GREENHOUSE_CSV_PATH, "utf8");

/** Least squares with an intercept by the normal equations (XᵀX) w = Xᵀy, Gauss–Jordan with pivoting. */
function leastSquaresResiduals(design: number[][], y: number[]): number[] {
  const p = design[0]!.length;
  const a = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  design.forEach((row, i) => {
    for (let r = 0; r < p; r++) {
      for (let c = 0; c < p; c++) a[r]![c]! += row[r]! * row[c]!;
      a[r]![p]! += row[r]! * y[i]!;
    }
  });
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const factor = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= p; k++) a[r]![k]! -= factor * a[c]![k]!;
    }
  }
  const w = a.map((row, i) => row[p]! / row[i]!);
  return design.map((row, i) => y[i]! - row.reduce((sum, v, k) => sum + v * w[k]!, 0));
}

describe("the shipped greenhouse CSV", () => {
  it("is byte-identical to what scripts/generate-data.ts produces, twice in a row", () => {
    const first = greenhouseCsv(generateGreenhouseRows());
    const second = greenhouseCsv(generateGreenhouseRows());
    expect(second).toBe(first);
    expect(shipped).toBe(first);
  });

  it("has a header and 50 rows of 4 columns, \\n line ends and a trailing newline", () => {
    expect(shipped.endsWith("\n")).toBe(true);
    expect(shipped.includes("\r")).toBe(false);
    const lines = shipped.slice(0, -1).split("\n");
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe("temperature_c,humidity_pct,light_klux,water_use_ml");
    for (const line of lines.slice(1)) expect(line).toMatch(/^-?\d+\.\d,-?\d+\.\d,\d+\.\d,\d+\.\d$/);
  });

  it("starts with the rows the lessons quote", () => {
    expect(shipped.split("\n").slice(1, 4)).toEqual(["18.6,76.1,7.6,106.3", "20.5,78.7,13.6,152.7", "23.4,68.4,25.5,193.6"]);
  });

  it("parses into a Dataset of 50 samples, 3 features and the water-use target", () => {
    const dataset = parseGreenhouseCsv(shipped);
    expect(dataset.n).toBe(50);
    expect(dataset.features).toBe(3);
    expect(dataset.x).toHaveLength(150);
    expect(dataset.y).toHaveLength(50);
    expect(dataset.featureNames).toEqual(["temperature_c", "humidity_pct", "light_klux"]);
    expect(dataset.targetName).toBe("water_use_ml");
    expect(Array.from(dataset.x.subarray(0, 3))).toEqual([18.6, 76.1, 7.6]);
    expect(dataset.y[0]).toBe(106.3);
  });

  it("has the documented column statistics (population std)", () => {
    const stats = columnStats(parseGreenhouseCsv(shipped));
    const rounded = [...stats.features, stats.target].map((s) => [s.mean, s.std, s.min, s.max].map((v) => Math.round(v * 100) / 100));
    expect(rounded).toEqual([
      [21.93, 4.54, 15.3, 29.7],
      [73.79, 11.28, 53.9, 91.8],
      [10.32, 11.76, 0, 41.8],
      [116.41, 88.5, 10.2, 267.2],
    ]);
  });

  it("follows a daily cycle: light is 0 exactly in the night hours (20:00 to 06:00)", () => {
    const rows = generateGreenhouseRows();
    rows.forEach((row, i) => {
      const hour = (7 + i) % 24;
      const daylight = hour > 6 && hour < 20;
      expect(row.light_klux > 0, `row ${i} at ${hour}:00`).toBe(daylight);
    });
  });

  it("leaves clear structure for a straight line: least-squares MSE 328 mL² against 25 mL² of noise", () => {
    const dataset = parseGreenhouseCsv(shipped);
    const design = Array.from({ length: dataset.n }, (_, i) => [1, ...dataset.x.subarray(i * 3, i * 3 + 3)]);
    const residuals = leastSquaresResiduals(design, Array.from(dataset.y));
    const mse = residuals.reduce((sum, r) => sum + r * r, 0) / residuals.length;
    expect(mse).toBeCloseTo(328.36, 1);
    // The saturating light response bends the data: the line overshoots in the dark and in
    // bright light and undershoots in dim-to-medium light.
    const bandMean = (low: number, high: number) => {
      const inBand = residuals.filter((_, i) => dataset.x[i * 3 + 2]! >= low && dataset.x[i * 3 + 2]! < high);
      return inBand.reduce((a, b) => a + b, 0) / inBand.length;
    };
    expect(bandMean(0, 0.05)).toBeLessThan(-8);
    expect(bandMean(0.05, 25)).toBeGreaterThan(12);
    expect(bandMean(25, Infinity)).toBeLessThan(-12);
  });

  it("throws on a malformed or different file", () => {
    expect(() => parseGreenhouseCsv("temperature_c,humidity_pct,light_klux,water_use_ml\n1,2,x,4\n1,2,3,4\n")).toThrow(/malformed[\s\S]*“x” is not a number/);
    expect(() => parseGreenhouseCsv("a,b\n1,2\n3,4\n")).toThrow("The greenhouse CSV's header is a,b; expected temperature_c,humidity_pct,light_klux,water_use_ml.");
    const shortFile = shipped.split("\n").slice(0, 11).join("\n");
    expect(() => parseGreenhouseCsv(shortFile)).toThrow("The greenhouse CSV has 10 rows; expected 50.");
  });
});

describe("GREENHOUSE_COLUMNS", () => {
  it("describes three inputs and one target, in file order, with units", () => {
    expect(GREENHOUSE_COLUMNS.map((c) => [c.name, c.unit, c.role])).toEqual([
      ["temperature_c", "°C", "input"],
      ["humidity_pct", "%", "input"],
      ["light_klux", "klx", "input"],
      ["water_use_ml", "mL", "target"],
    ]);
    expect(GREENHOUSE_FEATURE_NAMES).toEqual(["temperature_c", "humidity_pct", "light_klux"]);
    expect(GREENHOUSE_TARGET_NAME).toBe("water_use_ml");
    for (const column of GREENHOUSE_COLUMNS) expect(column.description.length).toBeGreaterThan(10);
  });
});
