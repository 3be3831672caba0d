import { describe, expect, it } from "vitest";
import { fullLoss } from "../../../src/engine/train";
import { lossGrid, sgdPath, twoWeightMinimum, TWO_WEIGHT_MODEL } from "../../../src/engine/landscape";
import type { Dataset } from "../../../src/engine/train";
import { greenhouse } from "./fixtures";

/** The first two greenhouse features, target unchanged: a two-weight linear problem. */
function twoFeatures(): Dataset {
  const d = greenhouse();
  const x = new Float64Array(d.n * 2);
  for (let i = 0; i < d.n; i++) {
    x[2 * i] = d.x[3 * i]!;
    x[2 * i + 1] = d.x[3 * i + 1]!;
  }
  return { n: d.n, features: 2, x, y: d.y };
}

describe("loss landscape of the two-weight model", () => {
  const data = twoFeatures();

  it("the grid holds fullLoss at every (a, b) with the bias at 0, and its min and max", () => {
    const g = lossGrid({ data, aRange: [-2, 2], bRange: [-1, 3], steps: 11 });
    expect(g.grid.length).toBe(121);
    expect(g.aValues[10]).toBe(2);
    expect(g.grid[3 * 11 + 7]).toBe(fullLoss(TWO_WEIGHT_MODEL, data, Float64Array.from([g.aValues[7]!, g.bValues[3]!, 0])));
    expect(g.min).toBe(Math.min(...g.grid));
    expect(g.max).toBe(Math.max(...g.grid));
  });

  it("records the start and every update: B = 1, 5, 50 over 4 epochs make 200, 40 and 4 steps", () => {
    for (const [batchSize, steps] of [[1, 200], [5, 40], [50, 4]] as const) {
      const p = sgdPath({ data, start: [-1.5, 2], batchSize, epochs: 4, learningRate: 0.05, seed: 1, shuffle: true });
      expect(p.a.length).toBe(steps + 1);
      expect(p.a[0]).toBe(-1.5);
      expect(p.b[0]).toBe(2);
      expect(p.loss[steps]!).toBeLessThan(p.loss[0]!);
      expect(p.loss[0]).toBe(fullLoss(TWO_WEIGHT_MODEL, data, Float64Array.from([-1.5, 2, 0])));
    }
  });

  it("full-batch SGD moves by −lr times the full gradient", () => {
    const p = sgdPath({ data, start: [0, 0], batchSize: 50, epochs: 1, learningRate: 0.1, seed: 1, shuffle: false });
    // ∂L/∂a = (2/N) Σ (a x₁ + b x₂ − y) x₁ = −(2/N) Σ y x₁ at a = b = 0.
    let ga = 0;
    for (let i = 0; i < 50; i++) ga += (-2 / 50) * data.y[i]! * data.x[2 * i]!;
    expect(p.a[1]).toBeCloseTo(-0.1 * ga, 14);
  });

  it("the exact minimum solves the normal equations: the gradient there is zero and every grid point is higher", () => {
    const floor = twoWeightMinimum(data);
    // Full-batch gradient of the MSE at the floor, by the formula (2/N)·Xᵀ(Xw − y).
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < data.n; i++) {
      const r = floor.a * data.x[2 * i]! + floor.b * data.x[2 * i + 1]! - data.y[i]!;
      g1 += (2 / data.n) * r * data.x[2 * i]!;
      g2 += (2 / data.n) * r * data.x[2 * i + 1]!;
    }
    expect(Math.abs(g1)).toBeLessThan(1e-9);
    expect(Math.abs(g2)).toBeLessThan(1e-9);
    expect(floor.loss).toBe(fullLoss(TWO_WEIGHT_MODEL, data, Float64Array.from([floor.a, floor.b, 0])));
    const g = lossGrid({ data, aRange: [floor.a - 1, floor.a + 1], bRange: [floor.b - 1, floor.b + 1], steps: 10 });
    expect(g.min).toBeGreaterThan(floor.loss);
  });

  it("refuses two identical inputs: their bowl has a valley floor, not a point", () => {
    const x = new Float64Array(2 * data.n);
    for (let i = 0; i < data.n; i++) x[2 * i] = x[2 * i + 1] = data.x[2 * i]!;
    expect(() => twoWeightMinimum({ ...data, x })).toThrow(/collinear/);
  });
});
