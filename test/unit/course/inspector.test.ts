import { describe, expect, test } from "vitest";
import { standardisedGreenhouse } from "../../../src/course/data";
import { FACTS as facts } from "../../../src/course/facts";
import { compareBatchWithLastRow, gatherRows, INSPECTOR_DEFAULTS, inspectBatch, weightChoices } from "../../../src/course/inspector";

const standardGreenhouse = standardisedGreenhouse().dataset;

const ROWS_1_TO_5 = [0, 1, 2, 3, 4];

describe("batch inspector numbers", () => {
  test("the 3-8-1 network lists 41 weights and biases with readable names", () => {
    const choices = weightChoices();
    expect(choices).toHaveLength(41);
    expect(choices[0]).toEqual({
      index: 0,
      layer: 1,
      role: "weight",
      subscripts: [1, 1],
      symbol: "W⁽¹⁾₁,₁",
      connects: "temperature → hidden unit 1",
      kerasName: "dense/kernel[0, 0]",
    });
    expect(choices.find((c) => c.index === 32)).toMatchObject({ symbol: "W⁽²⁾₁,₁", kerasName: "dense_1/kernel[0, 0]" });
    expect(choices.find((c) => c.index === 26)).toMatchObject({ symbol: "b⁽¹⁾₃", kerasName: "dense/bias[2]", connects: "bias of hidden unit 3" });
    expect(choices.find((c) => c.index === 32)?.connects).toBe("hidden unit 1 → output");
    expect(choices.at(-1)?.connects).toBe("bias of the output");
    expect(new Set(choices.map((c) => c.index)).size).toBe(41);
  });

  test("the inspector starts at rows 1–5 with W⁽¹⁾₁,₁ and W⁽²⁾₁,₁ at learning rate 0.1", () => {
    expect(INSPECTOR_DEFAULTS).toEqual({ start: 1, batchSize: 5, weightA: 0, weightB: 32, learningRate: 0.1 });
  });

  test("row-by-row and matrix computation give the same predictions for rows 1-5", () => {
    const matrix = inspectBatch(ROWS_1_TO_5, 0, 32, 0.1, "matrix");
    const rowByRow = inspectBatch(ROWS_1_TO_5, 0, 32, 0.1, "row-by-row");
    expect(matrix.maxAbsDifference).toBe(0);
    expect(rowByRow.rows.map((r) => r.prediction)).toEqual(matrix.rows.map((r) => r.prediction));
  });

  test("the batch loss is the mean of the per-row losses and the batch gradient the mean of per-row gradients", () => {
    const result = inspectBatch(ROWS_1_TO_5, 0, 32, 0.1);
    const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(result.batchLoss).toBeCloseTo(mean(result.rows.map((r) => r.loss)), 12);
    expect(result.meanGradA).toBeCloseTo(mean(result.rows.map((r) => r.gradA)), 12);
    expect(result.batchGradA).toBeCloseTo(result.meanGradA, 12);
    expect(result.batchGradB).toBeCloseTo(result.meanGradB, 12);
    for (const r of result.rows) expect(r.loss).toBeCloseTo((r.prediction - r.target) ** 2, 12);
  });

  test("one SGD step moves each weight by −η times the batch gradient and lowers the batch loss", () => {
    const result = inspectBatch(ROWS_1_TO_5, 0, 32, 0.1);
    expect(result.weightAAfter - result.weightABefore).toBeCloseTo(-0.1 * result.batchGradA, 12);
    expect(result.weightBAfter - result.weightBBefore).toBeCloseTo(-0.1 * result.batchGradB, 12);
    expect(result.batchLossAfter).toBeLessThan(result.batchLoss);
  });

  test("an update from rows 1-5 differs from an update from row 5 alone", () => {
    const c = compareBatchWithLastRow(ROWS_1_TO_5, 0, 32, 0.1);
    expect(c.fromLastRow.usedRows).toEqual([[4]]);
    expect(c.fromBatch.usedRows).toEqual([ROWS_1_TO_5]);
    expect(c.oneRowAtATime.usedRows).toEqual(ROWS_1_TO_5.map((r) => [r]));
    expect(Math.abs(c.fromBatch.deltaA - c.fromLastRow.deltaA)).toBeGreaterThan(1e-3);
    expect(c.fromBatch.batchLossAfter).not.toBeCloseTo(c.fromLastRow.batchLossAfter, 3);
    const row5 = inspectBatch([4], 0, 32, 0.1);
    expect(c.fromLastRow.deltaA).toBeCloseTo(-0.1 * row5.meanGradA, 12);
  });

  test("a batch of one row has the batch gradient of that row", () => {
    const one = inspectBatch([4], 0, 32, 0.1);
    const five = inspectBatch(ROWS_1_TO_5, 0, 32, 0.1);
    expect(one.meanGradA).toBeCloseTo(five.rows[4]!.gradA, 12);
  });

  test("bad rows are refused with a RangeError", () => {
    expect(() => inspectBatch([], 0, 1, 0.1)).toThrow(RangeError);
    expect(() => inspectBatch([50], 0, 1, 0.1)).toThrow(/outside 0..49/);
  });

  test("gatherRows copies the chosen rows into one B × 3 block", () => {
    const x = gatherRows(standardGreenhouse, [2, 0]);
    expect(Array.from(x)).toEqual([...standardGreenhouse.x.subarray(6, 9), ...standardGreenhouse.x.subarray(0, 3)]);
  });
});

describe("lesson 4 and 5 facts", () => {
  test("the facts of COURSE.md about iterations have the right numbers", () => {
    expect(facts["lesson5.b5.iterations"]).toBe(10);
    expect(facts["lesson5.b5.tenthFirstPosition"]).toBe(46);
    expect(facts["lesson5.b5.tenthLastPosition"]).toBe(50);
    expect(facts["lesson5.b8.iterations"]).toBe(7);
    expect(facts["lesson5.b8.last"]).toBe(2);
    expect(facts["lesson5.b8.dropIterations"]).toBe(6);
    expect(facts["lesson5.b8.dropUnused"]).toBe(2);
    expect(facts["lesson5.b7.iterations"]).toBe(8);
    expect(facts["lesson5.b7.last"]).toBe(1);
    expect(facts["lesson5.b1.iterations"]).toBe(50);
    expect(facts["lesson5.b50.iterations"]).toBe(1);
    expect(facts["lesson5.keras.iterations"]).toBe(2);
    expect(facts["lesson5.keras.last"]).toBe(18);
    expect(facts["lesson5.torch.iterations"]).toBe(50);
    expect(facts["lesson5.b10.epochs20.updates"]).toBe(100);
    expect(facts["lesson4.parameters"]).toBe(41);
    expect(facts["lesson4.maxAbsDifference"]).toBe(0);
  });

  test("the loss-per-epoch run gives one running and one full loss per epoch, and they differ", () => {
    for (let e = 1; e <= 5; e++) {
      expect(typeof facts[`lesson5.run.epoch${e as 1 | 2 | 3 | 4 | 5}.running`]).toBe("number");
      expect(typeof facts[`lesson5.run.epoch${e as 1 | 2 | 3 | 4 | 5}.full`]).toBe("number");
    }
    // The first epoch's running mean includes the loss of the untrained network, so it is the larger one.
    expect(facts["lesson5.run.epoch1.running"]).toBeGreaterThan(facts["lesson5.run.epoch1.full"]);
    const batches = ([1, 2, 3, 4, 5] as const).map((i) => facts[`lesson5.run.epoch1.batch${i}`]);
    // Every batch has 10 rows, so the batch-size-weighted mean is the plain mean.
    expect(facts["lesson5.run.epoch1.running"]).toBeCloseTo(batches.reduce((s, v) => s + v, 0) / 5, 12);
  });
});
