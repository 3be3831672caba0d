import { describe, expect, it } from "vitest";
import { axisDomain, axisTicks, bandPath, dataExtent, formatTick, makeScale, pathData, thinForDrawing, type ScaleKind } from "../../../src/widgets/lib/chartScale";
import { chartTableRows } from "../../../src/widgets/lib/LineChart";

describe("chart scales and ticks", () => {
  it("maps linear and log domains onto pixels", () => {
    const lin = makeScale("linear", [0, 10], [0, 100]);
    expect(lin(5)).toBe(50);
    const log = makeScale("log", [0.01, 1], [100, 0]);
    expect(log(0.1)).toBeCloseTo(50, 10);
    expect(makeScale("linear", [3, 3], [0, 100])(3)).toBe(50);
  });

  /** The labelled ticks of an axis, as their labels. */
  const labels = (kind: ScaleKind, domain: [number, number], count: number, include: number[] = []) =>
    axisTicks(kind, domain, count, formatTick, include).flatMap((t) => (t.label === null ? [] : [t.label]));

  it("gives round linear ticks without float noise, every one labelled", () => {
    expect(labels("linear", [0, 1], 5)).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
    expect(labels("linear", [0, 0.3], 3)).toEqual(["0", "0.1", "0.2", "0.3"]);
  });

  it("labels at least three ticks on every log axis, with unlabelled minor ticks between", () => {
    expect(labels("log", [0.001, 10], 5)).toEqual(["0.001", "0.01", "0.1", "1", "10"]);
    expect(axisTicks("log", [0.001, 10], 5)).toHaveLength(37);
    // Inside one decade (the sweep's final losses): d3's 1-9 multiples, each labelled.
    expect(labels("log", [0.0209, 0.0805], 5)).toEqual(["0.03", "0.04", "0.05", "0.06", "0.07", "0.08"]);
    // No multiple of a power of ten inside: d3 falls back to linear ticks, still labelled.
    expect(labels("log", [0.0401, 0.0409], 5)).toEqual(["0.0402", "0.0404", "0.0406", "0.0408"]);
    expect(labels("log", [1e-7, 1e10], 5)).toEqual(["10⁻⁵", "1", "10⁵", "10¹⁰"]);
    expect(labels("log", [1e78, 1e260], 5)).toEqual(["10¹⁰⁰", "10¹⁵⁰", "10²⁰⁰", "10²⁵⁰"]);
    for (const domain of [[1, 1000], [0.01, 1], [0.02, 0.05], [3, 7], [0.9, 1.1]] as [number, number][]) {
      expect(labels("log", domain, 5).length, `log ticks over ${domain.join("–")}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("labels a required tick such as N at the end of a batch-size axis", () => {
    expect(labels("log", [1, 50], 6, [50])).toEqual(["1", "2", "3", "4", "10", "20", "30", "40", "50"]);
    expect(labels("linear", [1, 37], 6, [37])).toEqual(["5", "10", "15", "20", "25", "30", "35", "37"]);
    expect(labels("linear", [1, 37], 6, [60])).not.toContain("60");
  });

  it("chooses domains from plottable data only", () => {
    const series = [[{ x: 0, y: 0 }, { x: 1, y: 0.5 }, { x: 2, y: Number.NaN }, { x: 3, y: 2 }]];
    expect(dataExtent(series, "y", "log")).toEqual([0.5, 2]);
    expect(dataExtent(series, "y", "linear")).toEqual([0, 2]);
    expect(axisDomain([0.013, 2.7], "log")).toEqual([0.01, 10]);
    expect(axisDomain([0.2, 0.9], "linear", true)).toEqual([0, 1]);
    expect(axisDomain(null, "linear")).toEqual([0, 1]);
    // Less than two decades: the data fills the axis, with 4% of the span (in log terms) as margin.
    const [lo, hi] = axisDomain([0.03, 0.09], "log");
    expect(Math.log10(0.03 / lo)).toBeCloseTo(0.04 * Math.log10(3), 12);
    expect(Math.log10(hi / 0.09)).toBeCloseTo(0.04 * Math.log10(3), 12);
    expect(axisDomain([0.005, 0.08], "log")[0]).toBeGreaterThan(0.004);
    expect(axisDomain([1, 50], "linear")).toEqual([0, 50]);
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
    expect(pathData([{ x: 0, y: 1 }, { x: 10, y: 2 }, { x: 100, y: 3 }], identity, identity, "log", "linear")).toBe("M10.0 2.0L100.0 3.0");
  });

  it("draws a band between the lowest and highest values", () => {
    const identity = (v: number) => v;
    expect(bandPath([{ x: 1, lo: 1, hi: 2 }, { x: 2, lo: 2, hi: 4 }], identity, identity, "linear", "linear")).toBe("M1.0 2.0L2.0 4.0L2.0 2.0L1.0 1.0Z");
    // A bound the log axis cannot show splits the band in two.
    expect(bandPath([{ x: 1, lo: 1, hi: 2 }, { x: 2, lo: 0, hi: 4 }, { x: 3, lo: 3, hi: 5 }], identity, identity, "linear", "log")).toBe("M1.0 2.0L1.0 1.0ZM3.0 5.0L3.0 3.0Z");
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
