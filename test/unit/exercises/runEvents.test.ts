import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lastRun, publishRun, RUN_EVENT, subscribeRuns, toWidgetRun, type WidgetRun } from "../../../src/widgets/lib/runEvents";

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
    const stop = subscribeRuns((run) => runs.push(run), "batch-lab");
    publishRun("batch-lab", { batchSize: 8, iterationsPerEpoch: 7 });
    expect(runs).toEqual([{ widget: "batch-lab", values: { batchSize: 8, iterationsPerEpoch: 7 } }]);
    stop();
    publishRun("batch-lab", { batchSize: 8, iterationsPerEpoch: 7 });
    expect(runs).toHaveLength(1);
  });

  it("runs of other widgets are filtered out; no filter hears every widget", () => {
    const mine: string[] = [];
    const all: string[] = [];
    const stopMine = subscribeRuns((run) => mine.push(run.widget), "batch-lab");
    const stopAll = subscribeRuns((run) => all.push(run.widget));
    publishRun("landscape", { loss: 0.1 });
    publishRun("batch-lab", { loss: 0.2 });
    expect(mine).toEqual(["batch-lab"]);
    expect(all).toEqual(["landscape", "batch-lab"]);
    stopMine();
    stopAll();
  });

  it("malformed events are ignored and non-finite values dropped", () => {
    const runs: WidgetRun[] = [];
    const stop = subscribeRuns((run) => runs.push(run));
    window.dispatchEvent(new CustomEvent(RUN_EVENT, { detail: { widget: 3 } }));
    window.dispatchEvent(new CustomEvent(RUN_EVENT, { detail: null }));
    publishRun("lab", { loss: Number.NaN, steps: 7, rate: Infinity });
    expect(runs).toEqual([{ widget: "lab", values: { steps: 7 } }]);
    stop();
  });

  it("the latest run per widget is remembered", () => {
    publishRun("stepper", { updates: 20 });
    publishRun("stepper", { updates: 21 });
    expect(lastRun("stepper")).toEqual({ widget: "stepper", values: { updates: 21 } });
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
    expect(() => publishRun("w", { a: 1 })).not.toThrow();
    stop();
  });
});
