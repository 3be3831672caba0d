import { describe, expect, it } from "vitest";
import { defaultTarget, describeCsvError, ownDataset, readOwnTable } from "../../../src/widgets/BatchSizeLab/ownData";

describe("the reader's own CSV", () => {
  it("reads a 3-column table into 2 standardised inputs and a target (the last column by default)", () => {
    const result = readOwnTable("a,b,y\n1,2,3\n2,4,7\n3,1,5\n4,3,9\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(defaultTarget(result.table)).toBe("y");
    const own = ownDataset(result.table, "y");
    expect(own.features).toBe(2);
    expect(own.n).toBe(4);
    expect(own.featureNames).toEqual(["a", "b"]);
    const mean = (own.dataset.y[0]! + own.dataset.y[1]! + own.dataset.y[2]! + own.dataset.y[3]!) / 4;
    expect(mean).toBeCloseTo(0, 12);
    expect(ownDataset(result.table, "a").featureNames).toEqual(["b", "y"]);
  });

  it("names the row and column of every bad cell", () => {
    const result = readOwnTable("a,b,c\n1,2,3\n4,5,6\n7,x,9\n1,2,\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toBe("Row 3, column b (line 4): “x” is not a number.");
    expect(result.problems[1]).toBe("Row 4, column c (line 5): the value is missing.");
  });

  it("passes other messages through and refuses a single column", () => {
    expect(describeCsvError({ row: null, column: null, message: "The file is empty." })).toBe("The file is empty.");
    const single = readOwnTable("a\n1\n2\n");
    expect(single.ok).toBe(false);
    if (!single.ok) expect(single.problems[0]).toMatch(/needs at least one input column and a target column/);
  });
});
