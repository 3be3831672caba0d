import { describe, expect, it } from "vitest";
import { makeWindows, standardise } from "../../../src/engine";
import { greenhouseTable } from "../../../src/course/data";
import { VALIDATION_WINDOWS, type LstmComparison } from "../../../src/course/lstm";
import { lstmComparison, sliceSamples } from "../../../src/course/lstmComparison";
import { verdict } from "../../../src/widgets/LstmTrainer/verdict";

const greenhouse = greenhouseTable();

describe("the LSTM-against-MLP comparison", () => {
  it("both models predict the same hours: the MLP's rows are the windows' target rows", () => {
    const standard = standardise(greenhouse).dataset;
    const windows = makeWindows(standard, 5);
    const rows = sliceSamples(standard, 4, 50);
    expect(rows.n).toBe(windows.n);
    expect([...rows.y]).toEqual([...windows.y]);
    // A row sample is the last time step of its window.
    expect([...rows.x.subarray(0, 3)]).toEqual([...windows.x.subarray(12, 15)]);
  });

  it("holds out the last 10 windows and trains both to finite losses", () => {
    const result = lstmComparison({ timesteps: 5, units: 4, epochs: 5, learningRate: 0.02, seed: 1 });
    expect(result.windows).toBe(46);
    expect(result.trainSamples).toBe(46 - VALIDATION_WINDOWS);
    expect(result.lstm.parameters).toBe(4 * (4 * (3 + 4) + 4) + 5);
    expect(result.mlp.parameters).toBe(41);
    for (const run of [result.lstm, result.mlp]) {
      expect(run.trainCurve).toHaveLength(6);
      expect(run.validationCurve).toHaveLength(6);
      expect(Number.isFinite(run.finalTrain) && Number.isFinite(run.finalValidation)).toBe(true);
      expect(run.updates).toBe(5 * 5); // ⌈36/8⌉ = 5 updates per epoch
      expect(run.finalTrain).toBeLessThan(run.trainCurve[0]!);
    }
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
