import { describe, expect, it } from "vitest";
import { homeFigureData } from "../../../src/components/homeFigure";

describe("the home page's picture of the table becoming batches", () => {
  const data = homeFigureData();

  it("cuts 50 rows into 10 batches of 5, the tenth holding rows 46-50", () => {
    expect(data.rows).toBe(50);
    expect(data.features).toBe(3);
    expect(data.iterationsPerEpoch).toBe(10);
    expect(data.batches.map((batch) => batch.rows.length)).toEqual(Array(10).fill(5));
    expect(data.batches[0]?.rows).toEqual([1, 2, 3, 4, 5]);
    expect(data.batches[9]?.rows).toEqual([46, 47, 48, 49, 50]);
  });

  it("counts 200 weight updates in 20 epochs", () => {
    expect(data.epochs).toBe(20);
    expect(data.updates).toBe(200);
  });

  it("labels the three inputs and the target in the table's column order", () => {
    expect(data.columnLabels).toEqual(["Temperature", "Humidity", "Light", "Water use"]);
  });

  it("shades every column from 0.15 at its smallest value to 0.95 at its largest", () => {
    for (let column = 0; column < 4; column += 1) {
      const shades = data.batches.flatMap((batch) => batch.cells.map((row) => row[column]!.shade));
      expect(shades).toHaveLength(50);
      expect(Math.min(...shades)).toBeCloseTo(0.15, 12);
      expect(Math.max(...shades)).toBeCloseTo(0.95, 12);
    }
  });

  it("keeps a short last batch short: 50 rows at batch 8 end with a batch of 2", () => {
    const eight = homeFigureData(8, 3);
    expect(eight.batches.map((batch) => batch.rows.length)).toEqual([8, 8, 8, 8, 8, 8, 2]);
    expect(eight.updates).toBe(21);
  });
});
