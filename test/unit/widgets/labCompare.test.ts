import { describe, expect, it } from "vitest";
import { GREENHOUSE_DATA } from "../../../src/widgets/BatchSizeLab/dataSource";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";
import { runLab, sweepRow } from "../../../src/course/lab";
import { perUpdateSeries, runSettings } from "../../../src/widgets/BatchSizeLab/labRun";
import { curveStride, lossAfterEachUpdate } from "../../../src/widgets/BatchSizeLab/updateLoss";
import { summariseSeeds, sweepSeeds } from "../../../src/widgets/BatchSizeLab/sweepSeeds";
import { createModel } from "../../../src/engine/model";
import { linkWidth, networkLayout } from "../../../src/widgets/lib/networkLayout";

const base = runSettings({ ...DEFAULT_STATE });
const data = GREENHOUSE_DATA.dataset;

describe("a pinned run keeps the full-dataset loss after every update", () => {
  it("batch 1 for 20 epochs: 1000 losses, the 50th equal to the loss after epoch 1", () => {
    const settings = { ...base, batchSize: 1 };
    const curve = lossAfterEachUpdate(settings, data);
    const run = runLab(settings, data);
    expect(curve.stride).toBe(1);
    expect(curve.losses).toHaveLength(1000);
    expect(curve.losses[49]).toBe(run.epochFullLoss[0]);
    expect(curve.losses[999]).toBe(run.finalLoss);
    const points = perUpdateSeries(run, curve.losses, "iteration");
    expect(points[0]).toEqual({ x: 1, y: curve.losses[0] });
    expect(points[999]!.x).toBe(1000);
  });

  it("full batch: 20 losses, one per update, at 50, 100, … samples", () => {
    const settings = { ...base, batchSize: 50 };
    const run = runLab(settings, data);
    const curve = lossAfterEachUpdate(settings, data);
    expect(Array.from(curve.losses)).toEqual(Array.from(run.epochFullLoss));
    expect(perUpdateSeries(run, curve.losses, "samples").slice(0, 3).map((p) => p.x)).toEqual([50, 100, 150]);
  });

  it("thins only very long curves on large data", () => {
    expect(curveStride(5000, 50)).toBe(1);
    expect(curveStride(15_000, 6000)).toBe(45);
  });
});

describe("the sweep's seeds", () => {
  it("uses the reader's seed and the next four, wrapping past the largest", () => {
    expect(sweepSeeds(1)).toEqual([1, 2, 3, 4, 5]);
    expect(sweepSeeds(999_998)).toEqual([999_998, 999_999, 0, 1, 2]);
  });

  it("summarises a batch size by the mean, lowest and highest final loss of its seeds", () => {
    const rows = sweepSeeds(1).map((seed) => sweepRow({ ...base, seed }, data, 10));
    const point = summariseSeeds(rows);
    const losses = rows.map((r) => r.finalLoss);
    expect(point).toMatchObject({ batchSize: 10, iterationsPerEpoch: 5, updates: 100, diverged: 0 });
    expect(point.mean).toBeCloseTo(losses.reduce((a, b) => a + b, 0) / 5, 15);
    expect(point.min).toBe(Math.min(...losses));
    expect(point.max).toBe(Math.max(...losses));
    expect(point.max).toBeGreaterThan(point.min);
  });

  it("leaves diverged seeds out of the mean and counts them", () => {
    const ok = { batchSize: 4, iterationsPerEpoch: 13, updates: 260, finalLoss: 0.2, diverged: false };
    const bad = { batchSize: 4, iterationsPerEpoch: 13, updates: 31, finalLoss: Number.NaN, diverged: true };
    expect(summariseSeeds([bad, ok, { ...ok, finalLoss: 0.4 }])).toMatchObject({ mean: 0.30000000000000004, min: 0.2, max: 0.4, updates: 260, diverged: 1 });
    expect(() => summariseSeeds([ok, { ...ok, batchSize: 5 }])).toThrow(RangeError);
  });
});

describe("the network drawing", () => {
  const spec = { inputSize: 3, layers: [{ kind: "dense" as const, units: 8, activation: "tanh" as const }, { kind: "dense" as const, units: 1, activation: "linear" as const }] };
  const model = createModel(spec, 1);
  const box = { width: 300, height: 240, left: 80, right: 60, pad: 20, maxGap: 40 };

  it("draws 3 inputs, 8 hidden units and 1 output with one link per weight: 24 + 8 = 32", () => {
    const weights = model.getWeights();
    const layout = networkLayout(model.parameters(), weights, box);
    expect(layout.columns).toEqual([3, 8, 1]);
    expect(layout.nodes).toHaveLength(12);
    expect(layout.links).toHaveLength(32);
    // W^(1)[2, 5] (row 2, unit 5; 0-based 1, 4) is kernel element 1·8 + 4.
    const link = layout.links.find((l) => l.layer === 1 && l.from.index === 1 && l.to.index === 4)!;
    expect(link.weight).toBe(weights[12]);
    const out = layout.links.find((l) => l.layer === 2 && l.from.index === 7)!;
    expect(out.weight).toBe(weights[32 + 7]);
    expect(layout.nodes.find((n) => n.column === 1 && n.index === 3)!.bias).toBe(weights[24 + 3]);
  });

  it("places columns from the label margins and spreads the tallest column over the height", () => {
    const layout = networkLayout(model.parameters(), model.getWeights(), box);
    const hidden = layout.nodes.filter((n) => n.column === 1);
    expect(layout.nodes.filter((n) => n.column === 0).map((n) => n.x)).toEqual([80, 80, 80]);
    expect(hidden[0]!.x).toBe(160);
    expect(layout.nodes.find((n) => n.column === 2)!).toMatchObject({ x: 240, y: 120 });
    expect(hidden[0]!.y).toBe(20);
    expect(hidden[7]!.y).toBe(220);
  });

  it("widens links with |w| on a fixed scale", () => {
    expect(linkWidth(0)).toBe(0.6);
    expect(linkWidth(-1)).toBe(3.1);
    expect(linkWidth(10)).toBe(7);
    expect(linkWidth(Number.NaN)).toBe(7);
  });
});
