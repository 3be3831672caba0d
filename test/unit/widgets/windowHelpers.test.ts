import { describe, expect, it } from "vitest";
import { makeWindows } from "../../../src/engine";
import { greenhouseTable } from "../../../src/course/data";
import { formatShape, lstmCounts, windowBatches, windowCover, windowFormula } from "../../../src/widgets/WindowExplorer/windowHelpers";

const greenhouse = greenhouseTable();

describe("the window explorer", () => {
  it("window 1 of length 5 covers rows 1–5 and predicts row 5; window 46 is the last", () => {
    expect(windowCover(1, 5)).toEqual({ first: 1, last: 5, targetRow: 5 });
    expect(windowCover(7, 5)).toEqual({ first: 7, last: 11, targetRow: 11 });
    expect(windowCover(46, 5)).toEqual({ first: 46, last: 50, targetRow: 50 });
    // The engine's windows agree: window 1's target is row 5's water use.
    expect(makeWindows(greenhouse, 5).y[0]).toBe(greenhouse.y[4]);
  });

  it("writes the count as N − T + 1", () => {
    expect(windowFormula(50, 5)).toBe("50 − 5 + 1 = 46 windows");
    expect(windowFormula(50, 50)).toBe("50 − 50 + 1 = 1 window");
    expect(() => windowFormula(50, 51)).toThrow(RangeError);
  });

  it("writes shapes as Python tuples", () => {
    expect(formatShape([8, 5, 3])).toBe("(8, 5, 3)");
    expect(formatShape([null, 5, 3])).toBe("(None, 5, 3)");
    expect(formatShape([3])).toBe("(3,)");
  });

  it("46 windows in batches of 8 make 6 batches, the last of 6", () => {
    expect(windowBatches(46, 8)).toEqual({ batches: 6, lastBatch: 6 });
  });

  it("counts LSTM(8) on 3 features as 384 in Keras and 416 in PyTorch, plus a head of 9", () => {
    const keras = lstmCounts(3, 8, 5, 8, "keras");
    const torch = lstmCounts(3, 8, 5, 8, "pytorch");
    expect([keras.lstm, keras.head, keras.total]).toEqual([384, 9, 393]);
    expect([torch.lstm, torch.head, torch.total]).toEqual([416, 9, 425]);
    expect(keras.tensors.map((t) => formatShape(t.shape))).toEqual(["(3, 32)", "(8, 32)", "(32,)", "(8, 1)", "(1,)"]);
    // Neither the window length nor the batch size changes a count.
    expect(lstmCounts(3, 8, 20, 1, "keras").total).toBe(393);
  });
});
