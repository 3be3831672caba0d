import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetRunValues } from "../../../src/course/widgetRuns";
import { lastRun, publishRun, RUN_EVENT, subscribeRuns, toWidgetRun, type WidgetRun } from "../../../src/widgets/lib/runEvents";

/** One window-explorer run: windows of 5 over 50 rows, batch 8, 8 units. */
const windows: WidgetRunValues<"window-explorer"> = {
  timesteps: 5,
  windows: 46,
  window: 1,
  targetRow: 5,
  batchSize: 8,
  units: 8,
  kerasParameters: 384,
  pytorchParameters: 416,
};
const landscape: WidgetRunValues<"loss-landscape"> = {
  epochs: 5,
  learningRate: 0.1,
  startW1: 2,
  startW2: -1.5,
  updatesB1: 250,
  lossB1: 0.05,
  updatesB5: 50,
  lossB5: 0.1,
  updatesB50: 5,
  lossB50: 0.7,
};

describe("runEvents", () => {
  beforeEach(() => {
    // Node has EventTarget and CustomEvent; a bare EventTarget stands in for `window`.
    vi.stubGlobal("window", new EventTarget());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("a published run reaches a subscriber of that widget", () => {
    const runs: WidgetRun[] = [];
    const stop = subscribeRuns((run) => runs.push(run), "window-explorer");
    publishRun("window-explorer", windows);
    expect(runs).toEqual([{ widget: "window-explorer", values: windows }]);
    stop();
    publishRun("window-explorer", windows);
    expect(runs).toHaveLength(1);
  });

  it("runs of other widgets are filtered out; no filter hears every widget", () => {
    const mine: string[] = [];
    const all: string[] = [];
    const stopMine = subscribeRuns((run) => mine.push(run.widget), "window-explorer");
    const stopAll = subscribeRuns((run) => all.push(run.widget));
    publishRun("loss-landscape", landscape);
    publishRun("window-explorer", windows);
    expect(mine).toEqual(["window-explorer"]);
    expect(all).toEqual(["loss-landscape", "window-explorer"]);
    stopMine();
    stopAll();
  });

  it("malformed events are ignored and non-finite values dropped", () => {
    const runs: WidgetRun[] = [];
    const stop = subscribeRuns((run) => runs.push(run));
    window.dispatchEvent(new CustomEvent(RUN_EVENT, { detail: { widget: 3 } }));
    window.dispatchEvent(new CustomEvent(RUN_EVENT, { detail: null }));
    publishRun("loss-landscape", { ...landscape, lossB1: Number.NaN, lossB50: Infinity });
    const { lossB1: _nan, lossB50: _infinite, ...finite } = landscape;
    expect(runs).toEqual([{ widget: "loss-landscape", values: finite }]);
    stop();
  });

  it("the latest run per widget is remembered", () => {
    publishRun("window-explorer", { ...windows, timesteps: 10, windows: 41 });
    publishRun("window-explorer", windows);
    expect(lastRun("window-explorer")).toEqual({ widget: "window-explorer", values: windows });
  });

  it("toWidgetRun validates", () => {
    expect(toWidgetRun({ widget: "w", values: { a: 1, b: "2" } })).toEqual({ widget: "w", values: { a: 1 } });
    expect(toWidgetRun({ widget: "w" })).toBeNull();
    expect(toWidgetRun("w")).toBeNull();
  });
});

describe("runEvents without a window (server render)", () => {
  it("publishing and subscribing do nothing and do not throw", () => {
    expect(typeof window).toBe("undefined");
    const stop = subscribeRuns(() => {});
    expect(() => publishRun("window-explorer", windows)).not.toThrow();
    stop();
  });
});
