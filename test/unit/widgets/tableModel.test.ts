import { describe, expect, it } from "vitest";
import { greenhouseTable } from "../../../src/course/data";
import { cellValue, nextSort, ROW_COLUMN, sortedRows, tableView } from "../../../src/widgets/DataTable/tableModel";

const greenhouse = greenhouseTable();

const tiny = { n: 4, features: 2, x: new Float64Array([3, 10, 1, 20, 3, 5, 2, 0]), y: new Float64Array([7, 9, 8, 6]) };

describe("sortedRows", () => {
  it("keeps the table order when sorted by row number", () => {
    expect(sortedRows(tiny, { column: ROW_COLUMN, direction: "ascending" })).toEqual([0, 1, 2, 3]);
    expect(sortedRows(tiny, { column: ROW_COLUMN, direction: "descending" })).toEqual([3, 2, 1, 0]);
  });
  it("sorts by an input column, ties in table order both ways", () => {
    expect(sortedRows(tiny, { column: 0, direction: "ascending" })).toEqual([1, 3, 0, 2]);
    expect(sortedRows(tiny, { column: 0, direction: "descending" })).toEqual([0, 2, 3, 1]);
  });
  it("sorts by the target", () => {
    expect(sortedRows(tiny, { column: 2, direction: "ascending" })).toEqual([3, 0, 2, 1]);
  });
  it("orders the 50 greenhouse rows by light, night hours (0 klx) first", () => {
    const order = sortedRows(greenhouse, { column: 2, direction: "ascending" });
    const light = order.map((row) => cellValue(greenhouse.x, greenhouse.y, 3, row, 2));
    expect(light[0]).toBe(0);
    for (let k = 1; k < light.length; k++) expect(light[k]!).toBeGreaterThanOrEqual(light[k - 1]!);
  });
});

describe("nextSort", () => {
  it("starts a new column ascending and flips a repeated one", () => {
    expect(nextSort({ column: ROW_COLUMN, direction: "ascending" }, 1)).toEqual({ column: 1, direction: "ascending" });
    expect(nextSort({ column: 1, direction: "ascending" }, 1)).toEqual({ column: 1, direction: "descending" });
    expect(nextSort({ column: 1, direction: "descending" }, 1)).toEqual({ column: 1, direction: "ascending" });
  });
});

describe("tableView", () => {
  it("shows the raw table with its own statistics", () => {
    const view = tableView(greenhouse, false);
    expect(view.x).toBe(greenhouse.x);
    expect(view.shownStats.features[0]!.mean).toBeCloseTo(21.934, 10);
  });
  it("standardised columns have mean 0 and std 1, and remember the raw means and stds", () => {
    const view = tableView(greenhouse, true);
    for (const stat of [...view.shownStats.features, view.shownStats.target]) {
      expect(stat.mean).toBeCloseTo(0, 12);
      expect(stat.std).toBeCloseTo(1, 12);
    }
    expect(view.rawStats.target.mean).toBeCloseTo(116.412, 10);
    expect(view.x[0]).toBeCloseTo((18.6 - 21.934) / view.rawStats.features[0]!.std, 12);
  });
});
