import { describe, expect, it } from "vitest";
import { batchFigure, finalLoss, squareWindow } from "../../../src/course/batchFigure";
import { compareBatchWithLastRow, INSPECTOR_DEFAULT_ROWS, INSPECTOR_DEFAULTS, inspectBatch } from "../../../src/course/inspector";

const { weightA, weightB, learningRate } = INSPECTOR_DEFAULTS;
const AXES = { a: weightA, b: weightB };

describe("lesson 4's map of the three readings", () => {
  const figure = batchFigure(INSPECTOR_DEFAULT_ROWS, AXES, learningRate);

  it("the bold arrow (the batch's step) is the mean of the five rows' steps, −η times the batch gradient", () => {
    const meanA = figure.rowSteps.reduce((s, r) => s + r.dA, 0) / 5;
    const meanB = figure.rowSteps.reduce((s, r) => s + r.dB, 0) / 5;
    expect(figure.meanStep.dA).toBeCloseTo(meanA, 15);
    expect(figure.meanStep.dB).toBeCloseTo(meanB, 15);
    const inspected = inspectBatch(INSPECTOR_DEFAULT_ROWS, weightA, weightB, learningRate);
    expect(figure.meanStep.dA).toBeCloseTo(-learningRate * inspected.meanGradA, 15);
    expect(figure.rowSteps.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(figure.rowSteps[4]!.dB).toBeCloseTo(-learningRate * inspected.rows[4]!.gradB, 15);
  });

  it("row 5 alone ends at the tip of row 5's arrow; one row at a time makes 5 updates from the same start", () => {
    const { batch, "last-row": last, "one-at-a-time": sequence } = figure.readings;
    expect(last.updates).toEqual([[4]]);
    expect(batch.updates).toEqual([[0, 1, 2, 3, 4]]);
    expect(sequence.updates).toEqual([[0], [1], [2], [3], [4]]);
    expect(last.path.a[1]).toBeCloseTo(figure.start.a + figure.rowSteps[4]!.dA, 15);
    expect(sequence.path.a.length).toBe(6);
    for (const r of [batch, last, sequence]) expect([r.path.a[0], r.path.b[0], r.path.loss[0]]).toEqual([figure.start.a, figure.start.b, figure.start.loss]);
  });

  it("the losses on rows 1–5 with two weights moving: 2.2289 at the start, 2.2012 (batch), 2.0774 (row 5), 2.0783 (one at a time)", () => {
    expect(figure.start.loss).toBeCloseTo(2.228864338815156, 12);
    expect(finalLoss(figure.readings.batch)).toBeCloseTo(2.2011724722092576, 12);
    expect(finalLoss(figure.readings["last-row"])).toBeCloseTo(2.0774248025266364, 12);
    expect(finalLoss(figure.readings["one-at-a-time"])).toBeCloseTo(2.0783310530204187, 12);
  });

  it("the lesson's comparison holds: on the map row 5 gains more, over the whole network the batch does", () => {
    const whole = compareBatchWithLastRow(INSPECTOR_DEFAULT_ROWS, weightA, weightB, learningRate);
    expect(finalLoss(figure.readings["last-row"])).toBeLessThan(finalLoss(figure.readings.batch));
    expect(whole.fromBatch.batchLossAfter).toBeLessThan(whole.fromLastRow.batchLossAfter);
    expect(whole.fromBatch.batchLossAfter).toBeLessThan(whole.oneRowAtATime.batchLossAfter);
    // A single update moves the two weights by the same −η∇ whether the others move or not.
    expect(whole.fromLastRow.deltaA).toBeCloseTo(figure.rowSteps[4]!.dA, 15);
  });

  it("the square window holds the start, every arrow tip and every path point; the grid spans it", () => {
    const { a, b } = figure.map.view;
    expect(a[1] - a[0]).toBeCloseTo(b[1] - b[0], 12);
    const inside = (x: number, y: number): boolean => x > a[0] && x < a[1] && y > b[0] && y < b[1];
    for (const s of figure.rowSteps) expect(inside(figure.start.a + s.dA, figure.start.b + s.dB)).toBe(true);
    for (const r of Object.values(figure.readings)) r.path.a.forEach((x, i) => expect(inside(x, r.path.b[i]!)).toBe(true));
    const grid = figure.map.grid;
    expect(grid.aValues[0]).toBe(a[0]);
    expect(grid.aValues[grid.steps - 1]).toBeCloseTo(a[1], 15);
    expect(grid.grid.length).toBe(41 * 41);
  });

  it("the close-up holds rows 1–4's steps and the batch's; row 5's, more than 3 × the median, runs off it", () => {
    const { a, b } = figure.closeUp.view;
    const inside = (dA: number, dB: number): boolean => {
      const [x, y] = [figure.start.a + dA, figure.start.b + dB];
      return x > a[0] && x < a[1] && y > b[0] && y < b[1];
    };
    expect(figure.rowSteps.map((s) => inside(s.dA, s.dB))).toEqual([true, true, true, true, false]);
    expect(inside(figure.meanStep.dA, figure.meanStep.dB)).toBe(true);
    // The larger span of the six points (vertical, 0.1054 of weight) × 1.36; the map's side is 0.449, 3.1 times as wide.
    expect(a[1] - a[0]).toBeCloseTo(0.1433, 4);
    expect(figure.map.view.a[1] - figure.map.view.a[0]).toBeCloseTo(0.449, 3);
  });

  it("squareWindow centres on the points and takes the larger span, widened by the margin on each side", () => {
    expect(squareWindow([[0, 0], [1, 0.5]], 0.25)).toEqual({ a: [-0.25, 1.25], b: [-0.5, 1] });
    expect(squareWindow([[2, 3]], 0)).toEqual({ a: [1.9995, 2.0005], b: [2.9995, 3.0005] });
  });
});
