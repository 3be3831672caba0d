import { describe, expect, test } from "vitest";
import { consecutiveRows, describeRows } from "../../../src/widgets/BatchInspector/inspect";

describe("batch inspector wording", () => {
  test("consecutive rows are cut at the end of the table", () => {
    expect(consecutiveRows(1, 5, 50)).toEqual({ rows: [0, 1, 2, 3, 4], cut: false });
    expect(consecutiveRows(48, 5, 50)).toEqual({ rows: [47, 48, 49], cut: true });
  });

  test("rows are described as a range, a single row, or a list", () => {
    expect(describeRows([0, 1, 2, 3, 4])).toBe("rows 1–5");
    expect(describeRows([4])).toBe("row 5");
    expect(describeRows([2, 7, 11])).toBe("rows 3, 8, 12");
  });
});
