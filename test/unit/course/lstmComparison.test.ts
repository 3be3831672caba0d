import { describe, expect, it } from "vitest";
import { columnStats, makeWindows, standardise } from "../../../src/engine";
import { greenhouseTable } from "../../../src/course/data";
import { HELD_OUT_FIRST_ROW, VALIDATION_WINDOWS, type LstmComparison } from "../../../src/course/lstm";
import { lstmComparison, selectSamples, splitWindows } from "../../../src/course/lstmComparison";
import { verdict } from "../../../src/widgets/LstmTrainer/verdict";

const greenhouse = greenhouseTable();

describe("the LSTM-against-MLP comparison", () => {
  it("holds out rows 33–42, five hours of daylight and five dark, and purges the windows that share their rows", () => {
    const split = splitWindows(50, 5);
    // Window w (0-based) predicts row w + 5 (1-based): windows 28–37 predict rows 33–42.
    expect(split.validation).toEqual([28, 29, 30, 31, 32, 33, 34, 35, 36, 37]);
    // Validation windows read rows 29–42 (0-based 28–41); windows touching those are purged.
    expect(split.purged).toEqual([24, 25, 26, 27, 38, 39, 40, 41]);
    expect(split.train).toEqual([...Array.from({ length: 24 }, (_, w) => w), 42, 43, 44, 45]);
    // Standardising rows: 1–28 and 43–50, none of the held-out block's.
    expect(split.trainRows).toEqual([...Array.from({ length: 28 }, (_, r) => r), 42, 43, 44, 45, 46, 47, 48, 49]);
    const light = (row: number) => greenhouse.x[(row - 1) * 3 + 2]!;
    const held = Array.from({ length: 10 }, (_, k) => HELD_OUT_FIRST_ROW + k);
    expect(held.filter((row) => light(row) > 0)).toHaveLength(5);
    expect(held.filter((row) => light(row) === 0)).toHaveLength(5);
  });

  it("both models predict the same hours, standardised with the training rows' statistics only", () => {
    const result = lstmComparison({ timesteps: 5, units: 4, epochs: 5, learningRate: 0.02, seed: 1 });
    expect(result.windows).toBe(46);
    expect(result.validationRows).toEqual([33, 42]);
    expect(result.trainSamples).toBe(28);
    expect(result.validationSamples).toBe(VALIDATION_WINDOWS);
    expect(result.purgedWindows).toBe(8);
    expect(result.lstm.parameters).toBe(4 * (4 * (3 + 4) + 4) + 5);
    expect(result.mlp.parameters).toBe(41);
    for (const run of [result.lstm, result.mlp]) {
      expect(run.trainCurve).toHaveLength(6);
      expect(run.validationCurve).toHaveLength(6);
      expect(Number.isFinite(run.finalTrain) && Number.isFinite(run.finalValidation)).toBe(true);
      expect(run.updates).toBe(4 * 5); // ⌈28/8⌉ = 4 updates per epoch
      expect(run.finalTrain).toBeLessThan(run.trainCurve[0]!);
    }
    // The statistics are the training rows': their standardised target has mean 0 over those rows, not over all 50.
    const split = splitWindows(50, 5);
    const stats = columnStats(selectSamples(greenhouse, split.trainRows));
    const standard = standardise(greenhouse, stats).dataset;
    const trainMean = split.trainRows.reduce((sum, r) => sum + standard.y[r]!, 0) / split.trainRows.length;
    expect(trainMean).toBeCloseTo(0, 12);
    const allMean = standard.y.reduce((sum, v) => sum + v, 0) / 50;
    expect(Math.abs(allMean)).toBeGreaterThan(0.01);
    // The windows' targets are the MLP's rows: a window's last time step is its target row's inputs.
    const windows = makeWindows(standard, 5);
    const rows = selectSamples(standard, split.train.map((w) => w + 4));
    const trainWindows = selectSamples(windows, split.train);
    expect([...rows.y]).toEqual([...trainWindows.y]);
    expect([...rows.x.subarray(0, 3)]).toEqual([...trainWindows.x.subarray(12, 15)]);
  });

  it("is deterministic for a seed", () => {
    const settings = { timesteps: 3, units: 2, epochs: 3, learningRate: 0.01, seed: 9 };
    expect(lstmComparison(settings)).toEqual(lstmComparison(settings));
  });

  it("refuses windows that leave nothing to train on", () => {
    expect(() => lstmComparison({ timesteps: 41, units: 2, epochs: 1, learningRate: 0.01, seed: 1 })).toThrow(/no training windows/);
  });

  it("words the verdict honestly, with ties", () => {
    const make = (lt: number, lv: number, mt: number, mv: number): LstmComparison =>
      ({
        validationSamples: 10,
        lstm: { finalTrain: lt, finalValidation: lv, diverged: null },
        mlp: { finalTrain: mt, finalValidation: mv, diverged: null },
      }) as unknown as LstmComparison; // only the fields verdict reads
    expect(verdict(make(0.001, 0.009, 0.0025, 0.0072))).toBe("The LSTM fits its training samples more closely, but the MLP predicts the 10 held-out hours better.");
    expect(verdict(make(0.001, 0.005, 0.0025, 0.0072))).toBe("The LSTM fits its training samples more closely and also predicts the 10 held-out hours better.");
    expect(verdict(make(0.001, 0.0051, 0.0025, 0.0053))).toMatch(/a tie\.$/);
  });
});
