import { describe, expect, it } from "vitest";
import { axisDomain, dataExtent, formatTick, linearTicks, logTicks, makeScale, pathData, thinForDrawing } from "../../../src/widgets/lib/chartScale";
import { chartTableRows } from "../../../src/widgets/lib/LineChart";

describe("chart scales and ticks", () => {
  it("maps linear and log domains onto pixels", () => {
    const lin = makeScale("linear", [0, 10], [0, 100]);
    expect(lin(5)).toBe(50);
    const log = makeScale("log", [0.01, 1], [100, 0]);
    expect(log(0.1)).toBeCloseTo(50, 10);
    expect(makeScale("linear", [3, 3], [0, 100])(3)).toBe(50);
  });

  it("gives round ticks without float noise", () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(logTicks(0.001, 10)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(logTicks(2, 9)).toEqual([2, 5]);
    expect(logTicks(1e-7, 1e10).length).toBeLessThanOrEqual(10);
    expect(logTicks(1e78, 1e260)).toEqual([1e100, 1e150, 1e200, 1e250]);
  });

  it("chooses domains from plottable data only", () => {
    const series = [[{ x: 0, y: 0 }, { x: 1, y: 0.5 }, { x: 2, y: Number.NaN }, { x: 3, y: 2 }]];
    expect(dataExtent(series, "y", "log")).toEqual([0.5, 2]);
    expect(dataExtent(series, "y", "linear")).toEqual([0, 2]);
    expect(axisDomain([0.013, 2.7], "log")).toEqual([0.01, 10]);
    expect(axisDomain([0.2, 0.9], "linear", true)).toEqual([0, 1]);
    expect(axisDomain(null, "linear")).toEqual([0, 1]);
  });

  it("labels ticks briefly", () => {
    expect(formatTick(0.30000000000000004)).toBe("0.3");
    expect(formatTick(1e-4)).toBe("10⁻⁴");
    expect(formatTick(2e6)).toBe("2×10⁶");
    expect(formatTick(1000)).toBe("1000");
  });

  it("lifts the pen over values a log axis cannot show", () => {
    const identity = (v: number) => v;
    expect(pathData([{ x: 1, y: 1 }, { x: 2, y: 0 }, { x: 3, y: 3 }, { x: 4, y: 4 }], identity, identity, "linear", "log")).toBe("M1.0 1.0M3.0 3.0L4.0 4.0");
  });

  it("thins long series but keeps the extremes", () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: i === 5_000 ? 99 : Math.sin(i) }));
    const thin = thinForDrawing(points, 100);
    expect(thin.length).toBeLessThanOrEqual(400);
    expect(thin.some((p) => p.y === 99)).toBe(true);
    expect(thin[0]).toEqual(points[0]);
    expect(thin[thin.length - 1]).toEqual(points[9_999]);
  });

  it("builds the table as one row per distinct x with blanks where a series has no point", () => {
    const rows = chartTableRows([
      { id: "a", label: "A", color: "red", points: [{ x: 0, y: 1 }, { x: 2, y: 3 }] },
      { id: "b", label: "B", color: "blue", points: [{ x: 1, y: 5 }, { x: 2, y: 6 }] },
    ]);
    expect(rows).toEqual([
      { x: 0, values: [1, undefined] },
      { x: 1, values: [undefined, 5] },
      { x: 2, values: [3, 6] },
    ]);
  });
});
